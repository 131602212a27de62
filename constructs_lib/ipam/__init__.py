"""The allocator: one owner of the address plan. Pure Python (no cdktf, no jsii).

See CONTRACT.md beside this file for the interface the constructs build on.
"""

from .allocator import DEFAULT_OWNER, Allocation, Ipam, Network, Usage, reserved_offsets
from .errors import (
    AlreadyAllocated,
    FamilyMismatch,
    InvalidKey,
    InvalidPrefix,
    IpamError,
    NoIPAvailable,
    NoPrefixAvailable,
    NotFound,
    NotOwner,
    Overlap,
)
from .lockfile import dumps, from_dict, to_dict
from .prefix import Prefix, RelativeRoot
from .ula import generate_ula_prefix

__all__ = [
    "DEFAULT_OWNER", "Allocation", "AlreadyAllocated", "FamilyMismatch", "InvalidKey", "InvalidPrefix", "Ipam", "IpamError",
    "Network", "NoIPAvailable", "NoPrefixAvailable", "NotFound", "NotOwner", "Overlap", "Prefix", "RelativeRoot",
    "Usage", "dumps", "from_dict", "generate_ula_prefix", "reserved_offsets", "to_dict",
]
