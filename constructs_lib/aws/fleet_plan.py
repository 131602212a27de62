"""A fleet's address plan: each VM's ENI and its delegated /80, from a subnet CIDR reservation. Pure Python.

Key scheme (stable, declared order):

- ``{vpc}/{tier}/{az}/reservation/{fleet}``  a fleet's subnet CIDR reservation
- ``{vpc}/vm/{name}``                         a VM's /80 (explicit mode)
"""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence, Union

from constructs_lib.ipam import Allocation, Ipam, IpamError, Network, NotFound, Prefix
from constructs_lib.ipam.prefix import FAMILIES

from pydantic import ConfigDict

from .common import (
    AMI_RE,
    DEFAULT_MIN_RESERVATION_SLOTS,
    DELEGATED_PREFIX_LENGTH,
    NAME_RE,
    VM_NAME_RE,
    AwsConfigError,
    fail,
    parse_prefix,
)
from .vpc_plan import VpcPlan

#: in ssh_from / api_from: the family's whole internet, asked for on purpose (as on OpenStack)
ANYWHERE_WORD = "anywhere"


@dataclass(frozen=True)
class ExplicitPrefixes:
    """We name each VM's /80 (from the allocator); the reservation is of type ``explicit``."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    reservation_type: str = field(default="explicit", init=False)
    """Set by the mode (the subnet CIDR reservation's type), not by the plan."""


@dataclass(frozen=True)
class PrefixCount:
    """AWS picks ``count`` /80s per ENI (``ipv6_prefix_count``) from a ``prefix`` reservation."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    count: int = 1
    """/80s per ENI (``ipv6_prefix_count``)."""
    reservation_type: str = field(default="prefix", init=False)
    """Set by the mode (the subnet CIDR reservation's type), not by the plan."""

    def __post_init__(self) -> None:
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 1:
            fail(f"PrefixCount.count: {self.count!r} must be a positive int (prefixes per ENI)")


PrefixMode = Union[ExplicitPrefixes, PrefixCount, None]


@dataclass(frozen=True)
class Vm:
    """One VM. ``az``: pin the AZ (default: position i goes to AZ i mod n of the tier).
    ``ipv6_prefix``: pin a concrete /80 (VPCs with a concrete IPv6 block only)."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    name: str
    """The VM's name (a DNS label): keys its ENI, its /80 and its Kubernetes node."""
    az: str | None = None
    """Pin the VM to this availability zone; default: VM i goes to AZ i mod n."""
    ipv6_prefix: str | None = None
    """Pin a concrete /80 (VPCs with a concrete IPv6 block only); default: the allocator picks."""


@dataclass(frozen=True)
class FleetProps:
    """VMs in one tier, each with its own ENI (and its /80) attached as device 0.

    - ``prefixes``: ``ExplicitPrefixes()`` (default), ``PrefixCount(n)``, or None for no
      delegated prefix (then ``ipv6_address_count`` may be set).
    - ``reservation_length``: the per-subnet ``aws_ec2_subnet_cidr_reservation`` size; default:
      the smallest nibble-aligned block holding the fleet's /80s there, at least 256 of them.
    - ``eni_ipv6_limit``: the instance type's IPv6 addresses per ENI (prefixes count against
      it); when given, the per-ENI prefix count is checked against it.
    """

    name: str
    tier: str
    vms: Sequence[Vm | str]
    ami: str
    instance_type: str = "t3.micro"
    prefixes: PrefixMode = field(default_factory=ExplicitPrefixes)
    ipv6_address_count: int | None = None
    reservation_length: int | None = None
    eni_ipv6_limit: int | None = None
    security_group_ids: Sequence[str] = ()
    key_name: str | None = None
    tags: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vms", tuple(Vm(v) if isinstance(v, str) else v for v in self.vms))
        object.__setattr__(self, "security_group_ids", tuple(self.security_group_ids))
        object.__setattr__(self, "tags", dict(sorted(dict(self.tags).items())))
        validate_fleet_props(self)

    @property
    def prefixes_per_vm(self) -> int:
        if isinstance(self.prefixes, PrefixCount):
            return self.prefixes.count
        return 1 if isinstance(self.prefixes, ExplicitPrefixes) else 0


def validate_fleet_props(p: FleetProps) -> None:
    if not isinstance(p.name, str) or not NAME_RE.match(p.name):
        fail(f"FleetProps.name: {p.name!r} is not a fleet name; use lower-case letters, digits and '-' (e.g. node)")
    if not p.vms:
        fail(f"FleetProps({p.name}).vms: empty; list at least one VM name")
    seen: set[str] = set()
    for i, vm in enumerate(p.vms):
        if not isinstance(vm, Vm) or not isinstance(vm.name, str) or not VM_NAME_RE.match(vm.name):
            name = vm.name if isinstance(vm, Vm) else vm
            fail(f"FleetProps({p.name}).vms[{i}]: {name!r} is not a VM name; use letters, digits and '-' (a DNS label)")
        if vm.name in seen:
            fail(f"FleetProps({p.name}).vms[{i}]: {vm.name!r} appears twice; VM names key the fleet and must be unique")
        seen.add(vm.name)
        if vm.ipv6_prefix is not None and not isinstance(p.prefixes, ExplicitPrefixes):
            fail(
                f"FleetProps({p.name}).vms[{i}].ipv6_prefix: {vm.ipv6_prefix!r} is an explicit prefix but the fleet uses "
                f"{type(p.prefixes).__name__ if p.prefixes else 'no prefixes'}; ipv6_prefix_count cannot be combined "
                "with explicit prefixes: use prefixes=ExplicitPrefixes() or drop ipv6_prefix"
            )
    if not isinstance(p.ami, str) or not (AMI_RE.match(p.ami) or p.ami.startswith("${")):
        fail(f"FleetProps({p.name}).ami: {p.ami!r} is not an AMI id; set ami-<hex> or a ${{var.ami_id}} reference")
    if not isinstance(p.instance_type, str) or not re.match(r"^[a-z0-9-]+\.[a-z0-9]+$", p.instance_type):
        fail(f"FleetProps({p.name}).instance_type: {p.instance_type!r} is not an instance type; set e.g. m6i.large")
    if not isinstance(p.prefixes, (ExplicitPrefixes, PrefixCount)) and p.prefixes is not None:
        fail(f"FleetProps({p.name}).prefixes: {p.prefixes!r}; use ExplicitPrefixes(), PrefixCount(n) or None")
    if p.ipv6_address_count is not None:
        if not isinstance(p.ipv6_address_count, int) or p.ipv6_address_count < 0:
            fail(f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count!r} must be an int >= 0")
        if isinstance(p.prefixes, PrefixCount):
            fail(
                f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count} together with ipv6_prefix_count "
                f"{p.prefixes.count}; EC2 accepts one or the other: drop ipv6_address_count or set prefixes=None"
            )
        if isinstance(p.prefixes, ExplicitPrefixes):
            fail(
                f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count} together with explicit ipv6_prefixes; "
                "EC2 accepts one or the other: drop ipv6_address_count or set prefixes=None"
            )
    if p.eni_ipv6_limit is not None:
        if not isinstance(p.eni_ipv6_limit, int) or p.eni_ipv6_limit < 1:
            fail(f"FleetProps({p.name}).eni_ipv6_limit: {p.eni_ipv6_limit!r} must be a positive int")
        used = p.prefixes_per_vm + (p.ipv6_address_count or 0)
        if used > p.eni_ipv6_limit:
            fail(
                f"FleetProps({p.name}).prefixes: {used} IPv6 prefixes/addresses per ENI exceed {p.instance_type}'s "
                f"limit of {p.eni_ipv6_limit} per ENI; lower PrefixCount.count to {p.eni_ipv6_limit} or pick a larger instance type"
            )
    if p.reservation_length is not None and (
        not isinstance(p.reservation_length, int) or not 44 < p.reservation_length < DELEGATED_PREFIX_LENGTH
    ):
        fail(f"FleetProps({p.name}).reservation_length: {p.reservation_length!r} must be a prefix length /45-/79; e.g. 72")
    for i, sg in enumerate(p.security_group_ids):
        if not isinstance(sg, str) or not sg:
            fail(f"FleetProps({p.name}).security_group_ids[{i}]: {sg!r} is not a security group id")


@dataclass(frozen=True)
class VmPlan:
    name: str
    az: str
    prefix: Allocation | None  # explicit mode: the VM's /80

    def ipv6_prefix_tf(self, subnet_ref: str, subnet_prefix: Prefix) -> str | None:
        """The /80 for Terraform: ``${cidrsubnet(<subnet ipv6_cidr_block>, 16, k)}`` or a concrete CIDR."""
        if self.prefix is None:
            return None
        p = self.prefix.prefix
        if not p.is_relative:
            return p.text
        return "${" + p.expr_against(subnet_ref, subnet_prefix) + "}"


@dataclass(frozen=True)
class ReservationPlan:
    az: str
    key: str
    network: Network
    prefix: Prefix
    reservation_type: str


@dataclass(frozen=True)
class FleetPlan:
    props: FleetProps
    vpc: VpcPlan
    vms: tuple[VmPlan, ...]
    reservations: dict[str, ReservationPlan]  # az -> reservation (AZs with VMs, declared order)


def reservation_length_for(slots: int, subnet_length: int, minimum_slots: int = DEFAULT_MIN_RESERVATION_SLOTS) -> int:
    """Smallest nibble-aligned block holding ``slots`` /80s (at least ``minimum_slots``)."""
    want = max(slots, minimum_slots)
    nibbles = max(1, math.ceil(math.log(want, 16) - 1e-12))
    return max(DELEGATED_PREFIX_LENGTH - 4 * nibbles, subnet_length + 1)


def _held_az(ipam: Ipam, vpc: VpcPlan, tier: str, azs: Sequence[str], key: str) -> str | None:
    """The AZ whose subnet holds the /80 the lock keeps under ``key`` (None: no such key yet)."""
    try:
        held = ipam.get(key)
    except NotFound:
        return None
    return next((az for az in azs if vpc.subnet(tier, az).ipv6.contains(held.prefix)), None)


def plan_fleet(ipam: Ipam, vpc: VpcPlan, props: FleetProps) -> FleetPlan:
    """Place VMs, size and allocate each subnet's reservation, carve each VM's /80."""
    vp = vpc.props
    tier = vp.tier(props.tier)
    azs = vp.azs
    placed: list[tuple[Vm, str]] = []
    for i, vm in enumerate(props.vms):
        # a VM whose /80 the lock holds stays in that AZ: dropping or adding a VM before it in the
        # list must not move it (i mod n alone would shift every VM after the change)
        held = _held_az(ipam, vpc, tier.name, azs, f"{vp.name}/vm/{vm.name}")
        if vm.az is not None and held is not None and vm.az != held:
            fail(f"FleetProps({props.name}).vms[{i}].az: {vm.az!r}, but VM {vm.name}'s /80 is in {held} (the lock); "
                 f"moving it renumbers it: release {vp.name}/vm/{vm.name} first, or pin {held!r}")
        az = vm.az or held or azs[i % len(azs)]
        if az not in azs:
            fail(f"FleetProps({props.name}).vms[{i}].az: {az!r} is not an AZ of VPC {vp.name}; use one of {', '.join(azs)}")
        placed.append((vm, az))
    per_az: dict[str, int] = {}
    for _, az in placed:
        per_az[az] = per_az.get(az, 0) + 1
    reservations: dict[str, ReservationPlan] = {}
    rtype = props.prefixes.reservation_type if props.prefixes is not None else None
    try:
        if rtype is not None:
            for az in azs:  # declared AZ order, not placement order: stable
                if az not in per_az:
                    continue
                sn = vpc.subnet(tier.name, az)
                slots = per_az[az] * props.prefixes_per_vm
                length = props.reservation_length or reservation_length_for(slots, tier.ipv6_length)
                if length <= tier.ipv6_length:
                    fail(
                        f"FleetProps({props.name}).reservation_length: /{length} does not fit inside the /{tier.ipv6_length} "
                        f"subnet {tier.name}/{az}; set a longer reservation_length"
                    )
                if slots > 1 << (DELEGATED_PREFIX_LENGTH - length):
                    fail(
                        f"FleetProps({props.name}): {slots} /80s in {az} do not fit a /{length} reservation "
                        f"({1 << (DELEGATED_PREFIX_LENGTH - length)}); set reservation_length to "
                        f"/{reservation_length_for(slots, tier.ipv6_length, 1)} or shorter, or spread the VMs over more AZs"
                    )
                key = f"{sn.key}/reservation/{props.name}"
                rn = ipam.allocate_network(sn.network.id, key, lengths={"ipv6": length}, families=["ipv6"],
                                           name=f"{props.name} reservation {az}")
                reservations[az] = ReservationPlan(az, key, rn, rn.prefixes_of(6)[0], rtype)
    except IpamError as e:
        raise AwsConfigError(f"FleetProps({props.name}): {e}") from None
    allocs: dict[str, Allocation] = {}
    if isinstance(props.prefixes, ExplicitPrefixes):
        # pinned /80s first, so the allocator's own picks never take their place
        order = [pv for pv in placed if pv[0].ipv6_prefix] + [pv for pv in placed if not pv[0].ipv6_prefix]
        for vm, az in order:
            res = reservations[az]
            sn = vpc.subnet(tier.name, az)
            key = f"{vp.name}/vm/{vm.name}"
            where = f"FleetProps({props.name}) VM {vm.name}"
            try:
                if vm.ipv6_prefix is not None:
                    if res.prefix.is_relative:
                        fail(
                            f"{where}.ipv6_prefix: {vm.ipv6_prefix!r} pins a /80 but the VPC's IPv6 block is only known after "
                            "apply; drop ipv6_prefix (the allocator picks) or use ExplicitIpv6Cidr for the VPC"
                        )
                    want = parse_prefix(vm.ipv6_prefix, f"{where}.ipv6_prefix")
                    if want.length != DELEGATED_PREFIX_LENGTH:
                        fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is a /{want.length}; EC2 delegates /80s, set a /80")
                    if not sn.ipv6.contains(want):
                        fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is outside its subnet {sn.ipv6.text} ({tier.name}/{az})")
                    if not res.prefix.contains(want):
                        fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is outside the fleet's reservation {res.prefix.text} in {az}")
                    a = ipam.acquire_prefix(res.network.id, key, cidr=vm.ipv6_prefix, purpose="aws-eni-prefix")
                else:
                    a = ipam.acquire_prefix(res.network.id, key, length=DELEGATED_PREFIX_LENGTH, family="ipv6",
                                            purpose="aws-eni-prefix")
            except IpamError as e:
                raise AwsConfigError(f"{where}: {e}") from None
            # the allocator guarantees these; checked again because AWS refuses anything else
            if not (res.prefix.contains(a.prefix) and sn.ipv6.contains(a.prefix)):
                fail(f"{where}: /80 {a.text} is not inside reservation {res.prefix.text} of subnet {sn.ipv6.text}")
            allocs[vm.name] = a
    vms = tuple(VmPlan(vm.name, az, allocs.get(vm.name)) for vm, az in placed)
    return FleetPlan(props, vpc, vms, reservations)


@dataclass(frozen=True)
class FleetSecurity:
    """The fleet's security group: the policy of OpenStack's ``security_rules``, in AWS's rule shape.

    Always: all traffic between the fleet's ENIs and to/from its pod prefixes (the subnet CIDR
    reservations), ICMPv6 Packet Too Big from anywhere (path MTU discovery through the internet
    gateways), neighbour discovery and the other ICMPv6 errors on-link (link-local and the tier's
    subnets), and ICMPv6 out to the link. Nothing else is open unless asked:

    - ``ssh_from`` / ``api_from``: family -> prefixes allowed to reach TCP 22 / 6443 (``anywhere``:
      that family's whole internet, said on purpose; a ``/0`` prefix is refused);
    - ``egress_vpc``: all egress to the VPC's IPv4 CIDR and IPv6 block;
    - ``egress_anywhere``: all egress to ``0.0.0.0/0`` and ``::/0`` (image pulls, package mirrors).

    Amazon's DNS resolver, DHCP, instance metadata and time sync are never filtered by security
    groups (EC2 user guide, "Security group rules"), so nodes boot and resolve names without egress.
    """

    ssh_from: Mapping[str, Sequence[str]] = field(default_factory=dict)
    api_from: Mapping[str, Sequence[str]] = field(default_factory=dict)
    egress_vpc: bool = False
    egress_anywhere: bool = False

    def __post_init__(self) -> None:
        for attr in ("ssh_from", "api_from"):
            value = getattr(self, attr)
            if not isinstance(value, Mapping):
                fail(f"FleetSecurity.{attr}: {value!r} must map ipv4/ipv6 to prefixes, e.g. {{'ipv6': ['2001:db8::/48']}}")
            clean: dict[str, tuple[str, ...]] = {}
            for fam, prefixes in value.items():
                if fam not in FAMILIES:
                    fail(f"FleetSecurity.{attr}: {fam!r} is not ipv4 or ipv6")
                if isinstance(prefixes, str):
                    fail(f"FleetSecurity.{attr}.{fam}: {prefixes!r} must be a list of prefixes, e.g. [{prefixes!r}]")
                for i, p in enumerate(prefixes):
                    where = f"{attr}.{fam}[{i}]"
                    if p == ANYWHERE_WORD:
                        continue
                    try:
                        net = ipaddress.ip_network(p)
                    except (TypeError, ValueError):
                        fail(f"{where}: {p!r} is not a CIDR with its host bits clear")
                    if str(net) != p or net.version != (4 if fam == "ipv4" else 6):
                        fail(f"{where}: {p!r} must be a canonical {fam} CIDR; write {net.compressed}")
                    if net.prefixlen == 0:
                        fail(f"{where}: {p} opens {attr.split('_')[0].upper()} to the whole {fam} internet; "
                             f"write {ANYWHERE_WORD} to mean it, or name the peers' prefixes")
                clean[fam] = tuple(prefixes)
            object.__setattr__(self, attr, dict(sorted(clean.items())))
        for attr in ("egress_vpc", "egress_anywhere"):
            if not isinstance(getattr(self, attr), bool):
                fail(f"FleetSecurity.{attr}: {getattr(self, attr)!r} must be true or false")

    @classmethod
    def from_spec(cls, spec: Any) -> "FleetSecurity":
        """From an ``AwsIpv6Spec``: its ``ssh_from``, ``api_from``, ``egress_vpc`` and ``egress_anywhere``
        when it has them (the pure model adds them), else the safe defaults."""
        return cls(**{f: getattr(spec, f) for f in ("ssh_from", "api_from", "egress_vpc", "egress_anywhere") if hasattr(spec, f)})
