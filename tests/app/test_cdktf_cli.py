"""The real cdktf CLI (package.json pins cdktf-cli@0.20.12) runs the app offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.tfmirror import Terraform, missing_reason

from .conftest import ENV, ROOT, scratch_project

CDKTF = ROOT / "node_modules" / ".bin" / "cdktf"


@pytest.mark.skipif(not CDKTF.exists(), reason="cdktf CLI not installed: run `npm ci` (make test does)")
def test_cdktf_synth_json_and_hcl(tmp_path):
    project = scratch_project(tmp_path / "cli")
    cfg = json.loads((project / "cdktf.json").read_text())
    cfg["app"] = f"{sys.executable} main.py"  # the project's environment, wherever this checkout is
    (project / "cdktf.json").write_text(json.dumps(cfg))
    env = dict(ENV, CHECKPOINT_DISABLE="1", CI="1", FORCE_COLOR="0", DISABLE_VERSION_CHECK="1")
    r = subprocess.run([str(CDKTF), "synth"], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    synthesized = json.loads((project / "cdktf.out" / "stacks" / "os-fra" / "cdk.tf.json").read_text())
    ours = json.loads((ROOT / "ipam.lock.json").read_text())
    assert "openstack_networking_subnet_v2" in synthesized["resource"]
    assert (project / "cdktf.out" / "kubernetes" / "poc" / "cilium" / "values.yaml").exists()
    assert json.loads((project / "ipam.lock.json").read_text()) == ours  # the committed lock is current
    shutil.rmtree(project / "cdktf.out")
    r = subprocess.run([str(CDKTF), "synth", "--hcl"], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    hcl = (project / "cdktf.out" / "stacks" / "aws-poc" / "cdk.tf").read_text()
    assert 'resource "aws_vpc" "aws_poc" {\n  assign_generated_ipv6_cidr_block = true' in hcl  # bodies, not empty blocks
    assert "ipv6_native" in hcl and "enable_dns64" in hcl
    if missing_reason("hashicorp/aws") is None:  # the HCL is valid Terraform, not just text
        tf = Terraform(project / "cdktf.out" / "stacks" / "aws-poc")
        tf.init()
        tf.validate()
