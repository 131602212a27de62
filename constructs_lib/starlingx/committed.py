"""The StarlingX plan as committed: the committed plan's ``starlingx:`` section on the committed lock.

A ``from:`` pool's subnet is in the lock, not the plan, so the committed plan is planned again on a
scratch namespace made from the committed lock (its super networks declared first): the keys it
holds give back what was committed. Nothing is written. Pure Python.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..errors import DualstackError, one_line
from ..ipam import from_dict
from ..ipam.network_file import NetworkFile
from .plan import StarlingxPlan, plan_starlingx
from .section import StarlingxError, parse_section


def committed_plan(plan_document: Mapping[str, Any] | None, lock_document: Mapping[str, Any] | None, owner: str,
                   where: str = "the plan as committed (git HEAD)") -> StarlingxPlan | None:
    """The committed StarlingX plan, or None when the committed plan has no ``starlingx:`` section.

    ``plan_document`` is the committed plan file as loaded YAML, ``lock_document`` the committed
    lock's JSON (None when there is none), ``owner`` the plan's owner. Raises ``StarlingxError``
    whose lines start with ``where`` when the committed section does not plan.
    """
    if not isinstance(plan_document, Mapping) or not plan_document.get("starlingx"):
        return None
    try:
        missing = unlocked_pools(plan_document["starlingx"], (lock_document or {}).get("networks") or {})
        if missing:  # planned afresh, such a pool would get a subnet nobody committed
            raise StarlingxError([f"{path}.from: {source}: the committed lock holds no pool taken from it; commit the plan and "
                                  "its lock (ipam.lock.json) together" for path, source in missing])
        ipam = from_dict(dict(lock_document) if lock_document is not None else None, where=f"{where}: lock", owner=owner)
        for i, raw in enumerate(plan_document.get("super_networks") or []):
            NetworkFile.parse(raw, f"super_networks[{i}]").declare_in(ipam)
        return plan_starlingx(ipam, plan_document["starlingx"])
    except DualstackError as e:
        raise StarlingxError([f"{where}: {one_line(line)}" for line in e.lines]) from None


def unlocked_pools(section: Any, networks: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(path, super network) of the section's ``from:`` pools for which the lock's ``networks`` hold no subnet."""
    out = []
    for system, spec in parse_section(section).systems.items():
        for network, net in spec.networks().items():
            taken = [e for id, e in networks.items() if id.startswith(f"starlingx/{system}/{network}/") and isinstance(e, Mapping)]
            for slot, pool in (("primary", net.primary), ("secondary", net.secondary)):
                if pool is not None and pool.from_ is not None and not any(e.get("parent") == pool.from_ for e in taken):
                    out.append((f"starlingx.{system}.{network}.{slot}", pool.from_))
    return out


__all__ = ["committed_plan", "unlocked_pools"]
