"""StarlingX platform address pools (seed 002): pools with ranges and order, role addresses,
primary and secondary pools per platform network, the bootstrap form. Pure Python; not the
allocator (pools keep their own state), but their subnets come from it.
"""

from .pools import AddressPool, KeyedPermutation, PlatformNetwork, PlatformNetworks, bootstrap_keys, parse_bootstrap

__all__ = ["AddressPool", "KeyedPermutation", "PlatformNetwork", "PlatformNetworks", "bootstrap_keys", "parse_bootstrap"]
