"""StarlingX platform networks (seed 002): the plan's ``starlingx:`` section, its pools in the allocator,
the bootstrap form both ways, and the runtime change as commands.

- ``pools``: address pools with ranges and order, platform networks, the bootstrap parser (no allocator);
- ``section``: the ``starlingx:`` section's schema (``StarlingxSection``);
- ``plan``: ``plan_starlingx(ipam, section)``, pools held by the allocator; ``kubernetes_ranges``;
- ``bootstrap``: ``import_bootstrap`` (localhost.yml -> section), ``bootstrap_overrides`` (plan -> localhost.yml);
- ``commands``: ``commands(old, new)``, the ``apply-changes.sh`` script; ``check_changes``;
- ``committed``: the committed plan's StarlingX plan; ``files``: ``starlingx_files(plan, committed)``.
"""

from .bootstrap import bootstrap_gaps, bootstrap_overrides, import_bootstrap, section_yaml
from .commands import check_changes, commands
from .committed import committed_plan
from .files import starlingx_files
from .plan import NetworkPlan, PoolPlan, StarlingxPlan, SystemPlan, kubernetes_networks, kubernetes_ranges, plan_starlingx, pool_key
from .pools import AddressPool, KeyedPermutation, PlatformNetwork, PlatformNetworks, bootstrap_keys, parse_bootstrap
from .section import StarlingxError, StarlingxSection, SystemSpec, parse_section

__all__ = [
    "AddressPool", "KeyedPermutation", "NetworkPlan", "PlatformNetwork", "PlatformNetworks", "PoolPlan", "StarlingxError",
    "StarlingxPlan", "StarlingxSection", "SystemPlan", "SystemSpec", "bootstrap_gaps", "bootstrap_keys", "bootstrap_overrides",
    "check_changes", "commands", "committed_plan", "import_bootstrap", "kubernetes_networks", "kubernetes_ranges",
    "parse_bootstrap", "parse_section", "plan_starlingx", "pool_key", "section_yaml", "starlingx_files",
]
