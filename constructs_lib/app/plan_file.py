"""The plan file: super networks, sites (one per cloud kind), Kubernetes clusters, in one YAML.

Sites validate straight into the site kinds' own spec types (``constructs_lib.sites``: one source
of truth for fields, defaults and checks); clusters into the Kubernetes ``ClusterSpec``. Every
problem comes back as one line with its YAML path (``sites.os-fra.openstack.ipv6_mode: ...``),
all schema problems at once. Pure Python: no cdktf, no jsii.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model, model_validator

from .. import sites as site_kinds
from ..errors import DualstackError, bounded_repr, error_path, one_line, validation_lines
from ..inputs import MAX_PLAN_BYTES, read_yaml
from ..ipam.keys import check_owner
from ..store.base import CLI_OWNER
from ..ipam.network_file import NetworkFile
from ..kubernetes import KubernetesNetworkError
from ..kubernetes.model import ClusterSpec, parse_cluster
from ..starlingx import StarlingxSection

#: the plan formats this version reads
VERSIONS = (1,)
_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$")


class PlanError(DualstackError):
    """A plan that cannot be built: one line per problem, each with its YAML path."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines=lines)


class ClusterEntry(BaseModel):
    """A Kubernetes cluster; ``site`` names the site whose nodes (and per-node prefixes) it runs on."""

    model_config = ConfigDict(extra="allow")  # the rest is ClusterSpec, checked by parse_cluster
    site: Optional[str] = Field(None, description="the site whose nodes the cluster runs on (its machines, node networks, per-node prefixes)")
    starlingx: Optional[str] = Field(None, description="a StarlingX system of this plan: its cluster-pod and cluster-service pools are "
                                                       "the cluster's pods and services (one source; the cluster gives neither)")


def _one_of(names: list[str]) -> str:
    keys = [f"{n}:" for n in names]
    return keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + " or " + keys[-1]


@lru_cache(maxsize=8)
def _site_model(version: int) -> type[BaseModel]:
    """The ``Site`` model: one optional field per registered site kind, exactly one given."""
    kinds = site_kinds.kinds()
    names = list(kinds)

    def exactly_one(self: Any) -> Any:
        given = [n for n in names if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {_one_of(names)}")
        return self

    fields = {n: (Optional[k.spec_type], Field(None, description=k.description)) for n, k in kinds.items()}
    model = create_model(
        "Site", __config__=ConfigDict(extra="forbid"), __doc__="One site: exactly one cloud kind. The site name keys its allocations and names its stack.",
        __validators__={"_exactly_one": model_validator(mode="after")(exactly_one)}, **fields,
    )

    def kind_of(self: Any) -> str:
        return next(n for n in names if getattr(self, n) is not None)

    def spec_of(self: Any) -> Any:
        return getattr(self, kind_of(self))

    model.kind = property(kind_of)  # type: ignore[attr-defined]
    model.spec = property(spec_of)  # type: ignore[attr-defined]
    return model


def site_model() -> type[BaseModel]:
    site_kinds.kinds()  # the built-in kinds register first: the version then names the registry as it is
    return _site_model(site_kinds.version)


@lru_cache(maxsize=8)
def _plan_model(version: int) -> type[BaseModel]:
    Site = _site_model(version)

    class Plan(BaseModel):
        """A dualstack plan: the address plan (super networks), the sites built from it, the Kubernetes clusters on them."""

        model_config = ConfigDict(extra="forbid")
        version: int = Field(1, description="plan format version; this dualstack reads 1")
        owner: Optional[str] = Field(None, description="who this plan is in a shared store (required with a store); default 'plan'")
        store: Optional[str] = Field(None, description="a shared allocation store, postgresql://user@host:port/db; default: ipam.lock.json beside the plan")
        super_networks: list[NetworkFile] = Field(default_factory=list, description="metal-stack shaped super networks (seed 000)")
        sites: dict[str, Site] = Field(default_factory=dict, description="site name -> exactly one of " + _one_of(list(site_kinds.kinds())))  # type: ignore[valid-type]
        kubernetes: dict[str, ClusterEntry] = Field(default_factory=dict, description="cluster name -> networking")
        starlingx: StarlingxSection = Field(default_factory=lambda: StarlingxSection({}),
                                            description="StarlingX systems by name: platform networks with primary and secondary "
                                                        "address pools (seed 002)")

        @model_validator(mode="before")
        @classmethod
        def _names_into_specs(cls, data: Any) -> Any:
            """What follows from a site's name (the OpenStack ``site``, the AWS ``vpc_name``) unless the plan says otherwise."""
            if isinstance(data, dict) and isinstance(data.get("sites"), dict):
                kinds = site_kinds.kinds()
                sites = {}
                for name, entry in data["sites"].items():
                    if isinstance(entry, dict):
                        entry = {k: (kinds[k].defaults(str(name), v) if k in kinds and isinstance(v, dict) else v) for k, v in entry.items()}
                    sites[name] = entry
                data = {**data, "sites": sites}
            return data

    return Plan


def plan_model() -> type[BaseModel]:
    site_kinds.kinds()
    return _plan_model(site_kinds.version)


# kept for importers and type hints: the model as the built-in kinds make it
Plan = plan_model()


def parse_plan(raw: Any, where: str = "plan") -> tuple[Any, dict[str, ClusterSpec]]:
    """Validate a loaded YAML document. Raises ``PlanError`` with every problem found.

    Schema problems first (all of them); where the schema holds, the cross-references and
    the clusters' own checks (all of them).
    """
    if raw is None or (isinstance(raw, dict) and not raw):
        raise PlanError([f"{where}: the plan is empty; it needs super_networks, sites or kubernetes (see plan.yaml or dualstack schema)"])
    if not isinstance(raw, dict):
        raise PlanError([f"{where}: the plan must be a mapping with super_networks, sites and kubernetes"])
    unprintable = _unprintable_text(raw)
    if unprintable:
        raise PlanError(unprintable)
    version = raw.get("version", 1)
    if version not in VERSIONS or isinstance(version, bool):
        raise PlanError([f"version: {one_line(repr(version))} is not a plan format this dualstack reads ({', '.join(map(str, VERSIONS))}); "
                         "upgrade dualstack or write version: 1"])
    try:
        plan = plan_model().model_validate(raw)
    except ValidationError as e:
        raise PlanError(validation_lines(e)) from None
    except (KubernetesNetworkError, DualstackError) as e:  # a spec check that pydantic did not wrap
        raise PlanError([one_line(e)]) from None
    if not (plan.super_networks or plan.sites or plan.kubernetes or plan.starlingx.systems):
        raise PlanError([f"{where}: the plan names no super_networks, sites or kubernetes clusters; nothing to do"])
    lines: list[str] = []
    if plan.owner is not None:
        try:
            check_owner(plan.owner, "owner")
            if plan.owner == CLI_OWNER:  # the ipam command's own default: the plan would prune what people made by hand
                lines.append(f"owner: {CLI_OWNER!r} is the owner `dualstack ipam` acts as by default; name the plan's team (owner: team-a)")
        except DualstackError as e:
            lines.append(one_line(e))
    for name in plan.sites:
        if not _NAME.match(name):
            lines.append(f"sites.{name}: a site name is lower-case letters, digits and '-', at most 42 (it names a stack and keys allocations)")
    ids = [n.id for n in plan.super_networks]
    for i, id in enumerate(ids):
        if id in ids[:i]:
            lines.append(f"super_networks[{i}].id: {id!r} is given twice")
    kinds = site_kinds.kinds()
    for name, site in plan.sites.items():
        given = (raw.get("sites") or {}).get(name, {}).get(site.kind) or {}
        lines += kinds[site.kind].check(name, site.spec, ids, given)
    clusters: dict[str, ClusterSpec] = {}
    for name, entry in plan.kubernetes.items():
        if entry.site is not None and entry.site not in plan.sites:
            lines.append(f"kubernetes.{name}.site: {entry.site!r} is not one of sites ({', '.join(plan.sites) or 'none'})")
        if entry.starlingx is not None:
            if entry.starlingx not in plan.starlingx.systems:
                lines.append(f"kubernetes.{name}.starlingx: {entry.starlingx!r} is not one of starlingx "
                             f"({', '.join(plan.starlingx.systems) or 'none'})")
            for role, pool in (("pods", "cluster-pod"), ("services", "cluster-service")):
                if role in (entry.model_extra or {}):
                    lines.append(f"kubernetes.{name}.{role}: the cluster takes its {role} from StarlingX system {entry.starlingx} "
                                 f"(its {pool} pools); drop {role}: or starlingx:")
        data = {"name": name, **(entry.model_extra or {})}
        try:
            clusters[name] = parse_cluster(data)
        except KubernetesNetworkError as e:
            lines.append(f"kubernetes.{name}: {one_line(e)}")
        except ValidationError as e:
            lines += validation_lines(e, f"kubernetes.{name}.")
    if lines:
        raise PlanError(sorted(dict.fromkeys(lines), key=lines.index))
    return plan, clusters


def _unprintable_text(raw: Any) -> list[str]:
    """Every key or string of the plan holding a control, line-break or format character (a
    newline, U+0085, U+2028, a zero-width space...): plan text is printable and on one line, so
    what reaches the Terraform, YAML and config files is what the reviewer saw."""
    lines: list[str] = []
    stack: list[tuple[str, Any]] = [("", raw)]
    while stack and len(lines) < 20:
        path, v = stack.pop()
        if isinstance(v, dict):
            for k, item in v.items():
                here = f"{path}.{k}" if path else str(k)
                stack.append((here, item))
                if isinstance(k, str) and not k.isprintable():
                    lines.append(f"{path or 'plan'}: key {bounded_repr(k)} holds a control or line-break character; keys are printable text")
        elif isinstance(v, list):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(v))
        elif isinstance(v, str) and not v.isprintable():
            bad = next(c for c in v if not c.isprintable())
            lines.append(f"{path}: {bounded_repr(v)} holds U+{ord(bad):04X}, a control, line-break or format character; "
                         "plan text is one printable line")
    return sorted(lines)


def load_plan(path: str | Path) -> tuple[Any, dict[str, ClusterSpec]]:
    """Read and validate a plan file. Raises ``PlanError`` (every problem, one line each)."""
    try:
        raw = read_yaml(path, "plan", max_bytes=MAX_PLAN_BYTES)
    except DualstackError as e:
        raise PlanError([one_line(e)]) from None
    return parse_plan(raw, str(path))


def json_schema() -> dict[str, Any]:
    """The plan's JSON Schema, for editors (``dualstack schema``)."""
    schema = plan_model().model_json_schema()
    cluster = TypeAdapter(ClusterSpec).json_schema(ref_template="#/$defs/{model}")
    defs = schema.setdefault("$defs", {})
    defs.update(cluster.pop("$defs", {}))
    cluster["properties"].pop("name", None)
    cluster["required"] = [r for r in cluster.get("required", []) if r != "name"]
    cluster["properties"]["site"] = ClusterEntry.model_json_schema()["properties"]["site"]
    cluster["properties"]["starlingx"] = ClusterEntry.model_json_schema()["properties"]["starlingx"]
    defs["ClusterEntry"] = cluster
    _factory_defaults(schema, [plan_model(), ClusterSpec, *(k.spec_type for k in site_kinds.kinds().values())],
                      names={ClusterSpec: "ClusterEntry"})
    for kind in site_kinds.kinds().values():  # what a kind sets from the site's name is not the user's to write
        spec = defs.get(kind.spec_type.__name__, {})
        derived = set(getattr(kind, "derived", ()))
        for name in derived:
            spec.get("properties", {}).pop(name, None)
        if "required" in spec:
            spec["required"] = [r for r in spec["required"] if r not in derived]
            if not spec["required"]:
                del spec["required"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dualstack plan"
    return schema


def _attribute_docs(cls: type) -> dict[str, str]:
    """A class's attribute docstrings (the string right after a field), read from its source.

    Read here, for the schema only: pydantic's ``use_attribute_docstrings`` would parse every
    class's source on every run (0.35 s of the main job)."""
    import ast
    import inspect
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError, SyntaxError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs = {}
    for field, doc in zip(body, body[1:]):
        if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name) and isinstance(doc, ast.Expr)
                and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str)):
            docs[field.target.id] = " ".join(inspect.cleandoc(doc.value.value).split())
    return docs


def _factory_defaults(schema: dict[str, Any], roots: list[type], names: dict[type, str]) -> None:
    """Fields whose default comes from a factory get it written out too (pydantic leaves them without
    one), and fields documented by an attribute docstring get it as their description."""
    import dataclasses
    import typing

    from pydantic_core import to_jsonable_python

    seen: set[type] = set()
    todo = list(roots)
    defs = schema.get("$defs", {})
    while todo:
        cls = todo.pop()
        if cls in seen or not isinstance(cls, type):
            continue
        seen.add(cls)
        fields: dict[str, Any] = {}
        if hasattr(cls, "model_fields"):
            fields = {n: (f.default_factory, f.annotation) for n, f in cls.model_fields.items()}
        elif dataclasses.is_dataclass(cls):
            fields = {f.name: (f.default_factory if f.default_factory is not dataclasses.MISSING else None, f.type) for f in dataclasses.fields(cls)}
        docs = _attribute_docs(cls)
        hints = {}
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # forward references the module cannot resolve: the annotations as they are
            pass
        for name, (factory, annotation) in fields.items():
            for arg in _types_in(hints.get(name, annotation)):
                todo.append(arg)
            prop = defs.get(names.get(cls, cls.__name__), {}).get("properties", {}).get(name)
            if prop is not None and not prop.get("description") and name in docs:
                prop["description"] = docs[name]
            if factory is not None and prop is not None and "default" not in prop:
                try:
                    prop["default"] = to_jsonable_python(factory())
                except Exception:  # a factory that needs arguments: leave it undocumented rather than wrong
                    continue


def _types_in(annotation: Any) -> list[type]:
    import typing

    out, todo = [], [annotation]
    while todo:
        a = todo.pop()
        if isinstance(a, type):
            out.append(a)
        todo.extend(typing.get_args(a))
    return out


__all__ = ["ClusterEntry", "Plan", "PlanError", "error_path", "json_schema", "load_plan", "parse_plan", "plan_model", "site_model"]
