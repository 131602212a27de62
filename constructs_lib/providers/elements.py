"""cdktf glue for both typed layers: providers, resources and data sources without prebuilt bindings.

A provider is a plain cdktf ``TerraformProvider``. Resources and data sources are rendered in
Python, as cdktf's ``TerraformResource`` / ``TerraformDataSource`` would write them (attributes,
meta-arguments, ``//`` metadata with the construct path, overrides in the stack metadata), and reach
the stack through one cdktf element per stack that hands cdktf all of them at synth time: each
jsii message costs about a millisecond, and an element per resource cost four of them (issue 14).
Many alike objects (a fleet's VMs, a cluster's nodes, a group's rules) are one element with
``for_each``: the whole map crosses jsii once, whatever its size. Nested blocks whose count
differs per instance are ``dynamic`` blocks (``Dynamic``).

The prebuilt ``cdktf_cdktf_provider_aws`` (14-21 s to import, hashicorp/terraform-cdk#3753) and
``cdktf_cdktf_provider_openstack`` (0.9 s) are never imported.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from constructs_lib.engine import (
    App, Construct, TerraformElement, TerraformOutput, TerraformProvider, TerraformProviderGeneratorMetadata, TerraformStack, Token,
)

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


#: the meta-arguments cdktf's own element writes as "unset" over the attributes (its deepMerge
#: deletes a key merged with undefined), so a schema argument of that name never reaches the output
_META_ARGS = {
    "resource": ("depends_on", "count", "provider", "lifecycle", "for_each", "connection", "provisioner"),
    "data": ("depends_on", "count", "provider", "lifecycle", "for_each"),
}


def _merge(target: dict, source: Mapping[str, Any]) -> dict:
    """cdktf's ``deepMerge`` (util.ts) into ``target``: maps merge key by key, a list onto a list
    concatenates, a map onto a list merges by index (``add_override("fixed_ip.0.ip_address", ...)``),
    anything else replaces. Copies what it merges into, so the elements' own values stay as built."""
    for key, value in source.items():
        target[key] = _merged_value(target.get(key), value)
    return target


def _merged_value(existing: Any, value: Any) -> Any:
    if isinstance(value, Mapping):
        if isinstance(existing, dict):
            return _merge(dict(existing), value)
        if isinstance(existing, list):
            items = list(existing)
            for key, item in value.items():
                if isinstance(key, str) and key.isascii() and key.isdigit():  # JSON drops other keys of an array
                    i = int(key)
                    items.extend([None] * (i + 1 - len(items)))  # a hole past the end is written as null
                    items[i] = _merged_value(items[i], item)
            return items
        return value
    if isinstance(value, list) and isinstance(existing, list):
        return [*existing, *value]
    return value


def _sanitized(construct_id: str) -> str:
    """A construct id as constructs' ``Node`` keeps it: path and address separators become ``--``."""
    return construct_id.replace("/", "--").replace("\n", "--")


class _Element:
    """What ``Resource`` and ``DataSource`` share: a typed ``Block`` rendered in Python.

    Not a construct: the elements of a stack reach cdktf as one ``_Fragments`` element (JSON), or
    one per element (``cdktf synth --hcl``, whose renderer reads one block per fragment). Either way
    the output is what a ``TerraformResource`` per element would write: the same attributes, the
    ``//`` metadata with its construct path, and the overrides listed in the stack's metadata.
    A stack of any size costs a handful of jsii messages instead of four per element.
    """

    SECTION = "resource"
    SECTION_PREFIX = ""  # of the address: ``data.`` for data sources
    __slots__ = ("_attrs", "_hcl_attrs", "tf_type", "logical_id", "_overrides", "path", "_fragments")

    def __setattr__(self, name: str, value: Any) -> None:
        # a cdktf resource takes provider/lifecycle/count/depends_on as properties; silently
        # keeping them as Python attributes would drop them from the output
        if name not in _Element.__slots__:
            raise AttributeError(f"{self.address}: {name!r} cannot be set on a typed element; "
                                 f"use add_override({name!r}, ...), e.g. add_override(\"provider\", \"openstack.west\")")
        object.__setattr__(self, name, value)

    def __init__(self, scope: Construct, logical_id: str, args: Block, *, for_each: Mapping[str, Any] | str | None,
                 depends_on: Sequence[str], dynamic: Mapping[str, Dynamic] | None) -> None:
        self._attrs, self._hcl_attrs = _attributes(self.SECTION_PREFIX + args.TF_TYPE, args, dynamic)  # checked before the element exists
        self.tf_type = args.TF_TYPE
        self.logical_id = logical_id
        self._overrides: dict[str, Any] = {}
        if isinstance(for_each, str):  # another for_each element: same keys, each.value = its instance
            self.add_override("for_each", for_each if for_each.startswith("${") else interp(for_each))
        elif for_each is not None:
            # sorted keys: byte-identical output whatever order the map was built in
            self.add_override("for_each", {k: for_each[k] for k in sorted(for_each)})
        if depends_on:
            self.add_override("depends_on", list(dict.fromkeys(depends_on)))  # as given (deterministic), once each
        self.path, self._fragments = _stack_elements(scope).add(self, scope)

    @property
    def address(self) -> str:
        """``<type>.<name>`` (``data.<type>.<name>``): also the construct id a cdktf element had, so the metadata path."""
        return f"{self.SECTION_PREFIX}{self.tf_type}.{self.logical_id}"

    def add_override(self, path: str, value: Any) -> None:
        """cdktf's escape hatch, as ``TerraformElement.addOverride``: a dotted path into the block."""
        _override(self._overrides, path, value)
        fragments = getattr(self, "_fragments", None)
        if fragments is not None:
            fragments.changed()

    def _body(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        body = dict(attrs)
        for name in _META_ARGS[self.SECTION]:
            body.pop(name, None)
        _merge(body, self._overrides)
        metadata = {"metadata": {"path": self.path, "uniqueId": self.logical_id}}
        body["//"] = {**body.get("//", {}), **metadata} if self.SECTION == "resource" else metadata
        return body

    def fragment(self, hcl: bool = False) -> tuple[str, str, str, dict[str, Any]]:
        """(section, type, name, block) as cdktf's element would return it from toTerraform/toHclTerraform."""
        return self.SECTION, self.tf_type, self.logical_id, self._body(self._hcl_attrs if hcl else self._attrs)


class Resource(_Element):
    """One ``resource`` block from a typed ``Block``; ``for_each`` keys give instance addresses.

    ``logical_id`` becomes the Terraform name as given (``aws_network_interface.node``); the same
    type and name twice in one stack is refused. ``add_override(path, value)`` works as on any
    cdktf element.
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
        super().__init__(scope, logical_id, args, for_each=for_each, depends_on=depends_on, dynamic=dynamic)

    def attr(self, name: str, key: str | None = None) -> str:
        """``${<address>[<key>].<name>}``, checked against the schema."""
        return interp(ref(self.tf_type, self.logical_id, name, key))


class DataSource(_Element):
    """One ``data`` block from a typed ``Block`` (``Data...`` classes of a layer)."""

    SECTION = "data"
    SECTION_PREFIX = "data."

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
        super().__init__(scope, logical_id, args, for_each=for_each, depends_on=depends_on, dynamic=None)

    def attr(self, name: str, key: str | None = None) -> str:
        return interp(data_ref(self.tf_type, self.logical_id, name, key))


class Output:
    """A Terraform ``output``: ``value`` (plain data or ``${...}`` expressions), ``description``.

    ``name`` is the Terraform name as given (letters, digits, ``_`` and ``-``), wherever the scope
    sits in the tree; the stack's ``//`` metadata maps the construct path to it, as cdktf's own
    ``TerraformOutput`` does. Carried into the stack like the typed elements; under
    ``cdktf synth --hcl`` it is a plain ``TerraformOutput``. ``add_override(path, value)`` works
    as on any cdktf element (``add_override("depends_on", ["aws_instance.vm"])``).
    """

    def __init__(self, scope: Construct, name: str, *, value: Any, description: str | None = None,
                 sensitive: bool | None = None) -> None:
        if not isinstance(name, str) or not _OUTPUT_NAME.fullmatch(name):
            raise SchemaError(f"output {name!r}: not a Terraform name (letters, digits, _ and -, not starting with a digit)")
        self.name = name
        self.tf_type = "output"
        body: dict[str, Any] = {"value": value}
        if description is not None:
            body["description"] = description
        if sensitive is not None:
            body["sensitive"] = sensitive
        self._body = body
        self._overrides: dict[str, Any] = {}
        self.path, self._fragments = _stack_elements(scope).add_output(self, scope)

    @property
    def address(self) -> str:
        return f"output.{self.name}"

    def add_override(self, path: str, value: Any) -> None:
        """cdktf's escape hatch, as ``TerraformElement.addOverride``: a dotted path into the block."""
        if isinstance(self._fragments, _Fragments):
            _override(self._overrides, path, value)
            self._fragments.changed()
        else:  # --hcl: cdktf's own TerraformOutput
            self._fragments.add_override(path, value)

    def block(self) -> dict[str, Any]:
        return _merge(dict(self._body), self._overrides)


def _override(overrides: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = overrides
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value


_OUTPUT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


class _Fragments(TerraformElement):
    """The cdktf element that carries typed elements into a stack's synthesis.

    cdktf asks each element for its fragment twice per synth (preparing, then writing) and
    resolves what it gets before merging. So the fragment crosses jsii once, as a token node
    keeps (``Token.as_any``), and the second answer is that token again: a 10,000-node for_each
    map is serialized once, not twice.
    """

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        self.members: list[_Element] = []
        self.outputs: list[Output] = []  # JSON only: under --hcl outputs are cdktf's own
        self._version = 0
        self._sent: dict[bool, tuple[int, Any]] = {}  # hcl? -> (version, token)

    def changed(self) -> None:
        self._version += 1

    def _token(self, hcl: bool) -> Any:
        sent = self._sent.get(hcl)
        if sent is None or sent[0] != self._version:
            sent = self._sent[hcl] = (self._version, Token.as_any(self._merged(hcl)))
        return sent[1]

    def _merged(self, hcl: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for member in self.members:
            section, tf_type, name, body = member.fragment(hcl)
            out.setdefault(section, {}).setdefault(tf_type, {})[name] = body
        if self.outputs:
            out["output"] = {o.name: o.block() for o in self.outputs}
            # the stack's output map (what `cdktf output` reads): construct path -> Terraform name
            index: dict[str, Any] = {}
            for o in self.outputs:
                node = index
                *parents, last = o.path.split("/")
                for part in parents:
                    node = node.setdefault(part, {})
                node[last] = o.name
            out["//"] = {"outputs": index}
        return out

    def to_terraform(self) -> Any:
        return self._token(False)

    def to_hcl_terraform(self) -> Any:
        if len(self.members) + len(self.outputs) > 1:
            # cdktf's HCL renderer reads one block per element: the rest would vanish without a word
            raise SchemaError(f"{_scope_path(self)}: this stack's typed elements were made for JSON; for HCL build the app "
                              "with App(hcl_output=True) or SYNTH_HCL_OUTPUT=true (what cdktf synth --hcl sets)")
        return self._token(True)

    def to_metadata(self) -> Any:
        overrides: dict[str, list[str]] = {}
        for member in [*self.members, *self.outputs]:
            if member._overrides:  # the stack's deepMerge concatenates each element's list
                overrides.setdefault(member.tf_type, []).extend(member._overrides)
        return {"overrides": overrides} if overrides else {}


class _StackElements:
    """A stack's typed elements (kept on the stack object): their addresses, and how they reach cdktf."""

    ATTR = "_dualstack_elements"

    def __init__(self, stack: Any) -> None:
        self.stack = stack
        # cdktf synth --hcl renders one block per element fragment: one cdktf element each there
        app = getattr(stack, "_dualstack_app", None) or App.of(stack)
        self.hcl = bool(app.hcl_output)
        self.paths: dict[str, str] = {}  # address -> construct path, for the duplicate message
        self.shared: _Fragments | None = None
        self.output_paths: set[str] = set()
        self.output_scopes: dict[str, str] = {}  # every scope path above an output -> that output's path

    def _claim(self, address: str, path: str) -> None:
        if address in self.paths:
            raise SchemaError(f"{address}: defined twice in stack {_scope_path(self.stack)} ({self.paths[address]} and {path}); "
                              "give one a different name")
        self.paths[address] = path

    def _shared(self) -> _Fragments:
        if self.shared is None:
            self.shared = _Fragments(self.stack, "dualstack-typed-elements")
        return self.shared

    def add(self, element: _Element, scope: Construct) -> tuple[str, _Fragments]:
        path = _child_path(scope, element.address)
        self._claim(element.address, path)
        fragments = _Fragments(scope, element.address) if self.hcl else self._shared()
        fragments.members.append(element)
        fragments.changed()
        return path, fragments

    def add_output(self, output: "Output", scope: Construct) -> tuple[str, Any]:
        path = _child_path(scope, output.name)
        parts = path.split("/")
        above = ["/".join(parts[:i]) for i in range(1, len(parts))]
        # the output map nests by construct path: an output and a scope holding another output
        # cannot share a path (as a TerraformOutput construct and a construct could not)
        clash = self.output_scopes.get(path) or next((p for p in above if p in self.output_paths), None)
        if clash:
            raise SchemaError(f"{output.address}: its path {path} and the output at {clash} collide in the stack's output "
                              "map; give the output or the construct another name")
        self._claim(output.address, path)
        self.output_paths.add(path)
        for p in above:
            self.output_scopes.setdefault(p, path)
        if self.hcl:
            element = TerraformOutput(scope, output.name, **output._body)
            element.override_logical_id(output.name)
            return path, element
        self._shared().outputs.append(output)
        self._shared().changed()
        return path, self.shared


def remember_scope(construct: Any, scope: Any, id: str) -> None:
    """Note ``construct``'s path and stack from its parent's, so elements created in it need no
    jsii round trip to find them (each costs about a millisecond).

    Our constructs and stacks call it right after ``super().__init__(scope, id)``; a construct that
    does not is looked up through jsii on first use, with the same answer.
    """
    cid = _sanitized(id)
    if isinstance(construct, TerraformStack) and isinstance(scope, App):  # a stack right under the app (the tree's root)
        construct._dualstack_path, construct._dualstack_stack, construct._dualstack_app = cid, construct, scope
        return
    parent_path, parent_stack = getattr(scope, "_dualstack_path", None), getattr(scope, "_dualstack_stack", None)
    if parent_path is not None and parent_stack is not None and not isinstance(construct, TerraformStack):
        construct._dualstack_path = f"{parent_path}/{cid}" if parent_path else cid
        construct._dualstack_stack = parent_stack


def _scope_path(scope: Any) -> str:
    cached = getattr(scope, "_dualstack_path", None)
    if cached is None:
        cached = scope.node.path
        try:
            scope._dualstack_path = cached  # a construct's path never changes
        except AttributeError:  # pragma: no cover - a proxy that takes no attributes: ask again next time
            pass
    return cached


def _child_path(scope: Any, construct_id: str) -> str:
    parent = _scope_path(scope)
    cid = _sanitized(construct_id)
    return f"{parent}/{cid}" if parent else cid


def _stack_elements(scope: Any) -> _StackElements:
    stack = getattr(scope, "_dualstack_stack", None)
    if stack is None:
        stack = TerraformStack.of(scope)
        try:
            scope._dualstack_stack = stack
        except AttributeError:  # pragma: no cover
            pass
    registry = getattr(stack, _StackElements.ATTR, None)
    if registry is None:
        registry = _StackElements(stack)
        setattr(stack, _StackElements.ATTR, registry)
    return registry
