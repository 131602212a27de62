"""Neutron's own virtualenv (``.venv-neutron/`` at the repository root), built once and reused.

Neutron's dozens of dependencies (oslo.*, SQLAlchemy, eventlet, ...) never mix with the project's:
they live in a virtualenv of their own, which the test server runs from. Building it costs one
``pip install neutron`` (about two minutes on two cores). An exclusive ``flock`` on a lock file
beside it lets two pytest processes (or ``python -m tests.neutron.neutron_env`` and a test run)
ask for it at once: the first builds, the others wait and reuse. A build that was killed leaves
no completion marker, so the next caller rebuilds from scratch instead of trusting a half venv.

    python -m tests.neutron.neutron_env      # build (or confirm) .venv-neutron/, print its python
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("DUALSTACK_NEUTRON_VENV", ROOT / ".venv-neutron"))
#: what the server needs: Neutron's release of issue 10 (it pulls neutron-lib 5.0.1)
REQUIREMENTS = ("neutron==29.0.0",)
#: written last: its presence (with the same requirements) means the venv is whole
MARKER = ".dualstack-complete"
LOCK = ".dualstack-build.lock"


class NeutronEnvUnavailable(RuntimeError):
    """The virtualenv cannot be built here (no ``venv`` module, or PyPI unreachable)."""


def python() -> Path:
    return VENV / "bin" / "python"


def is_complete() -> bool:
    marker = VENV / MARKER
    return python().exists() and marker.exists() and marker.read_text() == "\n".join(REQUIREMENTS) + "\n"


def ensure(log=print) -> Path:
    """The venv's python, building the venv first if it is missing or incomplete."""
    if is_complete():
        return python()
    VENV.mkdir(parents=True, exist_ok=True)
    # the lock lives inside the (git-ignored) venv folder and survives a rebuild of the rest
    with open(VENV / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it right now
        if is_complete():
            return python()
        _build(log)
    return python()


def _clear() -> None:
    """Everything of a killed or outdated build except the lock file another process may hold."""
    for entry in VENV.iterdir():
        if entry.name == LOCK:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _build(log) -> None:
    _clear()  # a killed build: start over rather than trust part of it
    t0 = time.monotonic()
    log(f"neutron_env: building {VENV} ({', '.join(REQUIREMENTS)}); this takes about two minutes once")
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
    if made.returncode != 0:
        raise NeutronEnvUnavailable(f"python -m venv {VENV} failed: {made.stderr.strip() or made.stdout.strip()}")
    pip = [str(python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    done = subprocess.run([*pip, *REQUIREMENTS], capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        _clear()
        raise NeutronEnvUnavailable(f"pip install {' '.join(REQUIREMENTS)} failed (exit {done.returncode}):\n{tail}")
    (VENV / MARKER).write_text("\n".join(REQUIREMENTS) + "\n")
    log(f"neutron_env: built {VENV} in {time.monotonic() - t0:.0f} s")


if __name__ == "__main__":
    try:
        print(ensure(log=lambda m: print(m, file=sys.stderr)))
    except NeutronEnvUnavailable as e:
        print(f"neutron_env: {e}", file=sys.stderr)
        sys.exit(2)
