"""DualStackSecurityGroup: a security group whose rules are written in v4/v6 pairs.

The rules are planned and checked in ``security_rules`` (pure Python); this construct renders
them. Neutron's default egress rules (allow all to 0.0.0.0/0 and ::/0) are deleted
(``delete_default_rules``), so the group opens nothing to the whole internet unless a rule
asks with ``Remote.anywhere()``; the ICMPv6 essentials are written by default.
Resource names: ``<key>`` for the group, ``<key>_<rule name>`` for each rule.
"""

from __future__ import annotations

from typing import Sequence

from cdktf_cdktf_provider_openstack.networking_secgroup_rule_v2 import NetworkingSecgroupRuleV2
from cdktf_cdktf_provider_openstack.networking_secgroup_v2 import NetworkingSecgroupV2
from constructs_lib.engine import Construct

from .keys import check_part, tf_name
from .naming import claim, name_resource
from .security_rules import SELF, Icmpv6Essentials, NeutronRule, RuleSpec, plan_rules


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
        claim(scope, f"security group {name}", [("openstack_networking_secgroup_v2", self.key)]
              + [("openstack_networking_secgroup_rule_v2", tf_name(self.key, r.name)) for r in planned])
        super().__init__(scope, id)
        self.name = name
        self.families = tuple(families)
        self.planned: list[NeutronRule] = planned
        self.group = NetworkingSecgroupV2(
            self, "group", name=name, description=description, delete_default_rules=delete_default_rules, stateful=stateful,
        )
        name_resource(self.group, self.key)
        self.rules: dict[str, NetworkingSecgroupRuleV2] = {}
        for rule in planned:
            resource = NetworkingSecgroupRuleV2(
                self,
                f"rule_{rule.name}",
                security_group_id=self.group.id,
                direction=rule.direction,
                ethertype=rule.ethertype,
                protocol=rule.protocol,
                port_range_min=rule.port_range_min,
                port_range_max=rule.port_range_max,
                remote_ip_prefix=rule.remote_ip_prefix,
                remote_group_id=self.group.id if rule.remote_group_id == SELF else rule.remote_group_id,
                description=rule.description,
            )
            name_resource(resource, tf_name(self.key, rule.name))
            self.rules[rule.name] = resource

    @property
    def id(self) -> str:
        return self.group.id
