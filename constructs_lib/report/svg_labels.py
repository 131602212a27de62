"""What the blocks of the SVG map say: key labels, range labels and tooltips.

Sibling keys mostly share their start (``os-fra/k8s-nodes/``) and often their end (``/ipv6``);
a band's caption states the shared part once and its blocks show what tells them apart.
"""

from __future__ import annotations

from ..ipam import Prefix
from .layout import Block
from .svgtext import fit

KIND_WORD = {"network": "network", "prefix": "prefix", "ip": "address"}


def size_text(n: int) -> str:
    """2^k for powers of two above 2^16, else the integer."""
    return f"2^{n.bit_length() - 1}" if n > 65536 and n & (n - 1) == 0 else str(n)


SEPARATORS = "/-_.:"


def common_key_prefix(keys: list[str]) -> str:
    """The longest run of whole ``/`` segments all keys share, never a key's last segment."""
    if not keys:
        return ""
    parts = [k.split("/") for k in keys]
    out = []
    for segs in zip(*(p[:-1] for p in parts)):
        if len(set(segs)) != 1:
            break
        out.append(segs[0])
    return "/".join(out) + "/" if out else ""


def key_glob(keys: list[str]) -> tuple[str, str]:
    """(head, tail) all sibling keys share, cut at separators: ``node-1/ipv4``, ``node-12/ipv4`` -> (``node-``, ``/ipv4``).

    What is left of each key (``1``, ``12``) is what tells siblings apart: the label of a block
    too narrow for more. Cutting at a separator keeps ``node-10``/``node-11`` from becoming ``0``/``1``.
    """
    if len(keys) < 2:
        return "", ""
    head = keys[0]
    for k in keys[1:]:
        while not k.startswith(head):
            head = head[:-1]
    while head and head[-1] not in SEPARATORS:
        head = head[:-1]
    rest = [k[len(head):] for k in keys]
    tail = rest[0]
    for k in rest[1:]:
        while not k.endswith(tail):
            tail = tail[1:]
    while tail and tail[0] not in SEPARATORS:
        tail = tail[1:]
    if any(len(k) - len(tail) <= 0 for k in rest):  # a key would vanish whole
        tail = ""
    return head, tail


def tooltip(block: Block, band: Prefix) -> str:
    q = block.prefix
    if block.kind == "child":
        n = block.node
        lines = [n.key, f"{n.family} {KIND_WORD[n.kind]} {n.text}"]
        if q.is_relative:
            lines.append(f"known at apply time; {q.num_addresses if n.kind != 'ip' else 1} addresses")
        elif n.kind != "ip":
            lines.append(f"{size_text(q.num_addresses)} addresses")
        if n.purpose:
            lines.append(n.purpose)
        return "\n".join(lines)
    text = q.text if not q.is_relative else f"{q.text} (apply time)"
    if block.kind == "free":
        return f"free {text}\n{size_text(q.num_addresses)} addresses"
    off = q.base - band.base
    why = "held without a key"
    if q.num_addresses == 1 and band.version == 4 and off == 0:
        why = "network address"
    elif q.num_addresses == 1 and band.version == 4 and off == band.num_addresses - 1:
        why = "broadcast address"
    elif q.num_addresses == 1 and band.version == 6 and off == 0:
        why = "subnet-router anycast address"
    return f"reserved {text}\n{why}"


def range_label(block: Block, band: Prefix) -> str:
    """The second line of a child block: its range, in the longest form that fits.

    Concrete: the CIDR, else its length; an address keeps its tail (``…:10::7``). Apply-time:
    the expression, else the expression with the parent elided (``cidrsubnet(…, 8, 3)``), else
    ``/64 #3`` (length and netnum).
    """
    n, q = block.node, block.prefix
    if q.is_relative:
        if n.kind == "ip":
            host = q.base - band.base
            forms = [n.text, f"cidrhost(…, {host})", f"host {host}"]
        else:
            newbits, netnum = q.length - band.length, (q.base - band.base) >> (q.maxbits - q.length)
            forms = [n.text, f"cidrsubnet(…, {newbits}, {netnum})", f"/{q.length} #{netnum}"]
    elif n.kind == "ip":
        return fit(n.text, block.w, 10)
    else:
        forms = [n.text, f"/{q.length}"]
    return next((t for t in forms if fit(t, block.w, 10, keep="whole")), "")


def key_labels(blocks: list[Block], shared: str, glob: tuple[str, str]) -> tuple[list[str], bool]:
    """One label per child block, in one form for the whole band, and whether it is the glob core.

    The keys without the segments they all share (``node-7/ipv4``) when every one fits;
    otherwise, if siblings share more (``node-*/ipv4``), just the part they differ in (``7``);
    a label still too long is shortened in the middle.
    """
    head, tail = glob
    short = [b.node.key[len(shared):] if shared else b.node.key for b in blocks]
    if all(fit(t, b.w, 11, keep="whole") for t, b in zip(short, blocks)) or not (head or tail):
        return [fit(t, b.w, 11, keep="middle") for t, b in zip(short, blocks)], False
    core = [b.node.key[len(head): len(b.node.key) - len(tail)] for b in blocks]
    return [fit(t, b.w, 11, keep="middle") for t, b in zip(core, blocks)], True
