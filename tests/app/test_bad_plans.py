"""Bad plans: one line per problem with its YAML path, exit code 2, nothing written."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from constructs_lib.cli import main

from .conftest import ROOT

PLAN = yaml.safe_load((ROOT / "plan.yaml").read_text())


def edit(fn):
    def apply(plan):
        plan = copy.deepcopy(plan)
        fn(plan)
        return plan
    return apply


def os_(plan):
    return plan["sites"]["os-fra"]["openstack"]


def aws(plan):
    return plan["sites"]["aws-poc"]["aws"]


def k8s(plan, name="fra"):
    return plan["kubernetes"][name]


CASES = [
    ("yaml-syntax", "version: 1\nsites: [unclosed\n", "not valid YAML (line"),
    ("not-a-mapping", "- just\n- a list\n", "the plan must be a mapping"),
    ("unknown-top-key", edit(lambda p: p.update(site={})), "site: unknown key (a typo?)"),
    ("host-bits", edit(lambda p: p["super_networks"][1]["prefixes"].__setitem__(0, "10.20.0.1/16")),
     "super_networks[1].prefixes: prefixes[0]: '10.20.0.1/16' has host bits set; write 10.20.0.0/16"),
    ("non-canonical", edit(lambda p: p["super_networks"][2]["prefixes"].__setitem__(0, "FDF6:AB82:6371::/48")),
     "'FDF6:AB82:6371::/48' is not canonical; write fdf6:ab82:6371::/48"),
    ("duplicate-super", edit(lambda p: p["super_networks"].append(dict(p["super_networks"][0]))),
     "super_networks[3].id: 'tenant-super-network-mini-lab' is given twice"),
    ("overlapping-super", edit(lambda p: p["super_networks"].append({"id": "x", "prefixes": ["10.20.128.0/17"]})),
     "super_networks[3]: network x: prefix 10.20.128.0/17 overlaps 10.20.0.0/16 of network os-fra-nodes"),
    ("child-length", edit(lambda p: p["super_networks"][0]["defaultchildprefixlength"].update(IPv4=8)),
     "defaultchildprefixlength.ipv4: /8 must be longer than /16"),
    ("family-twice", edit(lambda p: p["super_networks"][0]["defaultchildprefixlength"].update(ipv4=22, IPv4=23)),
     "super_networks[0].defaultchildprefixlength: 'IPv4' and 'ipv4' are the same family; give it once"),
    ("site-other-name", edit(lambda p: os_(p).update(site="elsewhere")),
     "sites.os-fra.openstack.site: unknown key; the site's name (os-fra) is used, drop it"),
    ("owner-cli", edit(lambda p: p.update(owner="cli")),
     "owner: 'cli' is the owner `dualstack ipam` acts as by default; name the plan's team (owner: team-a)"),
    ("line-break-in-text", edit(lambda p: k8s(p).update(calico={"ipv4_autodetection_method": "interface=eth0\x85x"})),
     "kubernetes.fra.calico.ipv4_autodetection_method: 'interface=eth0\\x85x' holds U+0085, a control, line-break or format "
     "character; plan text is one printable line"),
    ("newline-in-name", edit(lambda p: os_(p)["workers"].append("w\nx")),
     "sites.os-fra.openstack.workers[3]: 'w\\nx' holds U+000A"),
    ("both-kinds", edit(lambda p: p["sites"]["os-fra"].update(aws={})), "sites.os-fra: give exactly one of openstack: or aws:"),
    ("site-name", edit(lambda p: p["sites"].update({"OS_Fra": p["sites"].pop("os-fra")}) or p["kubernetes"]["fra"].update(site="OS_Fra")),
     "sites.OS_Fra: a site name is lower-case letters, digits and '-'"),
    ("ipv6-mode", edit(lambda p: os_(p).update(ipv6_mode="dhcpv6")),
     "sites.os-fra.openstack.ipv6_mode: Input should be 'dhcpv6-stateful', 'dhcpv6-stateless', 'slaac' or 'slaac-external-router'"),
    ("typo-key", edit(lambda p: os_(p).update(workerz=["w"])), "sites.os-fra.openstack.workerz: unknown key (a typo?)"),
    ("unknown-supernet", edit(lambda p: os_(p).update(node_supernet="nodes")),
     "sites.os-fra.openstack.node_supernet: 'nodes' is not one of super_networks"),
    ("families", edit(lambda p: os_(p).update(families=["ipv7"])), "families: ('ipv7',) must be"),
    ("wireguard", edit(lambda p: os_(p).update(wireguard={"wg_ipv6_cidr": "fd01::/120", "wg_ipv6_gw": "fd02::1/120"})),
     "wg_ipv6_gw"),
    ("slaac-needs-64", edit(lambda p: os_(p).update(ipv6_mode="slaac", node_lengths={"ipv4": 24, "ipv6": 80}, network="slaac-net")),
     'sites.os-fra.openstack: ipv6 subnet "slaac-net-v6": slaac builds EUI-64 addresses and needs a /64, not /80'),
    ("floating-ip-pool-type", edit(lambda p: os_(p).update(gateways="gw-0")), "sites.os-fra.openstack.gateways"),
    ("aws-ipam-netmask", edit(lambda p: aws(p).update(ipv6={"ipam_pool_id": "ipam-pool-0123456789abcdef0", "ipv6_netmask_length": 50})),
     "sites.aws-poc"),
    ("aws-no-azs", edit(lambda p: aws(p).update(azs=[])), "sites.aws-poc.aws: azs: [] names no availability zone"),
    ("aws-az-region", edit(lambda p: aws(p).update(azs=["us-east-1a"])), "sites.aws-poc.aws: "),
    ("aws-ipv4-overlap", edit(lambda p: aws(p).update(ipv4_cidr="10.20.0.0/16")),
     "sites.aws-poc.aws: VPC aws-poc: the address plan holds 10.100.0.0/16"),
    ("k8s-site", edit(lambda p: k8s(p).update(site="nowhere")), "kubernetes.fra.site: 'nowhere' is not one of sites (os-fra, aws-poc)"),
    ("k8s-service-size", edit(lambda p: k8s(p).update(services="10.240.16.0/20, v6private/100")), "/108"),
    ("k8s-keyword", edit(lambda p: k8s(p).update(pods="v4private, v6privat/64")), "unknown keyword"),
    ("k8s-version", edit(lambda p: k8s(p).update(kubernetes_version="banana")), "kubernetes.fra: "),
    ("k8s-calico-block", edit(lambda p: k8s(p).update(calico={"block_size": {"ipv6": 100}})), "116"),
    ("k8s-three-cidrs", edit(lambda p: k8s(p).update(services="10.240.16.0/20, 10.241.0.0/20, v6private/108")), "kubernetes.fra: "),
    ("k8s-link-local", edit(lambda p: k8s(p, "poc").update(services="fe80::/108")), "fe80::/10"),
    ("k8s-from-node-no-nodes", edit(lambda p: k8s(p, "poc").pop("site")),
     "kubernetes.poc.pods: v6fromNode/80 takes each node's own prefix, but the cluster has no nodes"),
    ("k8s-machines-and-site", edit(lambda p: k8s(p).update(machines=[{"name": "extra"}])),
     "kubernetes.fra.machines: the machines of a cluster on site os-fra come from the site"),
    ("super-network-moved", edit(lambda p: p["super_networks"][1].update(prefixes=["10.21.0.0/16", "fdf9:5b74:d19b::/48"])),
     "super_networks[1].prefixes: ['10.21.0.0/16', 'fdf9:5b74:d19b::/48'] differ from the lock's"),
]


@pytest.mark.parametrize("name,mutate,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_plan(tmp_path: Path, capsys, name, mutate, expected):
    plan_path = tmp_path / "plan.yaml"
    if isinstance(mutate, str):
        plan_path.write_text(mutate)
    else:
        plan_path.write_text(yaml.safe_dump(mutate(PLAN), sort_keys=False))
    lock = tmp_path / "ipam.lock.json"
    lock.write_bytes((ROOT / "ipam.lock.json").read_bytes())
    before = lock.read_bytes()
    out = tmp_path / "cdktf.out"
    code = main(["synth", "--plan", str(plan_path), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.splitlines()
    assert lines and all(line.startswith("dualstack: error: ") for line in lines), err
    assert expected in err, err
    assert lock.read_bytes() == before  # the lock is untouched
    assert not out.exists()  # no partial output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ipam.lock.json", "plan.yaml"]


def test_out_folder_that_holds_the_plan_is_refused(tmp_path, capsys):
    (tmp_path / "plan.yaml").write_text((ROOT / "plan.yaml").read_text())
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["synth", "--plan", str(tmp_path / "plan.yaml"), "--out", str(tmp_path)]) == 2
    assert "holds" in capsys.readouterr().err
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("mine")
    assert main(["synth", "--plan", str(tmp_path / "plan.yaml"), "--out", str(tmp_path / "other")]) == 2
    assert "is not an earlier synth output" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["keep.txt", "notes.txt", "other", "plan.yaml"]


def test_at_least_twenty_cases():
    assert len(CASES) >= 20


def test_plan_command_writes_no_lock(tmp_path, capsys):
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text((ROOT / "plan.yaml").read_text())
    assert main(["plan", "--plan", str(plan_path), "--out", str(tmp_path / "review")]) == 0
    out = capsys.readouterr().out
    assert "no committed lock yet" in out and "os-fra/k8s/pods/worker-2" in out
    assert not (tmp_path / "ipam.lock.json").exists()
    assert sorted(p.name for p in (tmp_path / "review").iterdir()) == ["plan.md", "plan.svg"]
    (tmp_path / "ipam.lock.json").write_bytes((ROOT / "ipam.lock.json").read_bytes())
    assert main(["plan", "--plan", str(plan_path), "--out", str(tmp_path / "review")]) == 0
    assert "0 added, 0 released, 0 moved, 0 stale" in capsys.readouterr().out
