import copy
import xml.etree.ElementTree as ET

import pytest

from constructs_lib.ipam import Ipam, Prefix, from_dict, to_dict
from constructs_lib.report import diff, render_svg
from constructs_lib.report.layout import aligned_blocks, layout_band, partition
from constructs_lib.report.svg import fit, key_glob
from constructs_lib.report.tree import build_tree

from .plan import VPC_V6, locked, rerun

NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def lock():
    return locked(3)


@pytest.fixture(scope="module")
def run(lock):
    new = rerun(lock, 5, skip=("os-fra/fip-pool",))
    return new, diff(lock, new)


@pytest.fixture(scope="module")
def doc(run):
    new, d = run
    return ET.fromstring(render_svg(new, d).encode())


def classes(el):
    return set(el.get("class", "").split())


def band_prefixes(ipam):
    """Every prefix that gets a band: super prefixes and child-network prefixes."""
    return [p for n in ipam.networks.values() for p in n.prefixes]


def bands(doc):
    return {g.get("data-prefix"): g for g in doc.iter("{http://www.w3.org/2000/svg}g") if "band" in classes(g)}


def text_of(el):
    return "".join(el.itertext())


def test_parses_with_one_band_per_network_prefix(run, doc):
    new, _ = run
    assert doc.tag == "{http://www.w3.org/2000/svg}svg"
    tree = build_tree(new)
    expected = {n.text for n in tree.supers} | {c.text for kids in tree.children.values() for c in kids if c.kind == "network"}
    assert set(bands(doc)) == expected and len(bands(doc)) == len(band_prefixes(new)) == 9


def test_one_rect_per_child_and_per_free_block(run, doc):
    new, _ = run
    tree = build_tree(new)
    by_text = bands(doc)
    checked = 0
    for node in tree.supers + [c for kids in tree.children.values() for c in kids if c.kind == "network"]:
        band = by_text[node.text]
        rects = band.findall(".//s:rect", NS)
        children = [r for r in rects if "child" in classes(r)]
        free = [r for r in rects if "free" in classes(r)]
        assert len(children) == len(new.children_of(node.prefix)), node.text
        assert len(free) == len(new.free_blocks(node.prefix)), node.text
        # every child is labelled by key: the full key in its tooltip, a label when it has room
        titles = [text_of(g.find("s:title", NS)) for g in band.findall("s:g", NS) if g.get("data-key")]
        assert [t.split("\n")[0] for t in titles] == [k for k, _, _ in new.children_of(node.prefix)]
        checked += 1
    assert checked == 9


def test_labels_and_figures(doc):
    b = bands(doc)
    labels = [text_of(t) for t in doc.iter("{http://www.w3.org/2000/svg}text") if "label" in classes(t)]
    # keys without the prefix the band's caption states once
    assert {"node-1/ipv4", "private/eu-west-1a", "fip-pool", "ceph-mon-0"} <= set(labels)
    k8s4 = " ".join(text_of(t) for t in b["10.244.0.0/16"].iter("{http://www.w3.org/2000/svg}text"))
    assert "k8s-prod" in k8s4 and "IPv4" in k8s4 and "5 prefixes" in k8s4 and "1.95% allocated" in k8s4
    assert "keys k8s/prod/pods/…" in k8s4
    whole = text_of(doc)
    assert "Changes against the lock on disk: 8 added, 0 released, 0 moved, 1 stale" in whole
    for word in ("IPv4 network", "IPv6 address", "free", "reserved", "known at apply time", "added", "stale", "moved"):
        assert word in whole  # the legend


def test_relative_band_shows_expressions(doc):
    band = bands(doc)[f"{VPC_V6} (/56)"]
    bar = next(r for r in band.iter("{http://www.w3.org/2000/svg}rect") if "bar" in classes(r))
    assert "stroke-dasharray" in bar.attrib  # the bar of an apply-time prefix is dashed
    titles = [text_of(t) for t in band.iter("{http://www.w3.org/2000/svg}title")]
    assert any(f"cidrsubnet({VPC_V6}, 8, 3)" in t for t in titles)
    assert "known at apply time" in text_of(band)
    assert "cidrsubnet(…, 8, 3)" in text_of(band)  # the label's short form of the expression


def test_changes_are_marked(doc):
    marked = {}
    for g in doc.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("data-key"):
            r = g.find("s:rect", NS)
            for mark in ("added", "stale", "moved"):
                if mark in classes(r):
                    marked.setdefault(mark, set()).add(g.get("data-key"))
    assert marked == {
        "added": {"os-fra/net/node-4", "os-fra/net/node-4/v6", "os-fra/net/node-5", "os-fra/net/node-5/v6",
                  "k8s/prod/pods/node-4/ipv4", "k8s/prod/pods/node-4/ipv6", "k8s/prod/pods/node-5/ipv4",
                  "k8s/prod/pods/node-5/ipv6"},
        "stale": {"os-fra/fip-pool"},
    }


def test_moved_is_marked(lock):
    old = copy.deepcopy(lock)
    old["allocations"]["os-fra/fip-pool"]["cidr"] = "10.10.1.64/26"
    new = rerun(lock, 3)
    doc = ET.fromstring(render_svg(new, diff(old, new)).encode())
    moved = [g.get("data-key") for g in doc.iter("{http://www.w3.org/2000/svg}g")
             if g.get("data-key") and "moved" in classes(g.find("s:rect", NS))]
    assert moved == ["os-fra/fip-pool"]
    tip = next(text_of(g.find("s:title", NS)) for g in doc.iter("{http://www.w3.org/2000/svg}g") if g.get("data-key") == "os-fra/fip-pool")
    assert tip.endswith("MOVED: the lock on disk pins 10.10.1.64/26")
    assert "moved: key os-fra/fip-pool: ipv4 10.10.1.64/26 -> 10.10.1.0/26" in text_of(doc)  # listed in the header


def test_deterministic_and_order_independent(run, lock):
    new, d = run
    a = render_svg(new, d)
    assert a == render_svg(new, d)
    assert render_svg(from_dict(to_dict(new))) == render_svg(new)  # same plan, restored in another order
    assert "e+" not in a and "e-" not in a.split("<title>")[0]  # no exponent floats in coordinates


def test_escaping():
    ipam = Ipam()
    ipam.create_network("s", ["10.0.0.0/24"])  # keys and ids may no longer hold markup; purposes may
    ipam.acquire_prefix("s", "s/odd", length=26, purpose='<b>&"key\'\x01')
    doc = ET.fromstring(render_svg(ipam).encode())
    tip = next(text_of(g.find("s:title", NS)) for g in doc.iter("{http://www.w3.org/2000/svg}g") if g.get("data-key") == "s/odd")
    assert '<b>&"key\'\ufffd' in tip  # escaped, and a character XML cannot hold replaced


def test_band_cap():
    ipam = Ipam()
    ipam.create_network("s", ["10.0.0.0/16"])
    for i in range(6):
        ipam.allocate_network("s", f"s/net-{i}", lengths={"ipv4": 24})
    doc = ET.fromstring(render_svg(ipam, max_bands=4).encode())
    assert len(bands(doc)) == 4 and "3 more bands not drawn" in text_of(doc)


# -- layout ---------------------------------------------------------------------------------------

def test_aligned_blocks():
    assert [p.text for p in aligned_blocks(4, None, 1, 7, 32)] == ["0.0.0.1/32", "0.0.0.2/31", "0.0.0.4/31", "0.0.0.6/32"]
    assert [p.text for p in aligned_blocks(4, None, 0, 2**32, 32)] == ["0.0.0.0/0"]


def test_partition_covers_the_prefix_exactly(run):
    new, _ = run
    tree = build_tree(new)
    for p in band_prefixes(new):
        parts = partition(new, tree, p)
        cursor = p.base
        for kind, q, node in parts:
            assert q.base == cursor and p.contains(q)
            cursor += q.num_addresses
        assert cursor == p.base + p.num_addresses
    main = new.network_by_key("os-fra/net/main")
    v4 = main.prefixes_of(4)[0]
    reserved = [q.text for kind, q, _ in partition(new, tree, v4) if kind == "reserved"]
    assert reserved == ["10.10.0.0/32", "10.10.0.255/32"]  # network and broadcast


def test_layout_fills_the_band_in_address_order(run):
    new, _ = run
    tree = build_tree(new)
    for p in band_prefixes(new):
        lay = layout_band(new, tree, p, 1000.0)
        x = 0.0
        for b in lay.blocks:
            assert b.x == pytest.approx(x, abs=1e-6) and b.w > 0
            x += b.w
        assert x == pytest.approx(1000.0)


def test_scale_choice():
    ipam = Ipam()
    ipam.create_network("big", ["10.0.0.0/16", "fd00::/48"])
    ipam.acquire_prefix("big", "a", family="ipv4", length=18)
    ipam.acquire_prefix("big", "b", family="ipv4", length=18)
    ipam.acquire_prefix("big", "c", family="ipv6", length=64)
    tree = build_tree(ipam)
    v4 = layout_band(ipam, tree, Prefix.parse("10.0.0.0/16"), 1000.0)
    assert v4.scale == "linear" and [round(b.w) for b in v4.blocks] == [250, 250, 500]
    v6 = layout_band(ipam, tree, Prefix.parse("fd00::/48"), 1000.0)
    assert v6.scale == "log"
    child = next(b for b in v6.blocks if b.kind == "child")
    assert child.w > 100  # 2^-16 of the band at true scale; readable here
    assert child.true_w < 1 and child.true_x == 0  # the true-scale strip keeps it a hairline at the start


def test_single_addresses_in_a_64_stay_readable():
    ipam = Ipam()
    ipam.create_network("n", ["2001:db8::/64"])
    for i in range(5):
        ipam.acquire_ip("n", f"n/vm-{i}")
    lay = layout_band(ipam, build_tree(ipam), Prefix.parse("2001:db8::/64"), 1100.0)
    widths = [b.w for b in lay.blocks if b.kind == "child"]
    assert len(widths) == 5 and min(widths) > 60  # room for a label; 2^-64 of the band at true scale


# -- labels ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("keys,glob", [
    (["k8s/prod/pods/node-1/ipv4", "k8s/prod/pods/node-12/ipv4"], ("k8s/prod/pods/node-", "/ipv4")),
    (["node-10", "node-11"], ("node-", "")),  # cut at the separator: never "0" and "1"
    (["a/x", "b/x"], ("", "/x")),
    (["only"], ("", "")),
    (["net/a", "net/a-b"], ("net/", "")),
])
def test_key_glob(keys, glob):
    assert key_glob(keys) == glob


def test_fit():
    assert fit("node-1", 100, 11) == "node-1"
    assert fit("private/eu-west-1a", 70, 11, keep="middle") == "pri…st-1a"  # both ends: private/…/1a
    assert fit("2001:db8:10::1", 60, 10) == "…8:10::1"
    assert fit("free /17", 30, 10, keep="whole") == ""
    assert fit("abcdef", 20, 11) == ""


def test_thin_blocks_lose_outlines_and_get_ticks():
    """Sub-pixel blocks with outlines would paint a dense band white (or red when stale)."""
    ipam = Ipam()
    ipam.create_network("n", ["10.0.0.0/16"])
    for i in range(1000):
        ipam.acquire_ip("n", f"n/vm-{i}")
    doc = ET.fromstring(render_svg(ipam, diff(None, ipam)).encode())
    rects = list(doc.iter("{http://www.w3.org/2000/svg}rect"))
    children = [r for r in rects if "child" in classes(r)]
    assert len(children) == 1000 and all(r.get("stroke") == "none" for r in children)
    assert all("added" in classes(r) for r in children)
    assert sum("tick" in classes(r) for r in rects) == 1000


def test_empty_namespace_renders():
    ipam = Ipam()
    doc = ET.fromstring(render_svg(ipam, diff(None, ipam)).encode())
    assert bands(doc) == {} and "0 super networks" in text_of(doc)
