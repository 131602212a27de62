"""The synthesized AWS stack, property by property (cdktf synth; no Terraform needed)."""

from __future__ import annotations

import ipaddress
import json
import re
import sys
from dataclasses import replace

import pytest

from tests.aws._support import AMI, synth, without_metadata

from constructs_lib.aws import AwsConfigError, ExplicitIpv6Cidr, IpamPoolIpv6, PrefixCount, Vm
from constructs_lib.ipam import Ipam
from stacks.aws_ipv6 import OFFLINE_ENV, AwsIpv6Spec

R = "eu-central-1"
AZS = (f"{R}a", f"{R}b", f"{R}c")
SPEC = AwsIpv6Spec(offline=True)


@pytest.fixture(scope="module")
def poc(tmp_path_factory):
    doc, stack_dir, ipam = synth(SPEC, tmp_path_factory.mktemp("poc"))
    return doc, stack_dir, ipam


@pytest.fixture(scope="module")
def res(poc):
    return poc[0]["resource"]


def each(resource: dict) -> dict:
    return resource["for_each"]


# -- the VPC ------------------------------------------------------------------------------------

def test_vpc_has_amazon_56_and_ipv4(res):
    vpc = res["aws_vpc"]["poc"]
    assert vpc["assign_generated_ipv6_cidr_block"] is True
    assert vpc["cidr_block"] == "10.0.0.0/16"
    assert vpc["enable_dns_support"] is True and vpc["enable_dns_hostnames"] is True
    assert "ipv6_ipam_pool_id" not in vpc and "ipv6_cidr_block" not in vpc
    assert vpc["tags"] == {"Name": "poc", "project": "dualstack"}


def test_ipv6_only_subnet_per_az(res):
    sn = res["aws_subnet"]["poc_nodes"]
    assert sorted(each(sn)) == list(AZS)
    assert sn["availability_zone"] == "${each.key}"
    assert sn["ipv6_native"] is True
    assert "cidr_block" not in sn, "IPv6-only: no IPv4 CIDR"
    assert sn["enable_dns64"] is True
    assert sn["private_dns_hostname_type_on_launch"] == "resource-name"
    assert sn["enable_resource_name_dns_aaaa_record_on_launch"] is True
    assert sn["enable_resource_name_dns_a_record_on_launch"] is False
    assert sn["assign_ipv6_address_on_creation"] is True
    assert sn["ipv6_cidr_block"] == "${each.value.ipv6_cidr_block}"
    cidrs = [each(sn)[az]["ipv6_cidr_block"] for az in AZS]
    for c in cidrs:
        assert re.fullmatch(r"\$\{cidrsubnet\(aws_vpc\.poc\.ipv6_cidr_block, 8, \d+\)\}", c), c
    assert len(set(cidrs)) == 3
    assert sn["vpc_id"] == "${aws_vpc.poc.id}"


def test_public_dual_stack_subnet_holds_the_nat_gateway(res):
    sn = res["aws_subnet"]["poc_public"]
    assert "ipv6_native" not in sn and sn["enable_dns64"] is False
    assert sn["cidr_block"] == "${each.value.cidr_block}"
    assert [each(sn)[az]["cidr_block"] for az in AZS] == ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]
    assert sn["map_public_ip_on_launch"] is False
    nat = res["aws_nat_gateway"]["poc"]
    assert each(nat) == {f"{R}a": f"{R}a"}, "the PoC has a single NAT gateway"
    assert nat["subnet_id"] == "${aws_subnet.poc_public[each.key].id}"
    assert nat["allocation_id"] == "${aws_eip.poc_nat[each.key].id}"
    assert nat["depends_on"] == ["aws_internet_gateway.poc"]
    assert res["aws_eip"]["poc_nat"]["domain"] == "vpc"


def test_routes(res):
    routes = res["aws_route"]
    eigw = routes["poc_nodes_default_ipv6"]
    assert eigw["destination_ipv6_cidr_block"] == "::/0"
    assert eigw["egress_only_gateway_id"] == "${aws_egress_only_internet_gateway.poc.id}"
    assert "gateway_id" not in eigw
    nat64 = routes["poc_nodes_nat64"]
    assert nat64["destination_ipv6_cidr_block"] == "64:ff9b::/96"
    assert nat64["nat_gateway_id"] == "${aws_nat_gateway.poc[each.value].id}"
    assert each(nat64) == {az: f"{R}a" for az in AZS}
    assert nat64["route_table_id"] == "${aws_route_table.poc_nodes[each.key].id}"
    pub6 = routes["poc_public_default_ipv6"]
    assert pub6["gateway_id"] == "${aws_internet_gateway.poc.id}" and pub6["destination_ipv6_cidr_block"] == "::/0"
    pub4 = routes["poc_public_default_ipv4"]
    assert pub4["gateway_id"] == "${aws_internet_gateway.poc.id}" and pub4["destination_cidr_block"] == "0.0.0.0/0"
    assert "poc_public_nat64" not in routes, "the public tier has DNS64 off"
    assert set(routes) == {"poc_nodes_default_ipv6", "poc_nodes_nat64", "poc_public_default_ipv4", "poc_public_default_ipv6"}
    assoc = res["aws_route_table_association"]["poc_nodes"]
    assert assoc["subnet_id"] == "${aws_subnet.poc_nodes[each.key].id}"
    assert assoc["route_table_id"] == "${aws_route_table.poc_nodes[each.key].id}"


# -- the fleet ------------------------------------------------------------------------------------

def test_reservation_per_subnet(res):
    r = res["aws_ec2_subnet_cidr_reservation"]["node"]
    assert r["reservation_type"] == "explicit"
    assert r["subnet_id"] == "${aws_subnet.poc_nodes[each.key].id}"
    assert r["cidr_block"] == "${each.value}"
    for az in AZS:
        assert each(r)[az] == f'${{cidrsubnet(aws_subnet.poc_nodes["{az}"].ipv6_cidr_block, 8, 1)}}'


def test_eni_per_vm_with_its_80(res, poc):
    eni = res["aws_network_interface"]["node"]
    assert sorted(each(eni)) == ["node-1", "node-2", "node-3"]
    assert eni["ipv6_prefixes"] == ["${each.value.ipv6_prefix}"]
    assert "ipv6_prefix_count" not in eni and "ipv6_address_count" not in eni
    assert eni["subnet_id"] == "${aws_subnet.poc_nodes[each.value.az].id}"
    assert eni["depends_on"] == ["aws_ec2_subnet_cidr_reservation.node"]
    assert eni["tags"]["Name"] == "${each.key}"
    ipam = poc[2]
    for i, name in enumerate(["node-1", "node-2", "node-3"]):
        entry = each(eni)[name]
        az = AZS[i]
        assert entry["az"] == az
        k = 256  # first /80 of the reservation, which is the subnet's second /72
        assert entry["ipv6_prefix"] == f'${{cidrsubnet(aws_subnet.poc_nodes["{az}"].ipv6_cidr_block, 16, {k})}}'
        assert ipam.get(f"poc/vm/{name}").prefix.length == 80


# -- the nodes' own security group -------------------------------------------------------------------

def rules(res, direction: str) -> dict:
    return res[f"aws_vpc_security_group_{direction}_rule"]["node"]["for_each"]


def test_every_eni_carries_the_fleets_own_group(res):
    assert res["aws_network_interface"]["node"]["security_groups"] == ["${aws_security_group.node.id}"]
    sg = res["aws_security_group"]["node"]
    assert sg["vpc_id"] == "${aws_vpc.poc.id}" and sg["name"] == "poc-node"
    assert "ingress" not in sg and "egress" not in sg, "rules are their own resources (no inline rules to fight them)"
    for direction in ("ingress", "egress"):
        r = res[f"aws_vpc_security_group_{direction}_rule"]["node"]
        assert r["security_group_id"] == "${aws_security_group.node.id}"
        assert r["ip_protocol"] == "${each.value.ip_protocol}"
        assert r["cidr_ipv6"] == '${lookup(each.value, "cidr_ipv6", null)}'


def test_nothing_is_open_unless_asked(res):
    ingress, egress = rules(res, "ingress"), rules(res, "egress")
    wide = {k for k, r in ingress.items() if r.get("cidr_ipv4") == "0.0.0.0/0" or r.get("cidr_ipv6") == "::/0"}
    assert wide == {"icmpv6-packet-too-big"}, "only Packet Too Big comes from anywhere"
    ptb = ingress["icmpv6-packet-too-big"]
    assert (ptb["ip_protocol"], ptb["from_port"], ptb["to_port"]) == ("icmpv6", 2, -1)
    assert not [k for k, r in egress.items() if r.get("cidr_ipv4") == "0.0.0.0/0" or r.get("cidr_ipv6") == "::/0"]
    assert not [k for k, r in {**ingress, **egress}.items() if r["ip_protocol"] == "tcp"], "no ports open by default"
    assert "icmp-fragmentation-needed" not in ingress, "the node tier is IPv6-only"


def test_between_the_nodes_and_their_pod_prefixes(res):
    for direction in ("ingress", "egress"):
        r = rules(res, direction)
        assert r["nodes"] == {"description": r["nodes"]["description"], "ip_protocol": "-1",
                              "referenced_security_group_id": "${aws_security_group.node.id}"}
        for az in AZS:
            assert r[f"pods_{az}"]["cidr_ipv6"] == f'${{aws_ec2_subnet_cidr_reservation.node["{az}"].cidr_block}}'
            assert r[f"pods_{az}"]["ip_protocol"] == "-1"


def test_neighbour_discovery_on_link_only(res):
    ingress, egress = rules(res, "ingress"), rules(res, "egress")
    ns = {k: r for k, r in ingress.items() if k.startswith("icmpv6-neighbour-solicitation_")}
    assert {r["cidr_ipv6"] for r in ns.values()} == {"::/128", "fe80::/10"} | {
        f'${{aws_subnet.poc_nodes["{az}"].ipv6_cidr_block}}' for az in AZS}
    assert {(r["ip_protocol"], r["from_port"]) for r in ns.values()} == {("icmpv6", 135)}
    na = {r["cidr_ipv6"] for k, r in ingress.items() if k.startswith("icmpv6-neighbour-advertisement_")}
    assert "::/128" not in na and "fe80::/10" in na
    assert ingress["icmpv6-router-advertisement_link-local"]["cidr_ipv6"] == "fe80::/10"
    assert {r["cidr_ipv6"] for k, r in egress.items() if k.startswith("icmpv6_")} == {"fe80::/10"} | {
        f'${{aws_subnet.poc_nodes["{az}"].ipv6_cidr_block}}' for az in AZS}


def test_openings_and_egress_when_asked(tmp_path):
    from constructs_lib.aws import FleetSecurity

    sec = FleetSecurity(ssh_from={"ipv6": ["2001:db8:ffff::/48"], "ipv4": ["198.51.100.0/24"]}, egress_vpc=True, egress_anywhere=True)
    doc, _, _ = synth(SPEC, tmp_path, security=sec)
    ingress, egress = rules(doc["resource"], "ingress"), rules(doc["resource"], "egress")
    assert ingress["ssh_v6_2001-db8-ffff-48"] == {"cidr_ipv6": "2001:db8:ffff::/48", "description": "ssh (asked for)",
                                                 "from_port": 22, "ip_protocol": "tcp", "to_port": 22}
    assert ingress["ssh_v4_198-51-100-0-24"]["cidr_ipv4"] == "198.51.100.0/24"
    assert egress["anywhere_v4"]["cidr_ipv4"] == "0.0.0.0/0" and egress["anywhere_v6"]["cidr_ipv6"] == "::/0"
    assert egress["vpc_v4"]["cidr_ipv4"] == "10.0.0.0/16" and egress["vpc_v6"]["cidr_ipv6"] == "${aws_vpc.poc.ipv6_cidr_block}"


def test_ssh_from_anywhere_is_said_on_purpose(tmp_path):
    from constructs_lib.aws import FleetSecurity

    doc, _, _ = synth(SPEC, tmp_path, security=FleetSecurity(ssh_from={"ipv6": ["anywhere"]}, api_from={"ipv4": ["anywhere"]}))
    ingress = rules(doc["resource"], "ingress")
    assert ingress["ssh_v6_anywhere"] == {"cidr_ipv6": "::/0", "description": "ssh from anywhere (asked for with 'anywhere')",
                                          "from_port": 22, "ip_protocol": "tcp", "to_port": 22}
    assert ingress["kube-api_v4_anywhere"]["cidr_ipv4"] == "0.0.0.0/0"


@pytest.mark.parametrize("kwargs, match", [
    (dict(ssh_from={"ipv6": ["::/0"]}), r"ssh_from.ipv6\[0\]: ::/0 opens SSH to the whole ipv6 internet; write anywhere to mean it"),
    (dict(api_from={"ipv4": ["0.0.0.0/0"]}), r"api_from.ipv4\[0\]: 0.0.0.0/0 opens API"),
    (dict(ssh_from={"ipv6": ["2001:DB8::/32"]}), "write 2001:db8::/32"),
    (dict(ssh_from={"ipv4": ["2001:db8::/32"]}), "canonical ipv4 CIDR"),
    (dict(ssh_from={"ipv5": ["10.0.0.0/8"]}), "'ipv5' is not ipv4 or ipv6"),
    (dict(api_from={"ipv4": "10.0.0.0/8"}), "must be a list of prefixes"),
    (dict(egress_anywhere="yes"), "must be true or false"),
])
def test_bad_security_input_is_one_line(kwargs, match):
    from constructs_lib.aws import FleetSecurity

    with pytest.raises(AwsConfigError, match=match) as err:
        FleetSecurity(**kwargs)
    assert "\n" not in str(err.value)


def test_instance_attaches_through_the_eni(res):
    inst = res["aws_instance"]["node"]
    assert inst["for_each"] == "${aws_network_interface.node}"
    assert inst["network_interface"] == [{"device_index": 0, "network_interface_id": "${each.value.id}"}]
    assert "subnet_id" not in inst and "ipv6_address_count" not in inst
    assert inst["ami"] == "${var.ami_id}" and inst["instance_type"] == "t3.micro"
    assert inst["metadata_options"] == [{"http_endpoint": "enabled", "http_protocol_ipv6": "enabled", "http_tokens": "required"}]
    assert inst["private_dns_name_options"][0]["hostname_type"] == "resource-name"


def test_ami_variable_and_output(poc, tmp_path, monkeypatch):
    doc = poc[0]
    assert doc["variable"]["ami_id"]["type"] == "string"
    assert doc["variable"]["ami_id"]["default"] == "ami-00000000000000000", "offline: a placeholder, no input needed"
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    real, _, _ = synth(AwsIpv6Spec(), tmp_path / "real")
    assert "default" not in real["variable"]["ami_id"], "a real deploy must name its AMI"
    pinned, _, _ = synth(AwsIpv6Spec(ami=AMI), tmp_path / "pinned")
    assert "variable" not in pinned and pinned["resource"]["aws_instance"]["node"]["ami"] == AMI
    out = doc["output"]["node_ipv6_prefixes"]["value"]
    assert out == "${{ for k, eni in aws_network_interface.node : k => eni.ipv6_prefixes }}"


def test_provider_and_version(poc):
    doc = poc[0]
    req = doc["terraform"]["required_providers"]["aws"]
    assert req["source"] == "hashicorp/aws"
    # the constraint must admit the provider the tests plan against
    lo, hi = re.fullmatch(r">= ([\d.]+), < ([\d.]+)", req["version"]).groups()
    v = lambda s: tuple(int(x) for x in s.split("."))  # noqa: E731
    assert v(lo) <= v("5.100.0") < v(hi)
    prov = doc["provider"]["aws"][0]
    assert prov["region"] == R
    assert prov["skip_credentials_validation"] is True and prov["skip_requesting_account_id"] is True
    assert prov["skip_metadata_api_check"] == "true"
    assert doc["terraform"]["backend"] == {"local": {"path": "terraform.aws-ipv6.tfstate"}}


def test_offline_settings_are_opt_in(tmp_path, monkeypatch):
    monkeypatch.delenv(OFFLINE_ENV, raising=False)
    doc, _, _ = synth(AwsIpv6Spec(), tmp_path / "real")
    assert doc["provider"]["aws"] == [{"region": R}], "a real deploy gets no skip flags and no placeholder keys"
    monkeypatch.setenv(OFFLINE_ENV, "1")
    doc, _, _ = synth(AwsIpv6Spec(), tmp_path / "env")
    assert doc["provider"]["aws"][0]["skip_credentials_validation"] is True
    doc, _, _ = synth(AwsIpv6Spec(offline=False), tmp_path / "explicit")
    assert doc["provider"]["aws"] == [{"region": R}]


def test_logical_ids_from_keys(poc):
    doc = poc[0]
    names = {f"{t}.{n}" for t, rs in doc["resource"].items() for n in rs}
    assert names == {
        "aws_vpc.poc", "aws_internet_gateway.poc", "aws_egress_only_internet_gateway.poc",
        "aws_eip.poc_nat", "aws_nat_gateway.poc",
        "aws_subnet.poc_public", "aws_subnet.poc_nodes",
        "aws_route_table.poc_public", "aws_route_table.poc_nodes",
        "aws_route_table_association.poc_public", "aws_route_table_association.poc_nodes",
        "aws_route.poc_public_default_ipv6", "aws_route.poc_public_default_ipv4",
        "aws_route.poc_nodes_default_ipv6", "aws_route.poc_nodes_nat64",
        "aws_ec2_subnet_cidr_reservation.node", "aws_network_interface.node", "aws_instance.node",
        "aws_security_group.node", "aws_vpc_security_group_ingress_rule.node", "aws_vpc_security_group_egress_rule.node",
    }


# -- determinism, stability, cost -----------------------------------------------------------------

def test_byte_identical_output(poc, tmp_path):
    _, stack_dir, _ = poc
    _, again, _ = synth(SPEC, tmp_path / "again")
    assert (again / "cdk.tf.json").read_bytes() == (stack_dir / "cdk.tf.json").read_bytes()


def diff(a: dict, b: dict, path=""):
    """Paths where two JSON documents differ."""
    out = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}/{k}")
            else:
                out += diff(a[k], b[k], f"{path}/{k}")
    elif a != b:
        out.append(path)
    return out


def test_adding_a_vm_changes_only_that_vms_entries(poc, tmp_path):
    grown, _, _ = synth(replace(SPEC, vms=SPEC.vms + ("node-4",)), tmp_path / "grown")
    assert diff(poc[0], grown) == [
        "/resource/aws_network_interface/node/for_each/node-4",
    ], "the instance follows the ENI map; nothing else moves"
    assert grown["resource"]["aws_network_interface"]["node"]["for_each"]["node-4"] == {
        "az": f"{R}a", "ipv6_prefix": f'${{cidrsubnet(aws_subnet.poc_nodes["{R}a"].ipv6_cidr_block, 16, 257)}}'}


def test_adding_an_az_keeps_existing_subnets(poc, tmp_path):
    grown, _, _ = synth(replace(SPEC, azs=AZS + (f"{R}d",)), tmp_path / "az")
    before = poc[0]["resource"]["aws_subnet"]
    after = grown["resource"]["aws_subnet"]
    for tier in ("poc_public", "poc_nodes"):
        for az in AZS:
            assert after[tier]["for_each"][az] == before[tier]["for_each"][az]
        assert f"{R}d" in after[tier]["for_each"]


class _Counter:
    def __init__(self):
        self.n = 0


def count_jsii_messages(fn):
    from jsii._kernel.providers import process

    counter = _Counter()
    original = process._NodeProcess.send

    def send(self, request, response_type):
        counter.n += 1
        return original(self, request, response_type)

    process._NodeProcess.send = send
    try:
        fn()
    finally:
        process._NodeProcess.send = original
    return counter.n


def test_jsii_calls_do_not_grow_with_the_fleet(tmp_path):
    from constructs_lib.engine import App

    from stacks.aws_ipv6 import AwsIpv6Stack

    def build(n):
        def run():
            app = App(outdir=str(tmp_path / f"n{n}"))
            AwsIpv6Stack.from_spec(app, "s", ipam=Ipam(), spec=SPEC.with_vm_count(n))
            app.synth()
        return run

    small, large = count_jsii_messages(build(3)), count_jsii_messages(build(600))
    assert small == large, f"jsii messages: {small} for 3 VMs, {large} for 600"
    assert small < 200


def test_prebuilt_provider_bindings_never_imported(poc):
    assert "cdktf_cdktf_provider_aws" not in sys.modules


# -- other IPv6 sources and modes -----------------------------------------------------------------

def test_byoip_renders_concrete_cidrs(tmp_path):
    spec = replace(SPEC, ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-0byoip"))
    doc, _, _ = synth(spec, tmp_path)
    vpc = doc["resource"]["aws_vpc"]["poc"]
    assert vpc["ipv6_cidr_block"] == "2001:db8:1234:5600::/56" and vpc["ipv6_ipam_pool_id"] == "ipam-pool-0byoip"
    assert "assign_generated_ipv6_cidr_block" not in vpc
    subnets = doc["resource"]["aws_subnet"]["poc_nodes"]["for_each"]
    enis = doc["resource"]["aws_network_interface"]["node"]["for_each"]
    rsv = doc["resource"]["aws_ec2_subnet_cidr_reservation"]["node"]["for_each"]
    for name, e in enis.items():
        p = ipaddress.ip_network(e["ipv6_prefix"])
        assert p.prefixlen == 80 and str(p) == e["ipv6_prefix"], "canonical, as EC2 reports it"
        assert p.subnet_of(ipaddress.ip_network(subnets[e["az"]]["ipv6_cidr_block"]))
        assert p.subnet_of(ipaddress.ip_network(rsv[e["az"]]))


def test_ipam_pool_source(tmp_path):
    spec = replace(SPEC, ipv6=IpamPoolIpv6("ipam-pool-0abc", 52), node_ipv6_length=60)
    doc, _, _ = synth(spec, tmp_path)
    vpc = doc["resource"]["aws_vpc"]["poc"]
    assert vpc["ipv6_ipam_pool_id"] == "ipam-pool-0abc" and vpc["ipv6_netmask_length"] == 52
    sub = doc["resource"]["aws_subnet"]["poc_nodes"]["for_each"][f"{R}a"]["ipv6_cidr_block"]
    assert re.fullmatch(r"\$\{cidrsubnet\(aws_vpc\.poc\.ipv6_cidr_block, 8, \d+\)\}", sub)
    eni = doc["resource"]["aws_network_interface"]["node"]["for_each"]["node-1"]["ipv6_prefix"]
    assert ", 20, " in eni, "a /80 in a /60 subnet is cidrsubnet(subnet, 20, k)"


def test_count_mode(tmp_path):
    doc, _, ipam = synth(replace(SPEC, prefixes=PrefixCount(2)), tmp_path)
    eni = doc["resource"]["aws_network_interface"]["node"]
    assert eni["ipv6_prefix_count"] == 2 and "ipv6_prefixes" not in eni
    assert all(set(v) == {"az"} for v in eni["for_each"].values())
    assert doc["resource"]["aws_ec2_subnet_cidr_reservation"]["node"]["reservation_type"] == "prefix"
    assert not [k for k in ipam.keys() if "/vm/" in k], "AWS picks the /80s: nothing allocated per VM"


def test_pinned_azs(tmp_path):
    doc, _, _ = synth(replace(SPEC, vms=(Vm("a", f"{R}c"), Vm("b", f"{R}c"))), tmp_path)
    enis = doc["resource"]["aws_network_interface"]["node"]["for_each"]
    assert {v["az"] for v in enis.values()} == {f"{R}c"}
    assert set(doc["resource"]["aws_ec2_subnet_cidr_reservation"]["node"]["for_each"]) == {f"{R}c"}


def test_bad_input_raises_before_a_stack_exists(tmp_path):
    from constructs_lib.engine import App

    from stacks.aws_ipv6 import AwsIpv6Stack

    app = App(outdir=str(tmp_path))
    with pytest.raises(AwsConfigError, match=r"FleetProps\(node\).ami: 'ubuntu'") as err:
        AwsIpv6Stack.from_spec(app, "s", ipam=Ipam(), spec=replace(SPEC, ami="ubuntu"))
    assert "\n" not in str(err.value)
    with pytest.raises(AwsConfigError, match="VpcProps.azs"):
        AwsIpv6Stack.from_spec(app, "s", ipam=Ipam(), spec=replace(SPEC, azs=("us-east-1a",)))
    assert app.node.children == [], "nothing was added to the app"


def test_the_stack_builds_from_the_plans_and_allocates_nothing(poc, tmp_path):
    """Plan once: the app plans, the stack renders; the same plans give the same bytes."""
    from constructs_lib.aws import plan_fleet, plan_vpc
    from constructs_lib.engine import App

    from stacks.aws_ipv6 import build_aws_ipv6_stack, fleet_props, vpc_props

    ipam = Ipam()
    vpc = plan_vpc(ipam, vpc_props(SPEC))
    fleet = plan_fleet(ipam, vpc, fleet_props(SPEC))
    keys = list(ipam.keys())
    app = App(outdir=str(tmp_path))
    build_aws_ipv6_stack(app, "aws-ipv6", spec=SPEC, vpc=vpc, fleet=fleet, backend_path="../../../state/aws-ipv6.tfstate")
    app.synth()
    assert list(ipam.keys()) == keys, "the stack asked the allocator nothing"
    doc = json.loads((tmp_path / "stacks" / "aws-ipv6" / "cdk.tf.json").read_text())
    assert doc["terraform"]["backend"] == {"local": {"path": "../../../state/aws-ipv6.tfstate"}}
    assert without_metadata(doc["resource"]) == without_metadata(poc[0]["resource"])
    other = plan_vpc(Ipam(), vpc_props(SPEC))
    with pytest.raises(AwsConfigError, match="both must be the plans"):
        build_aws_ipv6_stack(App(outdir=str(tmp_path / "x")), "s", spec=SPEC, vpc=other, fleet=fleet, backend_path="s.tfstate")
    with pytest.raises(AwsConfigError, match="relative state path"):
        build_aws_ipv6_stack(App(outdir=str(tmp_path / "y")), "s", spec=SPEC, vpc=vpc, fleet=fleet, backend_path="/abs.tfstate")


def test_metadata_free_values_are_plain_json(poc):
    # every value is JSON-native: no cdktf tokens leaked into the output
    text = json.dumps(without_metadata(poc[0]))
    assert "${TfToken" not in text and "${Token" not in text
