"""The one door to the CDK engine: every cdktf name the project uses comes from here.

Two engines synthesize the same JSON: HashiCorp's ``cdktf`` 0.20.12 (archived 2025-12-10, the
default) and its community fork CDK Terrain, ``cdktn`` 0.24 (``pip install -e '.[cdktn]'``).
``DUALSTACK_ENGINE`` picks one: ``cdktf``, ``cdktn``, or ``auto`` (the default: cdktf when it
is installed, else cdktn). Nothing is imported until a name is first used, so the pure layers
(allocator, plan file, ``dualstack plan``) never start jsii.

    from constructs_lib.engine import App, TerraformStack

Loading an engine costs most of an empty app's synth (about 0.9 s: the jsii kernel starts a
node process and loads the engine's assembly), and most of that is spent waiting on node.
``preload()`` starts it on a background thread, so a caller that plans in pure Python first
(the app) overlaps the two; the first engine name then waits for the load to finish.
"""

from __future__ import annotations

import importlib
import os
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import DualstackError

ENGINE_ENV = "DUALSTACK_ENGINE"
ENGINES = ("cdktf", "cdktn")

#: names taken from the engine module; ``Construct`` comes from ``constructs`` (shared by both)
_NAMES = (
    "App", "Fn", "LocalBackend", "TerraformDataSource", "TerraformElement", "TerraformOutput", "TerraformProvider",
    "TerraformProviderGeneratorMetadata", "TerraformResource", "TerraformStack", "TerraformVariable", "Testing", "Token",
)

_module: ModuleType | None = None
_lock = threading.Lock()  # held for the whole load
_start_lock = threading.Lock()
_preload: threading.Thread | None = None
_preload_error: BaseException | None = None


class EngineError(DualstackError, ImportError):
    """No usable engine: the one named in ``DUALSTACK_ENGINE`` is not installed, or none is."""


def engine_name() -> str:
    """The engine that ``DUALSTACK_ENGINE`` selects (imports it to find out, for ``auto``)."""
    return _engine().__name__


def preload() -> None:
    """Start loading the engine on a daemon thread (idempotent; errors surface on first use).

    Returns once jsii's own Python import is done (about 0.15 s): that part is CPU-bound, and
    running the caller's imports beside it would halve both, on one interpreter lock. What follows
    (node starting, the assemblies loading) waits on node, which is when the caller's work runs.

    jsii's kernel connection is not thread-safe: until the load is done nothing else may use jsii,
    which holds here because every cdktf and constructs name comes through this module and waits.
    """
    global _preload
    with _start_lock:
        if _module is not None or _preload is not None:
            return
        _preload = threading.Thread(target=_preload_run, name="dualstack-engine-preload", daemon=True)
        _preload.start()
    _jsii_imported.wait(timeout=5)  # bounded: a slow machine only loses the overlap


#: set by the preload thread once ``import jsii`` is done (or failed)
_jsii_imported = threading.Event()


def _preload_run() -> None:
    global _preload_error
    try:
        try:
            import jsii  # noqa: F401  (both engines run on it)
        except ImportError:
            pass  # reported by _load, with the engine's name
        finally:
            _jsii_imported.set()
        _engine()
        import constructs  # noqa: F401  (the engine imports it too; make the Construct name free)
    except BaseException as e:  # reported to the first caller of an engine name, never lost
        _preload_error = e


def _engine() -> ModuleType:
    if _module is not None:
        return _module
    thread = _preload
    if thread is not None and thread is not threading.current_thread():
        thread.join()
        if _module is not None:
            return _module
        if _preload_error is not None and not isinstance(_preload_error, ImportError):
            raise _preload_error
    with _lock:
        return _load()


def _load() -> ModuleType:
    global _module
    if _module is not None:
        return _module
    # jsii prints an end-of-life banner for Node 20 on every start: keep it out of the output
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
    want = os.environ.get(ENGINE_ENV, "auto").strip().lower() or "auto"
    if want not in (*ENGINES, "auto"):
        raise EngineError(f"{ENGINE_ENV}: {want!r} is not one of cdktf, cdktn, auto")
    for name in ENGINES if want == "auto" else (want,):
        try:
            _module = importlib.import_module(name)
            return _module
        except ImportError:
            continue
    hint = "pip install -e '.[cdktn]'" if want == "cdktn" else "pip install -e ."
    raise EngineError(f"{ENGINE_ENV}={want}: no CDK engine is installed ({hint})")


def __getattr__(name: str) -> Any:
    if name == "Construct":
        _engine()  # waits for a preload: jsii must not be used from two threads at once
        from constructs import Construct

        return Construct
    if name in _NAMES:
        return getattr(_engine(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover
    from cdktf import (  # noqa: F401
        App, Fn, LocalBackend, TerraformDataSource, TerraformElement, TerraformOutput, TerraformProvider,
        TerraformProviderGeneratorMetadata, TerraformResource, TerraformStack, TerraformVariable, Testing, Token,
    )
    from constructs import Construct  # noqa: F401

__all__ = ["Construct", "ENGINE_ENV", "EngineError", "engine_name", "preload", *_NAMES]
