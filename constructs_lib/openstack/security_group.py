"""DualStackSecurityGroup: a security group whose rules are written in v4/v6 pairs.

The rules are planned and checked in ``security_rules`` (pure Python); this construct renders
them. Neutron's default egress rules (allow all to 0.0.0.0/0 and ::/0) are deleted
(``delete_default_rules``), so the group opens nothing to the whole internet unless a rule
asks with ``Remote.anywhere()``; the ICMPv6 essentials are written by default.
Resource names: ``<key>`` for the group; the rules are one ``for_each`` resource ``<key>``
keyed by rule name (``openstack_networking_secgroup_rule_v2.<key>["<rule name>"]``), so a group
of any size costs the jsii calls of two resources.
"""

from __future__ import annotations

from typing import Sequence

from constructs_lib.engine import Construct
from constructs_lib.providers.elements import Resource, interp, remember_scope
from constructs_lib.providers.openstack_types import OpenstackNetworkingSecgroupRuleV2, OpenstackNetworkingSecgroupV2

from .keys import check_part
from .naming import claim
from .security_rules import SELF, Icmpv6Essentials, NeutronRule, RuleSpec, plan_rules

#: rule fields that may be unset (the template reads them with lookup(..., null))
OPTIONAL_FIELDS = ("protocol", "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id")


class DualStackSecurityGroup(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        name: str,
        families: Sequence[str] = ("ipv4", "ipv6"),
        rules: Sequence[RuleSpec] = (),
        icmpv6: Icmpv6Essentials = Icmpv6Essentials(),
        key: str | None = None,
        description: str | None = None,
        delete_default_rules: bool = True,
        stateful: bool | None = None,
    ) -> None:
        self.key = check_part(key or name, f"security group {name}: key")
        planned = plan_rules(self.key, tuple(families), list(rules), icmpv6)  # checked before any resource
        claim(scope, f"security group {name}", [("openstack_networking_secgroup_v2", self.key),
                                                 ("openstack_networking_secgroup_rule_v2", self.key)])
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.name = name
        self.families = tuple(families)
        self.planned: list[NeutronRule] = planned
        self.group = Resource(self, self.key, OpenstackNetworkingSecgroupV2(
            name=name, description=description, delete_default_rules=delete_default_rules, stateful=stateful,
        ))
        self.rules: dict[str, NeutronRule] = {rule.name: rule for rule in planned}
        entries = {rule.name: self._entry(rule) for rule in planned}
        self.rule_resource: Resource | None = None
        if entries:
            self.rule_resource = Resource(self, self.key, OpenstackNetworkingSecgroupRuleV2(
                security_group_id=self.id,
                direction="${each.value.direction}",
                ethertype="${each.value.ethertype}",
                description="${each.value.description}",
                **{f: interp(f'lookup(each.value, "{f}", null)') for f in OPTIONAL_FIELDS},
            ), for_each=entries)

    def _entry(self, rule: NeutronRule) -> dict:
        """One rule's values; unset fields are left out (HCL has no null in a map literal we render)."""
        remote_group = self.id if rule.remote_group_id == SELF else rule.remote_group_id
        values = {
            "direction": rule.direction, "ethertype": rule.ethertype, "description": rule.description,
            "protocol": rule.protocol, "port_range_min": rule.port_range_min, "port_range_max": rule.port_range_max,
            "remote_ip_prefix": rule.remote_ip_prefix, "remote_group_id": remote_group,
        }
        return {k: v for k, v in values.items() if v is not None}

    @property
    def id(self) -> str:
        return self.group.attr("id")
