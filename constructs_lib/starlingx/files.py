"""What a run writes for StarlingX beside the stacks: per system its bootstrap overrides and its change script.

``starlingx/<system>/localhost.yml`` installs the system as planned; ``starlingx/<system>/apply-changes.sh``
takes a running system from the committed plan to this one. Pure Python; deterministic text.
"""

from __future__ import annotations

from .bootstrap import bootstrap_overrides
from .commands import SCRIPT, commands
from .plan import StarlingxPlan

BOOTSTRAP = "localhost.yml"


def starlingx_files(plan: StarlingxPlan, committed: StarlingxPlan | None = None) -> dict[str, str]:
    """Relative path -> text, for every system (sorted). Raises ``StarlingxError`` for a change StarlingX cannot make at runtime."""
    out = {}
    for name in sorted(plan.systems):
        out[f"starlingx/{name}/{BOOTSTRAP}"] = bootstrap_overrides(plan.systems[name])
        out[f"starlingx/{name}/{SCRIPT}"] = commands(committed, plan, name)
    return out


__all__ = ["BOOTSTRAP", "starlingx_files"]
