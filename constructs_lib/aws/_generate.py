"""Generate ``provider_types.py`` from the real provider's schema.

    python -m constructs_lib.aws._generate            # runs terraform against the plugin mirror
    python -m constructs_lib.aws._generate schema.json

Only the types this package uses are generated (``RESOURCES``, ``DATA_SOURCES``), so the typed
layer stays small and imports in milliseconds; the prebuilt cdktf provider bindings cost 14-21 s
to import (hashicorp/terraform-cdk#3753). Output is sorted and stable: regenerate after a
provider upgrade and review the diff.
"""

from __future__ import annotations

import json
import keyword
import sys
import tempfile
from pathlib import Path

SOURCE = "registry.terraform.io/hashicorp/aws"
RESOURCES = (
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
    "aws_subnet",
    "aws_vpc",
)
DATA_SOURCES = ("aws_availability_zones",)
#: schema arguments we never set: ``id`` is the resource's own id, ``tags_all`` is provider-merged
SKIP = {"id", "tags_all"}
OUT = Path(__file__).with_name("provider_types.py")


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


def emit_block(cls: str, tf_type: str, block: dict, doc: str, out: list[str]) -> None:
    attrs = block.get("attributes", {})
    blocks = block.get("block_types", {})
    args = {
        n: a for n, a in attrs.items()
        if (a.get("required") or a.get("optional")) and not a.get("deprecated") and n not in SKIP
    }
    nested = {n: b for n, b in blocks.items() if not b["block"].get("deprecated")}
    for n, b in sorted(nested.items()):
        emit_block(cls + camel(n), "", b["block"], f"``{n}`` block of {cls}.", out)
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


def generate(schema: dict) -> str:
    prov = schema["provider_schemas"][SOURCE]
    out = [
        '"""GENERATED from `terraform providers schema -json` by constructs_lib/aws/_generate.py. Do not edit.',
        "",
        "Typed arguments for the hashicorp/aws resources this package uses. Regenerate with",
        "``python -m constructs_lib.aws._generate`` and review the diff after a provider upgrade.",
        '"""',
        "",
        "# fmt: off",
        "from __future__ import annotations",
        "",
        "from typing import Any, ClassVar, Mapping, Sequence",
        "",
        "from .tftypes import Block",
        "",
        "_set = object.__setattr__  # the classes are frozen: values are set once, here",
        "",
        f"SCHEMA_PROVIDER_VERSION = {schema['_provider_version']!r}",
    ]
    emit_block("AwsProviderConfig", "aws", prov["provider"]["block"], "Arguments of ``provider \"aws\"``.", out)
    for r in RESOURCES:
        emit_block(camel(r), r, prov["resource_schemas"][r]["block"], f"Arguments of resource ``{r}``.", out)
    for d in DATA_SOURCES:
        emit_block("Data" + camel(d), d, prov["data_source_schemas"][d]["block"], f"Arguments of data source ``{d}``.", out)
    out.append("")
    out.append("")
    out.append("RESOURCE_TYPES: dict[str, type[Block]] = {")
    for r in RESOURCES:
        out.append(f"    {r!r}: {camel(r)},")
    out.append("}")
    out.append("DATA_SOURCE_TYPES: dict[str, type[Block]] = {")
    for d in DATA_SOURCES:
        out.append(f"    {d!r}: Data{camel(d)},")
    out.append("}")
    out.append("")
    return "\n".join(out)


def schema_from_mirror() -> dict:
    """Run ``terraform providers schema -json`` against the mirror; add the provider version."""
    root = Path(__file__).resolve().parents[2]
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


def main(argv: list[str]) -> None:
    if argv:
        schema = json.loads(Path(argv[0]).read_text())
        schema.setdefault("_provider_version", argv[1] if len(argv) > 1 else "unknown")
    else:
        schema = schema_from_mirror()
    OUT.write_text(generate(schema))
    print(f"wrote {OUT} ({schema['_provider_version']})")


if __name__ == "__main__":
    main(sys.argv[1:])
