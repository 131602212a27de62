"""The VPC's address plan: subnet tiers across AZs, their checks, and their allocation. Pure Python.

Key scheme in the allocator (stable: same key, same range; a new key never moves old ones):

- ``{vpc}``               super network: the VPC's IPv4 CIDR and IPv6 block
- ``{vpc}/{tier}``        a tier's block: ``max_azs`` subnet slots per family
- ``{vpc}/{tier}/{az}``   one subnet

Declared order is allocation order, so appending a tier or an AZ never renumbers what exists
even without a lock. Every check raises ``AwsConfigError`` (one line: field, value, fix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Mapping, Sequence

from constructs_lib.ipam import Ipam, IpamError, Network, Prefix

from .common import (
    DELEGATED_PREFIX_LENGTH,
    NAME_RE,
    NAT64_PREFIX,
    SUBNET_IPV4_LENGTHS,
    SUBNET_IPV6_LENGTHS,
    VPC_IPV4_LENGTHS,
    AwsConfigError,
    fail,
    logical,
    parse_prefix,
)
from .sources import AmazonProvidedIpv6, Ipv6Source, Ipv6SourceChoice


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
            fail(f"SubnetTier.name: {self.name!r} is not a tier name; use lower-case letters, digits and '-' (not 'vm')")
        if self.ipv6_length not in SUBNET_IPV6_LENGTHS:
            fail(
                f"SubnetTier({self.name}).ipv6_length: {self.ipv6_length!r} is not allowed; "
                f"use one of {', '.join(f'/{n}' for n in SUBNET_IPV6_LENGTHS)} (default /64)"
            )
        if self.ipv6_only and self.ipv4_length is not None:
            fail(f"SubnetTier({self.name}).ipv4_length: {self.ipv4_length} given for an IPv6-only tier; drop it or set ipv6_only=False")
        if not self.ipv6_only and self.ipv4_length is not None and self.ipv4_length not in SUBNET_IPV4_LENGTHS:
            fail(f"SubnetTier({self.name}).ipv4_length: /{self.ipv4_length} is outside /16-/28; set e.g. 24")
        if self.nat_gateway and (self.ipv6_only or not self.public):
            fail(
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
    ipv6: Ipv6SourceChoice = field(default_factory=AmazonProvidedIpv6)
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
        fail(f"tier: {name!r} is not a tier of VPC {self.name}; tiers are {', '.join(t.name for t in self.tiers)}")

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
        fail(f"VpcProps.name: {p.name!r} is not a VPC name; use lower-case letters, digits and '-', starting with a letter")
    if not isinstance(p.region, str) or not re.match(r"^[a-z]{2}(-[a-z]+)+-\d+$", p.region):
        fail(f"VpcProps.region: {p.region!r} is not an AWS region name; set e.g. eu-central-1")
    v4 = parse_prefix(p.ipv4_cidr, "VpcProps.ipv4_cidr")
    if v4.version != 4 or v4.length not in VPC_IPV4_LENGTHS:
        fail(f"VpcProps.ipv4_cidr: {p.ipv4_cidr!r} must be an IPv4 /16-/28 (AWS requires an IPv4 VPC CIDR); set e.g. 10.0.0.0/16")
    if not isinstance(p.ipv6, Ipv6Source):
        fail(f"VpcProps.ipv6: {p.ipv6!r} is not an IPv6 source; use AmazonProvidedIpv6(), IpamPoolIpv6(...) or ExplicitIpv6Cidr(...)")
    if not p.azs:
        fail(f"VpcProps.azs: empty; name at least one availability zone of {p.region}, e.g. {p.region}a")
    for i, az in enumerate(p.azs):
        if not isinstance(az, str) or not az.startswith(p.region) or not re.match(r"^[a-z0-9-]+[a-z]$", az):
            fail(f"VpcProps.azs[{i}]: {az!r} is not an availability zone of {p.region}; set e.g. {p.region}a")
    if len(set(p.azs)) != len(p.azs):
        fail(f"VpcProps.azs: {list(p.azs)} names an AZ twice; list each once")
    if not isinstance(p.max_azs, int) or p.max_azs < 1:
        fail(f"VpcProps.max_azs: {p.max_azs!r} must be a positive int (subnet slots per tier)")
    if len(p.azs) > p.max_azs:
        fail(f"VpcProps.azs: {len(p.azs)} AZs but max_azs is {p.max_azs}; raise max_azs (before the first apply) or use fewer AZs")
    if not p.tiers:
        fail("VpcProps.tiers: empty; add at least one SubnetTier")
    names = [t.name for t in p.tiers]
    if len(set(names)) != len(names):
        fail(f"VpcProps.tiers: tier names {names} repeat; give each tier its own name")
    slot_bits = (p.max_azs - 1).bit_length()
    vpc6 = p.ipv6.length
    for t in p.tiers:
        if t.ipv6_length - slot_bits <= vpc6:
            fail(
                f"SubnetTier({t.name}).ipv6_length: /{t.ipv6_length} leaves no room for {p.max_azs} AZ slots in the "
                f"/{vpc6} VPC; set ipv6_length to /{_next_len(vpc6 + slot_bits + 1, SUBNET_IPV6_LENGTHS)} or longer"
            )
        if t.ipv4_len is not None and t.ipv4_len - slot_bits <= v4.length:
            fail(
                f"SubnetTier({t.name}).ipv4_length: /{t.ipv4_len} leaves no room for {p.max_azs} AZ slots in "
                f"{p.ipv4_cidr}; set ipv4_length to /{v4.length + slot_bits + 1} or longer"
            )
    nat_tiers = [t.name for t in p.tiers if t.nat_gateway]
    if len(nat_tiers) > 1:
        fail(f"VpcProps.tiers: NAT gateways on several tiers {nat_tiers}; set nat_gateway=True on one public dual-stack tier")
    if p.nat_gateways not in ("one_per_az", "single", "none"):
        fail(f"VpcProps.nat_gateways: {p.nat_gateways!r} is not one of one_per_az, single, none")
    for t in p.tiers:
        if t.dns64 and (p.nat_gateways == "none" or not nat_tiers):
            fail(
                f"SubnetTier({t.name}).enable_dns64: on, but the VPC has no NAT gateway for the NAT64 route "
                f"{NAT64_PREFIX} (without it DNS64 answers lead nowhere, terraform-aws-vpc#972); add a public dual-stack "
                "tier with nat_gateway=True, or set enable_dns64=False"
            )
    for k, v in p.tags.items():
        if not isinstance(k, str) or not isinstance(v, str):
            fail(f"VpcProps.tags: {k!r}={v!r} must map strings to strings")


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
            fail(f"subnet: tier {tier!r} has no subnet in {az!r}; AZs are {', '.join(self.props.azs)}")


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
        fail(
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
