"""The synthesized AWS stacks against the real provider: init, validate, offline plan, schema.

Two working directories, run side by side once per module:

- ``poc``: the seed-003 stack as shipped (Amazon /56, 3 VMs): values known only after apply
  show up as unknown in the plan; everything else is checked value by value.
- ``byoip``: a concrete /56 (ExplicitIpv6Cidr), an explicit fleet and a count-mode fleet in the
  same subnets: Terraform itself evaluates our for_each maps, so each planned /80 is compared
  with the allocator's answer.

Skipped (with the reason) only when the terraform CLI or the provider mirror is missing.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.aws._support import AMI, synth
from tests.tfmirror import Terraform, planned_resources, requires, resource_changes

from constructs_lib.aws import ExplicitIpv6Cidr, FleetProps, FleetSecurity, PrefixCount, SubnetTier, VpcProps
from constructs_lib.providers import aws_types, generate
from constructs_lib.ipam import Ipam
from stacks.aws_ipv6 import AwsIpv6Spec

pytestmark = requires("hashicorp/aws")

R = "eu-central-1"
AZS = (f"{R}a", f"{R}b", f"{R}c")
BYOIP = "2001:db8:1234:5600::/56"


def synth_byoip(outdir: Path):
    """A stack built from the constructs directly: BYOIP VPC, explicit and count-mode fleets."""
    from constructs_lib.engine import App, TerraformStack

    from constructs_lib.aws import AwsProvider, Ipv6Vpc, VmFleet
    from stacks.aws_ipv6 import provider_config

    ipam = Ipam()
    app = App(outdir=str(outdir))
    stack = TerraformStack(app, "byoip")
    AwsProvider(stack, "aws", provider_config(AwsIpv6Spec(offline=True)))
    vpc = Ipv6Vpc.from_props(stack, "vpc", ipam=ipam, props=VpcProps(
        name="lab", region=R, azs=AZS, ipv4_cidr="10.20.0.0/16",
        ipv6=ExplicitIpv6Cidr(BYOIP, "ipam-pool-0byoip"), nat_gateways="one_per_az",
        tiers=(SubnetTier("edge", ipv6_only=False, public=True, nat_gateway=True),
               SubnetTier("apps", ipv6_only=False, ipv4_length=22),
               SubnetTier("nodes")),
    ))
    node = VmFleet.from_props(stack, "node", ipam=ipam, vpc=vpc, props=FleetProps(
        name="node", tier="nodes", vms=["web-1", "web-2", "web-3", "web-4"], ami=AMI, instance_type="m6i.large"),
        security=FleetSecurity(ssh_from={"ipv6": ["2001:db8:ffff::/48"]}, api_from={"ipv4": ["198.51.100.0/24"]},
                               egress_vpc=True, egress_anywhere=True))
    VmFleet.from_props(stack, "batch", ipam=ipam, vpc=vpc, props=FleetProps(
        name="batch", tier="nodes", vms=["b-1", "b-2"], ami=AMI, instance_type="m6i.large",
        prefixes=PrefixCount(2), eni_ipv6_limit=15))
    VmFleet.from_props(stack, "app", ipam=ipam, vpc=vpc, props=FleetProps(  # a dual-stack tier's fleet
        name="app", tier="apps", vms=["a-1"], ami=AMI, instance_type="m6i.large"))
    app.synth()
    stack_dir = Path(outdir) / "stacks" / "byoip"
    return json.loads((stack_dir / "cdk.tf.json").read_text()), stack_dir, ipam, vpc, node


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    poc_doc, poc_dir, poc_ipam = synth(AwsIpv6Spec(offline=True), tmp_path_factory.mktemp("poc"))
    byoip_doc, byoip_dir, byoip_ipam, vpc, node = synth_byoip(tmp_path_factory.mktemp("byoip"))

    def pipeline(stack_dir: Path, *, validate: bool, schema: bool) -> dict:
        tf = Terraform(stack_dir)
        tf.init()
        out: dict = {}
        if validate:
            out["validate"] = tf.validate()
        out["plan"] = tf.plan_json()  # no -var: offline mode needs no input
        if schema:
            out["schema"] = tf.providers_schema()
        return out

    # each terraform command starts the 700 MB provider (seconds of CPU): the shipped stack gets
    # validate + plan, the second one plan (which validates too) + the schema dump, side by side
    with ThreadPoolExecutor(max_workers=2) as pool:
        a = pool.submit(pipeline, poc_dir, validate=True, schema=False)
        b = pool.submit(pipeline, byoip_dir, validate=False, schema=True)
        poc, byoip = a.result(), b.result()
    return {
        "poc": {**poc, "doc": poc_doc, "ipam": poc_ipam},
        "byoip": {**byoip, "doc": byoip_doc, "ipam": byoip_ipam, "vpc": vpc, "node": node},
    }


def expected_addresses(doc: dict) -> set[str]:
    out = set()
    for t, rs in doc["resource"].items():
        for n, r in rs.items():
            fe = r.get("for_each")
            if fe is None:
                out.add(f"{t}.{n}")
            elif isinstance(fe, dict):
                out |= {f'{t}.{n}["{k}"]' for k in fe}
            else:  # for_each over another resource: same keys as that resource
                src = fe.removeprefix("${").removesuffix("}")
                st, sn = src.split(".")
                out |= {f'{t}.{n}["{k}"]' for k in doc["resource"][st][sn]["for_each"]}
    return out


def values(plan: dict, address: str) -> dict:
    return planned_resources(plan)[address]["values"]


def unknown(plan: dict, address: str) -> dict:
    return resource_changes(plan)[address]["change"]["after_unknown"]


# -- validate and plan --------------------------------------------------------------------------------

def test_validate_passes(runs):
    v = runs["poc"]["validate"]
    assert v["valid"] is True and v["error_count"] == 0, v


def test_plan_creates_exactly_the_synthesized_resources(runs):
    for name in ("poc", "byoip"):
        plan, doc = runs[name]["plan"], runs[name]["doc"]
        changes = resource_changes(plan)
        assert set(changes) == expected_addresses(doc), name
        assert {tuple(c["change"]["actions"]) for c in changes.values()} == {("create",)}


def test_poc_plan_vpc_and_subnets(runs):
    plan = runs["poc"]["plan"]
    vpc = values(plan, "aws_vpc.poc")
    assert vpc["assign_generated_ipv6_cidr_block"] is True and vpc["cidr_block"] == "10.0.0.0/16"
    assert unknown(plan, "aws_vpc.poc")["ipv6_cidr_block"] is True, "the /56 is Amazon's choice at apply"
    for az in AZS:
        sn = values(plan, f'aws_subnet.poc_nodes["{az}"]')
        assert sn["availability_zone"] == az
        assert sn["ipv6_native"] is True and sn["enable_dns64"] is True and sn["cidr_block"] is None
        assert sn["private_dns_hostname_type_on_launch"] == "resource-name"
        assert sn["enable_resource_name_dns_aaaa_record_on_launch"] is True
        assert sn["enable_resource_name_dns_a_record_on_launch"] is False
        assert unknown(plan, f'aws_subnet.poc_nodes["{az}"]')["ipv6_cidr_block"] is True
        pub = values(plan, f'aws_subnet.poc_public["{az}"]')
        assert pub["cidr_block"] == f"10.0.{AZS.index(az)}.0/24" and pub["ipv6_native"] is False


def test_poc_plan_routes_and_gateways(runs):
    plan = runs["poc"]["plan"]
    for az in AZS:
        r = values(plan, f'aws_route.poc_nodes_nat64["{az}"]')
        assert r["destination_ipv6_cidr_block"] == "64:ff9b::/96"
        assert unknown(plan, f'aws_route.poc_nodes_nat64["{az}"]')["nat_gateway_id"] is True
        d = values(plan, f'aws_route.poc_nodes_default_ipv6["{az}"]')
        assert d["destination_ipv6_cidr_block"] == "::/0" and d["gateway_id"] is None
        assert unknown(plan, f'aws_route.poc_nodes_default_ipv6["{az}"]')["egress_only_gateway_id"] is True
    nat = values(plan, f'aws_nat_gateway.poc["{R}a"]')
    assert nat["connectivity_type"] == "public"
    assert values(plan, f'aws_eip.poc_nat["{R}a"]')["domain"] == "vpc"


def test_poc_plan_fleet(runs):
    plan = runs["poc"]["plan"]
    for i, name in enumerate(["node-1", "node-2", "node-3"]):
        r = values(plan, f'aws_ec2_subnet_cidr_reservation.node["{AZS[i]}"]')
        assert r["reservation_type"] == "explicit"
        eni = f'aws_network_interface.node["{name}"]'
        assert values(plan, eni)["tags"] == {"Name": name, "project": "dualstack"}
        assert unknown(plan, eni)["ipv6_prefixes"] is True, "cidrsubnet of an unknown subnet CIDR"
        inst = values(plan, f'aws_instance.node["{name}"]')
        assert inst["ami"] == "ami-00000000000000000" and inst["instance_type"] == "t3.micro"
        assert inst["metadata_options"][0]["http_protocol_ipv6"] == "enabled"
        assert len(inst["network_interface"]) == 1 and inst["network_interface"][0]["device_index"] == 0
    assert "node_ipv6_prefixes" in plan["planned_values"]["outputs"]


def test_byoip_plan_has_the_allocators_cidrs(runs):
    plan, ipam = runs["byoip"]["plan"], runs["byoip"]["ipam"]
    vpc_plan = runs["byoip"]["vpc"].plan
    assert values(plan, "aws_vpc.lab")["ipv6_cidr_block"] == BYOIP
    assert values(plan, "aws_vpc.lab")["ipv6_ipam_pool_id"] == "ipam-pool-0byoip"
    for (tier, az), sp in vpc_plan.subnets.items():
        v = values(plan, f'aws_subnet.lab_{tier}["{az}"]')
        assert v["ipv6_cidr_block"] == sp.ipv6.text
        assert v["cidr_block"] == (sp.ipv4.text if sp.ipv4 else None)
    for name in ["web-1", "web-2", "web-3", "web-4"]:
        alloc = ipam.get(f"lab/vm/{name}")
        assert values(plan, f'aws_network_interface.node["{name}"]')["ipv6_prefixes"] == [alloc.text]
    node = runs["byoip"]["node"]
    for az, rp in node.plan.reservations.items():
        assert values(plan, f'aws_ec2_subnet_cidr_reservation.node["{az}"]')["cidr_block"] == rp.prefix.text


def test_byoip_plan_count_mode_fleet(runs):
    plan = runs["byoip"]["plan"]
    for name in ["b-1", "b-2"]:
        eni = values(plan, f'aws_network_interface.batch["{name}"]')
        assert eni["ipv6_prefix_count"] == 2
        assert unknown(plan, f'aws_network_interface.batch["{name}"]').get("ipv6_prefixes") is True, "AWS picks"
    rsv = [a for a in planned_resources(plan) if a.startswith("aws_ec2_subnet_cidr_reservation.batch")]
    assert rsv and {values(plan, a)["reservation_type"] for a in rsv} == {"prefix"}
    node_rsv = {values(plan, a)["cidr_block"] for a in planned_resources(plan) if a.startswith("aws_ec2_subnet_cidr_reservation.node")}
    assert not node_rsv & {values(plan, a)["cidr_block"] for a in rsv}, "the two fleets' reservations are distinct"


def test_byoip_plan_per_az_nat64_and_ipv4_egress(runs):
    plan = runs["byoip"]["plan"]
    for az in AZS:
        assert values(plan, f'aws_route.lab_nodes_nat64["{az}"]')["destination_ipv6_cidr_block"] == "64:ff9b::/96"
        assert values(plan, f'aws_route.lab_apps_default_ipv4["{az}"]')["destination_cidr_block"] == "0.0.0.0/0"
        assert f'aws_nat_gateway.lab["{az}"]' in planned_resources(plan)
    assert 'aws_route.lab_apps_nat64["eu-central-1a"]' not in planned_resources(plan), "dual-stack tier: DNS64 off"


# -- the typed layer against the real schema ----------------------------------------------------------------

def provider_schema(runs) -> dict:
    return runs["byoip"]["schema"]["provider_schemas"]["registry.terraform.io/hashicorp/aws"]


def check_block(path: str, given: dict, block: dict, problems: list[str]) -> None:
    attrs, blocks = block.get("attributes", {}), block.get("block_types", {})
    for k, v in given.items():
        if k in ("//", "for_each", "depends_on", "count", "provider", "lifecycle"):
            continue
        if k in attrs:
            a = attrs[k]
            if not (a.get("required") or a.get("optional")):
                problems.append(f"{path}.{k}: computed only")
            if a.get("deprecated"):
                problems.append(f"{path}.{k}: deprecated")
        elif k in blocks:
            for item in v if isinstance(v, list) else [v]:
                check_block(f"{path}.{k}", item, blocks[k]["block"], problems)
        else:
            problems.append(f"{path}.{k}: not in the provider schema")


def test_every_attribute_we_set_exists_in_the_real_schema(runs):
    schema = provider_schema(runs)
    problems: list[str] = []
    for name in ("poc", "byoip"):
        doc = runs[name]["doc"]
        for t, rs in doc["resource"].items():
            for n, r in rs.items():
                check_block(f"{t}.{n}", r, schema["resource_schemas"][t]["block"], problems)
        for p in doc["provider"]["aws"]:
            check_block("provider.aws", p, schema["provider"]["block"], problems)
    assert problems == []


def test_generated_typed_layer_matches_the_real_schema(runs):
    schema = dict(runs["byoip"]["schema"])
    schema["_provider_version"] = "5.100.0"
    checked_in = generate.AWS.out.read_text()
    assert generate.generate(schema, generate.AWS) == checked_in, "regenerate: python -m constructs_lib.providers.generate aws"


def test_typed_layer_argument_sets_are_the_schemas(runs):
    """Each class takes exactly the schema's settable arguments and blocks, requires exactly its required ones."""
    schema = provider_schema(runs)
    problems = []

    def check(cls, block: dict, where: str) -> None:
        args = generate.arguments(block, generate.AWS.skip)
        blocks = generate.nested_blocks(block)
        fields = {cls.TF_NAMES.get(f, f) for f in cls.FIELDS}
        if fields != set(args) | set(blocks):
            problems.append(f"{where}: fields {sorted(fields ^ (set(args) | set(blocks)))} differ")
        if cls.REQUIRED != {n for n, a in args.items() if a.get("required")}:
            problems.append(f"{where}: required {sorted(cls.REQUIRED)}")
        if cls.ATTRIBUTES != set(block.get("attributes", {})) | set(block.get("block_types", {})):
            problems.append(f"{where}: attributes differ")
        for name, (mode, sub) in cls.BLOCKS.items():
            want = blocks[name]["nesting_mode"]
            if mode != ("list1" if want == "list" and blocks[name].get("max_items") == 1 else want):
                problems.append(f"{where}.{name}: nesting {mode} != {want}")
            check(sub, blocks[name]["block"], f"{where}.{name}")

    check(aws_types.AwsProviderConfig, schema["provider"]["block"], "provider")
    for name, cls in aws_types.RESOURCE_TYPES.items():
        check(cls, schema["resource_schemas"][name]["block"], name)
    for name, cls in aws_types.DATA_SOURCE_TYPES.items():
        check(cls, schema["data_source_schemas"][name]["block"], f"data.{name}")
    assert problems == []


# -- the nodes' security group, as Terraform plans it -------------------------------------------------------

def test_poc_plan_security_group_on_every_eni(runs):
    plan = runs["poc"]["plan"]
    sg = values(plan, "aws_security_group.node")
    assert sg["name"] == "poc-node" and sg["revoke_rules_on_delete"] is False
    for name in ("node-1", "node-2", "node-3"):
        assert unknown(plan, f'aws_network_interface.node["{name}"]')["security_groups"] is True  # the new group's id
    ptb = values(plan, 'aws_vpc_security_group_ingress_rule.node["icmpv6-packet-too-big"]')
    assert (ptb["ip_protocol"], ptb["from_port"], ptb["to_port"], ptb["cidr_ipv6"]) == ("icmpv6", 2, -1, "::/0")
    nodes = values(plan, 'aws_vpc_security_group_ingress_rule.node["nodes"]')
    assert nodes["ip_protocol"] == "-1" and nodes["cidr_ipv6"] is None and nodes["from_port"] is None
    assert unknown(plan, 'aws_vpc_security_group_ingress_rule.node["nodes"]')["referenced_security_group_id"] is True
    egress = [a for a in planned_resources(plan) if a.startswith("aws_vpc_security_group_egress_rule.node[")]
    assert egress and not [a for a in egress if values(plan, a).get("cidr_ipv6") == "::/0" or values(plan, a).get("cidr_ipv4") == "0.0.0.0/0"]


def test_byoip_plan_security_rules_asked_for(runs):
    plan = runs["byoip"]["plan"]
    ssh = values(plan, 'aws_vpc_security_group_ingress_rule.node["ssh_v6_2001-db8-ffff-48"]')
    assert (ssh["ip_protocol"], ssh["from_port"], ssh["to_port"], ssh["cidr_ipv6"]) == ("tcp", 22, 22, "2001:db8:ffff::/48")
    api = values(plan, 'aws_vpc_security_group_ingress_rule.node["kube-api_v4_198-51-100-0-24"]')
    assert (api["from_port"], api["cidr_ipv4"]) == (6443, "198.51.100.0/24")
    assert values(plan, 'aws_vpc_security_group_egress_rule.node["anywhere_v6"]')["cidr_ipv6"] == "::/0"
    assert values(plan, 'aws_vpc_security_group_egress_rule.node["vpc_v6"]')["cidr_ipv6"] == BYOIP
    node = runs["byoip"]["node"]
    for az, rp in node.plan.reservations.items():  # pod prefixes: the reservations, concrete with BYOIP
        assert values(plan, f'aws_vpc_security_group_ingress_rule.node["pods_{az}"]')["cidr_ipv6"] == rp.prefix.text
    # a dual-stack tier's fleet also lets IPv4 "fragmentation needed" in, for IPv4 path MTU discovery
    frag = values(plan, 'aws_vpc_security_group_ingress_rule.app["icmp-fragmentation-needed"]')
    assert (frag["ip_protocol"], frag["from_port"], frag["to_port"], frag["cidr_ipv4"]) == ("icmp", 3, 4, "0.0.0.0/0")
