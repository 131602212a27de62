"""The OpenStack typed layer against its source, the prebuilt package's jsii assembly.

Two checks: regenerating from the assembly gives the committed ``openstack_types.py`` byte for
byte (through ``schema_jsii`` and the one generator), and every generated class takes exactly
the arguments the assembly's ``...Config`` interfaces list, with the same required ones, read
straight from the assembly (not through the converter).
"""

from __future__ import annotations

import re

import pytest

from constructs_lib.providers import generate, openstack_types
from constructs_lib.providers.schema_jsii import read_tarball

ASSEMBLY = generate.openstack_assembly_path()
LINK = re.compile(r"/docs(?:/(resources|data-sources)/([a-z0-9_]+))?[^#\s]*#(\w+)")
CLASS_LINK = re.compile(r"/openstack/[^/]+/docs/(resources|data-sources)/([a-z0-9_]+) ")


@pytest.fixture(scope="module")
def assembly():
    return read_tarball(ASSEMBLY)


def test_regenerated_layer_is_the_committed_one():
    schema = generate.openstack_schema(ASSEMBLY)
    assert schema["_provider_version"] == openstack_types.SCHEMA_PROVIDER_VERSION == "3.0.0"
    assert generate.generate(schema, generate.OPENSTACK) == generate.OPENSTACK.out.read_text(), \
        "regenerate: python -m constructs_lib.providers.generate openstack"


def config_properties(types: dict, fqn: str) -> dict[str, bool]:
    """Terraform argument name -> required, from an assembly interface (docs link fragments)."""
    out = {}
    for prop in types[fqn].get("properties", []):
        docs = prop.get("docs", {})
        m = LINK.search(docs.get("summary", "") + " " + docs.get("remarks", ""))
        assert m, f"{fqn}.{prop['name']}: no registry link"
        out[m.group(3)] = not prop.get("optional", False)
    return out


def struct_of(prop: dict) -> str | None:
    t = prop["type"]
    for m in t.get("union", {}).get("types", [t]):
        if "collection" in m and "fqn" in m["collection"]["elementtype"]:
            return m["collection"]["elementtype"]["fqn"]
        if "fqn" in m and m["fqn"] != "cdktf.IResolvable":
            return m["fqn"]
    return None


def check(cls, types: dict, fqn: str, where: str, skip: set[str], problems: list[str]) -> None:
    want = {n: r for n, r in config_properties(types, fqn).items() if n not in skip}
    fields = {cls.TF_NAMES.get(f, f) for f in cls.FIELDS}
    if fields != set(want):
        problems.append(f"{where}: fields differ: only generated {sorted(fields - set(want))}, only in the assembly {sorted(set(want) - fields)}")
    required = {n for n, r in want.items() if r and n not in cls.BLOCKS}
    if cls.REQUIRED != required:
        problems.append(f"{where}: required {sorted(cls.REQUIRED)} != {sorted(required)}")
    props = {config_link(p): p for p in types[fqn].get("properties", [])}
    for name, (_mode, sub) in cls.BLOCKS.items():
        struct = struct_of(props[name])
        if struct is None:
            problems.append(f"{where}.{name}: a block in the layer, not a struct in the assembly")
            continue
        check(sub, types, struct, f"{where}.{name}", set(), problems)


def config_link(prop: dict) -> str:
    docs = prop.get("docs", {})
    return LINK.search(docs.get("summary", "") + " " + docs.get("remarks", "")).group(3)


def test_argument_sets_are_the_assemblys(assembly):
    types = assembly[0]["types"]
    by_type: dict[str, str] = {}
    for fqn, ty in types.items():
        m = CLASS_LINK.search(ty.get("docs", {}).get("summary", ""))
        if ty.get("kind") == "class" and m:
            by_type[("data." if m.group(1) == "data-sources" else "") + "openstack_" + m.group(2)] = fqn
    problems: list[str] = []
    check(openstack_types.OpenstackProviderConfig, types, "@cdktf/provider-openstack.provider.OpenstackProviderConfig",
          "provider", {"alias"}, problems)  # alias: a cdktf meta-argument, not a provider attribute
    for name, cls in openstack_types.RESOURCE_TYPES.items():
        check(cls, types, by_type[name] + "Config", name, {"id"}, problems)
    for name, cls in openstack_types.DATA_SOURCE_TYPES.items():
        check(cls, types, by_type["data." + name] + "Config", f"data.{name}", {"id"}, problems)
    assert problems == []


def test_what_the_bindings_add_to_the_assembly():
    """List or set, single or list nesting, computed-only attributes: what only the compiled bindings tell."""
    port = openstack_types.OpenstackNetworkingPortV2
    assert port.KINDS["security_group_ids"] == ["set", "string"] and port.KINDS["tags"] == ["set", "string"]
    assert port.BLOCKS["allowed_address_pairs"][0] == "set" and port.BLOCKS["fixed_ip"][0] == "list"
    assert port.BLOCKS["binding"][0] == "list1" and port.BLOCKS["timeouts"][0] == "single"
    assert {"all_fixed_ips", "all_security_group_ids", "mac_address", "id"} <= port.ATTRIBUTES
    assert "all_fixed_ips" not in port.KINDS, "computed-only: never an argument"
    assert port.REQUIRED == {"network_id"}
    rule = openstack_types.OpenstackNetworkingSecgroupRuleV2
    assert rule.REQUIRED == {"direction", "ethertype", "security_group_id"}
    assert rule.KINDS["port_range_min"] == "number"
    assert "alias" not in openstack_types.OpenstackProviderConfig.KINDS


def test_the_types_we_use_are_generated():
    assert set(openstack_types.RESOURCE_TYPES) == set(generate.OPENSTACK.resources)
    assert set(openstack_types.DATA_SOURCE_TYPES) == {"openstack_networking_subnetpool_v2"}
