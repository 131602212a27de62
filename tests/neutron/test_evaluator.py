"""The applier's expression evaluator: the subset our stacks use, with Terraform's semantics.

Pure Python, no Neutron. ``cidrhost``/``cidrsubnet`` and the read-back idioms are checked
against the real ``terraform console`` on generated cases (skipped, saying why, only where the
terraform binary is missing); everything outside the subset raises with the expression shown.
"""

from __future__ import annotations

import ipaddress
import json
import random
import subprocess

import pytest

from tests.tfmirror import terraform_bin

from .hcl import HclError, Scope, evaluate_string, evaluate_value, parse_expression, parse_template, references, evaluate

RESOURCES = {
    ("resource", "openstack_networking_port_v2", "a"): {"id": "P-A", "all_fixed_ips": ["10.0.0.5", "fd00::5"]},
    ("resource", "openstack_networking_port_v2", "node"): {
        "cp-0": {"id": "P-0", "all_fixed_ips": ["fd00::10", "10.0.0.10"]},
        "worker-0": {"id": "P-1", "all_fixed_ips": ["10.0.0.11", "fd00::11"]},
    },
    ("resource", "openstack_networking_subnet_v2", "v6"): {"id": "S6", "cidr": "fd00::/64"},
    ("data", "openstack_networking_subnetpool_v2", "pool"): {"id": "POOL", "prefixes": ["fd9a::/48"]},
}


def resolve(mode: str, type_: str, name: str):
    try:
        return RESOURCES[(mode, type_, name)]
    except KeyError:
        raise HclError(f"{type_}.{name} unknown") from None


def scope(each=None) -> Scope:
    return Scope(resolve, each)


@pytest.mark.parametrize("text,want", [
    ('${one([for ip in openstack_networking_port_v2.a.all_fixed_ips : ip if strcontains(ip, ":")])}', "fd00::5"),
    ('${one([for ip in openstack_networking_port_v2.a.all_fixed_ips : ip if !strcontains(ip, ":")])}', "10.0.0.5"),
    ('${openstack_networking_port_v2.node["cp-0"].id}', "P-0"),
    ('port ${openstack_networking_port_v2.node["worker-0"].id} of ${each.key}', "port P-1 of cp-0"),
    ('${openstack_networking_port_v2.node[each.key].id}', "P-0"),
    ("${each.value.ipv6}", "fd00::9"),
    ('${lookup(each.value, "ipv4", null)}', None),
    ('${lookup(each.value, "ipv6", null)}', "fd00::9"),
    ("${cidrhost(openstack_networking_subnet_v2.v6.cidr, 9223372036854775810)}", "fd00::8000:0:0:2"),
    ("${cidrsubnet(openstack_networking_subnet_v2.v6.cidr, 1, 0)}", "fd00::/65"),
    ("${cidrsubnet(data.openstack_networking_subnetpool_v2.pool.prefixes[0], 16, 1)}", "fd9a:0:0:1::/64"),
    ("${tolist(openstack_networking_port_v2.a.all_fixed_ips)[1]}", "fd00::5"),
    ("$${literal}", "${literal}"),
    ("${each.value}", {"ipv6": "fd00::9"}),
])
def test_the_subset_evaluates(text, want):
    assert evaluate_string(text, scope(("cp-0", {"ipv6": "fd00::9"}))) == want


def test_nested_values_and_types_survive():
    value = {"fixed_ip": [{"ip_address": "${each.value.ipv6}", "subnet_id": "${openstack_networking_subnet_v2.v6.id}"}], "mtu": 1450}
    assert evaluate_value(value, scope(("k", {"ipv6": "fd00::9"}))) == {"fixed_ip": [{"ip_address": "fd00::9", "subnet_id": "S6"}], "mtu": 1450}
    assert evaluate_string("${openstack_networking_port_v2.node}", scope())["cp-0"]["id"] == "P-0"


def test_references_name_every_resource_and_data_source_read():
    node = parse_template('x ${openstack_networking_port_v2.node[each.key].id} ${data.openstack_networking_subnetpool_v2.pool.id} '
                          '${one([for ip in openstack_networking_port_v2.a.all_fixed_ips : ip if strcontains(ip, ":")])}')
    assert {r.address for r in references(node)} == {
        "openstack_networking_port_v2.node", "data.openstack_networking_subnetpool_v2.pool", "openstack_networking_port_v2.a"}
    assert references(parse_template("${allowed_address_pairs.value}"), frozenset({"allowed_address_pairs"})) == set()


@pytest.mark.parametrize("text,match", [
    ("${var.ami_id}", r"var\.\* is outside"),
    ("${element(openstack_networking_port_v2.a.all_fixed_ips, 1)}", r"element\(\) is outside"),
    ("${openstack_networking_port_v2.a.id == 1}", "'==' is outside"),
    ("${openstack_networking_port_v2.node[*].id}", r"splat \[\*\]"),
    ("%{ if true }x%{ endif }", "template directives"),
    ('${cidrhost("10.0.0.0/24", 256)}', "does not accommodate a host numbered 256"),
    ('${cidrsubnet("10.0.0.0/24", 9, 0)}', "insufficient address space"),
    ('${cidrsubnet("10.0.0.0/24", 2, 4)}', "does not accommodate a subnet numbered 4"),
    ('${one(["a", "b"])}', "at most one element"),
    ("${openstack_networking_port_v2.a.mac}", "no attribute 'mac'"),
    ('${openstack_networking_port_v2.node["gw-9"].id}', "no key 'gw-9'"),
    ('${lookup(openstack_networking_subnet_v2.v6, "ipv4")}', "does not exist"),
    ("${each.key}", "outside a for_each"),
    ('${cidrhost("::ffff:0:0/96", 1)}', "IPv4-mapped"),
    ("${{a = 1}}", "object constructors"),
])
def test_outside_the_subset_or_refused_by_terraform_raises_with_the_expression(text, match):
    with pytest.raises(HclError, match=match) as err:
        evaluate_string(text, scope())
    assert "expression" in str(err.value) or "template" in str(err.value)


def _cases(seed: int = 10, n: int = 60) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        if rnd.random() < 0.5:
            plen = rnd.randint(8, 30)
            net = ipaddress.ip_network((rnd.getrandbits(32) & ~((1 << (32 - plen)) - 1), plen))
            host = rnd.choice([0, 1, 2, -1, -2, rnd.randint(0, (1 << (32 - plen)) - 1)])
        else:
            plen = rnd.choice([32, 48, 56, 60, 64, 80, 96, 112, 120, 126])
            base = (0xFD << 120) | rnd.getrandbits(120)
            net = ipaddress.ip_network((base & ~((1 << (128 - plen)) - 1), plen))
            host = rnd.choice([0, 1, -1, (1 << (127 - plen)), rnd.randint(0, (1 << (128 - plen)) - 1)])
        out.append(f'cidrhost("{net}", {host})')
        bits = rnd.randint(0, min(16, net.max_prefixlen - net.prefixlen))
        out.append(f'cidrsubnet("{net}", {bits}, {rnd.randint(0, (1 << bits) - 1)})')
    out.append('one([for ip in ["10.0.0.5", "fd00::5"] : ip if strcontains(ip, ":")])')
    out.append('one([for ip in ["10.0.0.5", "fd00::5"] : ip if !strcontains(ip, ":")])')
    out.append('one([for ip in ["10.0.0.5"] : ip if strcontains(ip, ":")])')
    out.append('tolist(["a", "b"])[1]')
    out.append('lookup({"a" = 1}, "b", "dflt")')
    return out


@pytest.mark.skipif(terraform_bin() is None, reason="terraform CLI not found on PATH; the cross-check needs terraform console")
def test_cidrhost_cidrsubnet_and_the_read_back_idioms_agree_with_terraform_console(tmp_path):
    cases = _cases()
    ours = []
    for text in cases:
        if text.startswith("lookup({"):  # object constructors are outside our subset: the map is given as a value
            ours.append(evaluate(parse_expression('lookup(each.value, "b", "dflt")'), scope(("k", {"a": 1})), text))
        else:
            ours.append(evaluate(parse_expression(text), scope(), text))
    expr = "jsonencode([" + ", ".join(cases) + "])"
    cfg = tmp_path / "empty.tfrc"
    cfg.write_text("")
    done = subprocess.run([terraform_bin(), "console"], input=expr, capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={"TF_CLI_CONFIG_FILE": str(cfg), "CHECKPOINT_DISABLE": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    theirs = json.loads(json.loads(done.stdout.strip()))
    assert len(theirs) == len(ours)
    for text, a, b in zip(cases, ours, theirs):
        assert a == b, f"{text}: ours {a!r}, terraform {b!r}"


@pytest.mark.skipif(terraform_bin() is None, reason="terraform CLI not found on PATH; the cross-check needs terraform console")
@pytest.mark.parametrize("text", ['cidrhost("10.0.0.0/24", 256)', 'cidrsubnet("10.0.0.0/24", 9, 0)', 'cidrsubnet("10.0.0.0/24", 2, 4)',
                                  'cidrhost("fd00::/120", -257)', 'one(["a", "b"])'])
def test_what_we_refuse_terraform_refuses(tmp_path, text):
    with pytest.raises(HclError):
        evaluate(parse_expression(text), scope(), text)
    cfg = tmp_path / "empty.tfrc"
    cfg.write_text("")
    done = subprocess.run([terraform_bin(), "console"], input=text, capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={"TF_CLI_CONFIG_FILE": str(cfg), "CHECKPOINT_DISABLE": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode != 0, f"terraform console accepted {text}: {done.stdout}"
