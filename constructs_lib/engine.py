"""The one door to the CDK engine: every cdktf name the project uses comes from here.

Two engines synthesize the same JSON: HashiCorp's ``cdktf`` 0.20.12 (archived 2025-12-10, the
default) and its community fork CDK Terrain, ``cdktn`` 0.24 (``pip install -e '.[cdktn]'``).
``DUALSTACK_ENGINE`` picks one: ``cdktf``, ``cdktn``, or ``auto`` (the default: cdktf when it
is installed, else cdktn). Nothing is imported until a name is first used, so the pure layers
(allocator, plan file, ``dualstack plan``) never start jsii.

    from constructs_lib.engine import App, TerraformStack
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import TYPE_CHECKING, Any

ENGINE_ENV = "DUALSTACK_ENGINE"
ENGINES = ("cdktf", "cdktn")

#: names taken from the engine module; ``Construct`` comes from ``constructs`` (shared by both)
_NAMES = (
    "App", "Fn", "LocalBackend", "TerraformElement", "TerraformOutput", "TerraformProvider",
    "TerraformProviderGeneratorMetadata", "TerraformResource", "TerraformStack", "TerraformVariable", "Testing",
)

_module: ModuleType | None = None


class EngineError(ImportError):
    """No usable engine: the one named in ``DUALSTACK_ENGINE`` is not installed, or none is."""


def engine_name() -> str:
    """The engine that ``DUALSTACK_ENGINE`` selects (imports it to find out, for ``auto``)."""
    return _engine().__name__


def _engine() -> ModuleType:
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
        from constructs import Construct

        return Construct
    if name in _NAMES:
        return getattr(_engine(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover
    from cdktf import (  # noqa: F401
        App, Fn, LocalBackend, TerraformElement, TerraformOutput, TerraformProvider, TerraformProviderGeneratorMetadata,
        TerraformResource, TerraformStack, TerraformVariable, Testing,
    )
    from constructs import Construct  # noqa: F401

__all__ = ["Construct", "ENGINE_ENV", "EngineError", "engine_name", *_NAMES]
