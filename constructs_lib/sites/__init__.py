"""The registry of site kinds: the plan file's ``sites.<name>.<kind>`` are built from it.

    from constructs_lib.sites import register, kinds
    register(MyCloud())          # a SiteKind (see base.py): the plan file then takes ``mycloud:``

The built-in kinds are OpenStack and AWS.
"""

from __future__ import annotations

from .base import ClusterLinks, SiteKind

_KINDS: dict[str, SiteKind] = {}
#: bumped on every registration, so models built from the registry are rebuilt
version = 0


def register(kind: SiteKind) -> SiteKind:
    """Add a site kind (replacing one of the same name). Returns it."""
    global version
    _builtins()
    if not isinstance(kind, SiteKind):
        raise TypeError(f"{kind!r} is not a SiteKind (name, spec_type, description, defaults, check, plan, links, build_stack)")
    _KINDS[kind.name] = kind
    version += 1
    return kind


def unregister(name: str) -> None:
    global version
    _KINDS.pop(name, None)
    version += 1


def kinds() -> dict[str, SiteKind]:
    """Name -> kind, in registration order (built-ins first)."""
    _builtins()
    return dict(_KINDS)


def kind(name: str) -> SiteKind:
    return kinds()[name]


_loaded = False


def _builtins() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from .aws import AwsSite
    from .openstack import OpenStackSite

    for k in (OpenStackSite(), AwsSite()):
        if k.name not in _KINDS:
            register(k)


__all__ = ["ClusterLinks", "SiteKind", "kind", "kinds", "register", "unregister"]
