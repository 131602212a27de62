"""The allocator: one owner of the address plan. Pure Python (no cdktf, no jsii).

See CONTRACT.md beside this file for the interface the constructs build on.
"""

from .addrpool import AddressPool, KeyedPermutation, PlatformNetwork, PlatformNetworks, bootstrap_keys, parse_bootstrap
from .allocator import Allocation, Ipam, Network, Usage, reserved_offsets
from .errors import (
    AlreadyAllocated,
    FamilyMismatch,
    InvalidPrefix,
    IpamError,
    NoIPAvailable,
    NoPrefixAvailable,
    NotFound,
    Overlap,
)
from .lockfile import dumps, from_dict, to_dict
from .prefix import Prefix, RelativeRoot
from .store import JsonLockStore, MemoryStore, Store, StoreError, transaction
from .ula import generate_ula_prefix

__all__ = [
    "AddressPool", "KeyedPermutation", "PlatformNetwork", "PlatformNetworks", "bootstrap_keys", "parse_bootstrap",
    "Allocation", "AlreadyAllocated", "FamilyMismatch", "InvalidPrefix", "Ipam", "IpamError", "JsonLockStore",
    "MemoryStore", "Network", "NoIPAvailable", "NoPrefixAvailable", "NotFound", "Overlap", "Prefix", "RelativeRoot",
    "Store", "StoreError", "Usage", "dumps", "from_dict", "generate_ula_prefix", "reserved_offsets", "to_dict", "transaction",
]
