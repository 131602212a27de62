"""Seed 003's keyword strategies: what parses, and errors that point at the token."""

import pytest

from constructs_lib.kubernetes import StrategyError, parse_role


def test_seed_003_example_parses():
    nodes = parse_role("v6global/64+prefix/80", "nodes")
    (n,) = nodes.items
    assert (n.kind, n.family, n.length, n.per_node) == ("v6global", "ipv6", 64, 80)
    (p,) = parse_role("v6fromNode", "pods").items
    assert (p.kind, p.family, p.length) == ("fromNode", "ipv6", None)
    assert p.routed
    (s,) = parse_role("v6private/108", "services").items
    assert (s.kind, s.family, s.length) == ("v6private", "ipv6", 108)
    assert not s.routed


def test_first_family_is_primary_and_lists_equal_text():
    a = parse_role("v6private/108, v4private", "services")
    b = parse_role(["v6private/108", "v4private"], "services")
    assert a.families == b.families == ("ipv6", "ipv4")
    assert [i.index for i in a.items] == [1, 2]


def test_literal_cidrs_and_modifier_defaults():
    r = parse_role(["10.0.0.0/16+prefix", "2001:db8::/56+prefix"], "nodes")
    assert [(i.kind, i.cidr, i.per_node) for i in r.items] == [("cidr", "10.0.0.0/16", 28), ("cidr", "2001:db8::/56", 80)]
    assert r.items[1].routed  # global unicast
    assert not parse_role("fd00::/48", "pods").items[0].routed  # RFC 4193


def test_keywords_are_case_insensitive_and_no_ops_document_absence():
    r = parse_role("nov4, V6FROMNODE/96", "pods")
    assert r.families == ("ipv6",)
    assert r.absent == frozenset({"ipv4"})
    assert r.items[0].length == 96
    only = parse_role("nov6", "pods")
    assert only.items == () and only.absent == frozenset({"ipv6"})


def test_custom_stands_alone():
    assert parse_role("custom", "pods").custom


def _err(text, role="pods"):
    with pytest.raises(StrategyError) as e:
        parse_role(text, role)
    return e.value


def test_unknown_keyword_names_the_token_and_suggests():
    e = _err("v4private, v6privat/108")
    assert str(e).startswith("pods: token 2 ('v6privat/108'): unknown keyword, expected one of v4private, v6global[/len]")
    assert "did you mean v6private?" in str(e)
    assert e.index == 2
    assert e.caret == "pods: v4private, v6privat/108\n                 ^^^^^^^^^^^^"
    assert "\n" not in str(e)


def test_seed_003_typo_global_ipv6_is_refused_with_a_hint():
    e = _err("globalIPv6/64", "services")
    assert "token 1 ('globalIPv6/64')" in str(e) and "did you mean v6global?" in str(e)


@pytest.mark.parametrize(
    "text,role,index,needle",
    [
        ("10.0.0.0/8, 10.1.0.0/16", "pods", 2, "second IPv4 range (token 1 is one)"),
        ("10.0.0.0/8, fd00::/48, 10.1.0.0/16", "pods", 3, "at most 2 ranges per list"),
        ("FD00::/48", "pods", 1, "not canonical; write fd00::/48"),
        ("10.0.0.1/8", "pods", 1, "host bits set; the prefix is 10.0.0.0/8"),
        ("10.0.0.0", "pods", 1, "has no prefix length"),
        ("v6private/40", "pods", 1, "an RFC 4193 range is /48 to /112"),
        ("v6private/113", "services", 1, "an RFC 4193 range is /48 to /112"),
        ("v6global/129", "pods", 1, "is not an IPv6 prefix length"),
        ("v4private/16", "pods", 1, "v4private takes no length"),
        ("v6fromNode", "services", 1, "is for pods only"),
        ("v6fromNode", "nodes", 1, "is for pods only"),
        ("v6global/64+prefix/80", "pods", 1, "+prefix is a node modifier"),
        ("v6global/64+pfx/80", "nodes", 1, "unknown modifier '+pfx/80'"),
        ("custom, v4private", "pods", 1, "custom leaves the whole role to the network plugin"),
        ("custom", "services", 1, "services cannot be custom"),
        ("nov4, 10.0.0.0/8", "pods", 1, "nov4 says there is no IPv4 range, but token 2"),
        ("nov4, nov6", "pods", 2, "leave no family"),
        ("v4private,", "pods", 2, "empty token"),
        ("10.0.0.0/16+prefix/33", "nodes", 1, "+prefix/33 is not an IPv4 prefix length"),
    ],
)
def test_errors_point_at_the_token(text, role, index, needle):
    e = _err(text, role)
    assert e.index == index
    assert f"token {index} " in str(e)
    assert needle in str(e)
    # the caret line underlines exactly the offending token
    line, marks = e.caret.split("\n")
    start = marks.index("^")
    assert line[start:start + marks.count("^")].strip(", ") in (text.split(",")[index - 1].strip() or "")


def test_empty_text_is_refused():
    e = _err("  ")
    assert "empty" in str(e)


def test_size_limit_names_its_sources():
    e = _err("10.0.0.0/8, fd00::/48, 10.1.0.0/16")
    assert "cmd/kubeadm/app/apis/kubeadm/validation/validation.go" in str(e)
    assert "cmd/kube-apiserver/app/options/validation.go" in str(e)
