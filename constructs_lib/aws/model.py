"""AWS IPv6 address plan: props, strategy objects, validation and allocation. Pure Python.

Nothing here imports cdktf or jsii: the constructs in ``vpc.py`` / ``fleet.py`` render the plans
made here. Every check runs before anything is synthesized and raises ``AwsConfigError`` with
one line naming the field, the value and what to set instead.

Key scheme in the allocator (stable: same key, same range; a new key never moves old ones):

- ``{vpc}``                         super network: the VPC's IPv4 CIDR and IPv6 block
- ``{vpc}/{tier}``                  a tier's block: ``max_azs`` subnet slots per family
- ``{vpc}/{tier}/{az}``             one subnet
- ``{vpc}/{tier}/{az}/reservation/{fleet}``  a fleet's subnet CIDR reservation
- ``{vpc}/vm/{name}``               a VM's /80 (explicit mode)

Declared order is allocation order, so appending a tier, an AZ or a VM never renumbers what
exists even without a lock; with the allocator's lock store (``ipam.lock.json``) nothing that
exists ever moves, whatever the order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal, Mapping, NoReturn, Sequence, Union

from constructs_lib.ipam import Allocation, Ipam, IpamError, Network, Prefix

#: Amazon-provided VPC IPv6 blocks are always /56 (CreateVpc AmazonProvidedIpv6CidrBlock)
AMAZON_IPV6_LENGTH = 56
#: IPAM / BYOIP VPC blocks: /44 to /60 in steps of 4
VPC_IPV6_LENGTHS = tuple(range(44, 61, 4))
#: subnet IPv6 blocks: /44 to /64 in steps of 4
SUBNET_IPV6_LENGTHS = tuple(range(44, 65, 4))
#: IPv4 VPC CIDR sizes (provider: VPCCIDRMinIPv4 = 16, VPCCIDRMaxIPv4 = 28)
VPC_IPV4_LENGTHS = range(16, 29)
SUBNET_IPV4_LENGTHS = range(16, 29)
#: EC2 prefix delegation hands out IPv6 /80s
DELEGATED_PREFIX_LENGTH = 80
#: NAT64 well-known prefix (RFC 6052) that DNS64 synthesizes into
NAT64_PREFIX = "64:ff9b::/96"
#: smallest reservation we size to by default (256 /80s): room to grow before the reservation must
DEFAULT_MIN_RESERVATION_SLOTS = 256

NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,40}$")
VM_NAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
AMI_RE = re.compile(r"^ami-[0-9a-f]{8,17}$")


class AwsConfigError(ValueError):
    """Bad AWS construct input, found before synthesis. One line: field, value, what to set."""


def _fail(msg: str) -> NoReturn:
    raise AwsConfigError(msg)


def logical(*parts: str) -> str:
    """Terraform resource name from stable parts: ``main`` + ``nodes`` -> ``main_nodes``."""
    return "_".join(p.replace("-", "_") for p in parts)


# --------------------------------------------------------------------------------------
# IPv6 source strategies
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AmazonProvidedIpv6:
    """An Amazon-provided /56 (``assign_generated_ipv6_cidr_block``); known only after apply.

    Subnets and /80s render as ``cidrsubnet()`` of the VPC's and subnet's ``ipv6_cidr_block``.
    """

    network_border_group: str | None = None

    @property
    def length(self) -> int:
        return AMAZON_IPV6_LENGTH

    def vpc_arguments(self) -> dict:
        args: dict = {"assign_generated_ipv6_cidr_block": True}
        if self.network_border_group:
            args["ipv6_cidr_block_network_border_group"] = self.network_border_group
        return args

    def root(self, vpc_address: str) -> Prefix:
        return Prefix.relative(f"{vpc_address}.ipv6_cidr_block", AMAZON_IPV6_LENGTH)


@dataclass(frozen=True)
class IpamPoolIpv6:
    """A block of ``netmask_length`` (/44-/60, steps of 4) that an IPAM pool picks at apply time."""

    pool_id: str
    netmask_length: int = 56

    def __post_init__(self) -> None:
        if not isinstance(self.pool_id, str) or not self.pool_id:
            _fail(f"IpamPoolIpv6.pool_id: {self.pool_id!r} is empty; set the IPv6 IPAM pool id (ipam-pool-...)")
        if self.netmask_length not in VPC_IPV6_LENGTHS:
            _fail(
                f"IpamPoolIpv6.netmask_length: {self.netmask_length!r} is not allowed; "
                f"set one of {', '.join(f'/{n}' for n in VPC_IPV6_LENGTHS)}"
            )

    @property
    def length(self) -> int:
        return self.netmask_length

    def vpc_arguments(self) -> dict:
        return {"ipv6_ipam_pool_id": self.pool_id, "ipv6_netmask_length": self.netmask_length}

    def root(self, vpc_address: str) -> Prefix:
        return Prefix.relative(f"{vpc_address}.ipv6_cidr_block", self.netmask_length)


@dataclass(frozen=True)
class ExplicitIpv6Cidr:
    """A named block (BYOIP, or a specific CIDR of an IPAM pool): everything renders concrete.

    The provider takes ``ipv6_cidr_block`` only together with ``ipv6_ipam_pool_id``
    (RequiredWith), so the pool id is required: BYOIP ranges reach VPCs through an IPAM pool.
    """

    cidr: str
    ipam_pool_id: str

    def __post_init__(self) -> None:
        p = _parse(self.cidr, "ExplicitIpv6Cidr.cidr")
        if p.version != 6:
            _fail(f"ExplicitIpv6Cidr.cidr: {self.cidr!r} is not IPv6; set the IPv6 block, e.g. 2001:db8:1200::/56")
        if p.length not in VPC_IPV6_LENGTHS:
            _fail(
                f"ExplicitIpv6Cidr.cidr: /{p.length} is not allowed for a VPC; "
                f"use one of {', '.join(f'/{n}' for n in VPC_IPV6_LENGTHS)}"
            )
        if not isinstance(self.ipam_pool_id, str) or not self.ipam_pool_id:
            _fail(
                f"ExplicitIpv6Cidr.ipam_pool_id: {self.ipam_pool_id!r} is empty; the provider requires "
                "ipv6_ipam_pool_id with ipv6_cidr_block (set the IPAM pool holding the BYOIP range)"
            )

    @property
    def length(self) -> int:
        return Prefix.parse(self.cidr).length

    def vpc_arguments(self) -> dict:
        return {"ipv6_ipam_pool_id": self.ipam_pool_id, "ipv6_cidr_block": self.cidr}

    def root(self, vpc_address: str) -> Prefix:
        return Prefix.parse(self.cidr)


Ipv6Source = Union[AmazonProvidedIpv6, IpamPoolIpv6, ExplicitIpv6Cidr]


def _parse(text: str, field: str) -> Prefix:
    try:
        return Prefix.parse(text, field)
    except IpamError as e:
        raise AwsConfigError(str(e)) from None


# --------------------------------------------------------------------------------------
# Subnet tiers and the VPC
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SubnetTier:
    """One subnet per AZ of the VPC, all alike.

    - ``ipv6_only`` (default True): ``ipv6_native``, no IPv4 CIDR, resource-name hostnames,
      AAAA records on launch and no A records. False: dual-stack with an IPv4 /``ipv4_length``.
    - ``public``: ``::/0`` (and ``0.0.0.0/0`` when dual-stack) to the internet gateway; otherwise
      ``::/0`` to the egress-only internet gateway (and ``0.0.0.0/0`` to a NAT gateway if any).
    - ``enable_dns64`` (default: on for IPv6-only, off for dual-stack) always comes with the NAT64
      route ``64:ff9b::/96`` to a NAT gateway; without a NAT gateway it is an error.
    - ``nat_gateway``: host the VPC's NAT gateways here (public dual-stack tiers only).
    - ``ipv6_length``: /44-/64 in steps of 4 (default /64).
    """

    name: str
    ipv6_only: bool = True
    public: bool = False
    ipv6_length: int = 64
    ipv4_length: int | None = None
    enable_dns64: bool | None = None
    nat_gateway: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not NAME_RE.match(self.name) or self.name == "vm":
            _fail(f"SubnetTier.name: {self.name!r} is not a tier name; use lower-case letters, digits and '-' (not 'vm')")
        if self.ipv6_length not in SUBNET_IPV6_LENGTHS:
            _fail(
                f"SubnetTier({self.name}).ipv6_length: {self.ipv6_length!r} is not allowed; "
                f"use one of {', '.join(f'/{n}' for n in SUBNET_IPV6_LENGTHS)} (default /64)"
            )
        if self.ipv6_only and self.ipv4_length is not None:
            _fail(f"SubnetTier({self.name}).ipv4_length: {self.ipv4_length} given for an IPv6-only tier; drop it or set ipv6_only=False")
        if not self.ipv6_only and self.ipv4_length is not None and self.ipv4_length not in SUBNET_IPV4_LENGTHS:
            _fail(f"SubnetTier({self.name}).ipv4_length: /{self.ipv4_length} is outside /16-/28; set e.g. 24")
        if self.nat_gateway and (self.ipv6_only or not self.public):
            _fail(
                f"SubnetTier({self.name}).nat_gateway: a NAT gateway needs a public dual-stack subnet "
                "(public=True, ipv6_only=False); set it on such a tier"
            )

    @property
    def dns64(self) -> bool:
        return self.ipv6_only if self.enable_dns64 is None else self.enable_dns64

    @property
    def ipv4_len(self) -> int | None:
        return None if self.ipv6_only else (self.ipv4_length or 24)


NatGateways = Literal["one_per_az", "single", "none"]


@dataclass(frozen=True)
class VpcProps:
    """A VPC: IPv4 CIDR (AWS always wants one), an IPv6 source, subnet tiers across AZs.

    ``max_azs`` subnet slots are set aside per tier (default 4), so adding an AZ later takes a
    free slot and moves nothing. ``nat_gateways``: one per AZ in the NAT tier (default), a single
    one in the first AZ, or none.
    """

    name: str
    region: str
    azs: Sequence[str]
    tiers: Sequence[SubnetTier]
    ipv4_cidr: str = "10.0.0.0/16"
    ipv6: Ipv6Source = field(default_factory=AmazonProvidedIpv6)
    nat_gateways: NatGateways = "one_per_az"
    max_azs: int = 4
    tags: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "azs", tuple(self.azs))
        object.__setattr__(self, "tiers", tuple(self.tiers))
        object.__setattr__(self, "tags", dict(sorted(dict(self.tags).items())))
        validate_vpc(self)

    @property
    def address(self) -> str:
        return f"aws_vpc.{logical(self.name)}"

    def tier(self, name: str) -> SubnetTier:
        for t in self.tiers:
            if t.name == name:
                return t
        _fail(f"tier: {name!r} is not a tier of VPC {self.name}; tiers are {', '.join(t.name for t in self.tiers)}")

    @property
    def nat_tier(self) -> SubnetTier | None:
        return next((t for t in self.tiers if t.nat_gateway), None)

    @property
    def nat_azs(self) -> tuple[str, ...]:
        if self.nat_gateways == "none" or self.nat_tier is None:
            return ()
        return self.azs if self.nat_gateways == "one_per_az" else self.azs[:1]

    def nat_for(self, az: str) -> str | None:
        """The AZ whose NAT gateway serves ``az`` (its own when one per AZ)."""
        nats = self.nat_azs
        if not nats:
            return None
        return az if az in nats else nats[0]


def validate_vpc(p: VpcProps) -> None:
    if not isinstance(p.name, str) or not NAME_RE.match(p.name):
        _fail(f"VpcProps.name: {p.name!r} is not a VPC name; use lower-case letters, digits and '-', starting with a letter")
    if not isinstance(p.region, str) or not re.match(r"^[a-z]{2}(-[a-z]+)+-\d+$", p.region):
        _fail(f"VpcProps.region: {p.region!r} is not an AWS region name; set e.g. eu-central-1")
    v4 = _parse(p.ipv4_cidr, "VpcProps.ipv4_cidr")
    if v4.version != 4 or v4.length not in VPC_IPV4_LENGTHS:
        _fail(f"VpcProps.ipv4_cidr: {p.ipv4_cidr!r} must be an IPv4 /16-/28 (AWS requires an IPv4 VPC CIDR); set e.g. 10.0.0.0/16")
    if not isinstance(p.ipv6, (AmazonProvidedIpv6, IpamPoolIpv6, ExplicitIpv6Cidr)):
        _fail(f"VpcProps.ipv6: {p.ipv6!r} is not an IPv6 source; use AmazonProvidedIpv6(), IpamPoolIpv6(...) or ExplicitIpv6Cidr(...)")
    if not p.azs:
        _fail(f"VpcProps.azs: empty; name at least one availability zone of {p.region}, e.g. {p.region}a")
    for i, az in enumerate(p.azs):
        if not isinstance(az, str) or not az.startswith(p.region) or not re.match(r"^[a-z0-9-]+[a-z]$", az):
            _fail(f"VpcProps.azs[{i}]: {az!r} is not an availability zone of {p.region}; set e.g. {p.region}a")
    if len(set(p.azs)) != len(p.azs):
        _fail(f"VpcProps.azs: {list(p.azs)} names an AZ twice; list each once")
    if not isinstance(p.max_azs, int) or p.max_azs < 1:
        _fail(f"VpcProps.max_azs: {p.max_azs!r} must be a positive int (subnet slots per tier)")
    if len(p.azs) > p.max_azs:
        _fail(f"VpcProps.azs: {len(p.azs)} AZs but max_azs is {p.max_azs}; raise max_azs (before the first apply) or use fewer AZs")
    if not p.tiers:
        _fail("VpcProps.tiers: empty; add at least one SubnetTier")
    names = [t.name for t in p.tiers]
    if len(set(names)) != len(names):
        _fail(f"VpcProps.tiers: tier names {names} repeat; give each tier its own name")
    slot_bits = (p.max_azs - 1).bit_length()
    vpc6 = p.ipv6.length
    for t in p.tiers:
        if t.ipv6_length - slot_bits <= vpc6:
            _fail(
                f"SubnetTier({t.name}).ipv6_length: /{t.ipv6_length} leaves no room for {p.max_azs} AZ slots in the "
                f"/{vpc6} VPC; set ipv6_length to /{_next_len(vpc6 + slot_bits + 1, SUBNET_IPV6_LENGTHS)} or longer"
            )
        if t.ipv4_len is not None and t.ipv4_len - slot_bits <= v4.length:
            _fail(
                f"SubnetTier({t.name}).ipv4_length: /{t.ipv4_len} leaves no room for {p.max_azs} AZ slots in "
                f"{p.ipv4_cidr}; set ipv4_length to /{v4.length + slot_bits + 1} or longer"
            )
    nat_tiers = [t.name for t in p.tiers if t.nat_gateway]
    if len(nat_tiers) > 1:
        _fail(f"VpcProps.tiers: NAT gateways on several tiers {nat_tiers}; set nat_gateway=True on one public dual-stack tier")
    if p.nat_gateways not in ("one_per_az", "single", "none"):
        _fail(f"VpcProps.nat_gateways: {p.nat_gateways!r} is not one of one_per_az, single, none")
    for t in p.tiers:
        if t.dns64 and (p.nat_gateways == "none" or not nat_tiers):
            _fail(
                f"SubnetTier({t.name}).enable_dns64: on, but the VPC has no NAT gateway for the NAT64 route "
                f"{NAT64_PREFIX} (without it DNS64 answers lead nowhere, terraform-aws-vpc#972); add a public dual-stack "
                "tier with nat_gateway=True, or set enable_dns64=False"
            )
    for k, v in p.tags.items():
        if not isinstance(k, str) or not isinstance(v, str):
            _fail(f"VpcProps.tags: {k!r}={v!r} must map strings to strings")


def _next_len(want: int, allowed: Sequence[int]) -> int:
    return next((n for n in allowed if n >= want), allowed[-1])


# --------------------------------------------------------------------------------------
# The VPC plan (allocations from the allocator)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SubnetPlan:
    tier: str
    az: str
    key: str
    network: Network
    ipv6: Prefix
    ipv4: Prefix | None

    @property
    def ipv6_tf(self) -> str:
        return render(self.ipv6)

    @property
    def ipv4_tf(self) -> str | None:
        return None if self.ipv4 is None else render(self.ipv4)


def render(p: Prefix) -> str:
    """Terraform string for a prefix: concrete CIDR text, or ``${cidrsubnet(...)}``."""
    return "${" + p.text + "}" if p.is_relative else p.text


@dataclass(frozen=True)
class VpcPlan:
    props: VpcProps
    network: Network
    subnets: dict[tuple[str, str], SubnetPlan]  # (tier, az) -> plan, in declared order

    def subnet(self, tier: str, az: str) -> SubnetPlan:
        try:
            return self.subnets[(tier, az)]
        except KeyError:
            _fail(f"subnet: tier {tier!r} has no subnet in {az!r}; AZs are {', '.join(self.props.azs)}")


def ensure_network(ipam: Ipam, id: str, prefixes: list[Prefix]) -> Network:
    """The VPC's super network: created once, then found again (from the lock) unchanged."""
    net = ipam.networks.get(id)
    if net is None:
        try:
            return ipam.create_network(id, prefixes, name=f"AWS VPC {id}")
        except IpamError as e:
            raise AwsConfigError(f"VPC {id}: {e}") from None
    have = sorted(p.text for p in net.prefixes)
    want = sorted(p.text for p in prefixes)
    if have != want:
        _fail(
            f"VPC {id}: the address plan holds {', '.join(have)} but the props say {', '.join(want)}; "
            "a VPC's CIDRs cannot change in place: restore them, or release the VPC's keys from the plan first"
        )
    return net


def set_aside_aws_reserved(ipam: Ipam, network_id: str, key: str, subnet: Prefix) -> None:
    """Set aside the first and the last /80 of an IPv6 subnet.

    AWS keeps the first four addresses and the last of a subnet for itself (documented for
    IPv4). A precaution for IPv6, at the cost of 2 of 65,536 /80s: no reservation or VM /80
    can then hold an address AWS may refuse to delegate."""
    span = 1 << (subnet.maxbits - DELEGATED_PREFIX_LENGTH)
    for name, offset in (("first", 0), ("last", subnet.num_addresses - span)):
        child = subnet.child(offset, DELEGATED_PREFIX_LENGTH)
        ipam.acquire_prefix(network_id, f"{key}/aws-reserved/{name}", cidr=child.text, purpose="aws-reserved")


def plan_vpc(ipam: Ipam, props: VpcProps) -> VpcPlan:
    """Allocate tier blocks and subnets (declared order) and return what to render."""
    root6 = props.ipv6.root(props.address)
    net = ensure_network(ipam, props.name, [Prefix.parse(props.ipv4_cidr), root6])
    slot_bits = (props.max_azs - 1).bit_length()
    subnets: dict[tuple[str, str], SubnetPlan] = {}
    try:
        for t in props.tiers:
            lengths = {"ipv6": t.ipv6_length - slot_bits}
            if t.ipv4_len is not None:
                lengths["ipv4"] = t.ipv4_len - slot_bits
            block = ipam.allocate_network(net.id, f"{props.name}/{t.name}", lengths=lengths, families=list(lengths),
                                          name=f"{props.name} tier {t.name}")
            sub_lengths = {"ipv6": t.ipv6_length}
            if t.ipv4_len is not None:
                sub_lengths["ipv4"] = t.ipv4_len
            for az in props.azs:
                key = f"{props.name}/{t.name}/{az}"
                sn = ipam.allocate_network(block.id, key, lengths=sub_lengths, families=list(sub_lengths),
                                           name=f"{props.name} {t.name} {az}")
                v6 = sn.prefixes_of(6)[0]
                v4s = sn.prefixes_of(4)
                set_aside_aws_reserved(ipam, sn.id, key, v6)
                subnets[(t.name, az)] = SubnetPlan(t.name, az, key, sn, v6, v4s[0] if v4s else None)
    except IpamError as e:
        raise AwsConfigError(f"VPC {props.name}: {e}") from None
    return VpcPlan(props, net, subnets)


# --------------------------------------------------------------------------------------
# Fleets: a /80 per VM
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExplicitPrefixes:
    """We name each VM's /80 (from the allocator); the reservation is of type ``explicit``."""

    reservation_type: str = field(default="explicit", init=False)


@dataclass(frozen=True)
class PrefixCount:
    """AWS picks ``count`` /80s per ENI (``ipv6_prefix_count``) from a ``prefix`` reservation."""

    count: int = 1
    reservation_type: str = field(default="prefix", init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.count, int) or isinstance(self.count, bool) or self.count < 1:
            _fail(f"PrefixCount.count: {self.count!r} must be a positive int (prefixes per ENI)")


PrefixMode = Union[ExplicitPrefixes, PrefixCount, None]


@dataclass(frozen=True)
class Vm:
    """One VM. ``az``: pin the AZ (default: position i goes to AZ i mod n of the tier).
    ``ipv6_prefix``: pin a concrete /80 (VPCs with a concrete IPv6 block only)."""

    name: str
    az: str | None = None
    ipv6_prefix: str | None = None


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
        _fail(f"FleetProps.name: {p.name!r} is not a fleet name; use lower-case letters, digits and '-' (e.g. node)")
    if not p.vms:
        _fail(f"FleetProps({p.name}).vms: empty; list at least one VM name")
    seen: set[str] = set()
    for i, vm in enumerate(p.vms):
        if not isinstance(vm, Vm) or not isinstance(vm.name, str) or not VM_NAME_RE.match(vm.name):
            name = vm.name if isinstance(vm, Vm) else vm
            _fail(f"FleetProps({p.name}).vms[{i}]: {name!r} is not a VM name; use letters, digits and '-' (a DNS label)")
        if vm.name in seen:
            _fail(f"FleetProps({p.name}).vms[{i}]: {vm.name!r} appears twice; VM names key the fleet and must be unique")
        seen.add(vm.name)
        if vm.ipv6_prefix is not None and not isinstance(p.prefixes, ExplicitPrefixes):
            _fail(
                f"FleetProps({p.name}).vms[{i}].ipv6_prefix: {vm.ipv6_prefix!r} is an explicit prefix but the fleet uses "
                f"{type(p.prefixes).__name__ if p.prefixes else 'no prefixes'}; ipv6_prefix_count cannot be combined "
                "with explicit prefixes: use prefixes=ExplicitPrefixes() or drop ipv6_prefix"
            )
    if not isinstance(p.ami, str) or not (AMI_RE.match(p.ami) or p.ami.startswith("${")):
        _fail(f"FleetProps({p.name}).ami: {p.ami!r} is not an AMI id; set ami-<hex> or a ${{var.ami_id}} reference")
    if not isinstance(p.instance_type, str) or not re.match(r"^[a-z0-9-]+\.[a-z0-9]+$", p.instance_type):
        _fail(f"FleetProps({p.name}).instance_type: {p.instance_type!r} is not an instance type; set e.g. m6i.large")
    if not isinstance(p.prefixes, (ExplicitPrefixes, PrefixCount)) and p.prefixes is not None:
        _fail(f"FleetProps({p.name}).prefixes: {p.prefixes!r}; use ExplicitPrefixes(), PrefixCount(n) or None")
    if p.ipv6_address_count is not None:
        if not isinstance(p.ipv6_address_count, int) or p.ipv6_address_count < 0:
            _fail(f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count!r} must be an int >= 0")
        if isinstance(p.prefixes, PrefixCount):
            _fail(
                f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count} together with ipv6_prefix_count "
                f"{p.prefixes.count}; EC2 accepts one or the other: drop ipv6_address_count or set prefixes=None"
            )
        if isinstance(p.prefixes, ExplicitPrefixes):
            _fail(
                f"FleetProps({p.name}).ipv6_address_count: {p.ipv6_address_count} together with explicit ipv6_prefixes; "
                "EC2 accepts one or the other: drop ipv6_address_count or set prefixes=None"
            )
    if p.eni_ipv6_limit is not None:
        if not isinstance(p.eni_ipv6_limit, int) or p.eni_ipv6_limit < 1:
            _fail(f"FleetProps({p.name}).eni_ipv6_limit: {p.eni_ipv6_limit!r} must be a positive int")
        used = p.prefixes_per_vm + (p.ipv6_address_count or 0)
        if used > p.eni_ipv6_limit:
            _fail(
                f"FleetProps({p.name}).prefixes: {used} IPv6 prefixes/addresses per ENI exceed {p.instance_type}'s "
                f"limit of {p.eni_ipv6_limit} per ENI; lower PrefixCount.count to {p.eni_ipv6_limit} or pick a larger instance type"
            )
    if p.reservation_length is not None and (
        not isinstance(p.reservation_length, int) or not 44 < p.reservation_length < DELEGATED_PREFIX_LENGTH
    ):
        _fail(f"FleetProps({p.name}).reservation_length: {p.reservation_length!r} must be a prefix length /45-/79; e.g. 72")
    for i, sg in enumerate(p.security_group_ids):
        if not isinstance(sg, str) or not sg:
            _fail(f"FleetProps({p.name}).security_group_ids[{i}]: {sg!r} is not a security group id")


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


def plan_fleet(ipam: Ipam, vpc: VpcPlan, props: FleetProps) -> FleetPlan:
    """Place VMs, size and allocate each subnet's reservation, carve each VM's /80."""
    vp = vpc.props
    tier = vp.tier(props.tier)
    azs = vp.azs
    placed: list[tuple[Vm, str]] = []
    for i, vm in enumerate(props.vms):
        az = vm.az or azs[i % len(azs)]
        if az not in azs:
            _fail(f"FleetProps({props.name}).vms[{i}].az: {az!r} is not an AZ of VPC {vp.name}; use one of {', '.join(azs)}")
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
                    _fail(
                        f"FleetProps({props.name}).reservation_length: /{length} does not fit inside the /{tier.ipv6_length} "
                        f"subnet {tier.name}/{az}; set a longer reservation_length"
                    )
                if slots > 1 << (DELEGATED_PREFIX_LENGTH - length):
                    _fail(
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
                        _fail(
                            f"{where}.ipv6_prefix: {vm.ipv6_prefix!r} pins a /80 but the VPC's IPv6 block is only known after "
                            "apply; drop ipv6_prefix (the allocator picks) or use ExplicitIpv6Cidr for the VPC"
                        )
                    want = _parse(vm.ipv6_prefix, f"{where}.ipv6_prefix")
                    if want.length != DELEGATED_PREFIX_LENGTH:
                        _fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is a /{want.length}; EC2 delegates /80s, set a /80")
                    if not sn.ipv6.contains(want):
                        _fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is outside its subnet {sn.ipv6.text} ({tier.name}/{az})")
                    if not res.prefix.contains(want):
                        _fail(f"{where}.ipv6_prefix: {vm.ipv6_prefix} is outside the fleet's reservation {res.prefix.text} in {az}")
                    a = ipam.acquire_prefix(res.network.id, key, cidr=vm.ipv6_prefix, purpose="aws-eni-prefix")
                else:
                    a = ipam.acquire_prefix(res.network.id, key, length=DELEGATED_PREFIX_LENGTH, family="ipv6",
                                            purpose="aws-eni-prefix")
            except IpamError as e:
                raise AwsConfigError(f"{where}: {e}") from None
            # the allocator guarantees these; checked again because AWS refuses anything else
            if not (res.prefix.contains(a.prefix) and sn.ipv6.contains(a.prefix)):
                _fail(f"{where}: /80 {a.text} is not inside reservation {res.prefix.text} of subnet {sn.ipv6.text}")
            allocs[vm.name] = a
    vms = tuple(VmPlan(vm.name, az, allocs.get(vm.name)) for vm, az in placed)
    return FleetPlan(props, vpc, vms, reservations)
