"""Allocator throughput, with the nearest Python peer (ipalloc) run beside it.

    .venv/bin/python bench/bench_ipam.py [--prefixes 1000000] [--ips 100000] [--peer-count 1000]

Prints ops/s for the first and last tenth of each run (flatness = last/first), measured in
CPU time of this process (other work on the machine does not count), each run twice: as the
tool runs it (``ipam.bulk()``: the cyclic collector paused, issue 14's target last/first >= 0.9)
and with the collector on (the baseline beside it: its passes over the growing key table are
the dips). Then the peer's figures on the workload it can finish (N /64s from a /48) and the
ratio on that same workload. Targets (issue 2): >= 100,000 child-prefix acquisitions/s;
go-ipam's in-memory backend publishes 106,861/s on an empty prefix.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from constructs_lib.ipam import Ipam  # noqa: E402
from constructs_lib.ipam.bulk import bulk  # noqa: E402

GO_IPAM_PUBLISHED = 106_861


def tenths(n: int, step) -> tuple[float, float, float]:
    """Run step(i) n times; ops/s over the first tenth, the last tenth, and overall."""
    tenth = max(n // 10, 1)
    marks = []
    clock = time.process_time
    start = clock()
    for i in range(n):
        if i % tenth == 0:
            marks.append(clock())
        step(i)
    end = clock()
    marks.append(end)
    first = tenth / (marks[1] - marks[0])
    last = (n - tenth * (len(marks) - 2)) / (marks[-1] - marks[-2])
    return first, last, n / (end - start)


def ours_prefixes(n: int) -> tuple[float, float, float]:
    ipam = Ipam()
    ipam.create_network("vpc", ["2001:db8:aa00::/56"])
    acquire = ipam.acquire_prefix
    return tenths(n, lambda i: acquire("vpc", f"vm-{i}", length=80))


def ours_ips(n: int) -> tuple[float, float, float]:
    ipam = Ipam()
    ipam.create_network("subnet", ["2001:db8:bb00::/64"])
    acquire = ipam.acquire_ip
    return tenths(n, lambda i: acquire("subnet", f"host-{i}"))


def ours_64s(n: int) -> float:
    ipam = Ipam()
    ipam.create_network("site", ["2001:db8::/48"])
    start = time.perf_counter()
    for i in range(n):
        ipam.acquire_prefix("site", f"k{i}", length=64)
    return n / (time.perf_counter() - start)


def peer_64s(n: int) -> float | None:
    try:
        import ipalloc
    except ImportError:
        return None
    pool = ipalloc.Store.open("memory://").create_pool("site", ranges=["2001:db8::/48"])
    start = time.perf_counter()
    for i in range(n):
        pool.allocate_subpool(64, f"k{i}")
        if sys.stderr.isatty():
            print(f"\r  ipalloc {i + 1}/{n}", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return n / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prefixes", type=int, default=1_000_000)
    ap.add_argument("--ips", type=int, default=100_000)
    ap.add_argument("--peer-count", type=int, default=1_000, help="how many /64s ipalloc and we take from a /48")
    a = ap.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}")
    for label, run, n, what in (("prefixes", ours_prefixes, a.prefixes, "/80 from a /56"), ("ips", ours_ips, a.ips, "IPs from a /64")):
        with bulk():
            f, l, o = run(n)
        print(f"dualstack  {n:>9,} {what}   first tenth {f:>10,.0f}/s  last tenth {l:>10,.0f}/s  overall {o:>10,.0f}/s  last/first {l / f:.2f}  (bulk: collector paused)")
        f, l, o = run(n)
        print(f"baseline   {n:>9,} {what}   first tenth {f:>10,.0f}/s  last tenth {l:>10,.0f}/s  overall {o:>10,.0f}/s  last/first {l / f:.2f}  (collector on)")
    print(f"baseline   go-ipam in-memory (published, empty prefix): {GO_IPAM_PUBLISHED:,}/s")
    ours = ours_64s(a.peer_count)
    peer = peer_64s(a.peer_count)
    print(f"dualstack  {a.peer_count:>9,} /64 from a /48   {ours:>12,.0f}/s")
    if peer is None:
        print("ipalloc    not installed: pip install -e '.[bench]' to run the peer beside us")
    else:
        print(f"ipalloc    {a.peer_count:>9,} /64 from a /48   {peer:>12,.2f}/s   ratio dualstack/ipalloc {ours / peer:,.0f}x")
    print(f"peak RSS   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
