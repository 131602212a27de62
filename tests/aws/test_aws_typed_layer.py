"""The generated typed layer: schema types enforced in Python, references checked, no cdktf import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from constructs_lib.providers.aws_types import (
    RESOURCE_TYPES,
    AwsInstance,
    AwsInstanceNetworkInterface,
    AwsNetworkInterface,
    AwsProviderConfig,
    AwsSubnet,
    AwsVpc,
)
from constructs_lib.providers.block import SchemaError


def test_values_render_and_unset_fields_drop():
    assert AwsSubnet(vpc_id="${aws_vpc.x.id}", ipv6_native=True, tags={"b": "2", "a": "1"}).to_terraform() == {
        "vpc_id": "${aws_vpc.x.id}", "ipv6_native": True, "tags": {"a": "1", "b": "2"}}


def test_nested_blocks_render_as_lists():
    inst = AwsInstance(ami="ami-0123456789abcdef0", network_interface=[
        AwsInstanceNetworkInterface(network_interface_id="${x}", device_index=0)])
    assert inst.to_terraform()["network_interface"] == [{"device_index": 0, "network_interface_id": "${x}"}]


@pytest.mark.parametrize("make, match", [
    (lambda: AwsSubnet(vpc_id="v", ipv6_native="yes"), r"aws_subnet.ipv6_native: 'yes' is not a bool"),
    (lambda: AwsNetworkInterface(subnet_id="s", ipv6_prefix_count=True), "is not a number"),
    (lambda: AwsNetworkInterface(subnet_id="s", ipv6_prefixes="2001:db8::/80"), "not a list of strings"),
    (lambda: AwsVpc(tags={"a": 1}), "not a map of strings"),
    (lambda: AwsSubnet(ipv6_native=True), r"aws_subnet.vpc_id: is required"),
    (lambda: AwsProviderConfig(skip_metadata_api_check=True), "is not a string"),
])
def test_schema_types_enforced(make, match):
    with pytest.raises(SchemaError, match=match):
        make().to_terraform()


def test_expressions_accepted_for_any_type():
    out = AwsNetworkInterface(subnet_id="s", ipv6_prefix_count="${var.n}", ipv6_prefixes="${local.p}").to_terraform()
    assert out["ipv6_prefix_count"] == "${var.n}" and out["ipv6_prefixes"] == "${local.p}"


def test_deprecated_and_computed_only_attributes_are_not_arguments():
    from constructs_lib.providers.aws_types import AwsEip

    assert "vpc" not in AwsEip.KINDS and "vpc" in AwsEip.ATTRIBUTES  # deprecated in 5.x: domain instead
    assert "arn" not in AwsVpc.KINDS and "arn" in AwsVpc.ATTRIBUTES
    assert "tags_all" not in AwsVpc.KINDS
    with pytest.raises(TypeError):
        AwsEip(vpc=True)


def test_references_checked_against_the_schema():
    from constructs_lib.providers.elements import ref

    assert ref("aws_subnet", "main_nodes", "ipv6_cidr_block", "eu-central-1a") == \
        'aws_subnet.main_nodes["eu-central-1a"].ipv6_cidr_block'
    assert ref("aws_subnet", "main_nodes", "id", "each.key") == "aws_subnet.main_nodes[each.key].id"
    with pytest.raises(SchemaError, match="aws_subnet.ipv6_cidr: not an attribute"):
        ref("aws_subnet", "main_nodes", "ipv6_cidr")


def test_the_types_we_use_are_generated():
    assert set(RESOURCE_TYPES) >= {
        "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_nat_gateway",
        "aws_eip", "aws_route_table", "aws_route", "aws_route_table_association", "aws_ec2_subnet_cidr_reservation",
        "aws_network_interface", "aws_instance", "aws_security_group", "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule"}


def test_importing_the_package_loads_no_cdktf():
    code = ("import sys; import constructs_lib.aws, constructs_lib.aws.vpc_plan, constructs_lib.aws.fleet_plan, "
            "constructs_lib.providers.aws_types; "
            "bad = [m for m in ('cdktf', 'cdktn', 'jsii', 'cdktf_cdktf_provider_aws') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)
