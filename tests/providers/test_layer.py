"""The shared provider layer: typed values, dynamic blocks, version ranges, and no prebuilt bindings on the synth path."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from constructs_lib.providers import aws_types, openstack_types, versions
from constructs_lib.providers.block import SchemaError
from constructs_lib.providers.openstack_types import (
    OpenstackComputeInstanceV2,
    OpenstackNetworkingPortV2,
    OpenstackNetworkingPortV2AllowedAddressPairs,
    OpenstackNetworkingPortV2FixedIp,
    OpenstackNetworkingSecgroupRuleV2,
)


def test_openstack_values_are_checked_against_the_schema():
    with pytest.raises(SchemaError, match=r"openstack_networking_secgroup_rule_v2.port_range_min: '22' is not a number"):
        OpenstackNetworkingSecgroupRuleV2(direction="ingress", ethertype="IPv4", security_group_id="x", port_range_min="22").to_terraform()
    with pytest.raises(SchemaError, match="openstack_networking_port_v2.network_id: is required"):
        OpenstackNetworkingPortV2(name="p").to_terraform()
    with pytest.raises(SchemaError, match="not a list of strings"):
        OpenstackNetworkingPortV2(network_id="n", security_group_ids="sg-1").to_terraform()
    out = OpenstackNetworkingPortV2(network_id="n", security_group_ids=["b", "a"], fixed_ip=[
        OpenstackNetworkingPortV2FixedIp(subnet_id="s", ip_address="${lookup(each.value, \"ipv4\", null)}")]).to_terraform()
    assert out == {"network_id": "n", "security_group_ids": ["b", "a"],
                   "fixed_ip": [{"subnet_id": "s", "ip_address": '${lookup(each.value, "ipv4", null)}'}]}
    assert OpenstackComputeInstanceV2(name="x", metadata="${each.value.metadata}").to_terraform()["metadata"] == "${each.value.metadata}"


def test_dynamic_blocks_are_checked():
    from constructs_lib.providers.elements import Dynamic

    d = Dynamic(for_each="${each.value.allowed_address_pairs}",
                content=OpenstackNetworkingPortV2AllowedAddressPairs(ip_address="${allowed_address_pairs.value}"))
    assert d.render("openstack_networking_port_v2", "allowed_address_pairs", OpenstackNetworkingPortV2.BLOCKS) == {
        "for_each": "${each.value.allowed_address_pairs}", "content": {"ip_address": "${allowed_address_pairs.value}"}}
    with pytest.raises(SchemaError, match="fixed_ip: content is a OpenstackNetworkingPortV2AllowedAddressPairs"):
        d.render("openstack_networking_port_v2", "fixed_ip", OpenstackNetworkingPortV2.BLOCKS)
    with pytest.raises(SchemaError, match="name: not a nested block"):
        d.render("openstack_networking_port_v2", "name", OpenstackNetworkingPortV2.BLOCKS)
    with pytest.raises(SchemaError, match="must be a"):
        Dynamic(for_each="a list", content=d.content).render("p", "allowed_address_pairs", OpenstackNetworkingPortV2.BLOCKS)


def version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def admits(constraint: str, v: str) -> bool:
    """The subset of Terraform's version constraints our constants use: >=, <, ~> (pessimistic)."""
    ok = True
    for part in constraint.split(","):
        op, want = part.split()
        if op == ">=":
            ok &= version(v) >= version(want)
        elif op == "<":
            ok &= version(v) < version(want)
        elif op == "~>":
            w = version(want)
            upper = w[:-1][:-1] + (w[:-1][-1] + 1,) if len(w) > 1 else (w[0] + 1,)
            ok &= version(want) <= version(v) < upper
        else:
            raise AssertionError(f"operator {op} in {constraint}")
    return ok


def test_each_range_admits_the_schema_its_layer_came_from():
    assert versions.OPENSTACK_PROVIDER_VERSION == "~> 3.0", "a range a user can move within, not 3.0.0 exactly"
    assert admits(versions.OPENSTACK_PROVIDER_VERSION, openstack_types.SCHEMA_PROVIDER_VERSION)
    assert admits(versions.OPENSTACK_PROVIDER_VERSION, "3.4.1") and not admits(versions.OPENSTACK_PROVIDER_VERSION, "4.0.0")
    assert admits(versions.AWS_PROVIDER_VERSION, aws_types.SCHEMA_PROVIDER_VERSION)


def test_provider_blocks_carry_the_range_and_a_user_may_move_it():
    from constructs_lib.engine import TerraformStack, Testing
    from constructs_lib.openstack import OpenStackProvider, OpenstackProviderConfig

    app = Testing.app()
    stack = TerraformStack(app, "p")
    OpenStackProvider(stack, "openstack", OpenstackProviderConfig(cloud="mycloud"))
    doc = json.loads(Testing.synth(stack))
    assert doc["terraform"]["required_providers"]["openstack"] == {
        "source": "terraform-provider-openstack/openstack", "version": "~> 3.0"}
    assert doc["provider"]["openstack"] == [{"cloud": "mycloud"}]
    other = TerraformStack(app, "q")
    OpenStackProvider(other, "openstack", OpenstackProviderConfig(), version=">= 3.0.0, < 3.2.0")
    assert json.loads(Testing.synth(other))["terraform"]["required_providers"]["openstack"]["version"] == ">= 3.0.0, < 3.2.0"


SYNTH_BOTH = """
import sys
from constructs_lib.engine import App
from constructs_lib.ipam import Ipam
from constructs_lib.openstack.cluster_plan import OpenStackClusterSpec
from stacks.aws_ipv6 import AwsIpv6Spec, AwsIpv6Stack
from stacks.openstack_cluster import OpenStackClusterStack
ipam = Ipam()
ipam.create_network("nodes", prefixes=["10.20.0.0/16", "fd00:1::/48"])
ipam.create_network("pods", prefixes=["fd10::/48"])
app = App(outdir=sys.argv[1])
OpenStackClusterStack.from_spec(app, "os", ipam=ipam, spec=OpenStackClusterSpec(site="s", node_supernet="nodes", pod_supernet="pods"))
AwsIpv6Stack.from_spec(app, "aws", ipam=ipam, spec=AwsIpv6Spec(offline=True))
app.synth()
bad = sorted(m for m in sys.modules if m.startswith(("cdktf_cdktf_provider", "cdktn_provider")))
assert not bad, bad
"""


def test_the_synth_path_imports_no_prebuilt_bindings(tmp_path):
    subprocess.run([sys.executable, "-c", SYNTH_BOTH, str(tmp_path)], check=True, timeout=300)
    assert json.loads((tmp_path / "stacks" / "os" / "cdk.tf.json").read_text())["resource"]["openstack_networking_port_v2"]


def test_the_layers_import_without_cdktf():
    code = ("import sys, constructs_lib.providers.openstack_types, constructs_lib.providers.aws_types, "
            "constructs_lib.providers.schema_jsii, constructs_lib.providers.generate; "
            "bad = [m for m in ('cdktf', 'cdktn', 'jsii', 'constructs') if m in sys.modules]; assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
