"""What a site hands besides its nodes: control-plane VIPs and holders (kubeadm endpoint, certSANs,
HAProxy, keepalived), BGP peers (Calico), cloud ids (Kubermatic), and AWS nodes with both families."""

import shutil
import subprocess

import pytest
import yaml

from constructs_lib.ipam import Ipam, Prefix
from constructs_lib.kubernetes import KubernetesNetworkError, plan_cluster, render_all
from constructs_lib.kubernetes.render import dump

from .conftest import build, ula_sequence

VIPS = {"ipv4": "10.20.0.4", "ipv6": "fd00::4"}
HOLDERS = {"gw-0": {"ipv4": "10.20.0.2", "ipv6": "fd00::2"}, "gw-1": {"ipv4": "10.20.0.3", "ipv6": "fd00::3"}}
CP = {"vips": VIPS, "holders": HOLDERS, "nodes": ["cp-0", "cp-1"]}
NODES = [{"name": "cp-0", "addresses": {"ipv4": "10.20.0.10", "ipv6": "fd00::10"}},
         {"name": "cp-1", "addresses": {"ipv4": "10.20.0.11", "ipv6": "fd00::11"}},
         {"name": "worker-0", "addresses": {"ipv4": "10.20.0.20", "ipv6": "fd00::20"}}]
DUAL = dict(ip_families=["ipv4", "ipv6"], nodes="10.20.0.0/24, fd00::/120", pods="172.25.0.0/16, fd01::/48",
            services="10.96.0.0/12, fd02::/108", machines=NODES)


def load(files, name):
    doc = yaml.safe_load(files[name])
    assert dump(doc) == files[name]
    return doc


# -- the control-plane endpoint ---------------------------------------------------------------------
@pytest.mark.parametrize("version,api", [("1.30", "kubeadm.k8s.io/v1beta3"), ("1.34", "kubeadm.k8s.io/v1beta4")])
def test_ipv4_vip_is_the_endpoint_and_the_ipv6_vip_a_certificate_san(version, api):
    c, r, _ = build(**DUAL, kubernetes_version=version, control_plane=CP)
    cc = load(render_all(c, r), "kubeadm/cluster-configuration.yaml")
    assert cc["apiVersion"] == api
    assert cc["controlPlaneEndpoint"] == "10.20.0.4:6443"  # seed 001: the control plane is reached over IPv4
    assert cc["apiServer"] == {"certSANs": ["fd00::4"]}  # the VIPv6 reaches it too, so the certificate names it


def test_ipv6_primary_endpoint_is_bracketed_and_the_port_is_the_plans():
    c, r, _ = build(nodes="fd00::/120", machines=[{"name": "cp-0", "addresses": {"ipv6": "fd00::10"}}],
                    api_load_balancer={"port": 8443}, control_plane={"vips": {"ipv6": "fd00::4"}, "nodes": ["cp-0"]})
    cc = load(render_all(c, r), "kubeadm/cluster-configuration.yaml")
    assert cc["controlPlaneEndpoint"] == "[fd00::4]:8443" and "apiServer" not in cc


def test_without_control_plane_nothing_changes():
    c, r, _ = build(**DUAL)
    files = render_all(c, r)
    assert "controlPlaneEndpoint" not in load(files, "kubeadm/cluster-configuration.yaml")
    assert not [f for f in files if f.startswith(("haproxy/", "keepalived/"))]


@pytest.mark.parametrize("cp,needle", [
    ({"vips": {"ipv6": "fd00::4"}}, "control_plane.vips: no IPv4 VIP; kubeadm's controlPlaneEndpoint is the VIP of the nodes' primary family"),
    ({"vips": VIPS, "nodes": ["cp-9"]}, "control_plane.nodes: 'cp-9' is not a machine of the cluster"),
    ({"vips": VIPS, "holders": HOLDERS}, "control_plane.nodes: none, but HAProxy on gw-0, gw-1 needs the control-plane nodes"),
    ({"vips": VIPS, "holders": {"gw-0": {"ipv6": "fd00::2"}}, "nodes": ["cp-0"]},
     "control_plane.holders.gw-0: no IPv4 address; keepalived speaks VRRP over IPv4"),
    ({"vips": {"ipv4": "10.20.0.400"}}, "control_plane.vips.ipv4: '10.20.0.400' is not an IP address"),
    ({"vips": VIPS, "extra": 1}, "control_plane.extra: unknown key"),
])
def test_control_plane_refusals(cp, needle):
    with pytest.raises(KubernetesNetworkError) as e:
        build(**DUAL, control_plane=cp)
    assert needle in str(e.value)


def test_load_balancer_settings_without_vips_are_refused():
    with pytest.raises(KubernetesNetworkError) as e:
        build(**DUAL, api_load_balancer={"interface": "ens3"})
    assert "api_load_balancer: set, but the cluster's site hands no control-plane VIPs; it has no effect" in str(e.value)


# -- HAProxy and keepalived -------------------------------------------------------------------------
def test_haproxy_binds_both_vips_and_forwards_to_the_control_plane():
    c, r, _ = build(**DUAL, control_plane=CP)
    cfg = render_all(c, r)["haproxy/haproxy.cfg"]
    lines = [line.strip() for line in cfg.splitlines()]
    assert "bind 10.20.0.4:6443" in lines and "bind [fd00::4]:6443" in lines
    assert [line for line in lines if line.startswith("server ")] == ["server cp-0 10.20.0.10:6443", "server cp-1 10.20.0.11:6443"]
    assert "http-check send meth GET uri /livez" in lines and "net.ipv6.ip_nonlocal_bind=1" in cfg


def test_keepalived_moves_both_vips_together_one_file_per_holder():
    c, r, _ = build(**DUAL, control_plane=CP, api_load_balancer={"interface": "ens3", "virtual_router_id": 42})
    files = render_all(c, r)
    assert sorted(f for f in files if f.startswith("keepalived/")) == ["keepalived/keepalived-gw-0.conf", "keepalived/keepalived-gw-1.conf"]
    gw0 = [line.strip() for line in files["keepalived/keepalived-gw-0.conf"].splitlines()]
    gw1 = [line.strip() for line in files["keepalived/keepalived-gw-1.conf"].splitlines()]
    assert gw0.count("vrrp_instance c1_api {") == 1  # one instance: the VIPs never split across holders
    assert ("state MASTER" in gw0, "priority 150" in gw0, "state BACKUP" in gw1, "priority 140" in gw1) == (True,) * 4
    assert "interface ens3" in gw0 and "virtual_router_id 42" in gw0
    assert gw0[gw0.index("unicast_src_ip 10.20.0.2")] and gw0[gw0.index("unicast_peer {") + 1] == "10.20.0.3"
    assert gw0[gw0.index("virtual_ipaddress {") + 1] == "10.20.0.4"
    assert gw0[gw0.index("virtual_ipaddress_excluded {") + 1] == "fd00::4"
    # the default router id is derived from the name: the same on every run, within VRRP's range
    c2, r2, _ = build(**DUAL, control_plane=CP)
    line = [x.strip() for x in render_all(c2, r2)["keepalived/keepalived-gw-0.conf"].splitlines() if "virtual_router_id" in x][0]
    assert 1 <= int(line.split()[1]) <= 255 and render_all(c2, r2) == render_all(*build(**DUAL, control_plane=CP)[:2])


@pytest.mark.skipif(shutil.which("haproxy") is None or shutil.which("keepalived") is None,
                    reason="haproxy/keepalived not installed (apt-get install haproxy keepalived): their own config checks not run")
def test_haproxy_and_keepalived_accept_the_files(tmp_path):
    c, r, _ = build(**DUAL, control_plane=CP)
    files = render_all(c, r)
    (tmp_path / "haproxy.cfg").write_text(files["haproxy/haproxy.cfg"])
    check = subprocess.run(["haproxy", "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    for holder in HOLDERS:
        path = tmp_path / f"{holder}.conf"
        path.write_text(files[f"keepalived/keepalived-{holder}.conf"])
        check = subprocess.run(["keepalived", "--config-test", "-l", "-f", str(path)], capture_output=True, text=True)
        assert check.returncode == 0 and not (check.stdout + check.stderr).strip(), check.stdout + check.stderr


# -- Calico BGP -------------------------------------------------------------------------------------
def test_bgp_peers_are_the_gateways_addresses_the_site_hands():
    c, r, _ = build(**DUAL, calico={"bgp": {"as_number": 64512, "peer_as_number": 65000}},
                    bgp_peers={"gateway-vip": VIPS})
    docs = list(yaml.safe_load_all(render_all(c, r)["calico/bgp.yaml"]))
    assert docs[0] == {"apiVersion": "projectcalico.org/v3", "kind": "BGPConfiguration", "metadata": {"name": "default"},
                       "spec": {"asNumber": 64512, "logSeverityScreen": "Info", "nodeToNodeMeshEnabled": True}}
    assert [(d["kind"], d["metadata"]["name"], d["spec"]) for d in docs[1:]] == [
        ("BGPPeer", "c1-gateway-vip-ipv4", {"peerIP": "10.20.0.4", "asNumber": 65000}),
        ("BGPPeer", "c1-gateway-vip-ipv6", {"peerIP": "fd00::4", "asNumber": 65000}),
    ]


def test_bgp_defaults_to_ibgp_and_can_announce_shared_services():
    c, r, _ = build(**DUAL, calico={"bgp": {"advertise_services": True, "peers": {"tor": {"ipv6": "fd00::1"}}}})
    docs = list(yaml.safe_load_all(render_all(c, r)["calico/bgp.yaml"]))
    assert docs[0]["spec"]["serviceClusterIPs"] == [{"cidr": "10.96.0.0/12"}, {"cidr": "fd02::/108"}]
    assert docs[1]["spec"] == {"peerIP": "fd00::1", "asNumber": 64512}
    assert "calico/bgp.yaml" not in render_all(*build(**DUAL, bgp_peers={"gw": VIPS})[:2])  # peers offered, BGP not asked for


@pytest.mark.parametrize("kw,needle", [
    (dict(calico={"bgp": {}}), "calico.bgp: no peer; the site hands its gateways (OpenStack: the VIPs the gateways hold)"),
    (dict(calico={"bgp": {"peers": {"gw": {"ipv4": "10.20.0.4"}}}}, bgp_peers={"gw": VIPS}),
     "calico.bgp.peers.gw: the site hands a peer of that name already"),
    (dict(calico={"bgp": {}}, cni="cilium", bgp_peers={"gw": VIPS}), "calico.bgp: the cluster's CNI is cilium"),
    (dict(calico={"bgp": {"as_number": 23456}}), "calico.bgp.as_number: 23456 is a reserved AS number (AS_TRANS, RFC 6793)"),
    (dict(calico={"bgp": {"peer_as_number": 4294967296}}), "calico.bgp.peer_as_number: 4294967296 is not an AS number"),
])
def test_bgp_refusals(kw, needle):
    with pytest.raises(KubernetesNetworkError) as e:
        build(**{**DUAL, **kw})
    assert needle in str(e.value)


def test_bgp_peer_of_a_family_the_nodes_lack_is_refused():
    with pytest.raises(KubernetesNetworkError) as e:
        build(ip_families=["ipv4"], nodes="10.20.0.0/24", services="10.96.0.0/12", pods="172.25.0.0/16",
              machines=[{"name": "w1", "addresses": {"ipv4": "10.20.0.9"}}], calico={"bgp": {}}, bgp_peers={"gw": VIPS})
    assert "BGP peer gw (ipv6): the nodes have no IPv6 address to peer from" in str(e.value)


# -- Kubermatic: the cloud that ties the cluster to its networks --------------------------------------
OPENSTACK_CLOUD = {"provider": "openstack", "spec": {
    "network": "${openstack_networking_network_v2.k8s-nodes.name}",
    "subnetID": "${openstack_networking_subnet_v2.k8s-nodes_v4.id}",
    "ipv6SubnetID": "${openstack_networking_subnet_v2.k8s-nodes_v6.id}",
    "ipv6SubnetPool": "customer-v6"}}
KKP = dict(DUAL, targets=["kubeadm", "kubermatic"], pods="172.25.0.0/16, fd01::/48", services="10.240.16.0/20, fd02::/120")


def test_kubermatic_openstack_cloud_fields_and_node_ports_of_both_families():
    c, r, _ = build(**KKP, cloud=OPENSTACK_CLOUD,
                    kubermatic={"node_ports_allowed_ip_ranges": {"ipv6": ["2001:db8::/32"], "ipv4": ["192.0.2.0/24"]}})
    spec = load(render_all(c, r), "kubermatic/cluster-network.yaml")["spec"]
    assert spec["cloud"] == {"openstack": {**OPENSTACK_CLOUD["spec"],
                                           "nodePortsAllowedIPRanges": {"cidrBlocks": ["192.0.2.0/24", "2001:db8::/32"]}}}
    assert spec["clusterNetwork"]["pods"]["cidrBlocks"] == ["172.25.0.0/16", "fd01::/48"]
    assert not [w for w in r.warnings if "NodePort" in str(w)]


def test_kubermatic_aws_cloud_and_machine_networks_per_zone():
    cloud = {"provider": "aws", "region": "eu-central-1",
             "spec": {"vpcID": "${aws_vpc.poc.id}", "securityGroupID": "${aws_security_group.node.id}"},
             "subnets": {"eu-central-1b": '${aws_subnet.poc_nodes["eu-central-1b"].id}',
                         "eu-central-1a": '${aws_subnet.poc_nodes["eu-central-1a"].id}'}}
    c, r, _ = build(**KKP, cloud=cloud)
    files = render_all(c, r)
    assert load(files, "kubermatic/cluster-network.yaml")["spec"]["cloud"] == {"aws": cloud["spec"]}
    zones = load(files, "kubermatic/machine-networks.yaml")["cloudProviderSpecs"]
    assert list(zones) == ["eu-central-1a", "eu-central-1b"]
    assert zones["eu-central-1a"] == {"availabilityZone": "eu-central-1a", "region": "eu-central-1",
                                      "subnetId": '${aws_subnet.poc_nodes["eu-central-1a"].id}', "vpcId": "${aws_vpc.poc.id}",
                                      "securityGroupIDs": ["${aws_security_group.node.id}"]}
    # no NodePort ranges: KKP opens them to anywhere, and the run says so
    assert any("KKP opens the NodePort range to anywhere" in str(w) for w in r.warnings)


@pytest.mark.parametrize("kw,needle", [
    (dict(cloud=OPENSTACK_CLOUD, kubermatic={"node_ports_allowed_ip_ranges": {"ipv4": ["0.0.0.0/0"]}}),
     "no IPv6 range for a IPv4+IPv6 cluster"),
    (dict(kubermatic={"node_ports_allowed_ip_ranges": {"ipv4": ["0.0.0.0/0"], "ipv6": ["::/0"]}}),
     "KKP sets it in spec.cloud.<provider>, but the cluster has no cloud"),
    (dict(cloud={"provider": "openstack", "spec": {"vpcID": "x"}}), "cloud.spec.vpcID: not a KKP openstack cloud field"),
    (dict(cloud={"provider": "gcp", "spec": {}}), "cloud.provider: 'gcp' is not one of openstack, aws"),
    (dict(kubermatic={"node_ports_allowed_ip_ranges": {"ipv4": ["10.0.0.1/8"]}}),
     "kubermatic.node_ports_allowed_ip_ranges.ipv4[0]: '10.0.0.1/8' is not a canonical ipv4 CIDR; write 10.0.0.0/8"),
])
def test_kubermatic_refusals(kw, needle):
    with pytest.raises(KubernetesNetworkError) as e:
        build(**{**KKP, **kw})
    assert needle in str(e.value)


def test_node_ports_without_the_kubermatic_target_have_no_effect():
    with pytest.raises(KubernetesNetworkError) as e:
        build(**DUAL, cloud=OPENSTACK_CLOUD, kubermatic={"node_ports_allowed_ip_ranges": {"ipv4": ["0.0.0.0/0"], "ipv6": ["::/0"]}})
    assert "has no effect without the kubermatic target" in str(e.value)


def test_kkp_dual_stack_on_aws_takes_the_ipv4_node_address_as_a_template():
    """Seed 004 on AWS: IPv4 first, both addresses of each ENI known at apply time (once the AWS site
    gives nodes IPv4, the node-ip has both and the cluster is accepted; IPv6-only nodes are refused)."""
    ipam = Ipam()
    ipam.create_network("vpc", prefixes=[Prefix.relative("aws_vpc.poc.ipv6_cidr_block", 56)])
    eni = 'aws_network_interface.node["{}"]'
    machines = [{"name": n, "addresses": {"ipv4": f"${{{eni.format(n)}.private_ip}}",
                                          "ipv6": f"${{tolist({eni.format(n)}.ipv6_addresses)[0]}}"}} for n in ("node-1", "node-2")]
    data = {"name": "kkp", "ip_families": ["ipv4", "ipv6"], "targets": ["kubeadm", "kubermatic"], "kubernetes_version": "1.30",
            "scope": {"pods": "cluster", "services": "cluster"}, "machines": machines}
    p = plan_cluster(data, ipam, global_parent="vpc", node_networks={"ipv6": "vpc"}, ula=ula_sequence())
    join = load(p.files, "kubeadm/join-node-1.yaml")
    assert join["nodeRegistration"]["kubeletExtraArgs"]["node-ip"] == (
        '${aws_network_interface.node["node-1"].private_ip},${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]}')
    net = load(p.files, "kubermatic/cluster-network.yaml")["spec"]["clusterNetwork"]
    assert net["ipFamily"] == "IPv4+IPv6" and net["pods"]["cidrBlocks"] == ["172.25.0.0/16", "fd01::/48"]
    # what fails today when the site hands IPv6 only: one line, naming the missing family
    ipv6_only = [{"name": m["name"], "addresses": {"ipv6": m["addresses"]["ipv6"]}} for m in machines]
    with pytest.raises(KubernetesNetworkError) as e:
        plan_cluster({**data, "machines": ipv6_only}, Ipam(), ula=ula_sequence())
    assert "node node-1 (ipv4): no IPv4 address for kubelet node-ip" in str(e.value)


def test_holders_that_are_control_plane_nodes_need_another_frontend_port():
    cp = {"vips": VIPS, "holders": {"cp-0": NODES[0]["addresses"], "cp-1": NODES[1]["addresses"]}, "nodes": ["cp-0", "cp-1"]}
    with pytest.raises(KubernetesNetworkError) as e:
        build(**DUAL, control_plane=cp)
    assert "api_load_balancer.port: HAProxy and kube-apiserver would both listen on 6443 on cp-0, cp-1" in str(e.value)
    c, r, _ = build(**DUAL, control_plane=cp, api_load_balancer={"port": 8443})
    files = render_all(c, r)
    assert "bind 10.20.0.4:8443" in files["haproxy/haproxy.cfg"] and "server cp-0 10.20.0.10:6443" in files["haproxy/haproxy.cfg"]
    assert load(files, "kubeadm/cluster-configuration.yaml")["controlPlaneEndpoint"] == "10.20.0.4:8443"
