"""The runtime change from the committed plan to this one, as StarlingX commands (seed 002).

Going dual-stack adds a secondary pool and assigns it (``system addrpool-add ... --order random
--ranges ... --floating-address ... --controller0-address ... --controller1-address ...``, then
``system network-addrpool-assign <network> <pool>``); going back removes the assignment
(``system network-addrpool-remove``) and the pool; an edited pool of OAM, admin or management
is ``system addrpool-modify``; DNS servers are ``system dns-modify nameservers=...``. The order
is the seed's: removals first (the reverse of the adding order), edits, then OAM, the three
cluster networks (their pools added, then assigned together), management and admin.

What StarlingX cannot do at runtime is refused, one line each: a primary pool's family changing
(a reinstall), a primary pool of another network than OAM, admin and management changing, a
network leaving the plan (its first pool stays for good). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .networks import ADD_ORDER, CLUSTER_ASSIGN_ORDER, CLUSTER_NETWORKS, KINDS, OPTION, ROLE_FIELDS, NetworkKind
from .plan import BOOTSTRAP_DEFAULTS, NetworkPlan, PoolPlan, StarlingxPlan, SystemPlan
from .section import StarlingxError

SCRIPT = "apply-changes.sh"

_HEADER = """#!/bin/sh
# StarlingX platform network changes of system {name}: from the plan as committed to this plan.
# Written by dualstack from starlingx.{name}. Run it once, on the active controller, with the
# admin credentials loaded (source /etc/platform/openrc). Each change says why.
set -eu
"""

_UUID_OF = """
# uuid_of LIST COLUMN NAME: the uuid of the one row of `system LIST` whose column COLUMN is NAME, found
# as the seed finds an association (awk '$6 == <pool> { print $2 }'); no such row, or several, stops here
uuid_of() {
    found=$(system "$1" | awk -v col="$2" -v name="$3" '$col == name { print $2 }')
    case "$found" in
        "" | *[!0-9a-f-]*) echo "apply-changes.sh: system $1 shows no single row for $3" >&2; exit 1 ;;
    esac
    echo "$found"
}
"""

#: what each pool field is called in a comment, in the order ``addrpool-modify`` takes the options
_FIELDS = ("name", "network", "prefix", "ranges", "order") + ROLE_FIELDS


@dataclass
class _Change:
    why: str
    commands: list[str]
    notes: list[str] = field(default_factory=list)
    network: str = ""


def _fam(pool: PoolPlan) -> str:
    return pool.family.replace("ip", "IP")


def _value(pool: PoolPlan | None, name: str) -> str | None:
    if pool is None:
        return None
    if name == "network":
        return pool.network_address
    if name == "prefix":
        return str(pool.prefix_length)
    if name == "ranges":
        return pool.ranges_text
    if name in ROLE_FIELDS:
        return pool.roles.get(name)
    return getattr(pool, name)


def _differences(old: PoolPlan, new: PoolPlan) -> list[str]:
    return [f for f in _FIELDS if _value(old, f) != _value(new, f)]


def addrpool_add(pool: PoolPlan) -> str:
    """``system addrpool-add`` as the seed writes it: name, network, prefix, order, ranges, then the role addresses."""
    parts = ["system addrpool-add", pool.name, pool.network_address, str(pool.prefix_length),
             "--order", pool.order, "--ranges", pool.ranges_text]
    for f in ROLE_FIELDS:
        if f in pool.roles:
            parts += [OPTION[f], pool.roles[f]]
    return " ".join(parts)


def _assign(kind: NetworkKind, pool: PoolPlan) -> str:
    return f"system network-addrpool-assign {kind.sysinv} {pool.name}"


def _remove(kind: NetworkKind, pool: PoolPlan) -> list[str]:
    return [f"DEL=$(uuid_of network-addrpool-list 6 {pool.name})", 'system network-addrpool-remove "$DEL"',
            f"POOL=$(uuid_of addrpool-list 4 {pool.name})", 'system addrpool-delete "$POOL"']


def _modify(old: PoolPlan, new: PoolPlan, changed: list[str]) -> list[str]:
    options = []
    for f in changed:
        option = OPTION.get(f, f"--{f}")
        value = _value(new, f)
        options += [option, value if value is not None else "none"]  # sysinv reads "none" as: clear the address
    return [f"POOL=$(uuid_of addrpool-list 4 {old.name})", f"system addrpool-modify {' '.join(options)} \"$POOL\""]


def _shown(pool: PoolPlan) -> str:
    return f"the {_fam(pool)} pool {pool.name} ({pool.subnet})"


def _what(old: PoolPlan, new: PoolPlan, changed: list[str]) -> str:
    return "; ".join(f"{f} {_value(old, f) or 'none'} -> {_value(new, f) or 'none'}" for f in changed)


class _Diff:
    """One system's change: the commands in the seed's order, and what StarlingX refuses at runtime."""

    def __init__(self, old: SystemPlan, new: SystemPlan) -> None:
        self.old, self.new = old, new
        self.refused: list[str] = []
        self.removals: list[_Change] = []
        self.edits: list[_Change] = []
        self.adds: dict[str, list[tuple[NetworkKind, PoolPlan, str]]] = {}
        self.networks: list[_Change] = []
        self.mode: _Change | None = None
        self.dns: _Change | None = None
        self.run()

    def refuse(self, line: str) -> None:
        self.refused.append(line)

    def run(self) -> None:
        old, new = self.old, self.new
        base = f"starlingx.{new.name}"
        if old.system_mode != new.system_mode:
            self.mode = _Change(
                f"system_mode {old.system_mode} -> {new.system_mode}: not a pool change; migrate the system first (StarlingX: "
                f"system modify --system_mode={new.system_mode}), then the controller addresses below apply", [])
        for name in KINDS:
            before, after = old.networks.get(name), new.networks.get(name)
            if before is None and after is None:
                continue
            if after is None:
                self.refuse(f"{base}.{name}: in the committed plan but not in this one; a network keeps its first pool for good "
                            "(StarlingX cannot remove it), so keep the network in the plan")
            elif before is None:
                self.new_network(after)
            else:
                self.network(before, after)
        if new.dns_servers and new.dns_servers != old.dns_servers:
            shown = ",".join(old.dns_servers) or "StarlingX's"
            self.dns = _Change(f"DNS servers {shown} -> {','.join(new.dns_servers)} (primary family first)",
                               [f"system dns-modify nameservers={','.join(new.dns_servers)}"])

    def new_network(self, after: NetworkPlan) -> None:
        kind, base = after.kind, f"starlingx.{self.new.name}.{after.name}"
        default = BOOTSTRAP_DEFAULTS.get(after.name)
        if kind.name in BOOTSTRAP_DEFAULTS:
            # StarlingX made this network at install with its default subnet; the plan now names it
            if after.primary.subnet != default:
                self.refuse(f"{base}.primary.subnet: {after.primary.subnet}, but the committed plan has no {after.name}, so StarlingX "
                            f"installed it with its default {default}; its first pool changes with a reinstall only")
                return
            if after.secondary is not None:
                self.add(kind, after.secondary, f"{after.name} goes dual-stack: the plan adds {_shown(after.secondary)}")
            return
        pool = after.primary
        self.networks.append(_Change(
            f"the plan adds the {after.name} network with {_shown(pool)} as its first pool",
            [addrpool_add(pool), f"POOL=$(uuid_of addrpool-list 4 {pool.name})",
             f"system network-add {kind.sysinv} {kind.sysinv} {'true' if after.dynamic else 'false'} \"$POOL\""],
            ["assign the network to the controllers' interfaces (system interface-network-assign)"] if kind.name == "admin" else []))
        if after.secondary is not None:
            self.networks.append(_Change(f"{after.name} is dual-stack: the plan adds {_shown(after.secondary)}",
                                         [addrpool_add(after.secondary), _assign(kind, after.secondary)]))

    def network(self, before: NetworkPlan, after: NetworkPlan) -> None:
        kind, base = after.kind, f"starlingx.{self.new.name}.{after.name}"
        if before.primary.family != after.primary.family:
            self.refuse(f"{base}.primary: {after.primary.subnet} is {_fam(after.primary)} but the committed primary pool is "
                        f"{_fam(before.primary)} ({before.primary.subnet}); a network's primary pool family cannot change: "
                        "StarlingX needs a reinstall to change it")
            return
        if before.dynamic != after.dynamic:
            self.refuse(f"{base}.dynamic: {after.dynamic} but the committed plan has {before.dynamic}; StarlingX sets a network's "
                        "address allocation when it creates the network (a reinstall)")
        changed = _differences(before.primary, after.primary)
        if changed:
            if kind.modifiable:
                self.edit(kind, before.primary, after.primary, changed)
            else:
                self.refuse(f"{base}.primary: {_what(before.primary, after.primary, changed)}: only the OAM, admin and management "
                            f"networks' pools can be modified at runtime; {after.name}'s primary pool changes with a reinstall")
        old2, new2 = before.secondary, after.secondary
        if old2 is None and new2 is not None:
            self.add(kind, new2, f"{after.name} goes dual-stack: the plan adds {_shown(new2)}")
        elif old2 is not None and new2 is None:
            self.removals.append(_Change(f"{after.name} goes back to single-stack: the plan drops {_shown(old2)}", _remove(kind, old2),
                                         network=after.name))
        elif old2 is not None and new2 is not None:
            changed = _differences(old2, new2)
            if not changed:
                return
            if kind.modifiable:
                self.edit(kind, old2, new2, changed)
            else:
                # a secondary pool can always come and go: replace it
                self.removals.append(_Change(f"{after.name}'s {_fam(new2)} pool changes ({_what(old2, new2, changed)}): "
                                             f"{after.name} pools are read-only at runtime, so the old one goes and the new one "
                                             "is added below", _remove(kind, old2), network=after.name))
                self.add(kind, new2, f"{after.name}'s new {_fam(new2)} pool {new2.name} ({new2.subnet}) replaces the old one")

    def edit(self, kind: NetworkKind, old: PoolPlan, new: PoolPlan, changed: list[str]) -> None:
        notes = ["sysinv takes a management pool change on AIO-SX with controller-0 locked"] if kind.name == "management" else []
        self.edits.append(_Change(f"the plan edits {kind.name}'s {_fam(new)} pool {old.name}: {_what(old, new, changed)}",
                                  _modify(old, new, changed), notes))

    def add(self, kind: NetworkKind, pool: PoolPlan, why: str) -> None:
        self.adds.setdefault(kind.name, []).append((kind, pool, why))

    # -- in order ---------------------------------------------------------------------------------
    def changes(self) -> list[_Change]:
        order = {name: i for i, name in enumerate(ADD_ORDER)}
        out = [self.mode] if self.mode else []
        out += sorted(self.removals, key=lambda c: -order[c.network])  # the reverse of the adding order: OAM goes last
        out += self.edits
        assigns: list[str] = []
        for name in ADD_ORDER:
            for kind, pool, why in self.adds.get(name, []):
                if name in CLUSTER_NETWORKS:
                    out.append(_Change(why, [addrpool_add(pool)]))
                    assigns.append(name)
                else:
                    out.append(_Change(why, [addrpool_add(pool), _assign(kind, pool)], _NOTES.get(name, [])))
            if name == CLUSTER_NETWORKS[-1] and assigns:
                pools = {n: p for n in assigns for _, p, _ in self.adds[n]}
                out.append(_Change(
                    f"assign the new pools to {', '.join(n for n in CLUSTER_ASSIGN_ORDER if n in pools)} (any order; Kubernetes "
                    "and Calico are reconfigured once all three are dual-stack)",
                    [_assign(KINDS[n], pools[n]) for n in CLUSTER_ASSIGN_ORDER if n in pools]))
        out += self.networks
        return out + ([self.dns] if self.dns else [])


#: what the seed says follows each network's change
_NOTES = {
    "oam": ["AIO-SX applies this at once; otherwise lock and unlock both controllers"],
    "management": ["a Configuration Out-Of-Date alarm follows; a lock/unlock cycle of each node clears it"],
}


def _system_diff(old: StarlingxPlan | None, new: SystemPlan) -> _Diff | None:
    before = old.systems.get(new.name) if old is not None else None
    return _Diff(before, new) if before is not None else None


def check_changes(old: StarlingxPlan | None, new: StarlingxPlan) -> list[str]:
    """Every change from ``old`` (the committed plan's) to ``new`` that StarlingX cannot make at runtime, a line each
    (none for a system the plan reinstalls)."""
    lines = []
    for system in new.systems.values():
        diff = _system_diff(old, system)
        if diff is not None and not system.reinstall:
            lines += diff.refused
    return lines


def commands(old: StarlingxPlan | None, new: StarlingxPlan, system: str | None = None) -> str:
    """The script (POSIX sh) that takes ``system`` from ``old`` to ``new``; ``system`` may be left out
    when ``new`` has one system. Raises ``StarlingxError`` for changes StarlingX cannot make at runtime."""
    if system is None:
        if len(new.systems) != 1:
            raise StarlingxError([f"starlingx: {len(new.systems)} systems ({', '.join(new.systems) or 'none'}); name one"])
        system = next(iter(new.systems))
    planned = new.system(system)
    text = _HEADER.format(name=system)
    diff = _system_diff(old, planned)
    if diff is None:
        return text + (f"\n# nothing to change at runtime: the committed plan has no system {system}; install it with "
                       "localhost.yml (bootstrap)\n")
    if planned.reinstall:
        listed = "".join(f"#   {line}\n" for line in diff.refused) or "#   (nothing that needs a reinstall)\n"
        return text + (f"\n# starlingx.{system}.reinstall: install the system again with localhost.yml; nothing runs here. "
                       "What differs from the committed plan and needs the reinstall:\n" + listed)
    if diff.refused:
        raise StarlingxError(diff.refused)
    changes = diff.changes()
    if not changes:
        return text + "\n# nothing to change: the platform networks match the committed plan\n"
    body = "".join(_render(c) for c in changes)
    return text + (_UUID_OF if "uuid_of " in body else "") + body


def _render(change: _Change) -> str:
    out = f"\n# {change.why}\n" + "".join(f"{c}\n" for c in change.commands)
    return out + "".join(f"# then: {n}\n" for n in change.notes)


__all__ = ["SCRIPT", "addrpool_add", "check_changes", "commands"]
