"""Typed elements reach cdktf as one element per stack, and write exactly what cdktf's own would.

The reference below is how the typed layer used to work: one ``TerraformResource`` /
``TerraformDataSource`` / ``TerraformOutput`` per element, attributes from a synth callback,
``for_each`` and ``depends_on`` as overrides. Both build the same stack, in JSON and in
``--hcl``; the files must be byte-identical, while the jsii messages no longer grow per element.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_lib.engine import App, Construct, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack
from constructs_lib.providers.block import SchemaError
from constructs_lib.providers.elements import DataSource, Dynamic, Output, Resource, remember_scope
from constructs_lib.providers.openstack_types import (
    DataOpenstackNetworkingSubnetpoolV2,
    OpenstackNetworkingNetworkV2,
    OpenstackNetworkingPortV2,
    OpenstackNetworkingPortV2AllowedAddressPairs,
    OpenstackNetworkingPortV2FixedIp,
)


class _RefResource(TerraformResource):
    def __init__(self, scope, logical_id, args, *, for_each=None, depends_on=(), dynamic=None):
        from constructs_lib.providers.elements import _attributes

        self._a, self._h = _attributes(args.TF_TYPE, args, dynamic)
        super().__init__(scope, f"{args.TF_TYPE}.{logical_id}", terraform_resource_type=args.TF_TYPE)
        self.override_logical_id(logical_id)
        if for_each is not None:
            self.add_override("for_each", {k: for_each[k] for k in sorted(for_each)})
        if depends_on:
            self.add_override("depends_on", list(depends_on))

    def _synthesize_attributes(self):
        return self._a

    def _synthesize_hcl_attributes(self):
        return self._h


class _RefData(TerraformDataSource):
    def __init__(self, scope, logical_id, args):
        from constructs_lib.providers.elements import _attributes

        self._a, self._h = _attributes(f"data.{args.TF_TYPE}", args, None)
        super().__init__(scope, f"data.{args.TF_TYPE}.{logical_id}", terraform_resource_type=args.TF_TYPE)
        self.override_logical_id(logical_id)

    def _synthesize_attributes(self):
        return self._a

    def _synthesize_hcl_attributes(self):
        return self._h


def _ref_output(scope, name, **kw):
    out = TerraformOutput(scope, name, **kw)
    out.override_logical_id(name)
    return out


def build(stack, *, ours: bool) -> None:
    """A stack with what the typed layer uses: nested scopes, for_each, depends_on, dynamic blocks,
    a data source, an escape-hatch override and outputs at two depths."""
    res, data, out = (Resource, DataSource, Output) if ours else (_RefResource, _RefData, _ref_output)
    net = Construct(stack, "network")
    if ours:
        remember_scope(net, stack, "network")
    res(net, "net", OpenstackNetworkingNetworkV2(name="net", admin_state_up=True))
    data(net, "pool", DataOpenstackNetworkingSubnetpoolV2(name="default-v6"))
    ports = Construct(net, "ports")  # a scope nobody remembered: found through jsii
    nodes = {"b-node": {"ip": "10.0.0.2"}, "a-node": {"ip": "10.0.0.1"}}
    port = res(ports, "node", OpenstackNetworkingPortV2(
        network_id="${openstack_networking_network_v2.net.id}",
        fixed_ip=[OpenstackNetworkingPortV2FixedIp(subnet_id="s", ip_address="${each.value.ip}")],
    ), for_each=nodes, depends_on=["openstack_networking_network_v2.net"],
        dynamic={"allowed_address_pairs": Dynamic(for_each="${each.value.pairs}", content=OpenstackNetworkingPortV2AllowedAddressPairs(
            ip_address="${allowed_address_pairs.value}"))})
    port.add_override("lifecycle.ignore_changes", ["tags"])
    port.add_override("fixed_ip.0.ip_address", "10.0.0.9")  # into a list by index, as cdktf's deepMerge does
    port.add_override("provider", "openstack.west")
    # a for_each map and an output of 70 entries (the fragment crosses jsii once, as a token)
    many = {f"n{i:03}": {"ip": f"10.0.1.{i}"} for i in range(70)}
    res(ports, "many", OpenstackNetworkingPortV2(network_id="n", name="${each.key}"), for_each=many)
    out(stack, "nodes", value={"a": "${openstack_networking_port_v2.node}"}, description="ports")
    out(ports, "first", value="x").add_override("depends_on", ["openstack_networking_port_v2.node"])
    out(stack, "many", value={k: v["ip"] for k, v in many.items()})


def synth(tmp: Path, name: str, *, ours: bool, hcl: bool) -> dict[str, str]:
    app = App(outdir=str(tmp / name), hcl_output=hcl)
    stack = TerraformStack(app, "s")
    if ours:
        remember_scope(stack, app, "s")
    build(stack, ours=ours)
    app.synth()
    folder = tmp / name / "stacks" / "s"
    return {p.name: p.read_text() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("hcl", [False, True], ids=["json", "hcl"])
def test_the_stack_is_what_cdktf_elements_write(tmp_path, hcl):
    theirs = synth(tmp_path, "theirs", ours=False, hcl=hcl)
    ours = synth(tmp_path, "ours", ours=True, hcl=hcl)
    assert ours == theirs
    assert ("cdk.tf" if hcl else "cdk.tf.json") in ours
    text = next(iter(ours.values()))
    for expected in ("ignore_changes", "default-v6", "allowed_address_pairs", "a-node", "first", "n069", "10.0.1.69", "10.0.0.9",
                     "openstack.west"):
        assert expected in text


def count_messages(monkeypatch, n: int, tmp: Path) -> int:
    from jsii._kernel.providers import process

    sent = [0]
    real = process._NodeProcess.send

    def counting(self, request, response_type):
        sent[0] += 1
        return real(self, request, response_type)

    app = App(outdir=str(tmp / f"n{n}"))
    stack = TerraformStack(app, "s")
    remember_scope(stack, app, "s")
    monkeypatch.setattr(process._NodeProcess, "send", counting)
    try:
        for i in range(n):
            Resource(stack, f"net_{i}", OpenstackNetworkingNetworkV2(name=f"net-{i}"))
            Output(stack, f"net_{i}", value=f"${{openstack_networking_network_v2.net_{i}.id}}")
        app.synth()
    finally:
        monkeypatch.setattr(process._NodeProcess, "send", real)
    assert (tmp / f"n{n}" / "stacks" / "s" / "cdk.tf.json").read_text().count('"net-') == n
    return sent[0]


def test_jsii_messages_do_not_grow_with_the_elements(monkeypatch, tmp_path):
    few, many = count_messages(monkeypatch, 3, tmp_path), count_messages(monkeypatch, 60, tmp_path)
    assert few == many, f"3 elements: {few} jsii messages, 60 elements: {many}"


def test_one_address_twice_in_a_stack_is_refused(tmp_path):
    app = App(outdir=str(tmp_path))
    stack = TerraformStack(app, "s")
    Resource(Construct(stack, "a"), "net", OpenstackNetworkingNetworkV2(name="one"))
    with pytest.raises(SchemaError, match=r"openstack_networking_network_v2.net: defined twice in stack s \(s/a/openstack_networking_network_v2.net and "
                                          r"s/b/openstack_networking_network_v2.net\)"):
        Resource(Construct(stack, "b"), "net", OpenstackNetworkingNetworkV2(name="two"))
    Output(stack, "o", value=1)
    with pytest.raises(SchemaError, match="output.o: defined twice"):
        Output(stack, "o", value=2)
    with pytest.raises(SchemaError, match=r"output 'bad name': not a Terraform name"):
        Output(stack, "bad name", value=3)


def test_a_typed_element_takes_no_cdktf_properties_silently(tmp_path):
    stack = TerraformStack(App(outdir=str(tmp_path)), "s")
    r = Resource(stack, "net", OpenstackNetworkingNetworkV2(name="one"))
    with pytest.raises(AttributeError, match=r"openstack_networking_network_v2.net: 'provider' cannot be set on a typed element; "
                                             r"use add_override\('provider', \.\.\.\)"):
        r.provider = "openstack.west"


def test_an_output_and_a_scope_holding_another_output_cannot_share_a_path(tmp_path):
    stack = TerraformStack(App(outdir=str(tmp_path)), "s")
    Output(stack, "fleet", value=1)
    with pytest.raises(SchemaError, match=r"output.ips: its path s/fleet/ips and the output at s/fleet collide"):
        Output(Construct(stack, "fleet"), "ips", value=2)
    other = TerraformStack(App(outdir=str(tmp_path / "2")), "s")
    Output(Construct(other, "fleet"), "ips", value=2)
    with pytest.raises(SchemaError, match=r"output.fleet: its path s/fleet and the output at s/fleet/ips collide"):
        Output(other, "fleet", value=1)


def test_hcl_of_a_stack_built_for_json_is_refused_not_cut_short(tmp_path):
    from constructs_lib.engine import Testing

    stack = TerraformStack(Testing.app(), "s")
    Resource(stack, "one", OpenstackNetworkingNetworkV2(name="one"))
    Resource(stack, "two", OpenstackNetworkingNetworkV2(name="two"))
    with pytest.raises(Exception, match=r"typed elements were made for JSON; for HCL build the app with App\(hcl_output=True\)"):
        Testing.synth_hcl(stack)
