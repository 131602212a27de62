"""The plan table fits the terminal (120 columns unless told otherwise), and nothing is cut off."""

import copy
import os
import re

import pytest

from constructs_lib.ipam import Ipam, Prefix, to_dict
from constructs_lib.report import diff, render_text, rows, usage_rows
from constructs_lib.report.text import COLUMNS, DEFAULT_WIDTH, plan_table, terminal_width
from constructs_lib.report.wrap import fit_table, wrap_cell

from .plan import locked, rerun

LONG = "very-long-segment-name-for-a-key"


def wide_plan() -> Ipam:
    """Long keys, deep nesting, apply-time expressions and long purposes."""
    ipam = Ipam()
    ipam.create_network("eu-frankfurt-production-nodes", ["10.20.0.0/16", "fd00:20::/48"], partition="eu-frankfurt",
                        default_child_prefix_length={"ipv4": 24, "ipv6": 64},
                        name="Frankfurt production: every node network of every tenant")
    ipam.create_network("vpc", ["10.30.0.0/16", Prefix.relative("aws_vpc.a_rather_long_vpc_resource_name.ipv6_cidr_block", 56)])
    net = ipam.allocate_network("eu-frankfurt-production-nodes", f"eu-frankfurt/{LONG}/{LONG}/k8s-nodes",
                                labels={"purpose": "node network of the production cluster in Frankfurt, both families"})
    child = ipam.allocate_network(net.id, f"eu-frankfurt/{LONG}/{LONG}/k8s-nodes/rack-12", lengths={"ipv4": 26, "ipv6": 80})
    for i in range(1, 12):
        for fam in ("ipv4", "ipv6"):
            ipam.acquire_ip(child.id, f"eu-frankfurt/{LONG}/{LONG}/k8s-nodes/rack-12/worker-{i}/{fam}", family=fam,
                            purpose=f"worker node worker-{i} of rack 12 in the production cluster ({fam})")
    for tier in ("private-application-tier", "public-load-balancer-tier"):
        ipam.acquire_prefix("vpc", f"vpc/{tier}/eu-central-1a/subnet", family="ipv6", length=64, purpose=f"{tier} subnet")
    return ipam


def columns_of(header_line: str) -> list[tuple[int, int | None]]:
    starts = [m.start() for m in re.finditer(r"\S+", header_line)]
    return list(zip(starts, starts[1:] + [None]))


def squeeze(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("width", [120, 100, 80, 64])
def test_plan_table_fits_and_keeps_every_character(width):
    ipam = wide_plan()
    rs = rows(ipam)
    lines = plan_table(rs, width)
    assert max(len(line) for line in lines) <= width
    assert max(len(line) for line in plan_table(rs, None)) > 120  # the plan is too wide unwrapped
    assert lines[0].split() == list(COLUMNS)  # headers never wrap here
    cells = [[r.site, r.network, r.family, "  " * r.depth + r.cidr, r.key, r.purpose] for r in rs]
    # each column, read top to bottom, holds exactly its cells, in order (only spaces are lost)
    for i, (start, end) in enumerate(columns_of(lines[0])):
        read = "".join(line[start:end] for line in lines[1:])
        assert squeeze(read) == squeeze("".join(c[i] for c in cells)), COLUMNS[i]


def test_render_text_fits_everything_at_120_by_default():
    lock = to_dict(wide_plan())
    old = copy.deepcopy(lock)
    alloc = next(k for k in old["allocations"] if k.endswith("worker-3/ipv4"))
    old["allocations"][alloc]["address"] = "10.20.0.60"  # a moved key: its line is long
    new = wide_plan()
    text = render_text(rows(new), diff(old, new), usage_rows(new))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= DEFAULT_WIDTH
    assert "1208925819614629174706176" in text  # exact figures stay whole (an IPv6 /48)
    moved = squeeze("".join(lines[lines.index(next(line for line in lines if line.startswith("moved: "))):]))
    assert moved == squeeze(diff(old, new).moved_lines()[0])
    assert text == render_text(rows(new), diff(old, new), usage_rows(new))  # deterministic


def test_narrow_terminals_fold_rows():
    rs = rows(wide_plan())
    lines = plan_table(rs, 40)
    assert max(len(line) for line in lines) <= 40
    first = lines[: lines.index("")]
    assert [line.split()[0] for line in first if not line.startswith(" ")] == list(COLUMNS)
    key_lines = [line for line in lines if line.startswith("KEY")]
    assert len(key_lines) == len(rs)
    # every cell is there, folded under its header
    text = squeeze("\n".join(lines))
    for r in rs:
        assert squeeze(r.key) in text and squeeze(r.purpose) in text


def test_natural_widths_are_kept_when_they_fit():
    lock = locked(3)
    new = rerun(lock, 3)
    assert render_text(rows(new), diff(lock, new), width=400) == render_text(rows(new), diff(lock, new), width=None)


def test_wrap_cell_breaks_at_joints_and_keeps_numbers_whole():
    assert wrap_cell("aws/main/subnet/private/eu-west-1a", 24) == ["aws/main/subnet/private/", "eu-west-1a"]
    assert wrap_cell("    cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)", 30) == [
        "    cidrsubnet(aws_vpc.main.", "    ipv6_cidr_block, 8, 0)"]  # continuation keeps the nesting
    assert wrap_cell("73786976294838206464 (1.56%)", 24) == ["73786976294838206464", "(1.56%)"]
    assert wrap_cell("x 123456789", 8) == ["x", "12345678", "9"]  # a number longer than its column must break


def test_table_never_exceeds_width_for_odd_shapes():
    body = [["a" * 70, "b" * 3, "c " * 40], ["", "x", ""], ["d/" * 30, "y" * 50, "z"]]
    for width in (24, 30, 50, 79, 120):
        lines = fit_table(("ONE", "TWO", "THREE"), body, width)
        assert max(len(line) for line in lines) <= width


def test_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "87")
    assert terminal_width() == 87
    monkeypatch.delenv("COLUMNS")

    def no_terminal(*_):
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert terminal_width() == 120  # piped, in CI, in a file: 120
