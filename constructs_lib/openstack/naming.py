"""Terraform resource names from stable keys (node names, network names), checked for clashes.

Every resource these constructs write gets ``override_logical_id(name)`` with a name built from
keys, never from a position: adding a node adds its resources and renames nothing. Two
resources of one type under one name would silently merge in the JSON, so a clash is refused.
"""

from __future__ import annotations

import weakref

from cdktf import TerraformElement, TerraformStack
from constructs import Construct

from .neutron_rules import NeutronRuleError

_used: "weakref.WeakKeyDictionary[TerraformStack, dict[tuple[str, str], str]]" = weakref.WeakKeyDictionary()


def name_resource(element: TerraformElement, resource_type: str, name: str, owner: Construct) -> None:
    """Give ``element`` the logical id ``name``; refuse a second ``resource_type.name`` in the stack."""
    stack = TerraformStack.of(owner)
    used = _used.setdefault(stack, {})
    slot = (resource_type, name)
    path = owner.node.path
    if slot in used:
        raise NeutronRuleError(f"{resource_type}.{name}: already written by {used[slot]}; give {path} another key")
    used[slot] = path
    element.override_logical_id(name)
