"""Security rules in v4/v6 pairs, ICMPv6 spelling and essentials, nothing open unless asked (pure)."""

from __future__ import annotations

import pytest

from constructs_lib.openstack.neutron_rules import NeutronRuleError
from constructs_lib.openstack.security_rules import (
    EGRESS,
    SELF,
    Icmpv6Essentials,
    Remote,
    RuleSpec,
    essentials,
    expand,
    plan_rules,
)

DUAL = ("ipv4", "ipv6")
NODES = Remote.prefixes(ipv4=["10.0.0.0/24"], ipv6=["2001:db8:1::/64"])


def test_one_intent_gives_a_v4_v6_pair():
    rules = expand(RuleSpec(key="api", protocol="tcp", ports=(6443, 6443), remote=NODES), DUAL, group_key="g")
    assert [(r.ethertype, r.remote_ip_prefix, r.protocol, r.port_range_min, r.port_range_max) for r in rules] == [
        ("IPv4", "10.0.0.0/24", "tcp", 6443, 6443),
        ("IPv6", "2001:db8:1::/64", "tcp", 6443, 6443),
    ]
    assert [r.name for r in rules] == ["api_v4_10-0-0-0-24", "api_v6_2001-db8-1-64"]


def test_a_missing_family_is_refused_with_the_way_out():
    with pytest.raises(NeutronRuleError, match=r"no ipv6 remote prefix; rules come in v4/v6 pairs.*families=\('ipv4',\)"):
        expand(RuleSpec(key="ssh", protocol="tcp", ports=(22, 22), remote=Remote.prefixes(ipv4=["192.0.2.0/24"])), DUAL, group_key="g")
    single = expand(RuleSpec(key="ssh", protocol="tcp", ports=(22, 22), remote=Remote.prefixes(ipv4=["192.0.2.0/24"]), families=("ipv4",)),
                    DUAL, group_key="g")
    assert [r.ethertype for r in single] == ["IPv4"]


def test_icmp_is_spelled_ipv6_icmp_on_ipv6():
    rules = expand(RuleSpec(key="ping", protocol="icmp", icmp="echo-request", remote=NODES), DUAL, group_key="g")
    assert [(r.ethertype, r.protocol, r.port_range_min) for r in rules] == [("IPv4", "icmp", 8), ("IPv6", "ipv6-icmp", 128)]


@pytest.mark.parametrize("legacy", ["icmpv6", "ipv6-icmp", "58"])
def test_legacy_icmpv6_names_are_refused_in_favour_of_icmp(legacy):
    with pytest.raises(NeutronRuleError, match="write icmp"):
        expand(RuleSpec(key="x", protocol=legacy, remote=NODES), DUAL, group_key="g")


def test_every_ipv6_icmp_rule_of_a_group_says_ipv6_icmp():
    rules = plan_rules("g", DUAL, [RuleSpec(key="all-icmp", protocol="icmp", remote=NODES)],
                       Icmpv6Essentials(on_link_ipv6=("2001:db8:1::/64",), on_link_ipv4=("10.0.0.0/24",), echo=True))
    icmp6 = [r for r in rules if r.ethertype == "IPv6" and r.protocol in ("icmp", "ipv6-icmp", "icmpv6", "58", "1")]
    assert icmp6 and {r.protocol for r in icmp6} == {"ipv6-icmp"}


def test_icmpv6_essentials_cover_ndp_ra_and_packet_too_big():
    rules = plan_rules("g", DUAL, [], Icmpv6Essentials(on_link_ipv6=("2001:db8:1::/64",), on_link_ipv4=("10.0.0.0/24",)))
    ingress6 = {(r.port_range_min, r.remote_ip_prefix) for r in rules if r.ethertype == "IPv6" and r.direction == "ingress"}
    assert (134, "fe80::/10") in ingress6  # router advertisement, link-local source
    assert {(135, "fe80::/10"), (135, "2001:db8:1::/64"), (135, "::/128")} <= ingress6  # neighbour solicitation (DAD from ::)
    assert {(136, "fe80::/10"), (136, "2001:db8:1::/64")} <= ingress6  # neighbour advertisement
    assert {(2, "fe80::/10"), (2, "2001:db8:1::/64")} <= ingress6  # packet too big
    assert {t for t, _ in ingress6} == {1, 2, 3, 4, 130, 134, 135, 136}
    assert (128, "fe80::/10") not in ingress6  # echo is optional
    egress6 = {r.remote_ip_prefix for r in rules if r.ethertype == "IPv6" and r.direction == EGRESS}
    assert egress6 == {"fe80::/10", "ff02::/16", "2001:db8:1::/64"}  # RS to ff02::2, NS to solicited-node groups
    # ICMP errors are a v4/v6 pair; IPv4 "fragmentation needed" rides on destination-unreachable (type 3)
    v4 = {(r.protocol, r.port_range_min) for r in rules if r.ethertype == "IPv4"}
    assert v4 == {("icmp", 3), ("icmp", 11), ("icmp", 12)}


def test_essentials_are_optional_and_echo_can_be_added():
    assert essentials(Icmpv6Essentials(enabled=False), DUAL) == []
    assert essentials(Icmpv6Essentials(), ("ipv4",)) == []  # nothing IPv6 on an IPv4-only group
    with_echo = plan_rules("g", ("ipv6",), [], Icmpv6Essentials(echo=True))
    assert any(r.port_range_min == 128 and r.protocol == "ipv6-icmp" for r in with_echo)


def test_nothing_is_open_to_the_internet_by_default():
    rules = plan_rules("g", DUAL, [RuleSpec(key="c", protocol="any", remote=Remote.group(SELF))], Icmpv6Essentials(on_link_ipv6=("2001:db8:1::/64",)))
    assert not [r for r in rules if r.remote_ip_prefix in ("0.0.0.0/0", "::/0")]


@pytest.mark.parametrize("fam,prefix", [("ipv4", "0.0.0.0/0"), ("ipv6", "::/0")])
def test_the_whole_internet_needs_remote_anywhere(fam, prefix):
    other = {"ipv4": "ipv6", "ipv6": "ipv4"}[fam]
    remote = Remote.prefixes(**{fam: [prefix], other: ["10.0.0.0/24" if other == "ipv4" else "2001:db8:1::/64"]})
    with pytest.raises(NeutronRuleError, match=r"Remote.anywhere\(\)"):
        expand(RuleSpec(key="web", protocol="tcp", ports=(443, 443), remote=remote), DUAL, group_key="g")
    asked = expand(RuleSpec(key="web", protocol="tcp", ports=(443, 443), remote=Remote.anywhere()), DUAL, group_key="g")
    assert [r.remote_ip_prefix for r in asked] == ["0.0.0.0/0", "::/0"]


def test_errors_from_anywhere_must_be_asked_for():
    asked = plan_rules("g", DUAL, [], Icmpv6Essentials(errors_from_anywhere=True))
    anywhere = {(r.ethertype, r.port_range_min) for r in asked if r.remote_ip_prefix in ("0.0.0.0/0", "::/0")}
    assert ("IPv6", 2) in anywhere and ("IPv4", 3) in anywhere


def test_remote_group_pair():
    rules = expand(RuleSpec(key="c", protocol="any", remote=Remote.group(SELF)), DUAL, group_key="g")
    assert [(r.ethertype, r.protocol, r.remote_group_id) for r in rules] == [("IPv4", None, SELF), ("IPv6", None, SELF)]


@pytest.mark.parametrize(
    "spec,match",
    [
        (RuleSpec(key="x", protocol="tcp", ports=(0, 22), remote=NODES), "1 <= min <= max"),
        (RuleSpec(key="x", protocol="tcp", ports=(80, 22), remote=NODES), "1 <= min <= max"),
        (RuleSpec(key="x", protocol="vrrp", ports=(1, 2), remote=NODES), "only tcp"),
        (RuleSpec(key="x", protocol="tcp", icmp="echo-request", remote=NODES), "set protocol='icmp'"),
        (RuleSpec(key="x", protocol="icmp", icmp="router-advertisement", remote=NODES), r"ipv6 only; set families=\('ipv6',\)"),
        (RuleSpec(key="x", protocol="tcp", remote=Remote(ipv4=("10.0.0.0/24",), group_id=SELF)), "exactly one"),
        (RuleSpec(key="x", protocol="tcp", remote=Remote.prefixes(ipv4=["10.0.0.1/24"], ipv6=["fd00::/64"])), "host bits"),
        (RuleSpec(key="x", protocol="tcp", remote=Remote.prefixes(ipv4=["fd00::/64"], ipv6=["fd00::/64"])), "takes IPv4"),
        (RuleSpec(key="x y", protocol="tcp", remote=NODES), "key 'x y'"),
        (RuleSpec(key="x", protocol="tcp", remote=NODES, direction="in"), "ingress or egress"),
    ],
)
def test_bad_rules_are_refused(spec, match):
    with pytest.raises(NeutronRuleError, match=match) as err:
        expand(spec, DUAL, group_key="g")
    assert "\n" not in str(err.value)


def test_duplicate_keys_and_rules_are_refused():
    r = RuleSpec(key="ssh", protocol="tcp", ports=(22, 22), remote=NODES)
    with pytest.raises(NeutronRuleError, match="used twice"):
        plan_rules("g", DUAL, [r, r], Icmpv6Essentials(enabled=False))
    with pytest.raises(NeutronRuleError, match="SecurityGroupRuleExists"):
        plan_rules("g", DUAL, [r, RuleSpec(key="ssh2", protocol="tcp", ports=(22, 22), remote=NODES, description="other")],
                   Icmpv6Essentials(enabled=False))
    with pytest.raises(NeutronRuleError, match="used twice"):
        plan_rules("g", DUAL, [RuleSpec(key="icmpv6-ra-in", protocol="any", remote=Remote.group())], Icmpv6Essentials())
