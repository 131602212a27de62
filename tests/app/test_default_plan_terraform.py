"""The AWS stack of the default plan against the real provider: init, validate, offline plan."""

from __future__ import annotations

import json

from tests.tfmirror import Terraform, planned_resources, requires

from .conftest import ENV, run_main, scratch_project

pytestmark = requires("hashicorp/aws")


def test_default_aws_stack_validates_and_plans_offline(tmp_path):
    project = scratch_project(tmp_path / "offline")
    r = run_main(project, env=dict(ENV, DUALSTACK_AWS_OFFLINE="1"))
    assert r.returncode == 0, r.stderr
    tf = Terraform(project / "cdktf.out" / "stacks" / "aws-poc")
    tf.init()
    tf.validate()
    plan = tf.plan_json()
    res = planned_resources(plan)
    vpcs = [v for k, v in res.items() if k.startswith("aws_vpc.")]
    assert len(vpcs) == 1 and vpcs[0]["values"]["assign_generated_ipv6_cidr_block"] is True
    enis = {k: v for k, v in res.items() if k.startswith("aws_network_interface.")}
    assert sorted(enis) == [f'aws_network_interface.node["node-{i}"]' for i in (1, 2, 3)]
    subnets = [v["values"] for k, v in res.items() if k.startswith("aws_subnet.")]
    native = [s for s in subnets if s.get("ipv6_native")]
    assert len(native) == 3 and all(s["enable_dns64"] for s in native)
    lock = json.loads((project / "ipam.lock.json").read_text())
    assert all(f"aws-poc/vm/node-{i}" in lock["allocations"] for i in (1, 2, 3))
