"""Typed allocator errors (sentinels in the go-ipam sense): one line, naming the value.

Every method of ``Ipam`` says in its docstring which of these it raises. All are
``constructs_lib.errors.DualstackError``s.
"""

from constructs_lib.errors import DualstackError


class IpamError(DualstackError):
    """Base of every allocator error. ``str(err)`` is one line fit for a terminal."""


class InvalidPrefix(IpamError, ValueError):
    """Text that is not a canonical CIDR/address, host bits set, child longer than parent..."""


class InvalidKey(InvalidPrefix):
    """A key, network id, owner or name that is empty, too long, or holds characters keys may not."""


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


class NotOwner(IpamError):
    """The key or network belongs to another owner (another plan, or the ``dualstack ipam`` user).

    ``holder``: that owner, where one is named (the CLI's hint: act as it with ``--owner``)."""

    def __init__(self, message: str = "", *, holder: str | None = None) -> None:
        super().__init__(message)
        self.holder = holder
