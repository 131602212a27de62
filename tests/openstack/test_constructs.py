"""The constructs, synthesized with cdktf's Testing helpers and read property by property."""

from __future__ import annotations

import json

import pytest
from constructs_lib import engine as cdktf
from constructs_lib.engine import TerraformStack

from constructs_lib.openstack import (
    DefaultSubnetPool,
    DualStackNetwork,
    DualStackPort,
    DualStackSecurityGroup,
    ExistingRouter,
    ExternalGateway,
    FloatingIpV4,
    Icmpv6Essentials,
    Ipv4Subnet,
    Ipv6Mode,
    Ipv6Subnet,
    NamedSubnetPool,
    NeutronRuleError,
    NewRouter,
    OpenStackProvider,
    OpenstackProviderConfig,
    Remote,
    RuleSpec,
    SELF,
    Server,
    VipPort,
    kubermatic_ipv6_source,
)

SUBNET = "openstack_networking_subnet_v2"
PORT = "openstack_networking_port_v2"
IFACE = "openstack_networking_router_interface_v2"
ROUTE = "openstack_networking_router_route_v2"
RULE = "openstack_networking_secgroup_rule_v2"


def new_stack(app, name):
    stack = TerraformStack(app, name)
    OpenStackProvider(stack, "openstack", OpenstackProviderConfig())
    return stack


@pytest.fixture(scope="module")
def built(synth):
    """One app, several small stacks, each synthesized once."""
    app = cdktf.Testing.app()
    out = {}

    # dual-stack, the seed's shape
    s = new_stack(app, "dual")
    net = DualStackNetwork(
        s, "net", name="k8s",
        ipv4=Ipv4Subnet(cidr="172.30.154.0/24", allocation_pools=[("172.30.154.2", "172.30.154.63")], dns_nameservers=["9.9.9.9"]),
        ipv6=Ipv6Subnet(cidr="fd00::/120", dns_nameservers=["2620:fe::fe"]),
        router=NewRouter(external_gateway=ExternalGateway(network_id="ext-net", ipv4_subnet_id="ext-v4", ipv6_subnet_id="ext-v6",
                                                          ipv6_address="2001:db8:ffff::10")),
    )
    sg = DualStackSecurityGroup(
        s, "sg", name="k8s", icmpv6=Icmpv6Essentials(on_link_ipv6=("fd00::/120",), on_link_ipv4=("172.30.154.0/24",)),
        rules=[RuleSpec(key="cluster", protocol="any", remote=Remote.group(SELF)),
               RuleSpec(key="api", protocol="tcp", ports=(6443, 6443), remote=Remote.prefixes(ipv4=["192.0.2.0/24"], ipv6=["2001:db8:2::/48"]))],
    )
    vip4 = VipPort(s, "vip4", network=net, name="vip-v4", family="ipv4", address="172.30.154.10")
    vip6 = VipPort(s, "vip6", network=net, name="vip-v6", family="ipv6", address="fd00::a")
    cp0 = DualStackPort(s, "cp0", network=net, name="cp-0", addresses={"ipv4": "172.30.154.64", "ipv6": "fd00::80"},
                        security_group_ids=[sg.id], allowed_addresses=[vip4.vip, vip6.vip], routed_prefixes={"pods": "fd10::/80"})
    FloatingIpV4(s, "fip", pool="public", port=vip4, key="vip")
    Server(s, "srv", name="cp-0", ports=[cp0], flavor_name="m1.medium", image_name="ubuntu")
    out["dual"] = synth(s)
    out["dual_objects"] = dict(net=net, cp0=cp0, vip4=vip4, vip6=vip6)

    # every IPv6 mode, and a port that lets Neutron pick (EUI-64)
    s = new_stack(app, "modes")
    for i, mode in enumerate(Ipv6Mode):
        n = DualStackNetwork(s, f"n{i}", name=f"m-{mode.value}", ipv6=Ipv6Subnet(cidr=f"2001:db8:{i + 1}::/64", mode=mode))
        if mode is Ipv6Mode.SLAAC:
            out["slaac_port"] = DualStackPort(s, "slaac-port", network=n, name="slaac-node")
    out["modes"] = synth(s)

    # single-stack IPv4, IPv6-only, an existing router, no router
    s = new_stack(app, "single")
    DualStackNetwork(s, "v4", name="only-v4", ipv4=Ipv4Subnet(cidr="10.1.0.0/24"))
    DualStackNetwork(s, "v6", name="only-v6", ipv6=Ipv6Subnet(cidr="2001:db8:6::/64"), router=ExistingRouter("router-uuid"))
    DualStackNetwork(s, "none", name="no-router", ipv4=Ipv4Subnet(cidr="10.2.0.0/24"), router=None)
    out["single"] = synth(s)

    # the IPv6 prefix from subnet pools
    s = new_stack(app, "pools")
    named = DualStackNetwork(s, "named", name="named", ipv4=Ipv4Subnet(cidr="10.3.0.0/24"),
                             ipv6=Ipv6Subnet(subnet_pool=NamedSubnetPool("ipv6-pool", address_scope_id="scope-1"), prefix_length=64))
    DualStackNetwork(s, "default", name="default", ipv6=Ipv6Subnet.from_source(DefaultSubnetPool(), prefix_length=64))
    DualStackNetwork(s, "fallback", name="fallback", ipv6=Ipv6Subnet.from_source(kubermatic_ipv6_source(None, default_pool_exists=False)))
    expr_addr = "${cidrhost(" + named.cidr_expression("ipv6") + ", 5)}"
    DualStackPort(s, "p", network=named, name="pool-node", addresses={"ipv6": expr_addr})
    out["pools"] = synth(s)
    out["pool_addr"] = expr_addr
    return out


# -- network, subnets, router ----------------------------------------------------------------


def test_dual_stack_subnets(built):
    subnets = built["dual"]["resource"][SUBNET]
    v4, v6 = subnets["k8s_v4"], subnets["k8s_v6"]
    assert v4["ip_version"] == 4 and v4["cidr"] == "172.30.154.0/24"
    assert "ipv6_ra_mode" not in v4 and "ipv6_address_mode" not in v4
    assert v4["allocation_pool"] == [{"start": "172.30.154.2", "end": "172.30.154.63"}]
    assert v4["dns_nameservers"] == ["9.9.9.9"]
    assert v6["ip_version"] == 6 and v6["cidr"] == "fd00::/120"
    assert v6["ipv6_ra_mode"] == "dhcpv6-stateful" and v6["ipv6_address_mode"] == "dhcpv6-stateful"  # the seed's default
    assert v6["dns_nameservers"] == ["2620:fe::fe"]
    assert v4["network_id"] == v6["network_id"] == "${openstack_networking_network_v2.k8s.id}"


def test_router_interface_per_subnet_and_gateway_per_family(built):
    res = built["dual"]["resource"]
    assert res[IFACE] == {
        "k8s_v4": {"router_id": "${openstack_networking_router_v2.k8s.id}", "subnet_id": "${openstack_networking_subnet_v2.k8s_v4.id}"},
        "k8s_v6": {"router_id": "${openstack_networking_router_v2.k8s.id}", "subnet_id": "${openstack_networking_subnet_v2.k8s_v6.id}"},
    }
    router = res["openstack_networking_router_v2"]["k8s"]
    assert router["external_network_id"] == "ext-net"
    assert router["external_fixed_ip"] == [{"subnet_id": "ext-v4"}, {"subnet_id": "ext-v6", "ip_address": "2001:db8:ffff::10"}]


@pytest.mark.parametrize("mode", list(Ipv6Mode))
def test_ipv6_modes(built, mode):
    res = built["modes"]["resource"]
    subnet = res[SUBNET][f"m-{mode.value}_v6"]
    assert subnet["ip_version"] == 6
    assert subnet.get("ipv6_ra_mode") == mode.ra_mode
    assert subnet["ipv6_address_mode"] == mode.address_mode
    has_iface = f"m-{mode.value}_v6" in res[IFACE]
    assert has_iface == (mode is not Ipv6Mode.SLAAC_EXTERNAL_ROUTER)


def test_slaac_from_external_router_is_address_mode_only(built):
    subnet = built["modes"]["resource"][SUBNET]["m-slaac-external-router_v6"]
    assert subnet["ipv6_address_mode"] == "slaac" and "ipv6_ra_mode" not in subnet


def test_single_stack_variants(built):
    res = built["single"]["resource"]
    assert set(res[SUBNET]) == {"only-v4_v4", "only-v6_v6", "no-router_v4"}
    assert res[SUBNET]["only-v6_v6"]["ipv6_ra_mode"] == "dhcpv6-stateful"
    assert set(res[IFACE]) == {"only-v4_v4", "only-v6_v6"}
    # an existing router is referenced by id, not created
    assert set(res["openstack_networking_router_v2"]) == {"only-v4"}
    assert res[IFACE]["only-v6_v6"]["router_id"] == "router-uuid"


def test_subnet_pool_sources(built):
    data = built["pools"]["data"]["openstack_networking_subnetpool_v2"]
    assert data["named_v6"] == {"name": "ipv6-pool", "ip_version": 6, "address_scope_id": "scope-1"}
    assert data["default_v6"] == {"is_default": True, "ip_version": 6}
    subnets = built["pools"]["resource"][SUBNET]
    named = subnets["named_v6"]
    assert "cidr" not in named and named["prefix_length"] == 64
    assert named["subnetpool_id"] == "${data.openstack_networking_subnetpool_v2.named_v6.id}"
    assert "gateway_ip" not in named and "allocation_pool" not in named  # Neutron's defaults inside a pool prefix
    assert subnets["fallback_v6"]["cidr"] == "fd00::/64" and "subnetpool_id" not in subnets["fallback_v6"]


def test_address_inside_a_pool_prefix_is_cidrhost(built):
    port = built["pools"]["resource"][PORT]["pool-node"]
    assert port["fixed_ip"] == [
        {"subnet_id": "${openstack_networking_subnet_v2.named_v4.id}"},  # not pinned: Neutron's DHCP pool
        {"subnet_id": "${openstack_networking_subnet_v2.named_v6.id}",
         "ip_address": "${cidrhost(openstack_networking_subnet_v2.named_v6.cidr, 5)}"},
    ]


# -- ports, VIPs, floating IPs, instances -------------------------------------------------------


def test_port_fixed_ips_in_both_families(built):
    port = built["dual"]["resource"][PORT]["cp-0"]
    assert port["fixed_ip"] == [
        {"subnet_id": "${openstack_networking_subnet_v2.k8s_v4.id}", "ip_address": "172.30.154.64"},
        {"subnet_id": "${openstack_networking_subnet_v2.k8s_v6.id}", "ip_address": "fd00::80"},
    ]
    assert port["security_group_ids"] == ["${openstack_networking_secgroup_v2.k8s.id}"]


def test_addresses_are_looked_up_by_family(built):
    cp0 = built["dual_objects"]["cp0"]
    assert cp0.address("ipv4") == "172.30.154.64" and cp0.address("ipv6") == "fd00::80"
    with pytest.raises(NeutronRuleError, match="no ipv5 address"):
        cp0.address("ipv5")
    slaac = built["slaac_port"]
    lookup = slaac.address("ipv6")
    assert lookup == '${one([for ip in openstack_networking_port_v2.slaac-node.all_fixed_ips : ip if strcontains(ip, ":")])}'
    # the SLAAC port pins nothing: Neutron builds the EUI-64 address
    assert built["modes"]["resource"][PORT]["slaac-node"]["fixed_ip"] == [{"subnet_id": "${openstack_networking_subnet_v2.m-slaac_v6.id}"}]


def test_nothing_reads_fixed_ips_by_position(built):
    for name in ("dual", "modes", "pools"):
        text = json.dumps(built[name])
        assert "all_fixed_ips[" not in text and "fixed_ip[" not in text


def test_vip_ports_per_family_with_pairs_on_members(built):
    ports = built["dual"]["resource"][PORT]
    assert ports["vip-v4"]["fixed_ip"] == [{"subnet_id": "${openstack_networking_subnet_v2.k8s_v4.id}", "ip_address": "172.30.154.10"}]
    assert ports["vip-v6"]["fixed_ip"] == [{"subnet_id": "${openstack_networking_subnet_v2.k8s_v6.id}", "ip_address": "fd00::a"}]
    pairs = [p["ip_address"] for p in ports["cp-0"]["allowed_address_pairs"]]
    assert pairs == ["172.30.154.10", "fd00::a", "fd10::/80"]


def test_floating_ip_on_the_ipv4_vip(built):
    fip = built["dual"]["resource"]["openstack_networking_floatingip_v2"]["vip"]
    assert fip["port_id"] == "${openstack_networking_port_v2.vip-v4.id}"
    assert fip["fixed_ip"] == "172.30.154.10" and fip["pool"] == "public"
    assert fip["depends_on"] == ["openstack_networking_router_interface_v2.k8s_v4"]


def test_floating_ip_on_ipv6_is_refused(built):
    app = cdktf.Testing.app()
    s = new_stack(app, "fip6")
    objs = built["dual_objects"]
    with pytest.raises(NeutronRuleError, match="floating IP can only map to a fixed IPv4"):
        FloatingIpV4(s, "f", pool="public", port=objs["vip4"], key="x", family="ipv6")
    with pytest.raises(NeutronRuleError, match="has no IPv4 address"):
        FloatingIpV4(s, "f", pool="public", port=objs["vip6"], key="x")


def test_instances_attach_by_port(built):
    inst = built["dual"]["resource"]["openstack_compute_instance_v2"]["cp-0"]
    assert inst["network"] == [{"port": "${openstack_networking_port_v2.cp-0.id}"}]
    assert "fixed_ip_v6" not in json.dumps(inst) and "security_groups" not in inst


def test_routed_prefix(built):
    res = built["dual"]["resource"]
    assert res[ROUTE] == {
        "k8s_cp-0_pods": {
            "router_id": "${openstack_networking_router_v2.k8s.id}",
            "destination_cidr": "fd10::/80",
            "next_hop": "fd00::80",  # the node's own IPv6 address: no NAT, no tunnel
            "depends_on": ["openstack_networking_router_interface_v2.k8s_v6", "openstack_networking_port_v2.cp-0"],
        }
    }


# -- security group ----------------------------------------------------------------------------


def test_security_group_pairs_and_spelling(built, expand):
    res = built["dual"]["resource"]
    assert res["openstack_networking_secgroup_v2"]["k8s"]["delete_default_rules"] is True
    assert set(res[RULE]) == {"k8s"}, "one for_each resource for all of the group's rules"
    rules = expand(res[RULE])
    assert rules['k8s["api_v4_192-0-2-0-24"]']["ethertype"] == "IPv4"
    assert rules['k8s["api_v6_2001-db8-2-48"]']["ethertype"] == "IPv6"
    assert rules['k8s["cluster_v4"]']["remote_group_id"] == rules['k8s["cluster_v6"]']["remote_group_id"] == "${openstack_networking_secgroup_v2.k8s.id}"
    assert {r["security_group_id"] for r in rules.values()} == {"${openstack_networking_secgroup_v2.k8s.id}"}
    for name, rule in rules.items():
        if rule["ethertype"] == "IPv6" and "protocol" in rule and rule["protocol"] not in ("tcp", "udp"):
            assert rule["protocol"] == "ipv6-icmp", name
        assert rule.get("remote_ip_prefix") not in ("0.0.0.0/0", "::/0"), name
    ra = rules['k8s["icmpv6-ra-in_v6_fe80-10"]']
    assert (ra["protocol"], ra["port_range_min"], ra["direction"]) == ("ipv6-icmp", 134, "ingress")
    ptb = rules['k8s["icmp-packet-too-big-in_v6_fd00-120"]']
    assert (ptb["protocol"], ptb["port_range_min"]) == ("ipv6-icmp", 2)


# -- bad input: one error, before anything exists ------------------------------------------------


BAD_NETWORKS = [
    (dict(ipv6=Ipv6Subnet(cidr="FD00::/64")), "write fd00::/64"),
    (dict(ipv4=Ipv4Subnet(cidr="10.0.0.5/24")), "host bits set"),
    (dict(ipv6=Ipv6Subnet(cidr="fd00::/120", mode=Ipv6Mode.SLAAC)), "needs a /64"),
    (dict(ipv6=Ipv6Subnet(cidr="fd00::/64", enable_dhcp=False)), "enable_dhcp is false"),
    (dict(ipv6=Ipv6Subnet(cidr="fd00::/64", dns_nameservers=["9.9.9.9"])), "is IPv4"),
    (dict(ipv4=Ipv4Subnet(cidr="10.0.0.0/24", no_gateway=True)), "needs the subnet's gateway IP"),
    (dict(ipv6=Ipv6Subnet(cidr="fd00::/64", subnet_pool=DefaultSubnetPool(), prefix_length=64)), "given together"),
    (dict(ipv6=Ipv6Subnet(subnet_pool=DefaultSubnetPool())), "needs prefix_length"),
    (dict(), "no subnet"),
    (dict(ipv4=Ipv4Subnet(cidr="10.0.0.0/24"), router=NewRouter(external_gateway=ExternalGateway(network_id="e", ipv6_address="10.0.0.1"))), "takes IPv6"),
]


@pytest.mark.parametrize("kwargs,match", BAD_NETWORKS)
def test_bad_network_input_raises_before_any_resource(kwargs, match):
    app = cdktf.Testing.app()
    s = new_stack(app, "bad")
    before = len(s.node.find_all())
    with pytest.raises(NeutronRuleError, match=match) as err:
        DualStackNetwork(s, "net", name="bad", **kwargs)
    assert "\n" not in str(err.value)
    assert len(s.node.find_all()) == before  # nothing was added to the tree


def test_bad_port_input_raises_before_any_resource(built):
    app = cdktf.Testing.app()
    s = new_stack(app, "badport")
    net = DualStackNetwork(s, "net", name="n", ipv4=Ipv4Subnet(cidr="10.0.0.0/24"), ipv6=Ipv6Subnet(cidr="2001:db8::/64", mode=Ipv6Mode.SLAAC))
    before = len(s.node.find_all())
    cases = [
        (dict(addresses={"ipv6": "2001:db8::10"}), "automatic"),
        (dict(addresses={"ipv4": "10.0.1.5"}), "outside 10.0.0.0/24"),
        (dict(addresses={"ipv4": "10.0.0.255"}), "broadcast"),
        (dict(families=("ipv5",)), "ipv4 or ipv6"),
        (dict(allowed_addresses=["10.0.0.9"], port_security_enabled=False), "need port security"),
        (dict(routed_prefixes=["FD10::/80"]), "write fd10::/80"),
        (dict(routed_prefixes=["10.9.0.0/24"], families=("ipv6",)), "no ipv4 address"),
    ]
    for kwargs, match in cases:
        with pytest.raises(NeutronRuleError, match=match):
            DualStackPort(s, "p", network=net, name="p", **kwargs)
    assert len(s.node.find_all()) == before


def test_route_checks(built):
    app = cdktf.Testing.app()
    s = new_stack(app, "routes")
    net = DualStackNetwork(s, "net", name="n", ipv4=Ipv4Subnet(cidr="10.0.0.0/24"), ipv6=Ipv6Subnet(cidr="2001:db8::/64"))
    with pytest.raises(NeutronRuleError, match="not connected with router"):
        net.route("x", "fd10::/80", "2001:db8:1::5")
    with pytest.raises(NeutronRuleError, match="used by router"):
        net.route("x", "fd10::/80", "2001:db8::")  # IPv6's default gateway: the network address (neutron_rules.default_gateway)
    ext = DualStackNetwork(s, "ext", name="e", ipv6=Ipv6Subnet(cidr="2001:db8:9::/64", mode=Ipv6Mode.SLAAC_EXTERNAL_ROUTER))
    with pytest.raises(NeutronRuleError, match="attached to the router"):
        ext.route("x", "fd10::/80", "2001:db8:9::5")


def test_resource_name_clash_is_refused():
    app = cdktf.Testing.app()
    s = new_stack(app, "clash")
    DualStackNetwork(s, "a", name="same", ipv4=Ipv4Subnet(cidr="10.0.0.0/24"))
    before = len(s.node.find_all())
    with pytest.raises(NeutronRuleError, match="openstack_networking_network_v2.same: already written by network same"):
        DualStackNetwork(s, "b", name="same", ipv4=Ipv4Subnet(cidr="10.1.0.0/24"))
    assert len(s.node.find_all()) == before
    net = DualStackNetwork(s, "c", name="other", ipv6=Ipv6Subnet(cidr="2001:db8::/64"))
    DualStackPort(s, "p1", network=net, name="node", routed_prefixes={"pods": "fd10::/80"})
    with pytest.raises(NeutronRuleError, match="openstack_networking_port_v2.node: already written by port node; give port node2 another key"):
        DualStackPort(s, "p2", network=net, name="node2", key="node")
    with pytest.raises(NeutronRuleError, match="openstack_networking_router_route_v2.other_node_pods: already written by port node"):
        net.route("node_pods", "fd10:0:0:1::/80", "2001:db8::5")


# -- many nodes: one for_each resource per kind, the same checks per member ------------------------------


@pytest.fixture(scope="module")
def fleet(synth):
    from constructs_lib.openstack import DualStackPorts, PortMember, ServerMember, Servers

    app = cdktf.Testing.app()
    s = new_stack(app, "fleet")
    net = DualStackNetwork(s, "net", name="k8s", ipv4=Ipv4Subnet(cidr="172.30.154.0/24"), ipv6=Ipv6Subnet(cidr="fd00::/120"))
    sg = DualStackSecurityGroup(s, "sg", name="k8s", rules=[RuleSpec(key="cluster", protocol="any", remote=Remote.group(SELF))])
    ports = DualStackPorts(s, "nodes", network=net, key="k8s", security_group_ids=[sg.id], members={
        "cp-0": PortMember(addresses={"ipv4": "172.30.154.64", "ipv6": "fd00::80"}, routed_prefixes={"pods": "fd10::/80"},
                           allowed_addresses=["172.30.154.10"], description="control-plane cp-0"),
        "worker-0": PortMember(addresses={"ipv4": "172.30.154.65"}, routed_prefixes={"pods": "fd10:0:0:1::/80"}),
    })
    servers = Servers(s, "servers", ports=ports, members={
        "cp-0": ServerMember(flavor_name="m1.medium", metadata={"role": "control-plane"}),
        "worker-0": ServerMember(flavor_id="f-uuid", image_name="debian"),
    }, defaults=ServerMember(image_name="ubuntu", metadata={"cluster": "k8s"}))
    return synth(s), ports, servers


def test_port_set_is_one_for_each_resource_keyed_by_member(fleet, expand):
    out, ports, _ = fleet
    res = out["resource"]
    assert set(res[PORT]) == {"k8s"} and set(res[PORT]["k8s"]["for_each"]) == {"cp-0", "worker-0"}
    got = expand(res[PORT])
    assert got['k8s["cp-0"]']["fixed_ip"] == [
        {"subnet_id": "${openstack_networking_subnet_v2.k8s_v4.id}", "ip_address": "172.30.154.64"},
        {"subnet_id": "${openstack_networking_subnet_v2.k8s_v6.id}", "ip_address": "fd00::80"},
    ]
    # worker-0 pins no IPv6: Neutron picks it, and it is read back by family from that instance
    assert got['k8s["worker-0"]']["fixed_ip"][1] == {"subnet_id": "${openstack_networking_subnet_v2.k8s_v6.id}"}
    assert ports.address("worker-0", "ipv6") == \
        '${one([for ip in openstack_networking_port_v2.k8s["worker-0"].all_fixed_ips : ip if strcontains(ip, ":")])}'
    assert got['k8s["cp-0"]']["name"] == "cp-0" and got['k8s["cp-0"]']["description"] == "control-plane cp-0"
    assert "description" not in got['k8s["worker-0"]']
    assert [p["ip_address"] for p in got['k8s["cp-0"]']["allowed_address_pairs"]] == ["172.30.154.10", "fd10::/80"]
    assert got['k8s["cp-0"]']["security_group_ids"] == ["${openstack_networking_secgroup_v2.k8s.id}"]
    assert res[PORT]["k8s"]["depends_on"] == ["openstack_networking_subnet_v2.k8s_v4", "openstack_networking_subnet_v2.k8s_v6"]
    assert ports.id("cp-0") == '${openstack_networking_port_v2.k8s["cp-0"].id}'


def test_routed_prefixes_of_a_set_are_one_route_resource(fleet, expand):
    out, _, _ = fleet
    routes = out["resource"][ROUTE]
    assert set(routes) == {"k8s_k8s_pods"}
    assert routes["k8s_k8s_pods"]["depends_on"] == ["openstack_networking_router_interface_v2.k8s_v6", "openstack_networking_port_v2.k8s"]
    got = expand(routes)
    assert got['k8s_k8s_pods["cp-0"]'] == {"router_id": "${openstack_networking_router_v2.k8s.id}", "destination_cidr": "fd10::/80",
                                            "next_hop": "fd00::80", "depends_on": routes["k8s_k8s_pods"]["depends_on"]}
    assert got['k8s_k8s_pods["worker-0"]']["next_hop"] == \
        '${one([for ip in openstack_networking_port_v2.k8s["worker-0"].all_fixed_ips : ip if strcontains(ip, ":")])}'


def test_server_set_attaches_each_member_by_its_own_port(fleet, expand):
    out, _, servers = fleet
    got = expand(out["resource"]["openstack_compute_instance_v2"])
    assert got['k8s["cp-0"]'] == {"name": "cp-0", "flavor_name": "m1.medium", "image_name": "ubuntu",
                                   "metadata": {"cluster": "k8s", "role": "control-plane"},
                                   "network": [{"port": '${openstack_networking_port_v2.k8s["cp-0"].id}'}]}
    w = got['k8s["worker-0"]']
    assert w["flavor_id"] == "f-uuid" and "flavor_name" not in w, "each member's own flavor"
    assert w["image_name"] == "debian" and w["metadata"] == {"cluster": "k8s"}, "a member's value wins over the defaults"
    entries = out["resource"]["openstack_compute_instance_v2"]["k8s"]["for_each"]
    assert entries["cp-0"] == {"flavor_name": "m1.medium", "metadata": {"role": "control-plane"}}, "shared values are not repeated per member"
    assert "fixed_ip_v6" not in json.dumps(got)
    assert servers.id("worker-0") == '${openstack_compute_instance_v2.k8s["worker-0"].id}'


def test_set_members_get_every_check_a_single_port_gets():
    from constructs_lib.openstack import DualStackPorts, PortMember, ServerMember, Servers

    app = cdktf.Testing.app()
    s = new_stack(app, "badset")
    net = DualStackNetwork(s, "net", name="n", ipv4=Ipv4Subnet(cidr="10.0.0.0/24"), ipv6=Ipv6Subnet(cidr="2001:db8::/64", mode=Ipv6Mode.SLAAC))
    before = len(s.node.find_all())
    cases = [
        ({"a": PortMember(addresses={"ipv6": "2001:db8::10"})}, "port a: .*automatic"),
        ({"a": PortMember(), "b": PortMember(addresses={"ipv4": "10.0.1.5"})}, "port b: .*outside 10.0.0.0/24"),
        ({"a": PortMember(routed_prefixes={"pods": "FD10::/80"})}, "write fd10::/80"),
        ({"bad name": PortMember()}, "member: 'bad name'"),
        ({}, "members is empty"),
    ]
    for members, match in cases:
        with pytest.raises(NeutronRuleError, match=match):
            DualStackPorts(s, "p", network=net, key="p", members=members)
    assert len(s.node.find_all()) == before
    ports = DualStackPorts(s, "p", network=net, key="p", members={"a": PortMember()})
    with pytest.raises(NeutronRuleError, match="openstack_networking_port_v2.p: already written by ports p"):
        DualStackPorts(s, "q", network=net, key="p", members={"b": PortMember()})
    with pytest.raises(NeutronRuleError, match="server b: has no port in ports p"):
        Servers(s, "s", ports=ports, members={"b": ServerMember(flavor_name="f", image_name="i")})
    with pytest.raises(NeutronRuleError, match="server a: give exactly one of flavor_name and flavor_id"):
        Servers(s, "s", ports=ports, members={"a": ServerMember(image_name="i")})
