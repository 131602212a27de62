"""Typed allocator errors (sentinels in the go-ipam sense): one line, naming the value."""


class IpamError(Exception):
    """Base of every allocator error. ``str(err)`` is one line fit for a terminal."""


class InvalidPrefix(IpamError, ValueError):
    """Text that is not a canonical CIDR/address, host bits set, child longer than parent..."""


class NoPrefixAvailable(IpamError):
    """No free block of the requested length is left in the parent."""


class NoIPAvailable(IpamError):
    """No free address is left in the network."""


class AlreadyAllocated(IpamError):
    """The prefix, address or key is taken."""


class Overlap(IpamError):
    """A super prefix overlaps one already in the namespace."""


class FamilyMismatch(IpamError):
    """The network has no prefix of the requested family, or a pool mixes families."""


class NotFound(IpamError):
    """No network, key or allocation by that name."""
