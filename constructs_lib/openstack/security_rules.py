"""Security group rules as v4/v6 pairs, in pure Python (the construct only renders them).

A ``RuleSpec`` is one intent ("kube-apiserver from the node network"); ``expand`` turns it into
one Neutron rule per family and remote prefix. Rules come in pairs: a dual-stack group asks
for both an IPv4 and an IPv6 remote, or says explicitly that the rule is single-family.
ICMP is spelled ``icmp`` on IPv4 and always ``ipv6-icmp`` on IPv6: Neutron rewrites the legacy
names (``icmp``/``icmpv6``/``1`` with ethertype IPv6) to ``ipv6-icmp``
(securitygroups_db._make_canonical_ipv6_icmp_protocol), which a plan then shows as drift.
Nothing is open to ``0.0.0.0/0`` or ``::/0`` unless ``Remote.anywhere()`` asks for it.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from pydantic import ConfigDict

from constructs_lib.ipam.prefix import FAMILIES

from .neutron_rules import NeutronRuleError, canonical_cidr, is_expression

ETHERTYPE = {"ipv4": "IPv4", "ipv6": "IPv6"}
INGRESS, EGRESS = "ingress", "egress"

#: protocols with ports (neutron_lib SG_PORT_PROTO_NAMES)
PORT_PROTOCOLS = ("tcp", "udp", "sctp", "dccp", "udplite")
#: protocols written as-is on both families (vrrp: keepalived moving the VIPs)
PLAIN_PROTOCOLS = PORT_PROTOCOLS + ("vrrp", "gre", "esp", "ah")

#: named ICMP messages: name -> ((IPv4 type, code), (ICMPv6 type, code)); None = no such message
#: in that family. Neighbour discovery (RFC 4861) and MLD (RFC 3810) exist in ICMPv6 only.
ICMP_MESSAGES: dict[str, tuple[tuple[int, int | None] | None, tuple[int, int | None] | None]] = {
    "echo-request": ((8, None), (128, None)),
    "echo-reply": ((0, None), (129, None)),
    "destination-unreachable": ((3, None), (1, None)),
    # IPv4's "fragmentation needed" is destination-unreachable code 4; ICMPv6 has its own type
    "packet-too-big": ((3, 4), (2, None)),
    "time-exceeded": ((11, None), (3, None)),
    "parameter-problem": ((12, None), (4, None)),
    "mld-query": (None, (130, None)),
    "router-solicitation": (None, (133, None)),
    "router-advertisement": (None, (134, None)),
    "neighbour-solicitation": (None, (135, None)),
    "neighbour-advertisement": (None, (136, None)),
}
#: ICMP errors (RFC 4890 4.3.1 / 4.4.1: must not be dropped), written as v4/v6 pairs
ICMP_ERRORS = ("destination-unreachable", "packet-too-big", "time-exceeded", "parameter-problem")

#: link-local sources (NDP, RA, MLD), link-scope multicast destinations (NS, RS, MLD reports),
#: and the unspecified source of duplicate address detection (RFC 4862 5.4.2)
LINK_LOCAL_V6 = "fe80::/10"
LINK_SCOPE_MULTICAST_V6 = "ff02::/16"
UNSPECIFIED_V6 = "::/128"

#: ``Remote.group(SELF)``: members of the group being written
SELF = "self"


@dataclass(frozen=True)
class Remote:
    """Who a rule allows: prefixes per family, a security group, or explicitly anywhere."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    ipv4: tuple[str, ...] = ()
    """IPv4 prefixes the rule allows."""
    ipv6: tuple[str, ...] = ()
    """IPv6 prefixes the rule allows."""
    group_id: str | None = None
    """Members of this security group instead (``self``: the group the rule belongs to)."""
    everywhere: bool = False
    """The whole internet of each family: the only way to write 0.0.0.0/0 or ::/0."""

    @classmethod
    def prefixes(cls, *, ipv4: Iterable[str] = (), ipv6: Iterable[str] = ()) -> "Remote":
        return cls(ipv4=tuple(ipv4), ipv6=tuple(ipv6))

    @classmethod
    def group(cls, group_id: str = SELF) -> "Remote":
        """Members of a security group (``SELF``: the group the rule belongs to)."""
        return cls(group_id=group_id)

    @classmethod
    def anywhere(cls) -> "Remote":
        """The whole internet of each family: the only way to write 0.0.0.0/0 or ::/0."""
        return cls(everywhere=True)

    def for_family(self, family: str) -> tuple[str, ...]:
        return self.ipv4 if family == "ipv4" else self.ipv6


@dataclass(frozen=True)
class RuleSpec:
    """One intent, written for every family of the group.

    ``key`` is stable and unique in the group: it names the Terraform resources.
    ``protocol``: ``tcp``/``udp``/... with ``ports=(min, max)``; ``icmp`` with ``icmp`` = a name from
    ``ICMP_MESSAGES`` (None: every ICMP message of the family); ``any`` for every protocol.
    ``families``: None = the group's families (a pair); name one family for a single-family rule.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    key: str
    """Stable and unique in the group: it names the Terraform resources."""
    protocol: str
    """``tcp``, ``udp``, ``sctp``, ``dccp``, ``udplite``, ``vrrp``, ``gre``, ``esp``, ``ah``, ``icmp`` or ``any``."""
    remote: Remote
    """Who the rule allows: prefixes per family, a group, or everywhere."""
    ports: tuple[int, int] | None = None
    """``[min, max]`` for a protocol with ports."""
    icmp: str | None = None
    """With ``protocol: icmp``: a message name (``packet-too-big``, ``echo-request``...); unset: every ICMP message of the family."""
    direction: str = INGRESS
    """``ingress`` or ``egress``."""
    description: str = ""
    """Shown on the Neutron rule."""
    families: tuple[str, ...] | None = None
    """Unset: the group's families (a v4/v6 pair); name one family for a single-family rule."""


@dataclass(frozen=True)
class NeutronRule:
    """One ``openstack_networking_secgroup_rule_v2``, ready to render."""

    name: str
    direction: str
    ethertype: str
    protocol: str | None
    port_range_min: int | None
    port_range_max: int | None
    remote_ip_prefix: str | None
    remote_group_id: str | None
    description: str

    def identity(self) -> tuple:
        """Neutron's duplicate test (securitygroups_db._rule_to_key): everything but the description."""
        remote = self.remote_ip_prefix
        if remote in ("0.0.0.0/0", "::/0"):
            remote = None
        return (self.direction, self.ethertype, self.port_range_max, self.port_range_min, self.protocol, self.remote_group_id, remote)


@dataclass(frozen=True)
class Icmpv6Essentials:
    """The ICMPv6 a dual-stack or IPv6-only group allows by default (see ``essentials``).

    ``on_link_ipv6``: the IPv6 subnets of the network (neighbours and the router's global
    address); on dual-stack groups the ICMP errors become a v4/v6 pair when ``on_link_ipv4``
    names the IPv4 subnets. Neutron's iptables/OVS drivers already pass NS/NA/MLD queries
    implicitly (neutron/agent/firewall.py ICMPV6_ALLOWED_INGRESS_TYPES) and let ICMP errors of
    tracked connections in as RELATED; these rules make the intent reviewable and cover
    stateless groups (``stateful = false``) and other backends.
    ``errors_from_anywhere``: accept the four ICMP errors (packet too big...) from anywhere, for
    path MTU discovery beyond the subnet on stateless groups; off unless asked.
    ``echo``: ping (ICMPv6 128) from the neighbours; optional, off by default.
    """

    enabled: bool = True
    on_link_ipv6: tuple[str, ...] = ()
    on_link_ipv4: tuple[str, ...] = ()
    echo: bool = False
    errors_from_anywhere: bool = False


_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def check_key(key: str, where: str) -> None:
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise NeutronRuleError(f"{where}: key {key!r} must start with a letter or digit and hold only letters, digits, '-' and '_' (it names Terraform resources)")


def prefix_slug(prefix: str) -> str:
    """A stable, readable id part for a remote prefix (a short hash for an expression)."""
    if is_expression(prefix):
        return "x" + hashlib.sha256(prefix.encode()).hexdigest()[:10]
    return re.sub(r"[^A-Za-z0-9]+", "-", prefix).strip("-") or "any"


def _check_remote_prefix(prefix: str, family: str, where: str) -> None:
    if is_expression(prefix):
        return
    canonical_cidr(prefix, where, 4 if family == "ipv4" else 6)
    if ipaddress.ip_network(prefix).prefixlen == 0:
        raise NeutronRuleError(f"{where}: {prefix} opens the rule to the whole {family} internet; name the peers' prefixes, or use Remote.anywhere() to say so explicitly")


def _icmp_fields(spec: RuleSpec, family: str, where: str) -> tuple[int | None, int | None]:
    if spec.icmp is None:
        return None, None
    if spec.icmp not in ICMP_MESSAGES:
        raise NeutronRuleError(f"{where}: icmp {spec.icmp!r} is not one of {', '.join(ICMP_MESSAGES)}")
    v4, v6 = ICMP_MESSAGES[spec.icmp]
    fields = v4 if family == "ipv4" else v6
    if fields is None:
        only = "ipv6" if v6 is not None else "ipv4"
        raise NeutronRuleError(f"{where}: icmp {spec.icmp!r} exists in {only} only; set families=('{only}',)")
    icmp_type, code = fields
    if icmp_type == 0:
        # the provider leaves a 0 out of its request, and Neutron then allows every ICMP message
        raise NeutronRuleError(f"{where}: icmp {spec.icmp!r} is IPv4 type 0, which terraform-provider-openstack 3.0 does not send "
                               "(Neutron would allow every ICMP message instead); a stateful group lets echo replies back anyway")
    # provider 3.0 wants port_range_max with port_range_min (RequiredWith); 0 is not sent, Neutron
    # stores null ("any code") and reads back 0: no drift
    return icmp_type, code if code is not None else 0


def expand(spec: RuleSpec, group_families: Sequence[str], *, group_key: str) -> list[NeutronRule]:
    """One Neutron rule per family (and per remote prefix), checked on the way."""
    check_key(spec.key, f"security group {group_key}: rule")
    where = f"security group {group_key}: rule {spec.key}"
    if spec.direction not in (INGRESS, EGRESS):
        raise NeutronRuleError(f"{where}: direction {spec.direction!r} must be ingress or egress")
    families = tuple(spec.families) if spec.families is not None else tuple(f for f in FAMILIES if f in group_families)
    if not families:
        raise NeutronRuleError(f"{where}: families is empty; name ipv4, ipv6 or both")
    for fam in families:
        if fam not in FAMILIES:
            raise NeutronRuleError(f"{where}: family {fam!r} must be ipv4 or ipv6")
        if fam not in group_families:
            raise NeutronRuleError(f"{where}: family {fam} is not one of the group's families ({', '.join(group_families)})")

    proto = spec.protocol.lower() if isinstance(spec.protocol, str) else spec.protocol
    if proto not in PLAIN_PROTOCOLS + ("icmp", "any"):
        hint = " (write icmp: the IPv6 rule gets ipv6-icmp)" if proto in ("ipv6-icmp", "icmpv6", "58", "1") else ""
        raise NeutronRuleError(f"{where}: protocol {spec.protocol!r} is not one of {', '.join(PLAIN_PROTOCOLS + ('icmp', 'any'))}{hint}")
    if spec.ports is not None:
        if proto not in PORT_PROTOCOLS:
            raise NeutronRuleError(f"{where}: ports {spec.ports} given for protocol {proto}; only {', '.join(PORT_PROTOCOLS)} have ports")
        lo, hi = spec.ports
        if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi <= 65535):
            raise NeutronRuleError(f"{where}: ports {spec.ports} must be (min, max) with 1 <= min <= max <= 65535")
    if spec.icmp is not None and proto != "icmp":
        raise NeutronRuleError(f"{where}: icmp {spec.icmp!r} given for protocol {proto}; set protocol='icmp'")

    remote = spec.remote
    kinds = sum([bool(remote.ipv4 or remote.ipv6), remote.group_id is not None, remote.everywhere])
    if kinds != 1:
        raise NeutronRuleError(f"{where}: remote must be exactly one of prefixes, a group, or anywhere; got {remote}")

    out: list[NeutronRule] = []
    for fam in families:
        suffix = "v4" if fam == "ipv4" else "v6"
        if proto == "icmp":
            protocol = "icmp" if fam == "ipv4" else "ipv6-icmp"
            pmin, pmax = _icmp_fields(spec, fam, where)
        elif proto == "any":
            protocol, pmin, pmax = None, None, None
        else:
            protocol = proto
            pmin, pmax = spec.ports if spec.ports is not None else (None, None)
            if (pmin, pmax) == (1, 65535):
                # Neutron stores every port as null and the provider reads back 0/0, which forces a
                # replacement on every apply: write "every port" as Neutron keeps it
                pmin, pmax = None, None
        base = dict(direction=spec.direction, ethertype=ETHERTYPE[fam], protocol=protocol, port_range_min=pmin,
                    port_range_max=pmax, description=spec.description or spec.key)
        if remote.group_id is not None:
            out.append(NeutronRule(name=f"{spec.key}_{suffix}", remote_ip_prefix=None, remote_group_id=remote.group_id, **base))
        elif remote.everywhere:
            everything = "0.0.0.0/0" if fam == "ipv4" else "::/0"
            out.append(NeutronRule(name=f"{spec.key}_{suffix}", remote_ip_prefix=everything, remote_group_id=None, **base))
        else:
            prefixes = remote.for_family(fam)
            if not prefixes:
                other = "ipv6" if fam == "ipv4" else "ipv4"
                raise NeutronRuleError(
                    f"{where}: no {fam} remote prefix; rules come in v4/v6 pairs: give {fam}=..., "
                    f"or families=('{other}',) to write a single-family rule"
                )
            seen: set[str] = set()
            for i, prefix in enumerate(prefixes):
                _check_remote_prefix(prefix, fam, f"{where}: {fam}[{i}]")
                if prefix in seen:
                    raise NeutronRuleError(f"{where}: {fam}[{i}] {prefix} is listed twice")
                seen.add(prefix)
                out.append(NeutronRule(name=f"{spec.key}_{suffix}_{prefix_slug(prefix)}", remote_ip_prefix=prefix, remote_group_id=None, **base))
    return out


def essentials(cfg: Icmpv6Essentials, group_families: Sequence[str]) -> list[RuleSpec]:
    """The ICMPv6 a host cannot work without (RFC 4890 4.4.1), and IPv4 error counterparts.

    Ingress, by type: router advertisements and MLD queries from link-local sources (RFC 4861 /
    RFC 3810 require a link-local source); neighbour solicitations from link-local, on-link and
    ``::/128`` (duplicate address detection), advertisements from link-local and on-link; the
    four error messages (destination unreachable, packet too big, time exceeded, parameter
    problem) from link-local and on-link sources, or anywhere when asked.
    Egress: ICMPv6 to link-local, link-scope multicast and on-link destinations (RS to ff02::2,
    NS to solicited-node groups, MLD reports, errors) in three rules, to stay well inside
    Neutron's default quota of 100 rules a project.
    """
    if not cfg.enabled or "ipv6" not in group_families:
        return []
    on_link = tuple(cfg.on_link_ipv6)
    neighbours = (LINK_LOCAL_V6,) + on_link
    v6 = ("ipv6",)
    specs = [
        RuleSpec(key="icmpv6-ra-in", protocol="icmp", icmp="router-advertisement", remote=Remote.prefixes(ipv6=(LINK_LOCAL_V6,)),
                 families=v6, description="ICMPv6 134 router advertisement (RFC 4861)"),
        RuleSpec(key="icmpv6-mld-query-in", protocol="icmp", icmp="mld-query", remote=Remote.prefixes(ipv6=(LINK_LOCAL_V6,)),
                 families=v6, description="ICMPv6 130 MLD query (RFC 3810)"),
        RuleSpec(key="icmpv6-ns-in", protocol="icmp", icmp="neighbour-solicitation",
                 remote=Remote.prefixes(ipv6=(UNSPECIFIED_V6,) + neighbours),
                 families=v6, description="ICMPv6 135 neighbour solicitation (RFC 4861; ::/128 for DAD)"),
        RuleSpec(key="icmpv6-na-in", protocol="icmp", icmp="neighbour-advertisement", remote=Remote.prefixes(ipv6=neighbours),
                 families=v6, description="ICMPv6 136 neighbour advertisement (RFC 4861)"),
    ]
    for name in ICMP_ERRORS:
        if name == "packet-too-big" and "ipv4" in group_families:
            # IPv4's "fragmentation needed" is destination-unreachable code 4, already allowed
            # by that rule's IPv4 half: write the ICMPv6 type 2 alone
            remote = Remote.anywhere() if cfg.errors_from_anywhere else Remote.prefixes(ipv6=neighbours)
            specs.append(RuleSpec(key=f"icmp-{name}-in", protocol="icmp", icmp=name, remote=remote, families=v6,
                                  description=f"ICMPv6 2 packet too big (RFC 4890 4.4.1)"))
            continue
        if cfg.errors_from_anywhere:
            remote, fams = Remote.anywhere(), tuple(f for f in FAMILIES if f in group_families)
        elif "ipv4" in group_families and cfg.on_link_ipv4:
            remote, fams = Remote.prefixes(ipv4=cfg.on_link_ipv4, ipv6=neighbours), ("ipv4", "ipv6")
        else:
            remote, fams = Remote.prefixes(ipv6=neighbours), v6
        specs.append(RuleSpec(key=f"icmp-{name}-in", protocol="icmp", icmp=name, remote=remote, families=fams,
                              description=f"ICMP {name} (RFC 4890 4.4.1)"))
    if cfg.echo:
        specs.append(RuleSpec(key="icmpv6-echo-request-in", protocol="icmp", icmp="echo-request", remote=Remote.prefixes(ipv6=neighbours),
                              families=v6, description="ICMPv6 128 echo request (optional)"))
    specs.append(RuleSpec(key="icmpv6-out", protocol="icmp", remote=Remote.prefixes(ipv6=(LINK_LOCAL_V6, LINK_SCOPE_MULTICAST_V6) + on_link),
                          direction=EGRESS, families=v6, description="ICMPv6 to the link: RS, NS/NA, MLD reports, errors"))
    return specs


def plan_rules(group_key: str, group_families: Sequence[str], rules: Sequence[RuleSpec], icmpv6: Icmpv6Essentials) -> list[NeutronRule]:
    """Every rule of a group, expanded and checked: unique keys, no duplicates Neutron would refuse."""
    fams = tuple(group_families)
    if not fams or any(f not in FAMILIES for f in fams) or len(set(fams)) != len(fams):
        raise NeutronRuleError(f"security group {group_key}: families {group_families!r} must name ipv4 and/or ipv6 once each")
    all_specs = list(essentials(icmpv6, fams)) + list(rules)
    keys: set[str] = set()
    out: list[NeutronRule] = []
    identities: dict[tuple, str] = {}
    for spec in all_specs:
        if spec.key in keys:
            raise NeutronRuleError(f"security group {group_key}: rule key {spec.key!r} is used twice (the ICMPv6 essentials use icmpv6-*/icmp-*); keys name resources and must be unique")
        keys.add(spec.key)
        for rule in expand(spec, fams, group_key=group_key):
            ident = rule.identity()
            if ident in identities:
                raise NeutronRuleError(
                    f"security group {group_key}: rule {rule.name} duplicates {identities[ident]} "
                    "(Neutron refuses it: SecurityGroupRuleExists); drop one"
                )
            identities[ident] = rule.name
            out.append(rule)
    return out
