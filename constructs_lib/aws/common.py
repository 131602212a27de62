"""What every AWS module shares: EC2's size limits, the one error type, the Terraform-name builder.

Pure Python (no cdktf).
"""

from __future__ import annotations

import re
from typing import NoReturn

from constructs_lib.errors import DualstackError
from constructs_lib.ipam import IpamError, Prefix

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


class AwsConfigError(DualstackError, ValueError):
    """Bad AWS construct input, found before synthesis. One line: field, value, what to set."""


def fail(msg: str) -> NoReturn:
    raise AwsConfigError(msg)


def logical(*parts: str) -> str:
    """Terraform resource name from stable parts: ``main`` + ``nodes`` -> ``main_nodes``."""
    return "_".join(p.replace("-", "_") for p in parts)


def parse_prefix(text: str, field: str) -> Prefix:
    try:
        return Prefix.parse(text, field)
    except IpamError as e:
        raise AwsConfigError(str(e)) from None
