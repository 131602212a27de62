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

from constructs_lib.aws import _generate
from constructs_lib.aws import ExplicitIpv6Cidr, FleetProps, PrefixCount, SubnetTier, VpcProps
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
    vpc = Ipv6Vpc(stack, "vpc", ipam=ipam, props=VpcProps(
        name="lab", region=R, azs=AZS, ipv4_cidr="10.20.0.0/16",
        ipv6=ExplicitIpv6Cidr(BYOIP, "ipam-pool-0byoip"), nat_gateways="one_per_az",
        tiers=(SubnetTier("edge", ipv6_only=False, public=True, nat_gateway=True),
               SubnetTier("apps", ipv6_only=False, ipv4_length=22),
               SubnetTier("nodes")),
    ))
    node = VmFleet(stack, "node", ipam=ipam, vpc=vpc, props=FleetProps(
        name="node", tier="nodes", vms=["web-1", "web-2", "web-3", "web-4"], ami=AMI, instance_type="m6i.large"))
    VmFleet(stack, "batch", ipam=ipam, vpc=vpc, props=FleetProps(
        name="batch", tier="nodes", vms=["b-1", "b-2"], ami=AMI, instance_type="m6i.large",
        prefixes=PrefixCount(2), eni_ipv6_limit=15))
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
    checked_in = Path(_generate.OUT).read_text()
    assert _generate.generate(schema) == checked_in, "regenerate: python -m constructs_lib.aws._generate"
