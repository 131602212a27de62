"""Shared fixtures: the default plan synthesized once in a scratch copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CHECKPOINT_DISABLE="1")
ENV.pop("CDKTF_OUTDIR", None)


def scratch_project(dst: Path) -> Path:
    """The plan, its lock and the app entry point, as a user's checkout has them."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("plan.yaml", "ipam.lock.json", "main.py", "cdktf.json"):
        shutil.copy(ROOT / name, dst / name)
    return dst


def run_main(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(cwd / "main.py"), *args], cwd=cwd, env=env or ENV,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def default_synth(tmp_path_factory) -> Path:
    """``python main.py`` on the default plan and the committed lock."""
    project = scratch_project(tmp_path_factory.mktemp("default"))
    r = run_main(project)
    assert r.returncode == 0, r.stderr
    return project
