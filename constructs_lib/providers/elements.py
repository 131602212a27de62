"""cdktf glue for both typed layers: providers, resources and data sources without prebuilt bindings.

Each element is a plain cdktf ``TerraformProvider`` / ``TerraformResource`` / ``TerraformDataSource``
whose attributes come from one Python callback at synth time (``_synthesize_attributes`` for JSON,
``_synthesize_hcl_attributes`` for ``cdktf synth --hcl``), and whose logical id is set from a
stable key. Many alike objects (a fleet's VMs, a cluster's nodes, a group's rules) are one
element with ``for_each``: the whole map crosses jsii once, whatever its size. Nested blocks whose
count differs per instance are ``dynamic`` blocks (``Dynamic``).

The prebuilt ``cdktf_cdktf_provider_aws`` (14-21 s to import, hashicorp/terraform-cdk#3753) and
``cdktf_cdktf_provider_openstack`` (0.9 s) are never imported.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from constructs_lib.engine import Construct, TerraformDataSource, TerraformProvider, TerraformProviderGeneratorMetadata, TerraformResource

from .block import Block, SchemaError
from .versions import PROVIDERS

#: typed layer module per provider name (the prefix of every type it holds)
LAYER_MODULES = {"aws": "constructs_lib.providers.aws_types", "openstack": "constructs_lib.providers.openstack_types"}


def layer_of(tf_type: str):
    """The generated module holding ``tf_type`` (``aws_subnet`` -> aws_types)."""
    prefix = tf_type.split("_", 1)[0]
    if prefix not in LAYER_MODULES:
        raise SchemaError(f"{tf_type}: no typed layer for provider {prefix!r} (have {', '.join(LAYER_MODULES)})")
    return importlib.import_module(LAYER_MODULES[prefix])


def resource_class(tf_type: str) -> type[Block]:
    types = layer_of(tf_type).RESOURCE_TYPES
    if tf_type not in types:
        raise SchemaError(f"{tf_type}: not a resource type of the typed layer; add it to generate.py and regenerate")
    return types[tf_type]


def data_source_class(tf_type: str) -> type[Block]:
    types = layer_of(tf_type).DATA_SOURCE_TYPES
    if tf_type not in types:
        raise SchemaError(f"data.{tf_type}: not a data source of the typed layer; add it to generate.py and regenerate")
    return types[tf_type]


@dataclass(frozen=True)
class Dynamic:
    """A ``dynamic "<block>"`` block: one ``content`` per element of ``for_each`` (an expression).

    Inside ``content`` the element is ``<block>.value`` (or ``<iterator>.value``).
    """

    for_each: str
    content: Block
    iterator: str | None = None

    def render(self, owner: str, name: str, blocks: Mapping[str, tuple[str, type[Block]]]) -> dict[str, Any]:
        if name not in blocks:
            raise SchemaError(f"{owner}.{name}: not a nested block of {owner} (dynamic blocks are for blocks only)")
        if type(self.content) is not blocks[name][1]:
            raise SchemaError(f"{owner}.{name}: content is a {type(self.content).__name__}, not a {blocks[name][1].__name__}")
        if not (isinstance(self.for_each, str) and self.for_each.startswith("${")):
            raise SchemaError(f"{owner}.{name}: dynamic for_each {self.for_each!r} must be a ${{...}} expression")
        out: dict[str, Any] = {"for_each": self.for_each, "content": self.content.to_terraform()}
        if self.iterator:
            out["iterator"] = self.iterator
        return out


def _attributes(owner: str, args: Block, dynamic: Mapping[str, Dynamic] | None) -> tuple[dict, dict]:
    """(JSON attributes, HCL attributes); dynamic blocks render the same way in both."""
    attrs = args.to_terraform()
    hcl = args.to_terraform_hcl()
    if dynamic:
        rendered = {name: d.render(owner, name, args.BLOCKS) for name, d in sorted(dynamic.items())}
        for name in rendered:
            if name in attrs:
                raise SchemaError(f"{owner}.{name}: given both as a block and as a dynamic block")
        attrs["dynamic"] = rendered
        hcl["dynamic"] = rendered
    return attrs, hcl


def interp(expr: str) -> str:
    return "${" + expr + "}"


def index(key: str | None) -> str:
    """``[<key>]`` for an instance key: a literal (``"eu-central-1a"``) or an expression (``each.key``)."""
    if key is None:
        return ""
    return f"[{key}]" if key.startswith(("each.", "var.", "local.")) else f"[{json.dumps(key)}]"


def ref(tf_type: str, name: str, attr: str, key: str | None = None) -> str:
    """A resource reference expression (no ``${}``), checked against the schema's attribute names."""
    cls = resource_class(tf_type)
    if attr not in cls.ATTRIBUTES:
        raise SchemaError(f"{tf_type}.{attr}: not an attribute of {tf_type} in the provider schema")
    return f"{tf_type}.{name}{index(key)}.{attr}"


def data_ref(tf_type: str, name: str, attr: str, key: str | None = None) -> str:
    cls = data_source_class(tf_type)
    if attr not in cls.ATTRIBUTES:
        raise SchemaError(f"data.{tf_type}.{attr}: not an attribute of data source {tf_type} in the provider schema")
    return f"data.{tf_type}.{name}{index(key)}.{attr}"


def _meta(element, for_each: Mapping[str, Any] | str | None, depends_on: Sequence[str]) -> None:
    # raw overrides: cdktf merges its own (unset) for_each and depends_on over whatever
    # synthesizeAttributes returns, so these two cannot travel with the attributes
    if isinstance(for_each, str):  # another for_each element: same keys, each.value = its instance
        element.add_override("for_each", for_each if for_each.startswith("${") else interp(for_each))
    elif for_each is not None:
        # sorted keys: byte-identical output whatever order the map was built in
        element.add_override("for_each", {k: for_each[k] for k in sorted(for_each)})
    if depends_on:
        element.add_override("depends_on", list(dict.fromkeys(depends_on)))  # as given (deterministic), once each


class Provider(TerraformProvider):
    """``provider "<name>"`` plus its ``required_providers`` entry (source and version constraint).

    ``version``: the constraint (default the layer's range in ``versions.PROVIDERS``; a user may move it).
    """

    def __init__(self, scope: Construct, id: str, config: Block, *, alias: str | None = None, version: str | None = None) -> None:
        name = config.TF_TYPE
        if name not in PROVIDERS:
            raise SchemaError(f"{type(config).__name__}: not a provider configuration of a typed layer")
        source, default_version = PROVIDERS[name]
        attrs = config.to_terraform()  # schema check before anything is created
        super().__init__(
            scope,
            id,
            terraform_resource_type=name,
            terraform_generator_metadata=TerraformProviderGeneratorMetadata(
                provider_name=name, provider_version_constraint=version or default_version
            ),
            terraform_provider_source=source,
        )
        if alias:
            attrs["alias"] = alias
        self._attrs = attrs

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return self._attrs

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return self._attrs  # provider arguments are plain values


class Resource(TerraformResource):
    """One ``resource`` block from a typed ``Block``; ``for_each`` keys give instance addresses.

    ``logical_id`` becomes the Terraform name as given (``aws_network_interface.node``).
    """

    def __init__(
        self,
        scope: Construct,
        logical_id: str,
        args: Block,
        *,
        for_each: Mapping[str, Any] | str | None = None,
        depends_on: Sequence[str] = (),
        dynamic: Mapping[str, Dynamic] | None = None,
    ) -> None:
        if not args.TF_TYPE or type(args) is not resource_class(args.TF_TYPE):
            raise SchemaError(f"{args.TF_TYPE or type(args).__name__}: not a resource type of the typed layer")
        self._attrs, self._hcl_attrs = _attributes(args.TF_TYPE, args, dynamic)  # checked before the element exists
        # construct id: the address (unique per type); Terraform name: the logical id as given
        super().__init__(scope, f"{args.TF_TYPE}.{logical_id}", terraform_resource_type=args.TF_TYPE)
        self.override_logical_id(logical_id)
        _meta(self, for_each, depends_on)
        self.tf_type = args.TF_TYPE
        self.logical_id = logical_id

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return self._attrs

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return self._hcl_attrs

    @property
    def address(self) -> str:
        return f"{self.tf_type}.{self.logical_id}"

    def attr(self, name: str, key: str | None = None) -> str:
        """``${<address>[<key>].<name>}``, checked against the schema."""
        return interp(ref(self.tf_type, self.logical_id, name, key))


class DataSource(TerraformDataSource):
    """One ``data`` block from a typed ``Block`` (``Data...`` classes of a layer)."""

    def __init__(
        self,
        scope: Construct,
        logical_id: str,
        args: Block,
        *,
        for_each: Mapping[str, Any] | str | None = None,
        depends_on: Sequence[str] = (),
    ) -> None:
        if not args.TF_TYPE or type(args) is not data_source_class(args.TF_TYPE):
            raise SchemaError(f"{args.TF_TYPE or type(args).__name__}: not a data source type of the typed layer")
        self._attrs, self._hcl_attrs = _attributes(f"data.{args.TF_TYPE}", args, None)
        super().__init__(scope, f"data.{args.TF_TYPE}.{logical_id}", terraform_resource_type=args.TF_TYPE)
        self.override_logical_id(logical_id)
        _meta(self, for_each, depends_on)
        self.tf_type = args.TF_TYPE
        self.logical_id = logical_id

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return self._attrs

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return self._hcl_attrs

    @property
    def address(self) -> str:
        return f"data.{self.tf_type}.{self.logical_id}"

    def attr(self, name: str, key: str | None = None) -> str:
        return interp(data_ref(self.tf_type, self.logical_id, name, key))
