"""Base of the typed argument layer: frozen classes that render Terraform JSON attributes.

Pure Python (no cdktf/jsii): the generated classes in ``aws_types.py`` and ``openstack_types.py``
subclass ``Block``; ``to_terraform()`` checks each value against the provider schema's type and
drops unset fields. Any string attribute may carry a Terraform template (``"${aws_vpc.main.id}"``);
a number, bool, list, set or map attribute may be a whole ``"${...}"`` expression instead of a literal.
"""

from __future__ import annotations

from typing import Any, ClassVar

from constructs_lib.errors import DualstackError


class SchemaError(DualstackError, ValueError):
    """A value that does not fit the provider schema (one line: resource.field, value, expected)."""


def is_expr(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("${") and value.endswith("}")


def _check(owner: str, name: str, kind: Any, value: Any) -> Any:
    where = f"{owner}.{name}"
    if kind == "string":
        if not isinstance(value, str):
            raise SchemaError(f"{where}: {value!r} is not a string")
        return value
    if kind == "bool":
        if isinstance(value, bool) or is_expr(value):
            return value
        raise SchemaError(f"{where}: {value!r} is not a bool; set True/False or a ${{...}} expression")
    if kind == "number":
        if (isinstance(value, (int, float)) and not isinstance(value, bool)) or is_expr(value):
            return value
        raise SchemaError(f"{where}: {value!r} is not a number; set an int or a ${{...}} expression")
    if isinstance(kind, list) and kind[0] in ("list", "set") and kind[1] == "string":
        if is_expr(value):
            return value
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return list(value)
        raise SchemaError(f"{where}: {value!r} is not a list of strings")
    if isinstance(kind, list) and kind[0] == "map" and kind[1] == "string":
        if is_expr(value):
            return value
        if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            return dict(sorted(value.items()))
        raise SchemaError(f"{where}: {value!r} is not a map of strings")
    return value  # other complex types pass through as given


class Block:
    """A resource, data source, provider or nested block's arguments (frozen, keyword-only).

    Generated subclasses declare ``__slots__`` and an explicit ``__init__``: plain classes import
    in milliseconds, where fifty dataclasses cost a tenth of a second or more.
    """

    __slots__ = ()
    TF_TYPE: ClassVar[str] = ""
    #: argument and nested-block names, in rendering order
    FIELDS: ClassVar[tuple[str, ...]] = ()
    #: Python field name -> schema name, where they differ (keywords: ``lambda_`` -> ``lambda``)
    TF_NAMES: ClassVar[dict[str, str]] = {}
    #: argument name -> schema type ("string", "bool", "number", ["list", "string"], ...)
    KINDS: ClassVar[dict[str, Any]] = {}
    #: nested block name -> (nesting mode, class)
    BLOCKS: ClassVar[dict[str, tuple[str, type["Block"]]]] = {}
    REQUIRED: ClassVar[frozenset[str]] = frozenset()
    #: every attribute the schema knows, computed ones included (what a reference may read)
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen; build a new one")

    def _items(self) -> tuple[tuple[str, Any], ...]:
        return tuple((f, getattr(self, f)) for f in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._items() == other._items()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), repr(self._items())))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._items() if v is not None)
        return f"{type(self).__name__}({args})"

    def to_terraform(self) -> dict[str, Any]:
        owner = self.TF_TYPE or type(self).__name__
        out: dict[str, Any] = {}
        for field in self.FIELDS:
            value = getattr(self, field)
            name = self.TF_NAMES.get(field, field)
            if value is None:
                if name in self.REQUIRED:
                    raise SchemaError(f"{owner}.{name}: is required")
                continue
            if name in self.BLOCKS:
                mode, _cls = self.BLOCKS[name]
                if mode == "single":
                    out[name] = value.to_terraform()
                else:
                    items = value if isinstance(value, (list, tuple)) else [value]
                    out[name] = [v.to_terraform() for v in items]
            else:
                out[name] = _check(owner, name, self.KINDS[name], value)
        return out

    def to_terraform_hcl(self) -> dict[str, Any]:
        """The same arguments for ``cdktf synth --hcl``: nested blocks marked as blocks, so they
        render as ``name { ... }`` (plain values need no markup; cdktf renders them as they are)."""
        out = self.to_terraform()
        for name, (mode, _cls) in self.BLOCKS.items():
            field = next((f for f in self.FIELDS if self.TF_NAMES.get(f, f) == name), name)
            value = getattr(self, field, None)
            if value is None:
                continue
            if mode == "single":
                out[name] = {"value": value.to_terraform_hcl(), "isBlock": True, "type": "simple", "storageClassType": name}
            else:
                items = value if isinstance(value, (list, tuple)) else [value]
                out[name] = {"value": [v.to_terraform_hcl() for v in items], "isBlock": True, "type": "list", "storageClassType": f"{name}List"}
        return out
