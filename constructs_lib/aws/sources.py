"""Where a VPC's IPv6 block comes from: strategy objects behind one protocol, ``Ipv6Source``.

- ``AmazonProvidedIpv6``: an Amazon-provided /56, known only after apply;
- ``IpamPoolIpv6``: a block an AWS IPAM pool picks at apply time (``ipam_pool_id``, ``ipv6_netmask_length``);
- ``ExplicitIpv6Cidr``: a named block (BYOIP), everything concrete.

Each says how long the block is, what ``aws_vpc`` arguments ask for it, and the allocator root
its subnets are carved from. Pure Python (no cdktf).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Union, runtime_checkable

from constructs_lib.ipam import Prefix

from pydantic import ConfigDict

from .common import AMAZON_IPV6_LENGTH, VPC_IPV6_LENGTHS, fail, parse_prefix


@runtime_checkable
class Ipv6Source(Protocol):
    """A VPC IPv6 block strategy."""

    @property
    def length(self) -> int:
        """The block's prefix length."""

    def vpc_arguments(self) -> dict:
        """The ``aws_vpc`` arguments that ask for this block."""

    def root(self, vpc_address: str) -> Prefix:
        """The allocator prefix subnets are carved from: concrete, or relative to ``<vpc>.ipv6_cidr_block``."""


@dataclass(frozen=True)
class AmazonProvidedIpv6:
    """An Amazon-provided /56 (``assign_generated_ipv6_cidr_block``); known only after apply.

    Subnets and /80s render as ``cidrsubnet()`` of the VPC's and subnet's ``ipv6_cidr_block``.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    network_border_group: str | None = None
    """The network border group to take the /56 from (``ipv6_cidr_block_network_border_group``); default: the region's."""

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
    """A block of ``ipv6_netmask_length`` (/44-/60, steps of 4) that an AWS IPAM pool picks at apply time."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    ipam_pool_id: str
    """The IPv6 IPAM pool (``ipam-pool-...``), as terraform-aws-vpc's ``ipv6_ipam_pool_id``."""
    ipv6_netmask_length: int = 56
    """The block's length, /44 to /60 in steps of 4."""

    def __post_init__(self) -> None:
        if not isinstance(self.ipam_pool_id, str) or not self.ipam_pool_id:
            fail(f"IpamPoolIpv6.ipam_pool_id: {self.ipam_pool_id!r} is empty; set the IPv6 IPAM pool id (ipam-pool-...)")
        if self.ipv6_netmask_length not in VPC_IPV6_LENGTHS:
            fail(
                f"IpamPoolIpv6.ipv6_netmask_length: {self.ipv6_netmask_length!r} is not allowed; "
                f"set one of {', '.join(f'/{n}' for n in VPC_IPV6_LENGTHS)}"
            )

    @property
    def length(self) -> int:
        return self.ipv6_netmask_length

    def vpc_arguments(self) -> dict:
        return {"ipv6_ipam_pool_id": self.ipam_pool_id, "ipv6_netmask_length": self.ipv6_netmask_length}

    def root(self, vpc_address: str) -> Prefix:
        return Prefix.relative(f"{vpc_address}.ipv6_cidr_block", self.ipv6_netmask_length)


@dataclass(frozen=True)
class ExplicitIpv6Cidr:
    """A named block (BYOIP, or a specific CIDR of an IPAM pool): everything renders concrete.

    The provider takes ``ipv6_cidr_block`` only together with ``ipv6_ipam_pool_id``
    (RequiredWith), so the pool id is required: BYOIP ranges reach VPCs through an IPAM pool.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")  # a plan key that is no field is a typo

    cidr: str
    """The VPC's IPv6 block, e.g. ``2001:db8:1200::/56`` (/44 to /60 in steps of 4)."""
    ipam_pool_id: str
    """The IPAM pool holding the BYOIP range (the provider requires ``ipv6_ipam_pool_id`` with ``ipv6_cidr_block``)."""

    def __post_init__(self) -> None:
        p = parse_prefix(self.cidr, "ExplicitIpv6Cidr.cidr")
        if p.version != 6:
            fail(f"ExplicitIpv6Cidr.cidr: {self.cidr!r} is not IPv6; set the IPv6 block, e.g. 2001:db8:1200::/56")
        if p.length not in VPC_IPV6_LENGTHS:
            fail(
                f"ExplicitIpv6Cidr.cidr: /{p.length} is not allowed for a VPC; "
                f"use one of {', '.join(f'/{n}' for n in VPC_IPV6_LENGTHS)}"
            )
        if not isinstance(self.ipam_pool_id, str) or not self.ipam_pool_id:
            fail(
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


#: the strategies a plan file may name (pydantic picks one by its fields)
Ipv6SourceChoice = Union[AmazonProvidedIpv6, IpamPoolIpv6, ExplicitIpv6Cidr]
