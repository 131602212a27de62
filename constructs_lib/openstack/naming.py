"""Terraform resource names from stable keys (node names, network names), checked for clashes.

Every resource these constructs write takes its Terraform name from keys, never from a
position (``providers.elements.Resource`` sets it as the logical id): adding a node adds its
resources or map entries and renames nothing. Two resources of one type under one name would
silently merge in the JSON, so a construct claims all of its names first (``claim``) and a clash
is refused before any of its resources exists.
"""

from __future__ import annotations

import weakref
from typing import Iterable

from constructs_lib.engine import Construct, TerraformStack

from .neutron_rules import NeutronRuleError

_used: "weakref.WeakKeyDictionary[TerraformStack, dict[tuple[str, str], str]]" = weakref.WeakKeyDictionary()


def claim(scope: Construct, owner: str, slots: Iterable[tuple[str, str]]) -> None:
    """Reserve ``(resource_type, name)`` slots in ``scope``'s stack for ``owner``, all or none."""
    used = _used.setdefault(TerraformStack.of(scope), {})
    slots = list(slots)
    seen: set[tuple[str, str]] = set()
    for slot in slots:
        if slot in used or slot in seen:
            by = used.get(slot, owner)
            raise NeutronRuleError(f"{slot[0]}.{slot[1]}: already written by {by}; give {owner} another key")
        seen.add(slot)
    for slot in slots:
        used[slot] = owner

