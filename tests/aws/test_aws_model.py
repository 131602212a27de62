"""The AWS address plan and its validation (pure Python: no cdktf, no jsii, no Terraform)."""

from __future__ import annotations

import ast
import ipaddress
import pathlib
import re

import pytest

from constructs_lib.aws import common, fleet_plan, sources, vpc_plan
from constructs_lib.aws import (
    AmazonProvidedIpv6,
    AwsConfigError,
    ExplicitIpv6Cidr,
    ExplicitPrefixes,
    FleetProps,
    IpamPoolIpv6,
    PrefixCount,
    SubnetTier,
    Vm,
    VpcProps,
    plan_fleet,
    plan_vpc,
)
from constructs_lib.ipam import Ipam, from_dict, to_dict

AMI = "ami-0123456789abcdef0"
R = "eu-central-1"
AZS = (f"{R}a", f"{R}b", f"{R}c")
PUBLIC = SubnetTier("public", ipv6_only=False, public=True, nat_gateway=True)
NODES = SubnetTier("nodes")


def vpc(**kw) -> VpcProps:
    kw.setdefault("name", "main")
    kw.setdefault("region", R)
    kw.setdefault("azs", AZS)
    kw.setdefault("tiers", (PUBLIC, NODES))
    return VpcProps(**kw)


def fleet(vms=("web-1", "web-2", "web-3"), **kw) -> FleetProps:
    kw.setdefault("name", "node")
    kw.setdefault("tier", "nodes")
    kw.setdefault("ami", AMI)
    return FleetProps(vms=vms, **kw)


def refused(fn, *args, match: str, **kw) -> str:
    with pytest.raises(AwsConfigError, match=match) as err:
        fn(*args, **kw)
    text = str(err.value)
    assert "\n" not in text, "errors are one line"
    return text


def cidrsubnet(parent: str, newbits: int, netnum: int) -> str:
    net = ipaddress.ip_network(parent)
    new = net.prefixlen + newbits
    size = 1 << (net.max_prefixlen - new)
    return str(ipaddress.ip_network((int(net.network_address) + netnum * size, new)))


def evaluate(expr: str, env: dict[str, str]) -> str:
    """Evaluate nested ``cidrsubnet()`` text the way Terraform does, with references from ``env``."""
    expr = expr.removeprefix("${").removesuffix("}")
    m_ = re.fullmatch(r"cidrsubnet\((.+), (\d+), (\d+)\)", expr)
    if m_:
        return cidrsubnet(evaluate(m_.group(1), env), int(m_.group(2)), int(m_.group(3)))
    return env[expr]


@pytest.mark.parametrize("module", [common, sources, vpc_plan, fleet_plan])
def test_model_is_pure_python(module):
    src = pathlib.Path(module.__file__).read_text()
    tree = ast.parse(src)
    imported = {n.names[0].name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"cdktf", "constructs", "jsii", "cdktf_cdktf_provider_aws"}


# -- IPv6 sources ---------------------------------------------------------------------------------

def test_amazon_source_is_a_relative_56():
    src = AmazonProvidedIpv6()
    assert src.vpc_arguments() == {"assign_generated_ipv6_cidr_block": True}
    root = src.root("aws_vpc.main")
    assert root.is_relative and root.length == 56 and root.text == "aws_vpc.main.ipv6_cidr_block"


@pytest.mark.parametrize("n", [44, 48, 52, 56, 60])
def test_ipam_pool_netmask_lengths_in_steps_of_4(n):
    src = IpamPoolIpv6("ipam-pool-0abc", ipv6_netmask_length=n)
    assert src.vpc_arguments() == {"ipv6_ipam_pool_id": "ipam-pool-0abc", "ipv6_netmask_length": n}
    assert src.root("aws_vpc.x").length == n


@pytest.mark.parametrize("n", [40, 46, 58, 64, 61])
def test_ipam_pool_netmask_refused_off_the_grid(n):
    text = refused(IpamPoolIpv6, "ipam-pool-0abc", ipv6_netmask_length=n, match="IpamPoolIpv6.ipv6_netmask_length")
    assert f"{n}" in text and "/44, /48, /52, /56, /60" in text


def test_explicit_cidr_is_concrete_and_needs_the_pool():
    src = ExplicitIpv6Cidr("2001:db8:1200::/56", ipam_pool_id="ipam-pool-0byoip")
    assert src.vpc_arguments() == {"ipv6_ipam_pool_id": "ipam-pool-0byoip", "ipv6_cidr_block": "2001:db8:1200::/56"}
    assert not src.root("aws_vpc.x").is_relative
    refused(ExplicitIpv6Cidr, "2001:db8:1200::/56", ipam_pool_id="", match="ipv6_ipam_pool_id with ipv6_cidr_block")
    refused(ExplicitIpv6Cidr, "2001:db8::/64", ipam_pool_id="p", match=r"/64 is not allowed for a VPC")
    refused(ExplicitIpv6Cidr, "10.0.0.0/16", ipam_pool_id="p", match="is not IPv6")
    refused(ExplicitIpv6Cidr, "2001:DB8::/56", ipam_pool_id="p", match="not canonical")


# -- VPC and tier validation ------------------------------------------------------------------------

@pytest.mark.parametrize("n", [44, 48, 52, 56, 60, 64])
def test_subnet_lengths_in_steps_of_4(n):
    assert SubnetTier("t", ipv6_length=n).ipv6_length == n


@pytest.mark.parametrize("n", [40, 62, 65, 80])
def test_subnet_length_refused_off_the_grid(n):
    refused(SubnetTier, "t", ipv6_length=n, match=r"SubnetTier\(t\).ipv6_length")


def test_subnet_that_does_not_fit_the_vpc_is_refused_with_the_fix():
    text = refused(vpc, tiers=(PUBLIC, SubnetTier("big", ipv6_length=56)), match=r"SubnetTier\(big\).ipv6_length")
    assert "/60 or longer" in text
    # a /48 from IPAM makes room for /52 subnets (4 AZ slots = 2 bits)
    p = vpc(ipv6=IpamPoolIpv6("ipam-pool-1", 48), tiers=(PUBLIC, SubnetTier("big", ipv6_length=52)))
    assert p.tier("big").ipv6_length == 52


def test_ipv4_vpc_cidr_checked():
    refused(vpc, ipv4_cidr="10.0.0.0/12", match="VpcProps.ipv4_cidr")
    refused(vpc, ipv4_cidr="2001:db8::/56", match="VpcProps.ipv4_cidr")
    refused(vpc, ipv4_cidr="10.0.0.1/16", match="host bits")


def test_dns64_without_nat_gateway_is_an_error_naming_the_route():
    text = refused(vpc, tiers=(NODES,), match=r"SubnetTier\(nodes\).enable_dns64")
    assert "64:ff9b::/96" in text and "nat_gateway=True" in text and "enable_dns64=False" in text
    refused(vpc, nat_gateways="none", match="enable_dns64")
    # a public IPv6-only tier with DNS64 needs it too (terraform-aws-vpc#972)
    refused(vpc, tiers=(SubnetTier("edge", public=True),), match=r"SubnetTier\(edge\).enable_dns64")
    # without DNS64 no NAT gateway is needed
    assert vpc(tiers=(SubnetTier("nodes", enable_dns64=False),)).nat_azs == ()


def test_nat_gateway_needs_a_public_dual_stack_tier():
    refused(SubnetTier, "x", nat_gateway=True, match="public dual-stack")
    refused(SubnetTier, "x", ipv6_only=False, nat_gateway=True, match="public dual-stack")


def test_tier_and_az_names_checked():
    refused(SubnetTier, "Nodes", match="SubnetTier.name")
    refused(SubnetTier, "vm", match="not 'vm'")
    refused(vpc, azs=("us-east-1a",), match=r"VpcProps.azs\[0\]: 'us-east-1a' is not an availability zone of eu-central-1")
    refused(vpc, azs=(f"{R}a", f"{R}a"), match="names an AZ twice")
    refused(vpc, azs=tuple(f"{R}{c}" for c in "abcde"), match="raise max_azs")
    refused(vpc, tiers=(PUBLIC, NODES, SubnetTier("nodes")), match="repeat")
    refused(SubnetTier, "x", ipv4_length=24, match="IPv6-only tier")


def test_nat_placement():
    assert vpc().nat_azs == AZS and vpc().nat_for(f"{R}b") == f"{R}b"
    single = vpc(nat_gateways="single")
    assert single.nat_azs == (f"{R}a",) and single.nat_for(f"{R}c") == f"{R}a"


# -- allocation: subnets ------------------------------------------------------------------------------

def test_subnets_render_against_the_amazon_56():
    plan = plan_vpc(Ipam(), vpc())
    env = {"aws_vpc.main.ipv6_cidr_block": "2001:db8:1234:5600::/56"}
    seen = set()
    for (tier, az), sp in plan.subnets.items():
        assert sp.key == f"main/{tier}/{az}"
        assert sp.ipv6_tf.startswith("${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, ")
        cidr = evaluate(sp.ipv6_tf, env)
        assert ipaddress.ip_network(cidr).subnet_of(ipaddress.ip_network(env["aws_vpc.main.ipv6_cidr_block"]))
        seen.add(cidr)
        assert (sp.ipv4 is None) == (tier == "nodes")
    assert len(seen) == 6
    assert plan.subnet("public", f"{R}a").ipv4_tf == "10.0.0.0/24"


def test_explicit_cidr_renders_concrete_and_agrees_with_the_relative_form():
    rel = plan_vpc(Ipam(), vpc())
    con = plan_vpc(Ipam(), vpc(ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")))
    env = {"aws_vpc.main.ipv6_cidr_block": "2001:db8:1234:5600::/56"}
    for k in rel.subnets:
        assert con.subnets[k].ipv6_tf == evaluate(rel.subnets[k].ipv6_tf, env)
        assert "$" not in con.subnets[k].ipv6_tf


def subnet_texts(plan) -> dict:
    return {k: (s.ipv6.text, s.ipv4.text if s.ipv4 else None) for k, s in plan.subnets.items()}


def test_adding_a_tier_or_an_az_never_renumbers_existing_subnets():
    before = subnet_texts(plan_vpc(Ipam(), vpc(azs=AZS[:2])))
    grown = subnet_texts(plan_vpc(Ipam(), vpc(
        azs=AZS, tiers=(PUBLIC, NODES, SubnetTier("db"), SubnetTier("lb", ipv6_only=False, public=True)))))
    for k, v in before.items():
        assert grown[k] == v, k
    assert len(grown) == 12


def test_with_the_lock_nothing_moves_even_when_inserted_in_front():
    ipam = Ipam()
    before = subnet_texts(plan_vpc(ipam, vpc(azs=AZS[1:])))
    ipam = from_dict(to_dict(ipam))  # what the next run reads from ipam.lock.json
    after = subnet_texts(plan_vpc(ipam, vpc(azs=AZS, tiers=(SubnetTier("db"), PUBLIC, NODES))))
    for k, v in before.items():
        assert after[k] == v, k


def test_a_changed_vpc_cidr_is_refused_against_the_lock():
    ipam = Ipam()
    plan_vpc(ipam, vpc())
    refused(plan_vpc, ipam, vpc(ipv4_cidr="10.1.0.0/16"), match="cannot change in place")


def test_aws_reserved_addresses_are_set_aside():
    ipam = Ipam()
    plan = plan_vpc(ipam, vpc(ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")))
    sp = plan.subnet("nodes", f"{R}a")
    first = ipam.get(f"{sp.key}/aws-reserved/first")
    last = ipam.get(f"{sp.key}/aws-reserved/last")
    net = ipaddress.ip_network(sp.ipv6.text)
    assert ipaddress.ip_network(first.text).network_address == net.network_address
    assert ipaddress.ip_network(last.text).broadcast_address == net.broadcast_address


# -- fleets ------------------------------------------------------------------------------------

def test_each_vm_gets_a_80_inside_its_subnet_and_its_reservation():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc(ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")))
    fp = plan_fleet(ipam, vp, fleet(vms=[f"web-{i}" for i in range(1, 8)]))
    assert [v.az for v in fp.vms] == [AZS[i % 3] for i in range(7)]
    for v in fp.vms:
        p = ipaddress.ip_network(v.prefix.text)
        assert p.prefixlen == 80
        assert p.subnet_of(ipaddress.ip_network(vp.subnet("nodes", v.az).ipv6.text))
        assert p.subnet_of(ipaddress.ip_network(fp.reservations[v.az].prefix.text))
        assert ipam.get(f"main/vm/{v.name}") == v.prefix
    assert len({v.prefix.text for v in fp.vms}) == 7
    for res in fp.reservations.values():
        assert res.prefix.length == 72 and res.reservation_type == "explicit"


def test_amazon_80_renders_as_cidrsubnet_of_the_subnet_16_k():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    fp = plan_fleet(ipam, vp, fleet())
    env = {"aws_vpc.main.ipv6_cidr_block": "2001:db8:1234:5600::/56"}
    for v in fp.vms:
        sp = vp.subnet("nodes", v.az)
        ref = f'aws_subnet.main_nodes["{v.az}"].ipv6_cidr_block'
        tf = v.ipv6_prefix_tf(ref, sp.ipv6)
        assert re.fullmatch(r"\$\{cidrsubnet\(aws_subnet\.main_nodes\[\"[a-z0-9-]+\"\]\.ipv6_cidr_block, 16, \d+\)\}", tf), tf
        env[ref] = evaluate(sp.ipv6_tf, env)
        k = int(re.search(r", 16, (\d+)\)", tf).group(1))
        # the same /80 as the allocator's own flattened form
        assert evaluate(tf, env) == evaluate("${" + v.prefix.prefix.text + "}", env)
        assert v.prefix.newbits == 8 and k >> 8 == 1  # inside the second /72 of the subnet


def test_adding_a_vm_changes_only_that_vm():
    def prefixes(names, ipam=None):
        ipam = ipam or Ipam()
        vp = plan_vpc(ipam, vpc())
        return {v.name: (v.az, v.prefix.text) for v in plan_fleet(ipam, vp, fleet(vms=names)).vms}

    before = prefixes(["web-1", "web-2", "web-3"])
    after = prefixes(["web-1", "web-2", "web-3", "web-4"])
    assert {k: after[k] for k in before} == before and set(after) - set(before) == {"web-4"}


def test_with_the_lock_a_vm_inserted_in_front_moves_nobody():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    before = {v.name: v.prefix.text for v in plan_fleet(ipam, vp, fleet(vms=[Vm("b", AZS[0]), Vm("c", AZS[0])])).vms}
    ipam = from_dict(to_dict(ipam))
    vp = plan_vpc(ipam, vpc())
    after = {v.name: v.prefix.text for v in plan_fleet(ipam, vp, fleet(vms=[Vm("a", AZS[0]), Vm("b", AZS[0]), Vm("c", AZS[0])])).vms}
    assert {k: after[k] for k in before} == before and after["a"] not in before.values()


def test_with_the_lock_vms_keep_their_az_when_one_before_them_leaves():
    """Unpinned VMs go to AZ i mod n once; after that the lock holds their AZ, whatever the list does."""
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    before = {v.name: (v.az, v.prefix.text) for v in plan_fleet(ipam, vp, fleet(vms=["web-1", "web-2", "web-3", "web-4"])).vms}
    assert [before[n][0] for n in ("web-1", "web-2", "web-3", "web-4")] == [AZS[0], AZS[1], AZS[2], AZS[0]]
    ipam = from_dict(to_dict(ipam))
    vp = plan_vpc(ipam, vpc())
    after = {v.name: (v.az, v.prefix.text) for v in plan_fleet(ipam, vp, fleet(vms=["web-2", "web-3", "web-4", "web-5"])).vms}
    assert {k: after[k] for k in ("web-2", "web-3", "web-4")} == {k: before[k] for k in ("web-2", "web-3", "web-4")}
    assert after["web-5"][0] == AZS[0]  # a new VM: position 3 goes to AZ 3 mod 3


def test_pinning_a_vm_elsewhere_than_the_lock_holds_it_is_refused_naming_both():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    plan_fleet(ipam, vp, fleet(vms=["web-1"]))
    ipam = from_dict(to_dict(ipam))
    vp = plan_vpc(ipam, vpc())
    text = refused(plan_fleet, ipam, vp, fleet(vms=[Vm("web-1", AZS[2])]), match=r"vms\[0\].az")
    assert f"'{AZS[2]}', but VM web-1's /80 is in {AZS[0]} (the lock)" in text and "release main/vm/web-1 first" in text


def test_moving_a_vm_to_another_az_is_refused_against_the_lock():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    plan_fleet(ipam, vp, fleet(vms=[Vm("a", AZS[0])]))
    ipam = from_dict(to_dict(ipam))
    vp = plan_vpc(ipam, vpc())
    text = refused(plan_fleet, ipam, vp, fleet(vms=[Vm("a", AZS[1])]), match="VM a")
    assert "release" in text


def test_reservation_sized_to_the_fleet():
    assert fleet_plan.reservation_length_for(3, 64) == 72
    assert fleet_plan.reservation_length_for(256, 64) == 72
    assert fleet_plan.reservation_length_for(257, 64) == 68
    assert fleet_plan.reservation_length_for(3334, 64) == 68
    assert fleet_plan.reservation_length_for(5000, 64) == 64 + 1  # never the whole subnet
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc(ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")))
    fp = plan_fleet(ipam, vp, fleet(vms=[f"n{i}" for i in range(900)]))
    assert {r.prefix.length for r in fp.reservations.values()} == {68}  # 300 per AZ


def test_count_mode_uses_a_prefix_reservation_and_no_explicit_80s():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    fp = plan_fleet(ipam, vp, fleet(prefixes=PrefixCount(2), vms=[f"n{i}" for i in range(200)]))
    assert all(v.prefix is None for v in fp.vms)
    assert {r.reservation_type for r in fp.reservations.values()} == {"prefix"}
    assert {r.prefix.length for r in fp.reservations.values()} == {72}  # 67 VMs x 2 /80s per AZ


def test_explicit_prefixes_conflicts_are_refused():
    refused(fleet, prefixes=PrefixCount(1), vms=[Vm("a", ipv6_prefix="2001:db8::/80")],
            match="ipv6_prefix_count cannot be combined with explicit prefixes")
    refused(fleet, prefixes=PrefixCount(1), ipv6_address_count=1, match="ipv6_address_count")
    refused(fleet, prefixes=ExplicitPrefixes(), ipv6_address_count=1, match="ipv6_address_count")
    assert fleet(prefixes=None, ipv6_address_count=1).prefixes_per_vm == 0
    refused(PrefixCount, 0, match="PrefixCount.count")


def test_prefix_count_within_the_per_eni_limit():
    assert fleet(prefixes=PrefixCount(2), eni_ipv6_limit=2).prefixes_per_vm == 2
    text = refused(fleet, prefixes=PrefixCount(3), eni_ipv6_limit=2, instance_type="t3.micro", match="exceed")
    assert "t3.micro" in text and "2" in text


def test_pinned_80s():
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc(ipv6=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")))
    sub = ipaddress.ip_network(vp.subnet("nodes", AZS[0]).ipv6.text)
    res = list(sub.subnets(new_prefix=72))[1]  # where the reservation lands (first /80 is set aside)
    pin = str(list(res.subnets(new_prefix=80))[7])
    fp = plan_fleet(ipam, vp, fleet(vms=[Vm("a", AZS[0]), Vm("b", AZS[0], ipv6_prefix=pin)]))
    got = {v.name: v.prefix.text for v in fp.vms}
    assert got["b"] == pin and got["a"] != pin
    outside_res = str(list(list(sub.subnets(new_prefix=72))[5].subnets(new_prefix=80))[0])

    def pinned(prefix, source=ExplicitIpv6Cidr("2001:db8:1234:5600::/56", "ipam-pool-1")):
        i = Ipam()
        return plan_fleet(i, plan_vpc(i, vpc(ipv6=source)), fleet(vms=[Vm("c", AZS[0], ipv6_prefix=prefix)]))

    refused(pinned, outside_res, match="outside the fleet's reservation")
    refused(pinned, "2001:db8:9999::/80", match="outside its subnet")
    refused(pinned, str(res), match="EC2 delegates /80s")
    refused(pinned, pin, source=AmazonProvidedIpv6(), match="only known after apply")
    refused(pinned, "2001:db8:1234:5601:0:0:0:0/80", match="not canonical")


def test_fleet_input_errors():
    refused(fleet, vms=["a", "a"], match="appears twice")
    refused(fleet, vms=["bad_name"], match="not a VM name")
    refused(fleet, vms=[], match="empty")
    refused(fleet, ami="ubuntu", match="not an AMI id")
    refused(fleet, instance_type="big", match="not an instance type")
    refused(fleet, reservation_length=80, match="reservation_length")
    ipam = Ipam()
    vp = plan_vpc(ipam, vpc())
    refused(plan_fleet, ipam, vp, fleet(tier="db"), match="not a tier of VPC main")
    refused(plan_fleet, ipam, vp, fleet(vms=[Vm("a", "eu-central-1z")]), match=r"vms\[0\].az")
    refused(plan_fleet, ipam, vp, fleet(vms=[f"n{i}" for i in range(300)], name="tight", reservation_length=76),
            match="do not fit a /76 reservation")
