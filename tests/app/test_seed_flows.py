"""Each seed's workflow from the plan file through the real main job (issue 12), values compared with the seed's."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.tfmirror import Terraform, requires

from .conftest import ENV, ROOT, run_main


def project(tmp_path: Path, plan: str) -> Path:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "plan.yaml").write_text(plan)
    for name in ("main.py", "cdktf.json"):
        (folder / name).write_bytes((ROOT / name).read_bytes())
    return folder


def node_ip(folder: Path, cluster: str, node: str) -> str:
    join = yaml.safe_load((folder / f"cdktf.out/kubernetes/{cluster}/kubeadm/join-{node}.yaml").read_text())
    return next(a["value"] for a in join["nodeRegistration"]["kubeletExtraArgs"] if a["name"] == "node-ip")


KKP_ON_AWS = """\
version: 1
sites:
  kkp:
    aws: {region: eu-central-1, ipv4_cidr: 10.100.0.0/16, vms: [node-1, node-2], instance_type: t3.medium, ipv6_native: false}
kubernetes:
  kkp:
    site: kkp
    cni: cilium
    ip_families: [ipv4, ipv6]
    pods: v4private, v6private/56
    services: 10.240.16.0/20, v6private/108
    targets: [kubeadm, kubermatic]
    kubermatic: {node_ports_allowed_ip_ranges: {ipv4: [198.51.100.0/24], ipv6: ["2001:db8:ffff::/48"]}}
"""


@requires("hashicorp/aws")
def test_seed_004_kubermatic_dual_stack_on_aws(tmp_path):
    """A KKP dual-stack cluster (IPv4 first) on AWS: dual-stack node subnets, both addresses for kubelet."""
    folder = project(tmp_path, KKP_ON_AWS)
    r = run_main(folder, env=dict(ENV, DUALSTACK_AWS_OFFLINE="1"))
    assert r.returncode == 0, r.stderr
    assert node_ip(folder, "kkp", "node-1") == '${aws_network_interface.node["node-1"].private_ip},${tolist(aws_network_interface.node["node-1"].ipv6_addresses)[0]}'
    net = yaml.safe_load((folder / "cdktf.out/kubernetes/kkp/kubermatic/cluster-network.yaml").read_text())
    assert net["spec"]["clusterNetwork"]["ipFamily"] == "IPv4+IPv6"  # IPv4 first, as KKP requires
    assert net["spec"]["clusterNetwork"]["pods"]["cidrBlocks"][0] == "172.25.0.0/16"
    assert net["spec"]["cloud"]["aws"]["vpcID"] == "${aws_vpc.kkp.id}"
    stack = json.loads((folder / "cdktf.out/stacks/kkp/cdk.tf.json").read_text())
    nodes = stack["resource"]["aws_subnet"]["kkp_nodes"]
    assert "ipv6_native" not in nodes or nodes["ipv6_native"] is False
    tf = Terraform(folder / "cdktf.out/stacks/kkp")
    tf.init()
    tf.validate()


GARDENER_ON_AWS = """\
version: 1
sites:
  shoot:
    aws: {region: eu-central-1, ipv4_cidr: 10.100.0.0/16, vms: [node-1, node-2, node-3]}
kubernetes:
  shoot:
    site: shoot
    cni: cilium
    nodes: v6global/64+prefix/96
    pods: v6fromNode
    services: v6private/108
    targets: [kubeadm, gardener]
"""


def test_seed_003_gardener_example_as_written(tmp_path):
    """The seed's own keywords; AWS meets +prefix/96 with the /80 it delegates, and the run says so once."""
    folder = project(tmp_path, GARDENER_ON_AWS)
    r = run_main(folder)
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stderr.splitlines() if "warning" in line and "/80" in line]
    assert len(warnings) == 1, r.stderr
    shoot = yaml.safe_load((folder / "cdktf.out/kubernetes/shoot/gardener/shoot-networking.yaml").read_text())
    assert shoot["spec"]["networking"]["ipFamilies"] == ["IPv6"]


YAOOK = """\
version: 1
super_networks:
  - id: yaook-pods
    prefixes: [fd9e:1a2b:3c4d::/48]
sites:
  yaook:
    openstack:
      subnet_cidrs: {ipv4: 172.30.154.0/24, ipv6: "fd00::/120"}
      pod_supernet: yaook-pods
      ipv6_mode: dhcpv6-stateful
      gateways: [gw-0, gw-1]
      control_plane: [cp-0, cp-1, cp-2]
      workers: [worker-0, worker-1]
      wireguard: {wg_ipv6_cidr: "fd01::/120", wg_ipv6_gw: "fd01::1/120"}
kubernetes:
  k8s:
    site: yaook
    kubernetes_version: "1.30"
    cni: calico
    ip_families: [ipv4, ipv6]
    pods: v4private, v6fromNode
    services: 10.96.0.0/12, v6private/108
    calico:
      bgp: {as_number: 64512, peer_as_number: 65000}
"""


def test_seed_001_yaook_from_the_plan_file(tmp_path):
    folder = project(tmp_path, YAOOK)
    r = run_main(folder)
    assert r.returncode == 0, r.stderr
    stack = json.loads((folder / "cdktf.out/stacks/yaook/cdk.tf.json").read_text())
    subnets = {s["ip_version"]: s for s in stack["resource"]["openstack_networking_subnet_v2"].values() if "ip_version" in s}
    assert subnets[6]["cidr"] == "fd00::/120" and subnets[6]["ipv6_ra_mode"] == subnets[6]["ipv6_address_mode"] == "dhcpv6-stateful"
    assert subnets[4]["cidr"] == "172.30.154.0/24"
    k8s = folder / "cdktf.out/kubernetes/k8s"
    cc = yaml.safe_load((k8s / "kubeadm/cluster-configuration.yaml").read_text())
    lock = json.loads((folder / "ipam.lock.json").read_text())["allocations"]
    vip4, vip6 = lock["yaook/k8s-nodes/vip/ipv4"]["address"], lock["yaook/k8s-nodes/vip/ipv6"]["address"]
    assert cc["controlPlaneEndpoint"] == f"{vip4}:6443" and vip6 in cc["apiServer"]["certSANs"]
    assert vip6.startswith("fd00::")
    bgp = list(yaml.safe_load_all((k8s / "calico/bgp.yaml").read_text()))
    peers = {d["spec"]["peerIP"] for d in bgp if d["kind"] == "BGPPeer"}
    assert peers == {vip4, vip6}
    assert "bind [" + vip6 + "]:6443" in (k8s / "haproxy/haproxy.cfg").read_text()
