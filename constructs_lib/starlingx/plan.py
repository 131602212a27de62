"""From the ``starlingx:`` section to planned pools: subnets and role addresses held by the allocator.

Every pool is an allocator network under the key ``starlingx/<system>/<network>/<family>``: a
child network taken from a super network (``from:``), or a named subnet pinned as a network of
its own (``subnet:``), so nothing else in the plan can overlap it. Its role addresses (floating,
controller-0, controller-1, gateway) are keyed addresses inside it
(``starlingx/<system>/<network>/<family>/floating``), so they live in the lock too. A role the
section leaves out takes StarlingX's default, unless the lock already holds one for it: keys
never move.

Checked here, each refusal one line naming ``starlingx.<system>.<network>...`` and the value:
all primary pools share one family (management's; pxeboot aside), pxeboot is IPv4-only, a
secondary is of the other family, Kubernetes' cluster networks go dual-stack together and with
OAM (the bootstrap playbook's rules), pools never overlap (sysinv refuses it too), and a subcloud
shares its system controller's primary family. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import one_line
from ..ipam import Ipam
from ..ipam.errors import AlreadyAllocated, IpamError
from ..ipam.prefix import Prefix, format_address
from .networks import CLUSTER_NETWORKS, KINDS, POOL_ROLE, ROLE_FIELDS, NetworkKind
from .pools import AddressPool, bootstrap_range
from .section import PoolSpec, StarlingxError, StarlingxSection, SystemSpec, parse_range, parse_section

#: role field -> the last segment of its key
ROLE_KEY = {"floating_address": "floating", "controller0_address": "controller-0", "controller1_address": "controller-1",
            "gateway_address": "gateway"}
#: what StarlingX's bootstrap uses for a network the plan leaves out (host_vars/bootstrap/default.yml)
BOOTSTRAP_DEFAULTS = {"pxeboot": "169.254.202.0/24", "cluster-host": "192.168.206.0/24", "cluster-pod": "172.16.0.0/16",
                      "cluster-service": "10.96.0.0/12", "multicast": "239.1.1.0/28"}


def pool_key(system: str, network: str, family: str) -> str:
    """The allocator key (and network id) of a pool."""
    return f"starlingx/{system}/{network}/{family}"


@dataclass(frozen=True)
class PoolPlan:
    """One planned pool: its subnet and range, its order, and every role address (given or defaulted)."""

    system: str
    network: str  # the seed's name (oam, management, cluster-host ...)
    slot: str  # primary | secondary
    name: str  # the pool's name in sysinv
    subnet: str  # CIDR
    ranges: tuple[tuple[str, str], ...]
    order: str
    roles: Mapping[str, str]  # role field -> address, in sysinv's order
    given: frozenset[str]  # "ranges" and the role fields the section states (bootstrap writes those)
    key: str  # the allocator's key and network id
    source: str  # "subnet" (named, pinned) or the super network id it came from

    @property
    def path(self) -> str:
        return f"starlingx.{self.system}.{self.network}.{self.slot}"

    @property
    def prefix(self) -> Prefix:
        return Prefix.parse(self.subnet)

    @property
    def family(self) -> str:
        return self.prefix.family

    @property
    def network_address(self) -> str:
        return self.subnet.split("/")[0]

    @property
    def prefix_length(self) -> int:
        return int(self.subnet.split("/")[1])

    @property
    def ranges_text(self) -> str:
        """As ``--ranges`` takes them: ``start-end[,start-end]``."""
        return ",".join(f"{s}-{e}" for s, e in self.ranges)


@dataclass(frozen=True)
class NetworkPlan:
    name: str
    kind: NetworkKind
    primary: PoolPlan
    secondary: PoolPlan | None
    dynamic: bool

    @property
    def pools(self) -> list[PoolPlan]:
        return [self.primary] + ([self.secondary] if self.secondary else [])


@dataclass(frozen=True)
class SystemPlan:
    name: str
    system_mode: str
    dns_servers: tuple[str, ...]  # primary family first
    networks: Mapping[str, NetworkPlan]  # the seed's names, in the bootstrap's order
    primary_family: str
    system_controller: str | None = None
    reinstall: bool = False

    def pools(self) -> list[PoolPlan]:
        return [p for n in self.networks.values() for p in n.pools]


@dataclass(frozen=True)
class StarlingxPlan:
    systems: Mapping[str, SystemPlan] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def system(self, name: str) -> SystemPlan:
        try:
            return self.systems[name]
        except KeyError:
            raise StarlingxError([f"starlingx.{name}: not a system of the plan ({', '.join(self.systems) or 'none'})"]) from None


# -- planning ----------------------------------------------------------------------------------
def plan_starlingx(ipam: Ipam, section: StarlingxSection | Mapping[str, Any] | None) -> StarlingxPlan:
    """Plan every system of ``section`` on ``ipam``. Raises ``StarlingxError`` with every problem found."""
    section = parse_section(section)
    lines: list[str] = []
    warnings: list[str] = []
    systems: dict[str, SystemPlan] = {}
    for name, spec in section.systems.items():
        planned = _System(ipam, name, spec, lines, warnings).plan()
        if planned is not None:
            systems[name] = planned
    for name, spec in section.systems.items():
        lines += _controller_lines(name, spec, list(section.systems), systems)
    if lines:
        raise StarlingxError(lines)
    return StarlingxPlan(systems, tuple(warnings))


def _controller_lines(name: str, spec: SystemSpec, names: list[str], systems: Mapping[str, SystemPlan]) -> list[str]:
    """Seed: "the system controller and subclouds ... must share the same primary address family"."""
    ref = spec.system_controller
    if ref is None:
        return []
    where = f"starlingx.{name}.system_controller"
    if ref == name:
        return [f"{where}: {ref!r} is this system; name the system controller of this subcloud"]
    if ref not in names:
        return [f"{where}: {ref!r} is not a system of this section ({', '.join(names)})"]
    if name in systems and ref in systems and systems[ref].primary_family != systems[name].primary_family:
        mine, theirs = systems[name].primary_family, systems[ref].primary_family
        return [f"{where}: {ref} is primary {_fam(theirs)} but this subcloud is primary {_fam(mine)}; a system controller and "
                "its subclouds share the primary address family (their operational traffic uses the primary pools)"]
    return []


def _fam(family: str) -> str:
    return family.replace("ip", "IP")


class _System:
    """One system's planning: collects its problems instead of stopping at the first."""

    def __init__(self, ipam: Ipam, name: str, spec: SystemSpec, lines: list[str], warnings: list[str]) -> None:
        self.ipam, self.name, self.spec = ipam, name, spec
        self.lines, self.warnings = lines, warnings
        self.start = len(lines)

    def fail(self, line: str) -> None:
        self.lines.append(one_line(line))

    def plan(self) -> SystemPlan | None:
        networks = self.spec.networks()
        families = {name: self.families(name, net) for name, net in networks.items()}
        if len(self.lines) > self.start:
            return None  # families unknown: the rules below would only add noise
        primary_family = families["management"][0]
        self.family_rules(networks, families, primary_family)
        if len(self.lines) > self.start:
            return None
        planned: dict[str, NetworkPlan] = {}
        for name, net in networks.items():
            kind = KINDS[name]
            pools = [self.pool(kind, slot, spec, fam) for slot, spec, fam in
                     zip(("primary", "secondary"), (net.primary, net.secondary), families[name]) if spec is not None]
            if any(p is None for p in pools):
                continue
            planned[name] = NetworkPlan(name, kind, pools[0], pools[1] if len(pools) > 1 else None,
                                        kind.dynamic if net.dynamic is None else net.dynamic)
        if len(self.lines) > self.start:
            return None
        self.warn_left_out(networks, primary_family)
        dns = tuple(sorted(self.spec.dns_servers, key=lambda a: (":" in a) != (primary_family == "ipv6")))
        planned_system = SystemPlan(self.name, self.spec.system_mode, dns, planned, primary_family, self.spec.system_controller,
                                    self.spec.reinstall)
        from .bootstrap import bootstrap_gaps  # the bootstrap module reads these plans: imported here, not at the top

        self.warnings.extend(bootstrap_gaps(planned_system))
        return planned_system

    # -- families and the rules between networks -----------------------------------------------
    def families(self, name: str, net: Any) -> tuple[str, ...]:
        out = []
        for slot, spec in (("primary", net.primary), ("secondary", net.secondary)):
            if spec is None:
                continue
            path = f"starlingx.{self.name}.{name}.{slot}"
            if spec.subnet is not None:
                out.append(Prefix.parse(spec.subnet).family)
                continue
            parent = self.ipam.networks.get(spec.from_)
            if parent is None or parent.parent is not None:
                supers = sorted(n.id for n in self.ipam.networks.values() if n.parent is None and not n.id.startswith(("starlingx/", "k8s/")))
                self.fail(f"{path}.from: {spec.from_!r} is not a super network of the plan ({', '.join(supers) or 'none'})")
                continue
            if spec.family is not None:
                if spec.family not in parent.families:
                    self.fail(f"{path}.family: {spec.family} but super network {spec.from_} has only "
                              f"{', '.join(parent.families)} ({', '.join(p.text for p in parent.prefixes)})")
                    continue
                out.append(spec.family)
            elif len(parent.families) == 1:
                out.append(parent.families[0])
            else:
                self.fail(f"{path}.family: super network {spec.from_} is dual-stack; say ipv4 or ipv6")
        return tuple(out)

    def family_rules(self, networks: Mapping[str, Any], families: Mapping[str, tuple[str, ...]], primary: str) -> None:
        for name, fams in families.items():
            base = f"starlingx.{self.name}.{name}"
            kind = KINDS[name]
            if kind.ipv4_only:
                if fams[0] != "ipv4":
                    self.fail(f"{base}.primary: {self.shown(networks[name].primary)} is IPv6 but {name} supports IPv4 only")
                if len(fams) > 1:
                    self.fail(f"{base}.secondary: {name} supports IPv4 only; it takes no secondary pool")
            elif fams[0] != primary:
                self.fail(f"{base}.primary: {self.shown(networks[name].primary)} is {_fam(fams[0])} but the management network's "
                          f"primary pool is {_fam(primary)}; all primary pools share one family")
            if len(fams) == 2 and fams[0] == fams[1] and not kind.ipv4_only:
                other = "ipv4" if fams[0] == "ipv6" else "ipv6"
                self.fail(f"{base}.secondary: {self.shown(networks[name].secondary)} is {_fam(fams[1])} like the primary; "
                          f"the secondary pool is {_fam(other)}")
            net = networks[name]
            if net.dynamic is not None and name not in ("management", "cluster-host"):
                self.fail(f"{base}.dynamic: {net.dynamic}: only management and cluster-host allocate addresses dynamically")
            if not kind.roles:
                for slot, spec in (("primary", net.primary), ("secondary", net.secondary)):
                    for f in ROLE_FIELDS:
                        if spec is not None and spec.role(f) is not None:
                            self.fail(f"{base}.{slot}.{f}: {spec.role(f)}: {name} pools hold no floating, controller or "
                                      "gateway addresses")
        dual = [n for n in CLUSTER_NETWORKS if n in families and len(families[n]) == 2]
        single = [n for n in CLUSTER_NETWORKS if n in families and len(families[n]) == 1]
        if dual and single:
            self.fail(f"starlingx.{self.name}.{single[0]}.secondary: missing, but {', '.join(dual)} "
                      f"{'is' if len(dual) == 1 else 'are'} dual-stack; StarlingX takes cluster-pod, cluster-service and "
                      "cluster-host dual-stack together (Kubernetes' pod, service and host ranges)")
        if dual and len(families["oam"]) == 1:
            self.fail(f"starlingx.{self.name}.oam.secondary: missing, but {dual[0]} is dual-stack; Kubernetes in dual-stack "
                      "needs the OAM network dual-stack too")

    @staticmethod
    def shown(spec: PoolSpec) -> str:
        return spec.subnet if spec.subnet is not None else f"from {spec.from_}"

    # -- one pool --------------------------------------------------------------------------------
    def pool(self, kind: NetworkKind, slot: str, spec: PoolSpec, family: str) -> PoolPlan | None:
        path = f"starlingx.{self.name}.{kind.name}.{slot}"
        key = pool_key(self.name, kind.name, family)
        name = spec.name or kind.pool_name(family)
        subnet = self.subnet(path, key, spec, family, kind, name)
        if subnet is None:
            return None
        if spec.ranges is not None:
            (_, start), (_, end) = parse_range(spec.ranges[0])
            ranges = [(format_address(subnet.version, start), format_address(subnet.version, end))]
        else:
            ranges = [bootstrap_range(subnet)]
        roles, sticky = self.roles(path, key, kind, spec, subnet, ranges)
        if roles is None:
            return None
        labels = {"network": f"{path}.subnet" if spec.subnet is not None else f"{path}.length",
                  "ranges": f"{path}.ranges[0]", "range_start": f"{path}.ranges[0] start", "range_end": f"{path}.ranges[0] end",
                  **{POOL_ROLE[f]: f"{path}.{f}" for f in ROLE_FIELDS}}
        try:
            pool = AddressPool(name, subnet, ranges=ranges, order=spec.order, default_roles=False, fields=labels,
                               **{_ARG[f]: v for f, v in roles.items()})
        except IpamError as e:
            self.fail(self.sticky_hint(str(e), sticky, path, key))
            return None
        for f, address in roles.items():
            rk = f"{key}/{ROLE_KEY[f]}"
            try:
                self.ipam.acquire_ip(key, rk, address=address, purpose=f"StarlingX {self.name} {kind.name} {name} {f}")
            except AlreadyAllocated as e:
                held = self.ipam.allocations.get(rk)
                if held is not None and held.text != address:
                    self.fail(f"{path}.{f}: {address} but the lock holds {held.text} under {rk}; keys never move: keep "
                              f"{held.text}, or release {rk} (dualstack ipam release) in a reviewed change to renumber it")
                else:
                    self.fail(f"{path}.{f}: {address}: {e}")
                return None
            except IpamError as e:
                self.fail(f"{path}.{f}: {address}: {e}")
                return None
        given = frozenset(f for f in ROLE_FIELDS if spec.role(f) is not None) | ({"ranges"} if spec.ranges is not None else set())
        return PoolPlan(self.name, kind.name, slot, name, subnet.text, tuple(pool.ranges), spec.order,
                        {f: roles[f] for f in ROLE_FIELDS if f in roles}, given, key,
                        "subnet" if spec.subnet is not None else spec.from_)

    @staticmethod
    def sticky_hint(message: str, sticky: Mapping[str, str], path: str, key: str) -> str:
        """A refused role address the section did not give came from the lock: say so, and how to change it."""
        for f, address in sticky.items():
            if message.startswith(f"{path}.{f}: "):
                return (f"{message} (the lock holds it under {key}/{ROLE_KEY[f]} from before; give {f}, and release that key "
                        "in a reviewed change to renumber it)")
        return message

    def subnet(self, path: str, key: str, spec: PoolSpec, family: str, kind: NetworkKind, name: str) -> Prefix | None:
        """The pool's subnet in the allocator: pinned when named, else a child network of its super network."""
        labels = {"starlingx": self.name, "network": kind.name, "pool": name}
        title = f"StarlingX {self.name} {kind.name} {name}"
        held = self.ipam.networks.get(key)
        if spec.subnet is not None:
            want = Prefix.parse(spec.subnet)
            if held is not None:
                have = [p.text for p in held.prefixes]
                if held.parent is not None:
                    self.fail(f"{path}.subnet: {spec.subnet} but the lock holds {key} as a subnet taken from {held.parent} "
                              f"({', '.join(have)}); keep from: {held.parent}, or release {key} in a reviewed change")
                    return None
                if have != [spec.subnet]:
                    self.fail(f"{path}.subnet: {spec.subnet} but the lock pins {key} to {', '.join(have)}; keep {have[0]} "
                              "(a renumbered pool moves every address in it), or drop the network from the lock in a reviewed change")
                    return None
                if self.ipam.owner not in held.owners:
                    self.fail(f"{path}.subnet: {key} belongs to {', '.join(held.owners)}, not to {self.ipam.owner}")
                    return None
                return want
            if want.num_addresses < 4:
                self.fail(f"{path}.subnet: {spec.subnet} is too small for an address pool; it needs at least 4 addresses")
                return None
            clash = self.overlapping(want)
            if clash is not None:
                self.fail(f"{path}.subnet: {spec.subnet} {clash}")
                return None
            try:
                self.ipam.create_network(key, [want], name=title, labels=labels)
            except IpamError as e:
                self.fail(f"{path}.subnet: {spec.subnet}: {e}")
                return None
            return want
        if spec.length is not None and spec.length > (30 if family == "ipv4" else 126):
            self.fail(f"{path}.length: /{spec.length} is too small for an address pool; it needs at least 4 addresses "
                      f"(/{30 if family == 'ipv4' else 126} or shorter)")
            return None
        if held is not None and held.parent is None:
            self.fail(f"{path}.from: {spec.from_} but the lock pins {key} as the named subnet {held.prefixes[0].text}; keep "
                      f"subnet: {held.prefixes[0].text}, or drop the network from the lock in a reviewed change")
            return None
        try:
            net = self.ipam.allocate_network(spec.from_, key, id=key, families=[family],
                                             lengths={family: spec.length} if spec.length is not None else None,
                                             name=title, labels=labels)
        except IpamError as e:
            self.fail(f"{path}.from: {spec.from_}: {e}")
            return None
        got = net.prefixes_of(4 if family == "ipv4" else 6)[0]
        if got.is_relative:
            self.fail(f"{path}.from: {spec.from_} is known only at apply time ({got.text}); a StarlingX pool needs a concrete subnet")
            return None
        return got

    def overlapping(self, want: Prefix) -> str | None:
        """Why a named subnet cannot be pinned: what it overlaps, said for a pool or for the plan's network."""
        for net in self.ipam.networks.values():
            if net.parent is not None:
                continue
            for p in net.prefixes:
                if not p.overlaps(want):
                    continue
                parts = net.id.split("/")
                if len(parts) == 4 and parts[0] == "starlingx":
                    other = f"starlingx.{parts[1]}.{parts[2]} ({p.text})"
                    return (f"overlaps the {parts[3]} pool of {other}; StarlingX refuses address pools that overlap "
                            "(sysinv lets only cluster-host, cluster-pod and cluster-service overlap each other) and the plan "
                            "keeps every range apart: give it a subnet of its own")
                if p.contains(want):
                    return (f"lies inside super network {net.id} ({p.text}); take the pool from it (from: {net.id} with a "
                            "length), or name a subnet outside it")
                return f"overlaps network {net.id} ({p.text}) of the plan; name a free subnet, or take one with from:"
        return None

    def roles(self, path: str, key: str, kind: NetworkKind, spec: PoolSpec, subnet: Prefix,
              ranges: list[tuple[str, str]]) -> tuple[dict[str, str] | None, dict[str, str]]:
        """Every role address: given, held by the lock from before, or StarlingX's default."""
        out = {f: spec.role(f) for f in ROLE_FIELDS if spec.role(f) is not None}
        if not kind.roles:
            return out, {}
        sticky: dict[str, str] = {}
        for f in ROLE_FIELDS[:3]:  # the ones StarlingX fills in; a gateway left out is no gateway
            held = self.ipam.allocations.get(f"{key}/{ROLE_KEY[f]}")
            if f not in out and held is not None and held.address is not None:
                sticky[f] = out[f] = held.address
        wanted = kind.simplex_roles if self.spec.system_mode == "simplex" else ROLE_FIELDS[:3]
        missing = [f for f in wanted if f not in out]
        v = subnet.version
        lo, hi = (Prefix.parse_address(a)[1] for a in ranges[0])
        taken = {Prefix.parse_address(a)[1] for a in out.values() if Prefix.parse_address(a)[0] == v}

        def lowest_free() -> int | None:
            value = lo
            while value <= hi and value in taken:
                value += 1
            return value if value <= hi else None

        for f in missing:
            if kind.name == "oam" and f != "floating_address" and "floating_address" in out:
                # bootstrap: node 0 is the floating address + 1, node 1 the floating address + 2
                step = 1 if f == "controller0_address" else 2
                value = Prefix.parse_address(out["floating_address"])[1] + step
                if value > hi or value in taken:
                    self.fail(f"{path}.{f}: the default (floating address + {step}, {format_address(v, value)}) is taken or "
                              f"outside the range {ranges[0][0]}-{ranges[0][1]}; give {f}")
                    return None, sticky
            else:
                value = lowest_free()
                if value is None:
                    self.fail(f"{path}.{f}: the range {ranges[0][0]}-{ranges[0][1]} leaves no address for it; widen the range or give it")
                    return None, sticky
            out[f] = format_address(v, value)
            taken.add(value)
        return out, sticky

    def warn_left_out(self, networks: Mapping[str, Any], primary: str) -> None:
        gone = [n for n in BOOTSTRAP_DEFAULTS if n not in networks]
        # StarlingX's defaults are IPv4: on an IPv6 system the bootstrap refuses them (validate-config: "Cluster, oam and
        # mgmt must have same family address type"), pxeboot aside
        wrong = [n for n in gone if primary == "ipv6" and not KINDS[n].ipv4_only]
        fine = [n for n in gone if n not in wrong]
        if wrong:
            shown = ", ".join(f"{n} {BOOTSTRAP_DEFAULTS[n]}" for n in wrong)
            self.warnings.append(f"starlingx.{self.name}: no {', '.join(wrong)} in the plan, and StarlingX's defaults ({shown}) "
                                 "are IPv4 while the system's primary family is IPv6: bootstrap refuses them; add the networks "
                                 "with IPv6 primary pools")
        if fine:
            shown = ", ".join(f"{n} {BOOTSTRAP_DEFAULTS[n]}" for n in fine)
            self.warnings.append(f"starlingx.{self.name}: no {', '.join(fine)} in the plan: StarlingX's bootstrap defaults apply "
                                 f"({shown}), which the allocator does not hold")


_ARG = {"floating_address": "floating", "controller0_address": "controller0", "controller1_address": "controller1",
        "gateway_address": "gateway"}


# -- what the Kubernetes side takes --------------------------------------------------------------
def kubernetes_ranges(plan: StarlingxPlan, system: str) -> dict[str, str]:
    """The system's cluster-pod and cluster-service pools as a cluster's ``pods``/``services`` text,
    primary first (``{"pods": "aefd:206::/64,172.16.0.0/16", "services": "..."}``)."""
    sys_plan = plan.system(system)
    out = {}
    for role, name in (("pods", "cluster-pod"), ("services", "cluster-service")):
        net = sys_plan.networks.get(name)
        if net is None:
            raise StarlingxError([f"starlingx.{system}.{name}: not in the plan; a cluster that takes its {role} from StarlingX "
                                  f"needs the system's {name} network"])
        out[role] = ",".join(p.subnet for p in net.pools)
    return out


def kubernetes_networks(plan: StarlingxPlan, system: str) -> dict[str, dict[str, str]]:
    """The same pools as allocator networks, role -> family -> network id (for the resolver's
    ``pod_networks``, so the cluster uses these networks instead of pinning the CIDRs again)."""
    kubernetes_ranges(plan, system)  # the same refusal when a network is missing
    sys_plan = plan.system(system)
    return {role: {p.family: p.key for p in sys_plan.networks[name].pools}
            for role, name in (("pods", "cluster-pod"), ("services", "cluster-service"))}


__all__ = ["BOOTSTRAP_DEFAULTS", "NetworkPlan", "PoolPlan", "StarlingxPlan", "SystemPlan", "kubernetes_networks",
           "kubernetes_ranges", "plan_starlingx", "pool_key"]
