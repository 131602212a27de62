"""Renderings compared field by field after loading the YAML back; the seeds' examples reproduced."""

import ipaddress

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_lib.kubernetes import output_name, render_all, resolve
from constructs_lib.kubernetes.render import dump

from .conftest import build, cluster, plan, ula_sequence

SEED_004_NODE = {"name": "byo-1", "addresses": {"ipv4": "10.0.6.114", "ipv6": "2a05:d014:937:4500:a324:767b:38da:2bff"}}
SEED_004 = dict(ip_families=["ipv4", "ipv6"], nodes="10.0.6.0/24, 2a05:d014:937:4500::/64",
                pods="172.25.0.0/16, fd01::/48", services="10.240.16.0/20, fd02::/120", machines=[SEED_004_NODE])


def load(files, name):
    text = files[name]
    doc = yaml.safe_load(text)
    assert dump(doc) == text  # loads back to the same values, byte for byte
    return doc


def load_all(files, name):
    return list(yaml.safe_load_all(files[name]))


def test_seed_004_kubermatic_cluster_network_field_by_field():
    c, r, _ = build(**SEED_004, targets=["kubeadm", "kubermatic"], kubernetes_version="1.30")
    files = render_all(c, r)
    net = load(files, "kubermatic/cluster-network.yaml")["spec"]["clusterNetwork"]
    assert net["ipFamily"] == "IPv4+IPv6"
    assert net["pods"]["cidrBlocks"] == ["172.25.0.0/16", "fd01::/48"]
    assert net["services"]["cidrBlocks"] == ["10.240.16.0/20", "fd02::/120"]
    assert net["nodeCidrMaskSizeIPv4"] == 24 and net["nodeCidrMaskSizeIPv6"] == 64
    # seed 004's BYO join: kubeadm.k8s.io/v1beta3, both addresses in kubelet's node-ip
    join = load(files, "kubeadm/join-byo-1.yaml")
    assert join["apiVersion"] == "kubeadm.k8s.io/v1beta3" and join["kind"] == "JoinConfiguration"
    assert join["nodeRegistration"]["kubeletExtraArgs"] == {"node-ip": "10.0.6.114,2a05:d014:937:4500:a324:767b:38da:2bff"}
    assert join["nodeRegistration"]["name"] == "byo-1"


def test_kubeadm_v1beta4_from_1_31_uses_name_value_extra_args():
    c, r, _ = build(**SEED_004, kubernetes_version="v1.31.3")
    files = render_all(c, r)
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert cc["apiVersion"] == "kubeadm.k8s.io/v1beta4" and cc["kind"] == "ClusterConfiguration"
    assert cc["kubernetesVersion"] == "v1.31.3"
    assert cc["networking"] == {"podSubnet": "172.25.0.0/16,fd01::/48", "serviceSubnet": "10.240.16.0/20,fd02::/120"}
    assert cc["controllerManager"]["extraArgs"] == [
        {"name": "node-cidr-mask-size-ipv4", "value": "24"}, {"name": "node-cidr-mask-size-ipv6", "value": "64"}]
    join = load(files, "kubeadm/join-byo-1.yaml")
    assert join["nodeRegistration"]["kubeletExtraArgs"] == [
        {"name": "node-ip", "value": "10.0.6.114,2a05:d014:937:4500:a324:767b:38da:2bff"}]


def test_kubeadm_v1beta3_before_1_31_uses_maps():
    c, r, _ = build(**SEED_004, kubernetes_version="1.30")
    cc = load(render_all(c, r), "kubeadm/cluster-configuration.yaml")
    assert cc["apiVersion"] == "kubeadm.k8s.io/v1beta3" and "kubernetesVersion" not in cc
    assert cc["controllerManager"]["extraArgs"] == {"node-cidr-mask-size-ipv4": "24", "node-cidr-mask-size-ipv6": "64"}


def test_primary_order_is_kept_and_single_stack_gets_one_mask_flag():
    c, r, _ = build(nodes="fd00:9::/64, 10.0.0.0/24", pods="fd01::/48, 172.25.0.0/16", services="fd02::/108, 10.240.16.0/20",
                    machines=[{"name": "w1", "addresses": {"ipv4": "10.0.0.5", "ipv6": "fd00:9::5"}}])
    files = render_all(c, r)
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert cc["networking"] == {"podSubnet": "fd01::/48,172.25.0.0/16", "serviceSubnet": "fd02::/108,10.240.16.0/20"}
    assert load(files, "kubeadm/join-w1.yaml")["nodeRegistration"]["kubeletExtraArgs"][0]["value"] == "fd00:9::5,10.0.0.5"
    c, r, _ = build()  # IPv6-only: kube-controller-manager refuses node-cidr-mask-size-ipv4 there
    cc = load(render_all(c, r), "kubeadm/cluster-configuration.yaml")
    assert cc["controllerManager"]["extraArgs"] == [{"name": "node-cidr-mask-size-ipv6", "value": "64"}]
    assert cc["networking"] == {"podSubnet": "fd01::/48", "serviceSubnet": "fd02::/108"}


def test_kube_proxy_cluster_cidr_leaves_out_routed_pod_ipv6():
    c, r, _ = build(ip_families=["ipv4", "ipv6"], nodes="10.0.6.0/24, 2a05:d014:937:4500::/64",
                    pods="172.25.0.0/16, 2a05:d014:937:4600::/56", machines=[SEED_004_NODE | {"name": "w1"}])
    files = render_all(c, r)
    kp = load(files, "kube-proxy/kube-proxy-configuration.yaml")
    assert kp == {"apiVersion": "kubeproxy.config.k8s.io/v1alpha1", "kind": "KubeProxyConfiguration", "clusterCIDR": "172.25.0.0/16"}
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert cc["networking"]["podSubnet"] == "172.25.0.0/16,2a05:d014:937:4600::/56"
    # a private (RFC 4193) pod range stays in clusterCIDR
    c, r, _ = build()
    assert load(render_all(c, r), "kube-proxy/kube-proxy-configuration.yaml")["clusterCIDR"] == "fd01::/48"


def test_only_routed_pods_keep_podsubnet_out_of_kubeadm():
    # kubeadm copies podSubnet into an empty kube-proxy clusterCIDR; routed IPv6 goes to the controller manager directly
    c, r, _ = build(nodes="v6global/64", pods="v6global/60", node_cidr_mask_size={"ipv6": 72}, machines=[{"name": "w1"}])
    files = render_all(c, r)
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert "podSubnet" not in cc["networking"]
    assert cc["controllerManager"]["extraArgs"] == [
        {"name": "allocate-node-cidrs", "value": "true"},
        {"name": "cluster-cidr", "value": "${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 4, 1)}"},
        {"name": "node-cidr-mask-size-ipv6", "value": "72"},
    ]
    assert load(files, "kube-proxy/kube-proxy-configuration.yaml")["clusterCIDR"] == ""


def test_seed_003_renderings():
    c, r, _ = build(nodes="v6global/64+prefix/80", pods="v6fromNode", services="v6private/108",
                    machines=[{"name": "w1"}, {"name": "w2"}], targets=["kubeadm", "kube-proxy", "gardener"])
    files = render_all(c, r)
    assert sorted(files) == ["calico/calico-node-env.yaml", "calico/cni-ipam.yaml", "calico/ippools.yaml",
                             "gardener/shoot-networking.yaml", "kube-proxy/kube-proxy-configuration.yaml",
                             "kubeadm/cluster-configuration.yaml", "kubeadm/join-w1.yaml", "kubeadm/join-w2.yaml"]
    cc = load(files, "kubeadm/cluster-configuration.yaml")
    assert cc["networking"] == {"serviceSubnet": "fd12:3456:789a::/108"}
    assert cc["controllerManager"]["extraArgs"] == [{"name": "allocate-node-cidrs", "value": "false"}]
    pools = load_all(files, "calico/ippools.yaml")
    assert [p["metadata"]["name"] for p in pools] == ["c1-w1-pods-ipv6", "c1-w2-pods-ipv6"]
    w1 = pools[0]
    assert w1["apiVersion"] == "projectcalico.org/v3" and w1["kind"] == "IPPool"
    assert w1["spec"] == {"cidr": r.machines[0].prefixes["ipv6"].text, "blockSize": 122, "ipipMode": "Never", "vxlanMode": "Never",
                          "natOutgoing": False, "nodeSelector": 'kubernetes.io/hostname == "w1"'}
    assert w1["spec"]["cidr"].startswith("${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 24, ")
    g = load(files, "gardener/shoot-networking.yaml")["spec"]["networking"]
    assert g == {"type": "calico", "ipFamilies": ["IPv6"], "nodes": "${cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)}",
                 "services": "fd12:3456:789a::/108"}
    assert load(files, "kube-proxy/kube-proxy-configuration.yaml")["clusterCIDR"] == ""


def test_seed_001_calico_dual_stack_settings():
    c, r, _ = build(**SEED_004)
    files = render_all(c, r)
    assert load(files, "calico/cni-ipam.yaml") == {"ipam": {"type": "calico-ipam", "assign_ipv4": "true", "assign_ipv6": "true"}}
    env = {e["name"]: e["value"] for e in load(files, "calico/calico-node-env.yaml")["env"]}
    assert env == {"FELIX_IPV6SUPPORT": "true", "IP": "autodetect", "IP6": "autodetect", "IP_AUTODETECTION_METHOD": "first-found",
                   "IP6_AUTODETECTION_METHOD": "first-found", "NO_DEFAULT_POOLS": "true"}
    pools = {p["metadata"]["name"]: p["spec"] for p in load_all(files, "calico/ippools.yaml")}
    assert pools["c1-pods-ipv4"] == {"cidr": "172.25.0.0/16", "blockSize": 26, "ipipMode": "Never", "vxlanMode": "Never",
                                     "natOutgoing": True, "nodeSelector": "all()"}
    assert pools["c1-pods-ipv6"]["cidr"] == "fd01::/48" and pools["c1-pods-ipv6"]["blockSize"] == 122
    assert pools["c1-pods-ipv6"]["natOutgoing"] is True  # RFC 4193 pods cannot reach the Internet unmasqueraded


def test_calico_ipv6_only_and_settings():
    c, r, _ = build(calico={"block_size": {"ipv6": 120}, "ipv6_autodetection_method": "interface=eth0",
                            "nat_outgoing": {"ipv6": False}, "vxlan_mode": {"ipv6": "CrossSubnet"}})
    files = render_all(c, r)
    env = {e["name"]: e["value"] for e in load(files, "calico/calico-node-env.yaml")["env"]}
    assert env["IP"] == "none" and env["CALICO_ROUTER_ID"] == "hash" and env["IP6_AUTODETECTION_METHOD"] == "interface=eth0"
    assert "IP_AUTODETECTION_METHOD" not in env
    (pool,) = load_all(files, "calico/ippools.yaml")
    assert (pool["spec"]["blockSize"], pool["spec"]["natOutgoing"], pool["spec"]["vxlanMode"]) == (120, False, "CrossSubnet")
    assert load(files, "calico/cni-ipam.yaml")["ipam"]["assign_ipv4"] == "false"


def test_cilium_cluster_pool_values():
    c, r, _ = build(**SEED_004, cni="cilium")
    files = render_all(c, r)
    assert "calico/ippools.yaml" not in files
    v = load(files, "cilium/values.yaml")
    assert v == {
        "ipv4": {"enabled": True}, "ipv6": {"enabled": True}, "routingMode": "tunnel", "enableIPv6Masquerade": True,
        "ipam": {"mode": "cluster-pool", "operator": {
            "clusterPoolIPv4PodCIDRList": ["172.25.0.0/16"], "clusterPoolIPv4MaskSize": 24,
            "clusterPoolIPv6PodCIDRList": ["fd01::/48"], "clusterPoolIPv6MaskSize": 64}},
    }


def test_cilium_pods_from_the_node_prefix():
    c, r, _ = build(nodes="v6global/64+prefix/80", pods="v6fromNode", services="v6private/108", cni="cilium",
                    machines=[{"name": "w1"}])
    files = render_all(c, r)
    v = load(files, "cilium/values.yaml")
    assert v["ipam"] == {"mode": "kubernetes"}
    assert v["k8s"] == {"requireIPv4PodCIDR": False, "requireIPv6PodCIDR": True}
    assert v["routingMode"] == "native" and v["enableIPv6Masquerade"] is False
    assert v["ipv6NativeRoutingCIDR"] == r.nodes.ranges["ipv6"].text
    assert v["ipv4"] == {"enabled": False}
    ann = load(files, "cilium/node-annotations.yaml")
    assert ann == {"nodes": {"w1": {"network.cilium.io/ipv6-pod-cidr": r.machines[0].prefixes["ipv6"].text}}}


def test_gardener_dual_stack_holds_the_ipv4_ranges():
    c, r, _ = build(**SEED_004, targets=["gardener"], cni="cilium")
    g = load(render_all(c, r), "gardener/shoot-networking.yaml")["spec"]["networking"]
    assert g == {"type": "cilium", "ipFamilies": ["IPv4", "IPv6"], "nodes": "10.0.6.0/24", "pods": "172.25.0.0/16",
                 "services": "10.240.16.0/20"}


def test_targets_choose_the_files():
    c, r, _ = build(targets=["gardener"])
    assert sorted(render_all(c, r)) == ["calico/calico-node-env.yaml", "calico/cni-ipam.yaml", "calico/ippools.yaml",
                                        "gardener/shoot-networking.yaml"]


def test_deterministic_and_independent_of_node_order():
    kw = dict(nodes="v6global/64+prefix/80", pods="v6fromNode", services="v6private/108")
    c1, r1, _ = build(**kw, machines=[{"name": "a"}, {"name": "b"}])
    c2, r2, _ = build(**kw, machines=[{"name": "b"}, {"name": "a"}])
    assert render_all(c1, r1) == render_all(c2, r2)
    assert render_all(c1, r1, nodes=list(reversed(r1.machines))) == render_all(c1, r1)


def test_terraform_template_text_is_quoted_so_it_stays_a_string():
    c, r, _ = build(nodes="v6global/64+prefix/80", pods="v6fromNode", machines=[{"name": "w1"}])
    text = render_all(c, r)["kubeadm/join-w1.yaml"]
    assert "'${cidrhost(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0), 1)}'" in text
    # what Terraform puts there at apply time is still a string when the YAML is read
    filled = text.replace("${cidrhost(cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0), 1)}", "2600:1:2:3:4:5:6:7")
    assert yaml.safe_load(filled)["nodeRegistration"]["kubeletExtraArgs"][0]["value"] == "2600:1:2:3:4:5:6:7"


def test_template_with_inner_quotes_survives_yaml_and_hcl():
    # an AWS ENI address read by key: the inner quotes must reach Terraform unescaped
    template = '${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]}'
    c, r, _ = build(nodes="v6global/64+prefix/80", pods="v6fromNode", machines=[{"name": "w1", "addresses": {"ipv6": template}}])
    text = render_all(c, r)["kubeadm/join-w1.yaml"]
    assert template in text and '\\"' not in text
    assert yaml.safe_load(text)["nodeRegistration"]["kubeletExtraArgs"][0]["value"] == template


def test_output_names():
    assert output_name("c1", "kubeadm/join-w1.yaml") == "k8s_c1_kubeadm_join_w1"
    assert output_name("c1", "kube-proxy/kube-proxy-configuration.yaml") == "k8s_c1_kube_proxy_kube_proxy_configuration"


@st.composite
def dual_stack(draw):
    v4 = draw(st.integers(1, 255))  # 10.0.0.0/16 is the plan's tenant super network
    v6 = draw(st.integers(1, 0xFFFF))
    primary6 = draw(st.booleans())
    pod4_len = draw(st.integers(12, 24))
    pod6_len = draw(st.integers(48, 64))
    svc4_len = draw(st.integers(12, 28))
    svc6_len = draw(st.integers(108, 124))
    nodes = [f"10.{v4}.0.0/24", f"fd00:{v6:x}::/64"]
    pods = [f"172.16.0.0/{pod4_len}", f"fd01:{v6:x}::/{pod6_len}"]
    services = [str(ipaddress.ip_network(f"192.168.0.0/{svc4_len}", strict=False)), f"fd02:{v6:x}::/{svc6_len}"]
    if primary6:
        nodes, pods, services = nodes[::-1], pods[::-1], services[::-1]
    return nodes, pods, services


@settings(max_examples=40, deadline=None)
@given(dual_stack())
def test_any_valid_dual_stack_renders_loadable_yaml_in_primary_order(case):
    nodes, pods, services = case
    c = cluster(nodes=nodes, pods=pods, services=services, node_cidr_mask_size={"ipv4": 28, "ipv6": 64},
                calico={"block_size": {"ipv4": 28}}, targets=["kubeadm", "kube-proxy", "gardener"],
                machines=[{"name": "w1"}])
    r = resolve(c, plan(), ula=ula_sequence())
    files = render_all(c, r)
    for name in files:
        for doc in yaml.safe_load_all(files[name]):
            assert doc is not None
    cc = yaml.safe_load(files["kubeadm/cluster-configuration.yaml"])
    assert cc["networking"]["podSubnet"].split(",") == pods
    assert cc["networking"]["serviceSubnet"].split(",") == services
    ip = yaml.safe_load(files["kubeadm/join-w1.yaml"])["nodeRegistration"]["kubeletExtraArgs"][0]["value"].split(",")
    assert [ipaddress.ip_address(a) in ipaddress.ip_network(n) for a, n in zip(ip, nodes)] == [True, True]
    assert yaml.safe_load(files["kube-proxy/kube-proxy-configuration.yaml"])["clusterCIDR"].split(",") == pods


def test_plan_cluster_is_one_call_for_the_app():
    from constructs_lib.kubernetes import KubernetesNetworkError, plan_cluster

    ipam = plan()
    p = plan_cluster({"name": "c9", "nodes": "v6global/64+prefix/80", "pods": "v6fromNode", "services": "fd02::/108",
                      "machines": [{"name": "w1"}]}, ipam, global_parent="vpc-main")
    assert sorted(p.outputs()) == ["k8s_c9_calico_calico_node_env", "k8s_c9_calico_cni_ipam", "k8s_c9_calico_ippools",
                                   "k8s_c9_kube_proxy_kube_proxy_configuration", "k8s_c9_kubeadm_cluster_configuration",
                                   "k8s_c9_kubeadm_join_w1"]
    assert p.outputs()["k8s_c9_kubeadm_join_w1"] == p.files["kubeadm/join-w1.yaml"]
    assert p.warnings == ()
    with pytest.raises(KubernetesNetworkError) as e:
        plan_cluster({"name": "c9", "services": "fd02::/64"}, plan())
    assert "kubeadm refuses an IPv6 service range shorter than /108" in str(e.value)


def test_two_files_that_would_be_one_output_are_refused():
    from constructs_lib.kubernetes import KubernetesNetworkError, plan_cluster

    with pytest.raises(KubernetesNetworkError) as e:
        plan_cluster({"name": "c9", "nodes": "v6global/64+prefix/80", "pods": "v6fromNode", "services": "fd02::/108",
                      "machines": [{"name": "w-1"}, {"name": "w.1"}]}, plan(), global_parent="vpc-main")
    assert "files kubeadm/join-w-1.yaml and kubeadm/join-w.1.yaml would both be output k8s_c9_kubeadm_join_w_1" in str(e.value)


def test_output_values_are_documents_for_yaml_and_text_for_configuration_files():
    from constructs_lib.kubernetes import plan_cluster

    p = plan_cluster({"name": "c9", "ip_families": ["ipv4"], "nodes": "10.1.0.0/24", "services": "10.96.0.0/16",
                      "pods": "172.20.0.0/16", "machines": [{"name": "cp-0"}]}, plan(),
                     control_plane={"vips": {"ipv4": "10.1.0.200"}, "holders": {"lb-0": {"ipv4": "10.1.0.201"}}, "nodes": ["cp-0"]})
    values = p.output_values()
    assert values["k8s_c9_haproxy_haproxy"] == p.files["haproxy/haproxy.cfg"]  # text stays text
    assert values["k8s_c9_kubeadm_cluster_configuration"]["controlPlaneEndpoint"] == "10.1.0.200:6443"
    assert isinstance(values["k8s_c9_calico_ippools"], dict)  # one document: the document itself


def test_libyaml_and_python_emitters_write_the_same_bytes():
    """render.py uses libyaml's emitter when PyYAML has it: output must not depend on which one a machine has."""
    import yaml as _yaml

    from constructs_lib.kubernetes import render as _render

    if not hasattr(_yaml, "CSafeDumper"):
        pytest.skip("this PyYAML has no libyaml: only the Python emitter exists here")

    class Python(_yaml.SafeDumper):
        pass

    Python.add_representer(str, _render._str)
    docs = [{"name": "worker-0", "cidr": "fd00:9::/80", "addr": '${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]}',
             "list": ["10.0.0.0/24", "yes", "0x10", "", "~", "a: b", "#c", "ünïcode", "x" * 300], "n": 5, "t": True, "none": None,
             "nested": {"b": [{"c": "d"}], "a": "'q'"}}] * 2
    assert _yaml.dump_all(docs, **_render._OPTS) == _yaml.dump_all(docs, **dict(_render._OPTS, Dumper=Python))
    # text the two emitters escape differently goes through the Python one, on every machine
    odd = [{"v": "interface=eth0\x85x", "w": "a\tb", "x": "line\u2028break"}]
    assert _render.dump_all(odd) == _yaml.dump_all(odd, **dict(_render._OPTS, Dumper=Python))
    assert _yaml.dump_all(odd, **_render._OPTS) != _yaml.dump_all(odd, **dict(_render._OPTS, Dumper=Python))  # why
