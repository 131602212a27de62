import copy

import pytest

from constructs_lib.report import diff, render_markdown, render_text, rows, usage_rows
from constructs_lib.report.markdown import FOLD_AFTER, cell

from .plan import fresh, locked, rerun


@pytest.fixture(scope="module")
def lock():
    return locked(3)


@pytest.fixture(scope="module")
def run(lock):
    new = rerun(lock, 5, skip=("os-fra/fip-pool",))
    return new, diff(lock, new)


def test_text_table(run):
    new, d = run
    text = render_text(rows(new), d, usage_rows(new))
    lines = text.splitlines()
    assert lines[0].split() == ["SITE", "NETWORK", "FAMILY", "CIDR", "KEY", "PURPOSE"]
    # columns line up: every CIDR starts where the header says, nesting indents it
    col = lines[0].index("CIDR")
    node = next(line for line in lines if " os-fra/net/node-1 " in line)
    assert node[col:].startswith("    10.10.0.1 ")  # depth 2
    assert "changes against the lock on disk: 8 added, 0 released, 0 moved, 1 stale" in text  # the default baseline
    assert any(line.split()[:2] == ["+", "os-fra/net/node-5"] for line in lines)
    stale = next(line for line in lines if line.strip().startswith("= "))
    assert "os-fra/fip-pool" in stale and "kept until released" in stale
    assert "SUPER NETWORK" in text and "1208925819614629174706176" in text  # exact IPv6 size of a /48
    assert text == render_text(rows(new), d, usage_rows(new))  # deterministic


def test_text_moved_lines(lock):
    old = copy.deepcopy(lock)
    old["allocations"]["os-fra/fip-pool"]["cidr"] = "10.10.1.64/26"
    d = diff(old, rerun(lock, 3))
    text = render_text(rows(rerun(lock, 3)), d)
    assert "1 moved" in text
    assert any(line.startswith("  !") and "10.10.1.64/26 -> 10.10.1.0/26  MOVED" in line for line in text.splitlines())
    assert text.rstrip().splitlines()[-1].startswith("moved: key os-fra/fip-pool: ipv4 10.10.1.64/26 -> 10.10.1.0/26")


def test_text_without_lock_only_counts_added():
    new = fresh(2)
    text = render_text(rows(new), diff(None, new))
    assert "nothing to compare against (the lock on disk): all 27 ranges are new" in text
    assert not any(line.startswith("  +") for line in text.splitlines())


def test_markdown(run):
    new, d = run
    md = render_markdown(rows(new), d, usage_rows(new))
    assert md.startswith("# Address plan\n\n3 sites · 3 super networks · 2 child networks · 19 prefixes · 11 addresses\n")
    assert "**Changes against the lock on disk:** 8 added · 0 released · 0 moved · 1 stale" in md
    assert "### Added (8)" in md and "- `os-fra/net/node-4` ipv4 address `10.10.0.4`" in md
    assert "### Released (0)\n\nNone." in md and "### Moved (0)\n\nNone." in md
    assert "### Stale (1)" in md and "- `os-fra/fip-pool` ipv4 prefix `10.10.1.0/26`" in md
    assert "[!CAUTION]" not in md
    # a table per site, in site order
    heads = [line for line in md.splitlines() if line.startswith("## Site ")]
    assert heads == ["## Site `aws-eu-west-1`", "## Site `k8s`", "## Site `os-fra`"]
    assert "| `os-fra/net/main` | ipv4 | &emsp;&emsp;`10.10.0.1` | `os-fra/net/node-1` | node port |" in md
    assert "| `aws-main` | ipv6 | &emsp;`cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 0)` |" in md
    # usage per super network, exact integers
    assert ("| `os-fra-super` | ipv6 | `2001:db8:10::/48` | 1208925819614629174706176 | "
            "36893488147419103232 (3.1e-03%) | 1 | 2 | 302222231531620438900736 × /126 |") in md
    assert "| `os-fra-super` | ipv4 | `10.10.0.0/16` | 65536 | 320 (0.49%) | 2 | 2 | 16304 × /30 |" in md
    assert md == render_markdown(rows(new), d, usage_rows(new))
    assert md.endswith("|\n") and "\n\n\n" not in md


def test_markdown_moved_and_folding(lock):
    old = copy.deepcopy(lock)
    old["allocations"]["os-fra/fip-pool"]["cidr"] = "10.10.1.64/26"
    new = rerun(lock, 3 + FOLD_AFTER)  # more added than the fold threshold
    d = diff(old, new)
    md = render_markdown(rows(new), d)
    assert "> [!CAUTION]" in md and "exit code 2" in md
    assert "- `os-fra/fip-pool` ipv4 prefix: `10.10.1.64/26` → `10.10.1.0/26`" in md
    assert f"<details><summary>{len(d.added)} added</summary>" in md
    assert "## Usage per super network" not in md  # only with usage rows


def test_markdown_first_run_and_escaping():
    from constructs_lib.ipam import Ipam

    ipam = Ipam()
    ipam.create_network("s", ["10.0.0.0/24"], labels={"purpose": "a|b"})
    ipam.acquire_ip("s", "s/odd", purpose="x|y")
    md = render_markdown(rows(ipam), diff(None, ipam))
    assert "Nothing to compare against (the lock on disk); changes:** 2 added" in md and "Every range is new" in md
    assert "| a\\|b |" in md and "| x\\|y |" in md
    assert cell("s/odd|key") == "`s/odd\\|key`"  # keys may no longer hold a pipe; cells still escape one
