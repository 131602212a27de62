"""plan.svg for review: captions never overlap, the changes are on the first screen, every address is labelled.

Text boxes are computed from the SVG as a renderer would paint it: every text is monospace
(the document's font), DejaVu Sans Mono advances 0.602 em per character, and renderers that
hint advances to whole pixels make that up to 0.636 em at 11 px; so 0.64 em per character,
0.8 em above the baseline and 0.25 em below.
"""

import copy
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from constructs_lib.ipam import Ipam, Prefix, from_dict, to_dict
from constructs_lib.report import diff, render_svg

from .plan import locked, rerun
from .test_text_width import wide_plan

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[2]
EM = 0.64
FIRST_SCREEN = 600.0
MIN_MARKER = 1.5


def shown(t) -> str:
    """The painted text of a <text>: its own text and what follows a <title> child."""
    return (t.text or "") + "".join(c.tail or "" for c in t)


def cells(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def text_box(t):
    x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
    w = cells(shown(t)) * size * EM
    if "rotate(90" in (t.get("transform") or ""):  # reads downwards; glyphs stand to the right of x
        return (x - 0.25 * size, y, x + 0.8 * size, y + w)
    anchor = t.get("text-anchor", "start")
    left = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    return (left, y - 0.8 * size, left + w, y + 0.25 * size)


def rect_box(r):
    x, y = float(r.get("x", 0)), float(r.get("y", 0))
    return (x, y, x + float(r.get("width")), y + float(r.get("height")))


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def parse(svg: str):
    doc = ET.fromstring(svg.encode())
    assert doc.get("font-family").split(",")[0] == "DejaVu Sans Mono"  # every text is monospace
    assert all(t.get("font-family") is None for t in doc.iter(SVG + "text"))
    return doc


def classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def deep_plan() -> Ipam:
    """Long ids, nested networks and apply-time prefixes: captions that cannot fit on one line."""
    ipam = wide_plan()
    vpc_v6 = next(p for p in ipam.networks["vpc"].prefixes if p.version == 6)
    assert vpc_v6.is_relative
    net = ipam.allocate_network("vpc", "vpc/very-long-tier-name-for-the-private-application-tier/nodes", families=["ipv6"],
                                lengths={"ipv6": 60})
    for depth in range(4):
        net = ipam.allocate_network(net.id, f"{net.key}/level-{depth}-with-a-long-name", families=["ipv6"],
                                    lengths={"ipv6": 64 + 4 * depth})
        ipam.acquire_ip(net.id, f"{net.key}/vm-{depth}")
    return ipam


def shipped() -> Ipam:
    return from_dict(json.loads((ROOT / "ipam.lock.json").read_text()))


@pytest.mark.parametrize("make", [shipped, deep_plan, wide_plan], ids=["shipped", "deep", "wide"])
def test_no_text_overlaps_another(make):
    ipam = make()
    doc = parse(render_svg(ipam, diff(None, ipam)))
    width = float(doc.get("width"))
    texts = list(doc.iter(SVG + "text"))
    boxes = [text_box(t) for t in texts]
    for t, b in zip(texts, boxes):
        assert b[0] >= 0 and b[2] <= width, shown(t)
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][1])
    for n, i in enumerate(order):  # a sweep by top edge: every pair that could touch
        for j in order[n + 1:]:
            if boxes[j][1] >= boxes[i][3]:
                break
            assert not overlap(boxes[i], boxes[j]), (shown(texts[i]), shown(texts[j]))


@pytest.mark.parametrize("make", [shipped, deep_plan], ids=["shipped", "deep"])
def test_captions_overlap_no_other_element(make):
    ipam = make()
    doc = parse(render_svg(ipam, diff(None, ipam)))
    rects = [r for r in doc.iter(SVG + "rect") if r.get("width") != doc.get("width") and "panel" not in classes(r)]
    rect_boxes = [rect_box(r) for r in rects if r.get("x") is not None]
    captions = [t for t in doc.iter(SVG + "text") if "caption" in classes(t)]
    assert len(captions) >= 2 * sum(1 for g in doc.iter(SVG + "g") if "band" in classes(g))
    for t in captions:
        b = text_box(t)
        hit = [r for r in rect_boxes if overlap(b, r)]
        assert not hit, (shown(t), hit)
    # whatever a caption had to shorten is whole in its tooltip
    for t in captions:
        if "…" in shown(t) and "keys" not in classes(t):  # a key hint ends in "…" by design: "keys os-fra/…"
            assert t.find(SVG + "title") is not None and "…" not in t.find(SVG + "title").text


def test_long_captions_take_two_lines_instead_of_overlapping():
    doc = parse(render_svg(deep_plan()))
    two_line = [g for g in doc.iter(SVG + "g") if "band" in classes(g)
                and len({t.get("y") for t in g.iter(SVG + "text") if "caption" in classes(t)}) == 2]
    assert two_line  # the old map wrote these on one line, over the figures: "known at apply ti1 prefix"
    second_lines = []
    for g in two_line:
        caps = [t for t in g.iter(SVG + "text") if "caption" in classes(t)]
        second_lines += [shown(t) for t in caps if float(t.get("y")) == max(float(u.get("y")) for u in caps)]
    assert sum(w.endswith("known at apply time") for w in second_lines) >= 5  # the apply-time prefixes, whole


def test_block_labels_stay_inside_their_blocks():
    for ipam in (shipped(), deep_plan()):
        doc = parse(render_svg(ipam))
        for g in doc.iter(SVG + "g"):
            if not g.get("data-key"):
                continue
            block = rect_box(g.find(SVG + "rect"))
            for t in g.findall(SVG + "text"):
                b = text_box(t)
                assert block[0] <= b[0] and b[2] <= block[2] + 0.01, (g.get("data-key"), shown(t))


# -- the change panel ------------------------------------------------------------------------------

def panel_entries(doc):
    panel = next(g for g in doc.iter(SVG + "g") if "changes" in classes(g))
    out = []
    for g in panel.iter(SVG + "g"):
        if g.get("data-change"):
            t = g.find(SVG + "text")
            out.append((g.get("data-change"), g.get("data-change-key"), g.get("data-family") or "",
                        t.find(SVG + "title").text if t.find(SVG + "title") is not None else shown(t)))
    return panel, out


def bottom_of(el) -> float:
    ys = [text_box(t)[3] for t in el.iter(SVG + "text")]
    ys += [rect_box(r)[3] for r in el.iter(SVG + "rect")]
    return max(ys)


def changed_run():
    lock = locked(3)
    old = copy.deepcopy(lock)
    old["allocations"]["os-fra/fip-pool"]["cidr"] = "10.10.1.64/26"  # moved
    new = rerun(lock, 5, skip=("os-fra/net/storage/ceph-mon-0",))
    new.release("os-fra/net/storage/ceph-mon-0")  # released
    return old, new, diff(old, new, where="HEAD:ipam.lock.json")


def test_change_panel_lists_exactly_the_diff_on_the_first_screen():
    old, new, d = changed_run()
    assert d.added and d.moved and d.released
    doc = parse(render_svg(new, d, baseline_label="the committed lock (git HEAD)"))
    panel, listed = panel_entries(doc)
    assert bottom_of(panel) <= FIRST_SCREEN
    expected = ({("moved", c.key, "") for c in d.moved} | {("added", c.key, c.family) for c in d.added}
                | {("released", c.key, c.family) for c in d.released} | {("stale", c.key, c.family) for c in d.stale})
    assert {e[:3] for e in listed} == expected and len(listed) == len(expected)
    full = {e[:3]: e[3] for e in listed}
    for c in d.added:
        assert full[("added", c.key, c.family)].endswith(c.new) and c.key in full[("added", c.key, c.family)]
    for c in d.released:
        assert full[("released", c.key, c.family)].endswith(c.old)
    assert full[("moved", "os-fra/fip-pool", "")] == d.moved_lines()[0]
    head = " ".join(shown(t) for t in panel.iter(SVG + "text") if "panel-head" in classes(t))
    assert head == "Changes against the committed lock (git HEAD): 8 added, 1 released, 1 moved, 0 stale"
    # the panel comes before the legend and every band
    first_band = next(g for g in doc.iter(SVG + "g") if "band" in classes(g))
    assert min(float(t.get("y")) for t in first_band.iter(SVG + "text")) > bottom_of(panel)


def test_changed_blocks_are_labelled_in_their_bands():
    old, new, d = changed_run()
    doc = parse(render_svg(new, d))
    labelled = labelled_keys(doc)
    for c in d.added + d.moved:
        if c.kind != "super":
            assert c.key in labelled, c.key


def test_no_changes_and_no_baseline():
    lock = locked(3)
    new = rerun(lock, 3)
    panel, listed = panel_entries(parse(render_svg(new, diff(lock, new), baseline_label="lock.json given with --against")))
    assert listed == []
    assert "No changes against lock.json given with --against." in [shown(t) for t in panel.iter(SVG + "text")]
    panel, listed = panel_entries(parse(render_svg(new, diff(None, new), baseline_label="the lock before this run")))
    assert listed == []
    assert shown(next(panel.iter(SVG + "text"))).startswith("Nothing to compare against (the lock before this run): all ")


def test_a_long_diff_stays_on_the_first_screen_and_says_what_is_left():
    lock = locked(3)
    new = rerun(lock, 3 + 150)
    d = diff(lock, new)
    doc = parse(render_svg(new, d))
    panel, listed = panel_entries(doc)
    assert bottom_of(panel) <= FIRST_SCREEN
    order = [("added", c.key, c.family) for c in d.added]
    assert [e[:3] for e in listed] == order[: len(listed)]  # the first ones, in the diff's order
    more = next(shown(t) for t in panel.iter(SVG + "text") if "panel-more" in classes(t))
    assert more.startswith(f"… and {len(order) - len(listed)} more ({len(order) - len(listed)} added)")


# -- addresses in IPv6 bands -------------------------------------------------------------------------

def labelled_keys(doc) -> set[str]:
    """Keys with a label in their block, a label turned under it, or an entry in their band's list."""
    out = set()
    for g in doc.iter(SVG + "g"):
        if g.get("data-key") and any(shown(t) for t in g.findall(SVG + "text")):
            out.add(g.get("data-key"))
        if "callout" in classes(g):
            out.add(g.get("data-for"))
    for t in doc.iter(SVG + "text"):
        if "list-entry" in classes(t):
            out.add(t.get("data-for"))
    return out


def v6_addresses(n_dense: int) -> Ipam:
    ipam = Ipam()
    ipam.create_network("fra", ["fd00:1::/48"], partition="fra", default_child_prefix_length={"ipv6": 64})
    sparse = ipam.allocate_network("fra", "fra/nodes", families=["ipv6"])
    ipam.acquire_prefix(sparse.id, "fra/nodes/neutron", length=65)  # a big neighbour squeezes the addresses
    for i in range(9):
        ipam.acquire_ip(sparse.id, f"fra/nodes/worker-{i}/ipv6")
    dense = ipam.allocate_network("fra", "fra/dense", families=["ipv6"])
    ipam.acquire_prefix(dense.id, "fra/dense/dhcp", length=65)
    for i in range(n_dense):
        ipam.acquire_ip(dense.id, f"fra/dense/vm-{i}")
    few = ipam.allocate_network("fra", "fra/few", families=["ipv6"])
    for i in range(3):
        ipam.acquire_ip(few.id, f"fra/few/vip-{i}")
    return ipam


@pytest.mark.parametrize("n_dense", [40, 400])
def test_every_ipv6_address_is_labelled_or_listed(n_dense):
    ipam = v6_addresses(n_dense)
    doc = parse(render_svg(ipam))
    ips = {a.key: a for a in ipam.allocations.values() if a.kind == "ip" and a.prefix.version == 6}
    assert len(ips) == 9 + n_dense + 3
    assert set(ips) <= labelled_keys(doc)
    # a listed address shows its address too; every marker is at least MIN_MARKER wide
    for t in doc.iter(SVG + "text"):
        if "list-entry" in classes(t):
            assert shown(t).endswith(ips[t.get("data-for")].text)
    for g in doc.iter(SVG + "g"):
        if g.get("data-key") in ips:
            assert float(g.find(SVG + "rect").get("width")) >= MIN_MARKER
    turned = {g.get("data-for") for g in doc.iter(SVG + "g") if "callout" in classes(g)}
    assert {f"fra/nodes/worker-{i}/ipv6" for i in range(9)} <= turned  # sparse enough to label under the bar
    listed = {t.get("data-for") for t in doc.iter(SVG + "text") if "list-entry" in classes(t)}
    if n_dense > 100:
        assert {f"fra/dense/vm-{i}" for i in range(n_dense)} <= listed  # too dense to label one by one: listed


def test_shipped_node_addresses_are_labelled():
    ipam = shipped()
    doc = parse(render_svg(ipam))
    v6 = [a.key for a in ipam.allocations.values() if a.kind == "ip" and a.prefix.version == 6]
    assert v6 and set(v6) <= labelled_keys(doc)


def test_deterministic():
    old, new, d = changed_run()
    a = render_svg(new, d, baseline_label="x")
    assert a == render_svg(new, d, baseline_label="x")
    assert render_svg(from_dict(to_dict(new)), d, baseline_label="x") == a
    assert not re.search(r'="[^"]*e[+-]\d', a.split("<title>")[0])  # no exponent floats in coordinates
    ipam = v6_addresses(400)
    assert render_svg(ipam) == render_svg(from_dict(to_dict(ipam)))


def test_relative_prefixes_still_render():
    ipam = Ipam()
    ipam.create_network("v", [Prefix.relative("aws_vpc.v.ipv6_cidr_block", 56)])
    for i in range(20):
        ipam.acquire_ip("v", f"v/host-{i}")
    doc = parse(render_svg(ipam))
    assert {f"v/host-{i}" for i in range(20)} <= labelled_keys(doc)
