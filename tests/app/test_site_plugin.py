"""A newcomer's cloud (issue 13): a toy site kind with one resource type, registered in a test, without
touching the pipeline, the plan file or synth. It validates from the plan, plans through the allocator,
hands a Kubernetes cluster its nodes, and synthesizes its own stack beside the built-in ones."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import pytest
from pydantic import ConfigDict

from constructs_lib import sites
from constructs_lib.app.plan_file import PlanError, json_schema, parse_plan
from constructs_lib.app.pipeline import allocate
from constructs_lib.app.run import synth
from constructs_lib.ipam import Ipam
from constructs_lib.kubernetes import NodeSpec
from constructs_lib.sites import ClusterLinks


@dataclass(frozen=True)
class ToySpec:
    """A toy cloud's site: a number of machines on one network carved from a super network."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    supernet: str
    machines: tuple[str, ...] = ("m-1", "m-2")


@dataclass(frozen=True)
class ToyPlan:
    site: str
    network: str
    addresses: dict[str, str]


class ToyCloud:
    name = "toycloud"
    spec_type = ToySpec
    description = "a toy cloud for the plug-in test"

    def defaults(self, site: str, data: Mapping[str, Any]) -> dict[str, Any]:
        return dict(data)

    def check(self, site: str, spec: ToySpec, super_networks: Sequence[str], given: Mapping[str, Any]) -> list[str]:
        return [] if spec.supernet in super_networks else [f"sites.{site}.toycloud.supernet: {spec.supernet!r} is not a super network"]

    def plan(self, ipam: Ipam, site: str, spec: ToySpec) -> ToyPlan:
        net = ipam.allocate_network(spec.supernet, key=f"{site}/net", lengths={"ipv6": 64}, families=["ipv6"])
        addresses = {m: ipam.acquire_ip(net.id, f"{site}/net/{m}", family="ipv6").text for m in spec.machines}
        return ToyPlan(site, net.id, addresses)

    def links(self, ipam: Ipam, plan: ToyPlan) -> ClusterLinks:
        return ClusterLinks(node_networks={"ipv6": plan.network},
                            machines=[NodeSpec(name=m, addresses={"ipv6": a}) for m, a in plan.addresses.items()])

    def build_stack(self, scope: Any, stack_id: str, plan: ToyPlan, *, backend_path: str) -> Any:
        from constructs_lib.engine import LocalBackend, TerraformStack
        from constructs_lib.providers.elements import Resource
        from constructs_lib.providers.openstack_types import OpenstackNetworkingNetworkV2

        stack = TerraformStack(scope, stack_id)
        LocalBackend(stack, path=backend_path)
        Resource(stack, "toy", OpenstackNetworkingNetworkV2(name=f"toy-{plan.site}"), for_each=dict(plan.addresses))
        return stack


PLAN = {
    "version": 1,
    "super_networks": [{"id": "toy-space", "prefixes": ["fd77::/48"]}],
    "sites": {"lab": {"toycloud": {"supernet": "toy-space", "machines": ["m-1", "m-2", "m-3"]}}},
    "kubernetes": {"k": {"site": "lab", "pods": "v6private/56", "services": "v6private/108"}},
}


@pytest.fixture
def toycloud():
    kind = sites.register(ToyCloud())
    yield kind
    sites.unregister(kind.name)


def test_a_new_cloud_plugs_in_without_touching_the_app(toycloud, tmp_path):
    plan, clusters = parse_plan(PLAN)
    assert plan.sites["lab"].kind == "toycloud"
    done = allocate(plan, clusters, Ipam())
    assert len(done.sites["lab"].plan.addresses) == 3
    join = done.clusters["k"].files["kubeadm/join-m-2.yaml"]
    assert done.sites["lab"].plan.addresses["m-2"] in join  # the cluster took the toy cloud's machines
    assert "toycloud" in json.dumps(json_schema()["$defs"])
    # and the real synth builds its stack, with the state outside the output like every stack
    (tmp_path / "plan.yaml").write_text(json.dumps(PLAN))
    assert synth(str(tmp_path / "plan.yaml"), outdir=str(tmp_path / "cdktf.out")) == 0
    stack = json.loads((tmp_path / "cdktf.out/stacks/lab/cdk.tf.json").read_text())
    assert sorted(stack["resource"]["openstack_networking_network_v2"]["toy"]["for_each"]) == ["m-1", "m-2", "m-3"]
    assert stack["terraform"]["backend"]["local"]["path"].endswith("state/lab.tfstate")


def test_its_checks_speak_in_plan_paths(toycloud):
    bad = json.loads(json.dumps(PLAN))
    bad["sites"]["lab"]["toycloud"]["supernet"] = "nowhere"
    with pytest.raises(PlanError, match=r"sites.lab.toycloud.supernet: 'nowhere' is not a super network"):
        parse_plan(bad)
    bad["sites"]["lab"]["toycloud"]["colour"] = "red"
    with pytest.raises(PlanError, match=r"sites.lab.toycloud.colour: unknown key"):
        parse_plan(bad)


def test_unregistered_the_kind_is_unknown_again():
    with pytest.raises(PlanError, match="sites.lab.toycloud: unknown key"):
        parse_plan(PLAN)
