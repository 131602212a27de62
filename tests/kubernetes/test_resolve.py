"""Resolution through the real allocator: stable keys, pinned ULAs, lock round-trips, node growth."""

import pytest

from constructs_lib.ipam import from_dict, to_dict
from constructs_lib.kubernetes import KubernetesNetworkError, NodeSpec, render_all, resolve

from .conftest import ULA, build, cluster, plan, ula_sequence

SEED_003 = dict(nodes="v6global/64+prefix/80", pods="v6fromNode", services="v6private/108",
                machines=[{"name": "w1"}, {"name": "w2"}])


def never():
    raise AssertionError("a pinned ULA must not be generated again")


def test_seed_003_resolves_to_relative_node_ranges_and_a_pinned_ula():
    c, r, ipam = build(**SEED_003)
    nodes = r.nodes.ranges["ipv6"]
    assert (nodes.network, nodes.text) == ("k8s/c1/nodes/ipv6", "${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)}")
    assert r.nodes.per_node == {"ipv6": 80}
    assert r.pods.ranges == {} and r.pods.from_node == ("ipv6",)
    assert r.services.ranges["ipv6"].text == "fd12:3456:789a::/108"
    assert ipam.ula["k8s/c1/services/ula"] == ULA
    assert ipam.network("k8s/c1/services/ula").prefixes[0].text == ULA
    w1, w2 = r.machines
    assert w1.addresses["ipv6"] == "${cidrhost(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0), 1)}"
    # each node's pods are its own /80: no overlay, routed by the infrastructure
    assert w1.pod_ranges["ipv6"].prefix == w1.prefixes["ipv6"].prefix
    assert w1.prefixes["ipv6"].length == 80 and w1.pod_ranges["ipv6"].routed
    assert not w1.prefixes["ipv6"].prefix.overlaps(w2.prefixes["ipv6"].prefix)
    assert ipam.get("k8s/c1/nodes/w1/prefix/ipv6").prefix == w1.prefixes["ipv6"].prefix
    assert ipam.get("k8s/c1/nodes/w2/ipv6").network == "k8s/c1/nodes/ipv6"


def test_resolving_again_gives_the_same_answer():
    c, r1, ipam = build(**SEED_003)
    r2 = resolve(c, ipam, global_parent="vpc-main", ula=never)
    assert r1 == r2
    assert render_all(c, r1) == render_all(c, r2)


def test_lock_round_trip_pins_everything():
    c, r1, ipam = build(**SEED_003)
    restored = from_dict(to_dict(ipam))
    r2 = resolve(c, restored, global_parent="vpc-main", ula=never)
    assert render_all(c, r1) == render_all(c, r2)


def test_a_new_node_changes_nothing_else():
    c, r1, ipam = build(**SEED_003)
    before = render_all(c, r1)
    c3 = cluster(**{**SEED_003, "machines": [{"name": "w1"}, {"name": "w2"}, {"name": "w0"}]})
    r3 = resolve(c3, from_dict(to_dict(ipam)), global_parent="vpc-main", ula=never)
    after = render_all(c3, r3)
    for name in ("w1", "w2"):
        assert after[f"kubeadm/join-{name}.yaml"] == before[f"kubeadm/join-{name}.yaml"]
    assert set(after) - set(before) == {"kubeadm/join-w0.yaml"}
    old_pools = before["calico/ippools.yaml"].split("---\n")
    new_pools = after["calico/ippools.yaml"].split("---\n")
    assert set(old_pools) < set(new_pools) and len(new_pools) == len(old_pools) + 1


def test_kubermatic_defaults_when_a_family_is_asked_for_without_ranges():
    c, r, _ = build(ip_families=["ipv4", "ipv6"], nodes="10.0.0.0/24, fd00:9::/64",
                    machines=[{"name": "w1", "addresses": {"ipv4": "10.0.0.5", "ipv6": "fd00:9::5"}}])
    assert [x.text for x in r.pods.ordered()] == ["172.25.0.0/16", "fd01::/48"]
    assert [x.text for x in r.services.ordered()] == ["10.240.16.0/20", "fd02::/108"]
    assert dict(r.node_masks) == {"ipv4": 24, "ipv6": 64}
    assert r.pods.ranges["ipv4"].network == "k8s/c1/pods/ipv4"


def test_v4private_is_kubermatics_ipv4_default_and_nov_keywords_fall_back():
    c, r, _ = build(ip_families=["ipv4", "ipv6"], nodes="10.0.0.0/24, fd00:9::/64", pods="v4private, v6private",
                    services="nov6", machines=[{"name": "w1", "addresses": {"ipv4": "10.0.0.5", "ipv6": "fd00:9::5"}}])
    assert r.pods.ranges["ipv4"].text == "172.25.0.0/16"
    assert r.pods.ranges["ipv6"].text == ULA  # v6private for pods defaults to the whole /48
    assert [x.text for x in r.services.ordered()] == ["10.240.16.0/20"]


def test_each_role_gets_its_own_rfc4193_48():
    c, r, ipam = build(nodes="v6private+prefix/80", pods="v6private/56", services="v6private",
                       node_cidr_mask_size={"ipv6": 64}, machines=[{"name": "w1"}])
    texts = {role: r.role(role).ranges["ipv6"].text for role in ("nodes", "pods", "services")}
    assert texts == {"nodes": "fd12:3456:789a::/64", "pods": "fd12:3456:789b::/56", "services": "fd12:3456:789c::/108"}
    assert sorted(ipam.ula) == ["k8s/c1/nodes/ula", "k8s/c1/pods/ula", "k8s/c1/services/ula"]


def test_generated_ula_is_rfc4193():
    c = cluster(services="v6private/108")
    r = resolve(c, plan())  # the real generator
    text = r.services.ranges["ipv6"].text
    assert text.startswith("fd") and text.endswith("::/108")


def test_v6global_needs_the_providers_prefix():
    with pytest.raises(KubernetesNetworkError) as e:
        build(nodes="v6global/64", global_parent=None)
    assert "nodes (ipv6): v6global/64 needs the provider's global IPv6 prefix; pass global_parent=" in str(e.value)
    with pytest.raises(KubernetesNetworkError) as e:
        build(nodes="v6global/64", global_parent="nope")
    assert "global_parent: network 'nope' is not in the plan" in str(e.value)


def test_v6global_too_short_for_the_provider_prefix_is_the_allocators_error():
    with pytest.raises(KubernetesNetworkError) as e:
        build(pods="v6global/56", node_cidr_mask_size={"ipv6": 64})
    assert "pods (ipv6)" in str(e.value) and "a child must be longer" in str(e.value)


def test_a_pinned_literal_range_does_not_move_silently():
    c, r, ipam = build(services="fd00:5::/108")
    with pytest.raises(KubernetesNetworkError) as e:
        build(ipam=ipam, services="fd00:6::/108")
    assert "the lock pins k8s/c1/services/ipv6 to fd00:5::/108" in str(e.value)


def test_node_networks_from_the_infrastructure():
    ipam = plan()
    net = ipam.allocate_network("tenant-super", key="site/c1/nodes", lengths={"ipv4": 24, "ipv6": 112})
    c, r, _ = build(ipam=ipam, ip_families=["ipv4", "ipv6"], node_networks={"ipv4": net.id, "ipv6": net.id},
                    machines=[{"name": "w1"}])
    assert [x.text for x in r.nodes.ordered()] == ["10.0.0.0/24", "2001:db8:0:10::/112"]
    (w1,) = r.machines
    assert w1.addresses == {"ipv4": "10.0.0.1", "ipv6": "2001:db8:0:10::1"}
    with pytest.raises(KubernetesNetworkError) as e:
        build(ipam=plan(), nodes="v6global/64", node_networks={"ipv6": "missing"})
    assert "node_networks.ipv6: network 'missing' is not in the plan" in str(e.value)
    ipam = plan()
    net = ipam.allocate_network("tenant-super", key="site/c1/nodes", lengths={"ipv6": 96}, families=["ipv6"])
    with pytest.raises(KubernetesNetworkError) as e:
        build(ipam=ipam, nodes="v6global/64", node_networks={"ipv6": net.id})
    assert "asks for /64 but node_networks.ipv6" in str(e.value) and "is /96; write v6global/96" in str(e.value)


def test_v4private_nodes_come_from_the_private_parent():
    with pytest.raises(KubernetesNetworkError) as e:
        build(ip_families=["ipv4"], nodes="v4private")
    assert "v4private nodes live in the infrastructure's IPv4 network" in str(e.value)
    c, r, _ = build(ip_families=["ipv4"], nodes="v4private", private_ipv4_parent="tenant-super", machines=[{"name": "w1"}])
    assert r.nodes.ranges["ipv4"].text == "10.0.0.0/24" and r.machines[0].addresses["ipv4"] == "10.0.0.1"


def test_aws_style_per_vm_prefixes_given_by_the_caller():
    ipam = plan()
    subnet = ipam.allocate_network("vpc-main", key="aws/main/subnet/a", lengths={"ipv6": 64}, families=["ipv6"])
    vm1 = ipam.acquire_prefix(subnet.id, key="aws/main/vm/w1", length=80, family="ipv6")
    vm2 = ipam.acquire_prefix(subnet.id, key="aws/main/vm/w2", length=80, family="ipv6")
    machines = [
        NodeSpec(name="w1", addresses={"ipv6": "${aws_instance.w1.ipv6_addresses[0]}"}, prefixes={"ipv6": vm1.tf()}),  # nested
        NodeSpec(name="w2", addresses={"ipv6": "${aws_instance.w2.ipv6_addresses[0]}"}, prefixes={"ipv6": vm2.prefix.text}),  # flat
    ]
    c = cluster(nodes="v6global/64+prefix/80", pods="v6fromNode/96", services="v6private/108")
    r = resolve(c, ipam, global_parent="vpc-main", node_networks={"ipv6": subnet.id}, machines=machines, ula=ula_sequence())
    w1, w2 = r.machines
    assert w1.prefixes["ipv6"].prefix == vm1.prefix and w2.prefixes["ipv6"].prefix == vm2.prefix
    assert w1.pod_ranges["ipv6"].length == 96 and vm1.prefix.contains(w1.pod_ranges["ipv6"].prefix)
    assert w1.addresses["ipv6"] == "${aws_instance.w1.ipv6_addresses[0]}"
    with pytest.raises(KubernetesNetworkError) as e:
        resolve(c, ipam, global_parent="vpc-main", node_networks={"ipv6": subnet.id},
                machines=[NodeSpec(name="w1", addresses={"ipv6": "${x}"}, prefixes={"ipv6": "cidrsubnet(other.block, 24, 1)"})])
    assert "is not a cidrsubnet() of a relative prefix the plan holds (aws_vpc.main.ipv6_cidr_block)" in str(e.value)


def test_custom_pods_have_no_ranges():
    c, r, _ = build(pods="custom")
    assert r.pods.custom and r.pods.ranges == {}


def test_machines_passed_by_the_app_override_the_plans():
    c = cluster(**SEED_003)
    with pytest.raises(KubernetesNetworkError) as e:
        resolve(c, plan(), global_parent="vpc-main", machines=[NodeSpec(name="w1"), NodeSpec(name="w1")], ula=ula_sequence())
    assert "node name 'w1' is given twice" in str(e.value)
    r = resolve(c, plan(), global_parent="vpc-main", machines=[NodeSpec(name="w9")], ula=ula_sequence())
    assert [m.name for m in r.machines] == ["w9"]
