"""The main job on the shipped plan: what it writes, that it is reproducible, and that the lock is current."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import yaml

from .conftest import ROOT, run_main, scratch_project


def stack(project: Path, name: str) -> dict:
    return json.loads((project / "cdktf.out" / "stacks" / name / "cdk.tf.json").read_text())


def test_writes_stacks_renderings_review(default_synth):
    out = default_synth / "cdktf.out"
    assert sorted(p.name for p in (out / "stacks").iterdir()) == ["aws-poc", "os-fra"]
    assert (out / "review" / "plan.md").read_text().startswith("#")
    import xml.etree.ElementTree as ET

    assert ET.parse(out / "review" / "plan.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert (out / "kubernetes" / "fra" / "kubeadm" / "cluster-configuration.yaml").exists()
    assert (out / "kubernetes" / "poc" / "cilium" / "values.yaml").exists()


def test_committed_lock_is_current(default_synth):
    # the shipped lock already holds every range of the shipped plan: the run changes nothing
    assert (default_synth / "ipam.lock.json").read_bytes() == (ROOT / "ipam.lock.json").read_bytes()


def test_openstack_stack_takes_the_plans_ranges(default_synth):
    lock = json.loads((ROOT / "ipam.lock.json").read_text())
    st = stack(default_synth, "os-fra")
    subnets = st["resource"]["openstack_networking_subnet_v2"]
    v6 = [s for s in subnets.values() if s["ip_version"] == 6]
    assert len(v6) == 1
    assert v6[0]["ipv6_ra_mode"] == v6[0]["ipv6_address_mode"] == "dhcpv6-stateful"
    node_net = next(n for n in lock["networks"].values() if n.get("key") == "os-fra/k8s-nodes")
    assert sorted(s["cidr"] for s in subnets.values()) == sorted(node_net["prefixes"])
    assert len(st["resource"]["openstack_networking_router_interface_v2"]) == 2
    assert st["terraform"]["backend"] == {"local": {"path": "../../../state/os-fra.tfstate"}}  # state outside cdktf.out (issue 11)
    outputs = st["output"]
    assert set(outputs["node_addresses"]["value"]) >= {"cp-0", "worker-2"}
    assert outputs["node_addresses"]["value"]["worker-0"]["ipv6"] == lock["allocations"]["os-fra/k8s-nodes/worker-0/ipv6"]["address"]


def test_aws_stack_is_the_seed_003_poc(default_synth):
    st = stack(default_synth, "aws-poc")
    res = st["resource"]
    (vpc,) = res["aws_vpc"].values()
    assert vpc["assign_generated_ipv6_cidr_block"] is True and vpc["cidr_block"] == "10.100.0.0/16"
    eni = next(iter(res["aws_network_interface"].values()))
    assert sorted(eni["for_each"]) == ["node-1", "node-2", "node-3"]
    assert all(v["ipv6_prefix"].startswith("${cidrsubnet(aws_subnet.") for v in eni["for_each"].values())
    assert "aws_egress_only_internet_gateway" in res and "aws_nat_gateway" in res
    assert any(r.get("destination_ipv6_cidr_block") == "64:ff9b::/96" for r in res["aws_route"].values())


def test_kubernetes_renderings_come_from_the_same_plan(default_synth):
    lock = json.loads((ROOT / "ipam.lock.json").read_text())
    out = default_synth / "cdktf.out" / "kubernetes"
    cc = yaml.safe_load((out / "fra" / "kubeadm" / "cluster-configuration.yaml").read_text())
    pods_v6 = next(n for n in lock["networks"].values() if n.get("key") == "os-fra/k8s/pods")["prefixes"][0]
    services = next(n for n in lock["networks"].values() if n.get("key") == "k8s/fra/services/ipv6")["prefixes"][0]
    assert cc["networking"]["serviceSubnet"] == f"10.240.16.0/20,{services}"
    # the routed IPv6 pod range stays out of podSubnet (kubeadm would hand it to kube-proxy's
    # clusterCIDR and pods would be masqueraded, seed 003); each node's /80 is its own Calico pool
    assert cc["networking"]["podSubnet"] == "172.25.0.0/16"
    pools = {p["metadata"]["name"]: p["spec"] for p in yaml.safe_load_all((out / "fra" / "calico" / "ippools.yaml").read_text())}
    for node in ("cp-0", "worker-2"):
        routed = lock["allocations"][f"os-fra/k8s/pods/{node}"]["cidr"]
        assert routed.startswith(pods_v6.split("::")[0])
        assert pools[f"fra-{node}-pods-ipv6"]["cidr"] == routed and pools[f"fra-{node}-pods-ipv6"]["natOutgoing"] is False
    join = yaml.safe_load((out / "fra" / "kubeadm" / "join-worker-0.yaml").read_text())
    node_ip = [a["value"] for a in join["nodeRegistration"]["kubeletExtraArgs"] if a["name"] == "node-ip"][0]
    v4 = lock["allocations"]["os-fra/k8s-nodes/worker-0/ipv4"]["address"]
    v6 = lock["allocations"]["os-fra/k8s-nodes/worker-0/ipv6"]["address"]
    assert node_ip == f"{v4},{v6}"  # kubelet is given both (seeds 001, 004)
    st = stack(default_synth, "os-fra")
    assert st["output"]["k8s_fra_kubeadm_cluster_configuration"]["value"] == cc  # the same document, structured
    pools_out = st["output"]["k8s_fra_calico_ippools"]["value"]
    assert pools_out == list(yaml.safe_load_all((out / "fra" / "calico" / "ippools.yaml").read_text()))


def test_byte_identical_in_another_folder(default_synth, tmp_path):
    other = scratch_project(tmp_path / "elsewhere" / "deeper")
    r = run_main(other)
    assert r.returncode == 0, r.stderr
    cmp = filecmp.dircmp(default_synth / "cdktf.out", other / "cdktf.out")
    def same(c: filecmp.dircmp) -> bool:
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        return not (mismatch or errors or c.left_only or c.right_only) and all(same(s) for s in c.subdirs.values())
    assert same(cmp)
    for f in (other / "cdktf.out").rglob("*"):
        if f.is_file():
            assert str(tmp_path) not in f.read_text(), f  # no absolute paths


def test_quiet_when_not_on_a_terminal(default_synth):
    r = run_main(default_synth)
    assert r.returncode == 0
    assert "\r" not in r.stderr and r.stdout == ""
    assert r.stderr.strip().endswith("0 added, 0 released, 0 moved, 0 stale; wrote cdktf.out/")


def test_progress_on_a_terminal(tmp_path):
    """On a terminal the run shows a status line (and clears it); elsewhere it is quiet (above)."""
    import os
    import pty
    import subprocess
    import sys

    project = scratch_project(tmp_path / "tty")
    master, slave = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "constructs_lib", "plan", "--out", str(project / "review")], cwd=project,
                           stdout=subprocess.DEVNULL, stderr=slave, timeout=120)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    assert r.returncode == 0
    text = seen.decode()
    assert "site os-fra" in text and text.rstrip("\r\n").endswith("\r\x1b[K"), text  # shown, then cleared
    assert "[2/4] site aws-poc" in text  # counted steps: two sites, then two clusters


def test_slaac_node_ip_is_read_back_from_the_port(tmp_path):
    """With SLAAC Neutron picks the IPv6 address: kubelet's node-ip reads it from the node's port."""
    from constructs_lib.app.pipeline import allocate
    from constructs_lib.app.plan_file import parse_plan
    from constructs_lib.ipam import Ipam

    plan = yaml.safe_load((ROOT / "plan.yaml").read_text())
    plan["sites"]["os-fra"]["openstack"]["ipv6_mode"] = "slaac"
    doc, clusters = parse_plan(plan)
    done = allocate(doc, clusters, Ipam())
    join = yaml.safe_load(done.clusters["fra"].files["kubeadm/join-worker-0.yaml"])
    node_ip = [a["value"] for a in join["nodeRegistration"]["kubeletExtraArgs"] if a["name"] == "node-ip"][0]
    v4, v6 = node_ip.split(",", 1)
    assert v4.startswith("10.20.0.")
    assert v6 == '${one([for ip in openstack_networking_port_v2.k8s["worker-0"].all_fixed_ips : ip if strcontains(ip, ":")])}'  # nodes are one for_each port set (issue 14)
    assert not [k for k in done.ipam.keys() if k.startswith("k8s/fra/nodes/")]  # no address invented for kubelet
