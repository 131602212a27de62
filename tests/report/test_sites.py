"""The SITE column holds the plan's sites only; plan.md counts the plan's sites."""

from pathlib import Path

import yaml

from constructs_lib.ipam import Ipam, from_dict
from constructs_lib.report import diff, render_markdown, render_text, rows, write_report
from constructs_lib.report.rows import NO_SITE
from constructs_lib.report.text import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SITES = ("os-fra", "aws-poc")
PROJECT = "4b9b17c4-2d7c-4190-ae95-dda44e430fa6"


def app_like() -> Ipam:
    """What the app's lock holds: site keys, a cluster's own ranges (k8s/...), and keys made by `dualstack ipam`."""
    ipam = Ipam()
    ipam.create_network("os-fra-nodes", ["10.20.0.0/16", "fdf9:5b74:d19b::/48"], partition="os-fra",
                        default_child_prefix_length={"ipv4": 24, "ipv6": 64})
    nodes = ipam.allocate_network("os-fra-nodes", "os-fra/k8s-nodes", name="k8s-nodes")
    for n in ("worker-0", "worker-1"):
        ipam.acquire_ip(nodes.id, f"os-fra/k8s-nodes/{n}/ipv4", family="ipv4")
    ipam.create_network("aws-poc", ["10.100.0.0/16"], labels={"site": "aws-poc"})
    ipam.acquire_prefix("aws-poc", "aws-poc/public", length=22)
    # cluster fra's own ranges: super networks of their own, labelled with the cluster
    ipam.create_network("k8s/fra/pods/ipv4", ["172.25.0.0/16"], labels={"cluster": "fra", "role": "pods"})
    ipam.create_network("k8s/fra/services/ula", ["fd5a:eb69:b1c::/48"], labels={"cluster": "fra", "role": "services"})
    ipam.acquire_prefix("k8s/fra/services/ula", "k8s/fra/services/ipv6", length=108)
    # seed 000 through the CLI: a partition that is no site, keys <partition>/<project>/<name> and <network>/<name>
    ipam.create_network("tenant-super-network-mini-lab", ["10.0.0.0/16", "2001:db8:0:10::/64"], partition="mini-lab",
                        default_child_prefix_length={"ipv4": 22, "ipv6": 96}, private_super=True)
    child = ipam.allocate_network("tenant-super-network-mini-lab", f"mini-lab/{PROJECT}/my-node-network",
                                  name="my-node-network", project=PROJECT)
    ipam.acquire_ip(child.id, f"{child.id}/ip-1")
    return ipam


def test_site_column_holds_plan_sites_only():
    ipam = app_like()
    rs = rows(ipam, sites=SITES)
    assert {r.site for r in rs} == {"os-fra", "aws-poc", NO_SITE}
    by_key = {(r.key, r.family): r for r in rs}
    assert by_key[("os-fra/k8s-nodes/worker-1/ipv4", "ipv4")].site == "os-fra"
    assert by_key[("os-fra-nodes", "ipv6")].site == "os-fra"  # its partition names a site
    assert by_key[("aws-poc/public", "ipv4")].site == "aws-poc"
    for key in ("k8s/fra/pods/ipv4", "k8s/fra/services/ula", "k8s/fra/services/ipv6"):
        r = next(r for r in rs if r.key == key)
        assert (r.site, r.owner_kind, r.owner) == (NO_SITE, "cluster", "fra"), key
    cli = [r for r in rs if r.key.startswith(("mini-lab/", "tenant-")) or r.key.endswith("/ip-1")]
    assert len(cli) == 2 + 2 + 1  # two super prefixes, the child network's two prefixes, the address
    assert all((r.site, r.owner_kind, r.owner) == (NO_SITE, "super network", "tenant-super-network-mini-lab") for r in cli)
    # sites first in natural order, rows without a site last, by owner
    order = [r.site for r in rs]
    assert order == sorted(order, key=lambda s: (s == NO_SITE, s))
    owners = [(r.owner_kind, r.owner) for r in rs if r.site == NO_SITE]
    assert owners == sorted(owners)


def test_without_sites_every_first_segment_is_a_site_as_before():
    ipam = app_like()
    rs = rows(ipam)
    cli_net = ipam.network_by_key(f"mini-lab/{PROJECT}/my-node-network").id  # `ip create` keys start with a uuid
    assert {r.site for r in rs} == {"os-fra", "aws-poc", "k8s", "mini-lab", cli_net}
    assert all(not r.owner for r in rs)


def test_text_table_site_column():
    ipam = app_like()
    text = render_text(rows(ipam, sites=SITES), diff(None, ipam), width=120)
    lines = text.splitlines()
    assert lines[0].split() == list(COLUMNS)
    starts = [line.split()[0] for line in lines[1: lines.index("")] if not line.startswith(" ")]
    assert set(starts) == {"os-fra", "aws-poc", NO_SITE}


def test_markdown_counts_plan_sites_and_groups_by_owner(tmp_path):
    ipam = app_like()
    rs = rows(ipam, sites=SITES)
    md = render_markdown(rs, diff(None, ipam), sites=SITES)
    assert md.splitlines()[2].startswith("2 sites · ")
    heads = [line for line in md.splitlines() if line.startswith("## ") and "Changes" not in line]
    assert heads == ["## Site `aws-poc`", "## Site `os-fra`", "## No site: cluster `fra`",
                     "## No site: super network `tenant-super-network-mini-lab`"]
    # without the plan's sites: the sites the rows name, never '-'
    assert render_markdown(rs, diff(None, ipam)).splitlines()[2].startswith("2 sites · ")
    assert render_markdown(rows(ipam), diff(None, ipam)).splitlines()[2].startswith("5 sites · ")  # the old miscount
    paths = write_report(ipam, None, tmp_path, sites=SITES)
    assert paths[0].read_text().splitlines()[2].startswith("2 sites · ")
    assert "`k8s`" not in paths[0].read_text().split("## Usage")[0]


def test_shipped_lock():
    """The committed lock holds k8s/... ranges and seed 000's CLI network: none of them is a site."""
    sites = tuple(yaml.safe_load((ROOT / "plan.yaml").read_text())["sites"])
    ipam = from_dict(__import__("json").loads((ROOT / "ipam.lock.json").read_text()))
    rs = rows(ipam, sites=sites)
    assert {r.site for r in rs} <= set(sites) | {NO_SITE}
    assert {r.site for r in rs if r.key.startswith("k8s/")} == {NO_SITE}
    assert {r.owner for r in rs if r.key.startswith("k8s/fra/")} == {"fra"}
    assert render_markdown(rs, sites=sites).splitlines()[2].startswith(f"{len(sites)} sites · ")
