"""Shared pieces of the StarlingX tests: a system installed as IPv6 (the seed's network-list), planning a
change the way a run does (the committed plan on the committed lock, this plan on the lock after it),
and a stand-in ``system`` command that records what a script runs."""

from __future__ import annotations

import copy
import os
import stat
import subprocess
from pathlib import Path

from constructs_lib.ipam import Ipam, from_dict, to_dict
from constructs_lib.starlingx import plan_starlingx


def ipv6_system(mode: str = "duplex") -> dict:
    """The seed's "installed as IPv6" system: every network single-stack IPv6, pxeboot IPv4."""
    return {
        "system_mode": mode,
        "pxeboot": {"primary": {"subnet": "169.254.202.0/24"}},
        "management": {"primary": {"subnet": "fd01::/64"}},
        "oam": {"primary": {"subnet": "fd00::/64", "gateway_address": "fd00::1"}},
        "cluster-host": {"primary": {"subnet": "aefd:100::/64"}},
        "cluster-pod": {"primary": {"subnet": "aefd:206::/64"}},
        "cluster-service": {"primary": {"subnet": "aefd:207::/112"}},
        "admin": {"primary": {"subnet": "fd02::/64"}},
        "multicast": {"primary": {"subnet": "ff05::14:1:1:0/124"}},
    }


def changed(system: dict, changes: dict) -> dict:
    """A copy of ``system`` with ``changes``: a network's parts merged (a part set to None goes), other keys replaced."""
    out = copy.deepcopy(system)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            for part, v in value.items():
                if v is None:
                    out[key].pop(part, None)
                else:
                    out[key][part] = copy.deepcopy(v)
        else:
            out[key] = copy.deepcopy(value)
    return out


def plan_change(old: dict, new: dict, name: str = "lab", ipam: Ipam | None = None):
    """(committed plan, this plan, the lock after this run): ``new`` is planned on the lock ``old`` left."""
    ipam = ipam or Ipam()
    before = plan_starlingx(ipam, {name: old})
    after_ipam = from_dict(to_dict(ipam))
    after = plan_starlingx(after_ipam, {name: new})
    return before, after, after_ipam


def system_lines(script: str) -> list[str]:
    return [line for line in script.splitlines() if line.startswith("system ")]


FAKE_SYSTEM = """#!/bin/sh
# stands in for StarlingX's `system`: records its arguments, shows the tables the test wrote
printf '%s\\n' "$*" >> "$FAKE_DIR/calls"
case "$1" in
    addrpool-list|network-addrpool-list) cat "$FAKE_DIR/$1" ;;
esac
"""


def table(header: list[str], rows: list[list[str]]) -> str:
    """A table as cgts-client prints one (prettytable: | a | b |)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([rule, line(header), rule, *(line(r) for r in rows), rule]) + "\n"


def run_script(tmp: Path, script: str, pools: dict[str, str], assignments: dict[str, tuple[str, str]]) -> tuple[int, list[str], str]:
    """Run ``script`` with the stand-in ``system`` first on PATH. ``pools``: name -> uuid; ``assignments``:
    association uuid -> (network, pool). Returns (exit code, the recorded calls, stderr)."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "system"
    fake.write_text(FAKE_SYSTEM)
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    (tmp / "addrpool-list").write_text(table(["uuid", "name", "network", "prefix", "order"],
                                             [[u, n, "-", "-", "random"] for n, u in pools.items()]))
    (tmp / "network-addrpool-list").write_text(table(["uuid", "network_name", "addrpool_name"],
                                                     [[u, net, pool] for u, (net, pool) in assignments.items()]))
    path = tmp / "apply-changes.sh"
    path.write_text(script)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_DIR": str(tmp)}
    done = subprocess.run(["sh", str(path)], env=env, capture_output=True, text=True, timeout=60)
    calls = (tmp / "calls").read_text().splitlines() if (tmp / "calls").exists() else []
    return done.returncode, calls, done.stderr


# -- a model of sysinv's pools and assignments, to run a script's calls against ---------------------------
def uuid_of(name: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def sysinv_state(system) -> dict:
    """What sysinv holds for a planned system: pools by name, assignments (network, pool), DNS."""
    pools, assigned = {}, set()
    for net in system.networks.values():
        for p in net.pools:
            pools[p.name] = {"network": p.network_address, "prefix": str(p.prefix_length), "ranges": p.ranges_text,
                             "order": p.order, **dict(p.roles)}
            assigned.add((net.kind.sysinv, p.name))
    return {"pools": pools, "assigned": assigned, "dns": ",".join(system.dns_servers)}


_OPTIONS = {"--name": "name", "--network": "network", "--prefix": "prefix", "--ranges": "ranges", "--order": "order",
            "--floating-address": "floating_address", "--controller0-address": "controller0_address",
            "--controller1-address": "controller1_address", "--gateway-address": "gateway_address"}


def apply_calls(state: dict, calls: list[str]) -> dict:
    """``state`` after the recorded ``system`` calls, as sysinv would change it (uuids are uuid_of(name))."""
    import copy as _copy

    state = _copy.deepcopy(state)
    by_uuid = {uuid_of(n): n for n in state["pools"]}
    links = {uuid_of(f"{net}/{pool}"): (net, pool) for net, pool in state["assigned"]}
    for call in calls:
        words = call.split()
        verb, args = words[0], words[1:]
        if verb == "addrpool-add":
            name, network, prefix, rest = args[0], args[1], args[2], args[3:]
            state["pools"][name] = {"network": network, "prefix": prefix,
                                    **{_OPTIONS[k]: v for k, v in zip(rest[::2], rest[1::2])}}
            by_uuid[uuid_of(name)] = name
        elif verb == "network-addrpool-assign":
            state["assigned"].add((args[0], args[1]))
            links[uuid_of(f"{args[0]}/{args[1]}")] = (args[0], args[1])
        elif verb == "network-addrpool-remove":
            state["assigned"].discard(links.pop(args[0]))
        elif verb == "addrpool-delete":
            del state["pools"][by_uuid.pop(args[0])]
        elif verb == "addrpool-modify":
            pool = state["pools"][by_uuid[args[-1]]]
            for k, v in zip(args[:-1:2], args[1:-1:2]):
                if v == "none":
                    pool.pop(_OPTIONS[k], None)
                else:
                    pool[_OPTIONS[k]] = v
        elif verb == "dns-modify":
            state["dns"] = args[0].removeprefix("nameservers=")
        elif not verb.endswith("-list"):
            raise AssertionError(f"a call the model does not know: {call}")
    return state


def run_against(tmp: Path, script: str, state: dict) -> tuple[int, list[str], str]:
    """Run ``script`` with the stand-in ``system`` showing ``state``'s tables."""
    pools = {name: uuid_of(name) for name in state["pools"]}
    links = {uuid_of(f"{net}/{pool}"): (net, pool) for net, pool in sorted(state["assigned"])}
    return run_script(tmp, script, pools, links)
