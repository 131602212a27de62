"""The bootstrap form both ways: ``localhost.yml`` overrides into the plan's section, and back.

Import reads the values a user gave (``management_subnet: fd01::/64,198.51.0.0/24``: the first
subnet is the primary pool, the second the secondary) into one system of the ``starlingx:``
section, keeping exactly what the file states and leaving StarlingX's derivations to StarlingX.
Export writes a planned system's overrides: every subnet, and each address key the file must
carry, that is one the section states or one whose planned value differs from what the
bootstrap playbook would derive (start and end from the subnet, the floating address from the
start, OAM's nodes from the floating address, the other controllers sysinv's lowest free ones).
What the bootstrap form cannot say (a management controller address of its own choosing, a
gateway on one family only, a pool name or order of its own) is listed by ``bootstrap_gaps``.
Pure Python.
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml

from ..errors import one_line
from ..inputs import load_yaml
from ..ipam.errors import IpamError
from ..ipam.prefix import Prefix, format_address
from .networks import BOOTSTRAP_ROLE, KINDS, ROLE_FIELDS, NetworkKind
from .plan import PoolPlan, SystemPlan
from .pools import bootstrap_range, parse_bootstrap
from .section import StarlingxError

_BY_PREFIX = {k.bootstrap: k for k in KINDS.values()}
#: the network keys the bootstrap form names besides the addresses
DYNAMIC = {"management": "management_dynamic_address_allocation", "cluster-host": "cluster_host_dynamic_address_allocation"}


# -- import ------------------------------------------------------------------------------------------
def import_bootstrap(values: Mapping[str, Any] | str, where: str = "bootstrap") -> dict[str, Any]:
    """One system of the ``starlingx:`` section from bootstrap overrides (a mapping, or YAML text).

    The values are checked as the bootstrap parser checks them (families in order, pxeboot
    IPv4-only, addresses inside their subnets); a refusal is a ``StarlingxError`` whose line
    names ``where`` and the key. Keys other than the platform networks', ``system_mode`` and
    ``dns_servers`` are not the plan's business and are left out.
    """
    if isinstance(values, str):
        values = load_yaml(values, where)
    if not isinstance(values, Mapping):
        raise StarlingxError([f"{where}: expected a mapping of bootstrap keys (localhost.yml), got {type(values).__name__}"])
    try:
        parse_bootstrap(values)
    except IpamError as e:
        raise StarlingxError([f"{where}: {one_line(e)}"]) from None
    out: dict[str, Any] = {}
    if values.get("system_mode") is not None:
        out["system_mode"] = values["system_mode"]
    dns = values.get("dns_servers")
    if dns is not None:
        if isinstance(dns, str):  # bootstrap takes a YAML list; a comma-separated text is read the same way
            dns = [d.strip() for d in dns.split(",") if d.strip()]
        if not isinstance(dns, list) or not all(isinstance(d, str) for d in dns):
            raise StarlingxError([f"{where}: dns_servers: {dns!r} is not a list of addresses"])
        out["dns_servers"] = list(dns)
    for kind in KINDS.values():
        network = _import_network(kind, values)
        if network is not None:
            out[kind.name] = network
    return out


def _split(value: Any) -> list[str]:
    return [p.strip() for p in value.split(",")] if isinstance(value, str) else []


def _import_network(kind: NetworkKind, values: Mapping[str, Any]) -> dict[str, Any] | None:
    p = kind.bootstrap
    subnets = _split(values.get(f"{p}_subnet"))
    if not subnets:
        return None
    lists = {what: _split(values.get(f"{p}_{what}_address")) for what in ("start", "end")}
    roles = {f: _split(values.get(f"{p}_{BOOTSTRAP_ROLE[f]}_address")) for f in kind.bootstrap_roles}
    pools = []
    for i, subnet in enumerate(subnets):
        pool: dict[str, Any] = {"subnet": subnet}
        start = lists["start"][i] if i < len(lists["start"]) else None
        end = lists["end"][i] if i < len(lists["end"]) else None
        if start is not None or end is not None:
            default_start, default_end = bootstrap_range(Prefix.parse(subnet))
            pool["ranges"] = [f"{start or default_start}-{end or default_end}"]
        for f in ("gateway_address",) + ROLE_FIELDS[:3]:
            given = roles.get(f, [])
            if i < len(given):
                pool[f] = given[i]
        pools.append(pool)
    network: dict[str, Any] = {"primary": pools[0]}
    if len(pools) > 1:
        network["secondary"] = pools[1]
    if kind.name in DYNAMIC and isinstance(values.get(DYNAMIC[kind.name]), bool):
        network["dynamic"] = values[DYNAMIC[kind.name]]
    return network


def section_yaml(systems: Mapping[str, Any]) -> str:
    """``starlingx:`` YAML for systems as ``import_bootstrap`` gives them (keys in the order written)."""
    return yaml.safe_dump({"starlingx": dict(systems)}, sort_keys=False, default_flow_style=False)


# -- export ------------------------------------------------------------------------------------------
def _derived(kind: NetworkKind, pool: PoolPlan, field: str) -> str | None:
    """What the bootstrap playbook (and sysinv after it) would take for ``field`` when the file leaves it out."""
    start = pool.ranges[0][0]
    floating = pool.roles.get("floating_address")
    if field == "gateway_address":
        return None
    if kind.name == "oam":
        if field == "floating_address" or floating is None:
            return None  # bootstrap's default floating address is a fixed one (10.10.10.2), never derived
        v, value = Prefix.parse_address(floating)
        return format_address(v, value + (1 if field == "controller0_address" else 2))
    if field == "floating_address":
        return start
    # sysinv fills the controllers from the range, lowest free first, after the floating address
    v = pool.prefix.version
    lo, hi = (Prefix.parse_address(a)[1] for a in pool.ranges[0])
    taken = {Prefix.parse_address(a)[1] for f, a in pool.roles.items() if f in ("floating_address", "gateway_address")}
    value = lo
    for f in ("controller0_address", "controller1_address"):
        while value <= hi and value in taken:
            value += 1
        if f == field:
            return format_address(v, value) if value <= hi else None
        taken.add(value)
    return None


def _needs(kind: NetworkKind, pool: PoolPlan, field: str) -> bool:
    value = pool.roles.get(field)
    return value is not None and (field in pool.given or value != _derived(kind, pool, field))


def bootstrap_gaps(system: SystemPlan) -> list[str]:
    """What the system's ``localhost.yml`` cannot carry, a line each (the install would differ there)."""
    out = []
    for name, net in system.networks.items():
        kind = net.kind
        pools = net.pools
        for field in kind.bootstrap_roles:
            have = [p for p in pools if p.roles.get(field) is not None]
            if any(_needs(kind, p, field) for p in pools) and len(have) != len(pools):
                missing = next(p for p in pools if p.roles.get(field) is None)
                out.append(f"{missing.path}.{field}: not set, but the other pool's is; {kind.bootstrap}_{BOOTSTRAP_ROLE[field]}_address "
                           "lists one per subnet, so localhost.yml leaves it out (give both pools one, or neither)")
        for p in pools:
            for field in ROLE_FIELDS:
                if field not in kind.bootstrap_roles and p.roles.get(field) is not None and _needs(kind, p, field):
                    derived = _derived(kind, p, field)
                    out.append(f"{p.path}.{field}: {p.roles[field]} cannot be written in localhost.yml (bootstrap has no "
                               f"{kind.bootstrap} key for it; an install gives {derived or 'none'}); set it after the install "
                               "with addrpool-modify")
            if p.name != kind.pool_name(p.family):
                out.append(f"{p.path}.name: {p.name}: bootstrap names the pool {kind.pool_name(p.family)}; localhost.yml cannot rename it")
            if p.order != "random":
                out.append(f"{p.path}.order: {p.order}: bootstrap creates its pools in sysinv's default order (random); "
                           "localhost.yml cannot set it")
    return out


def bootstrap_overrides(system: SystemPlan) -> str:
    """The system's bootstrap overrides (``localhost.yml``): mode, DNS and platform networks."""
    lines = [
        f"# StarlingX bootstrap overrides of system {system.name}, written by dualstack from the plan (starlingx.{system.name}).",
        "# The platform networks and DNS only: keep the rest of localhost.yml (passwords, registries, ...) beside them.",
        f"system_mode: {system.system_mode}",
    ]
    if system.dns_servers:
        lines.append("dns_servers:")
        lines += [f"  - {d}" for d in system.dns_servers]
    for name, net in system.networks.items():
        kind, pools, p = net.kind, net.pools, net.kind.bootstrap
        lines.append(f"{p}_subnet: {','.join(pool.subnet for pool in pools)}")
        defaults = [bootstrap_range(pool.prefix) for pool in pools]
        for i, what in enumerate(("start", "end")):
            if any("ranges" in pool.given or pool.ranges[0][i] != d[i] for pool, d in zip(pools, defaults)):
                lines.append(f"{p}_{what}_address: {','.join(pool.ranges[0][i] for pool in pools)}")
        for field in ("gateway_address",) + ROLE_FIELDS[:3]:
            if field not in kind.bootstrap_roles:
                continue
            values = [pool.roles.get(field) for pool in pools]
            if None not in values and any(_needs(kind, pool, field) for pool in pools):
                lines.append(f"{p}_{BOOTSTRAP_ROLE[field]}_address: {','.join(values)}")
        if name in DYNAMIC and net.dynamic is not kind.dynamic:
            lines.append(f"{DYNAMIC[name]}: {'true' if net.dynamic else 'false'}")
    return "\n".join(lines) + "\n"


__all__ = ["bootstrap_gaps", "bootstrap_overrides", "import_bootstrap", "section_yaml"]
