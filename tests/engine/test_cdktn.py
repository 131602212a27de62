"""The default plan synthesized under CDK Terrain gives the stacks cdktf gives.

cdktf 0.20.12 (the project's ``.venv``) runs ``main.py`` on a scratch copy of ``plan.yaml`` and
``ipam.lock.json``; CDK Terrain runs the same copy through its own CLI (``cdktn synth``, which
reads ``cdktf.json`` and sets ``CDKTF_OUTDIR`` as cdktf's does) with ``DUALSTACK_ENGINE=cdktn``
in ``.venv-cdktn``, where cdktf is not installed at all. Every stack must come out the same:
resources, data sources, outputs, backends, variables, providers and their version ranges. Only
the ``//`` metadata blocks may differ (they name the engine and its version), and they are the
only thing stripped. The Kubernetes renderings, the review and the lock must be byte-identical.

Skipped, with the reason, only when PyPI or the npm registry cannot be reached to build
``.venv-cdktn`` (first run: a few minutes; later runs reuse it).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import in_ci

from . import cdktn_env

ROOT = cdktn_env.ROOT
ENV = {k: v for k, v in os.environ.items() if not k.startswith("CDKTF_")}
ENV.update(CHECKPOINT_DISABLE="1", JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CI="1", FORCE_COLOR="0",
           DISABLE_VERSION_CHECK="1")


@pytest.fixture(scope="module")
def cdktn():
    try:
        cdktn_env.ensure()
    except cdktn_env.Unreachable as e:
        if in_ci():  # .ci/run's machines reach PyPI and npm: the comparison must run there
            pytest.fail(f"CDK Terrain comparison cannot run in CI: {e}")
        pytest.skip(f"CDK Terrain comparison skipped: {e}")
    return cdktn_env


def scratch(dst: Path, app: str) -> Path:
    dst.mkdir(parents=True)
    for name in ("plan.yaml", "ipam.lock.json", "main.py", "cdktf.json"):
        shutil.copy(ROOT / name, dst / name)
    cfg = json.loads((dst / "cdktf.json").read_text())
    cfg["app"] = app
    (dst / "cdktf.json").write_text(json.dumps(cfg))
    return dst


def without_metadata(doc):
    if isinstance(doc, dict):
        return {k: without_metadata(v) for k, v in doc.items() if k != "//"}
    if isinstance(doc, list):
        return [without_metadata(v) for v in doc]
    return doc


def stacks(project: Path) -> dict[str, dict]:
    base = project / "cdktf.out" / "stacks"
    return {p.name: json.loads((p / "cdk.tf.json").read_text()) for p in sorted(base.iterdir())}


@pytest.fixture(scope="module")
def both(cdktn, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engines")
    ours = scratch(tmp / "cdktf", f"{sys.executable} main.py")
    r = subprocess.run([sys.executable, "main.py"], cwd=ours, env={**ENV, "DUALSTACK_ENGINE": "cdktf"},
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    theirs = scratch(tmp / "cdktn", f"{cdktn.python()} main.py")
    r = subprocess.run([str(cdktn.cli()), "synth"], cwd=theirs, env=cdktn.cli_env({**ENV, "DUALSTACK_ENGINE": "cdktn"}),
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return ours, theirs


def test_the_cdktn_environment_has_no_cdktf(cdktn):
    code = ("import importlib.util, sys; "
            "assert importlib.util.find_spec('cdktf') is None, 'cdktf is installed'; "
            "assert importlib.util.find_spec('cdktf_cdktf_provider_openstack') is None; "
            "from constructs_lib import engine; print(engine.engine_name())")
    r = subprocess.run([str(cdktn.python()), "-c", code], env=ENV, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "cdktn", "auto picks CDK Terrain when cdktf is absent"


def test_each_engine_wrote_its_own_metadata(both):
    ours, theirs = both
    for name, doc in stacks(ours).items():
        assert doc["//"]["metadata"]["version"] == "0.20.12", name
    for name, doc in stacks(theirs).items():
        assert doc["//"]["metadata"]["version"] == "0.24.0", name


def test_same_stacks_under_both_engines(both):
    ours, theirs = both
    a, b = stacks(ours), stacks(theirs)
    assert sorted(a) == sorted(b) == ["aws-poc", "os-fra"]
    for name in a:
        left, right = without_metadata(a[name]), without_metadata(b[name])
        for part in ("resource", "data", "output", "variable", "provider"):
            assert left.get(part) == right.get(part), f"{name}: {part} differs"
        assert left["terraform"] == right["terraform"], f"{name}: backend or required_providers differ"
        assert left == right, f"{name}: differs beyond its // metadata"


def test_renderings_review_and_lock_are_byte_identical(both):
    ours, theirs = both
    for sub in ("kubernetes", "review"):
        cmp = filecmp.dircmp(ours / "cdktf.out" / sub, theirs / "cdktf.out" / sub)

        def same(c: filecmp.dircmp) -> bool:
            _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
            return not (mismatch or errors or c.left_only or c.right_only) and all(same(s) for s in c.subdirs.values())

        assert same(cmp), sub
    assert (ours / "ipam.lock.json").read_bytes() == (theirs / "ipam.lock.json").read_bytes() == (ROOT / "ipam.lock.json").read_bytes()
