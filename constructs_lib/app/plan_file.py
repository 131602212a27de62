"""The plan file: super networks, OpenStack and AWS sites, Kubernetes clusters, in one YAML.

The sites validate straight into the constructs' own spec dataclasses (one source of truth
for fields, defaults and checks); clusters into the Kubernetes ``ClusterSpec``. Every problem
comes back as one line with its YAML path: ``sites.os-fra.openstack.ipv6_mode: ...``.
Pure Python: no cdktf, no jsii.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from .. import aws as aws_model
from ..aws.poc import AwsIpv6Spec
from ..ipam.network_file import NetworkFile
from ..kubernetes import KubernetesNetworkError
from ..kubernetes.model import ClusterSpec, parse_cluster
from ..openstack import security_rules, wireguard
from ..openstack.cluster_plan import OpenStackClusterSpec

# Unknown keys in a plan are typos: refuse them instead of falling back to a default silently.
for _cls in (
    OpenStackClusterSpec, wireguard.WireguardSettings, security_rules.RuleSpec, AwsIpv6Spec, aws_model.AmazonProvidedIpv6,
    aws_model.IpamPoolIpv6, aws_model.ExplicitIpv6Cidr, aws_model.ExplicitPrefixes, aws_model.PrefixCount, aws_model.Vm,
):
    _cls.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]

_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$")


class PlanError(Exception):
    """A plan that cannot be built: one line per problem, each with its YAML path."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("; ".join(lines))


class Site(BaseModel):
    """One site: exactly one of ``openstack`` or ``aws``. The site name keys its allocations and its stack."""

    model_config = ConfigDict(extra="forbid")
    openstack: OpenStackClusterSpec | None = None
    aws: AwsIpv6Spec | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Site":
        if (self.openstack is None) == (self.aws is None):
            raise ValueError("give exactly one of openstack: or aws:")
        return self

    @property
    def kind(self) -> str:
        return "openstack" if self.openstack is not None else "aws"


class ClusterEntry(BaseModel):
    """A Kubernetes cluster; ``site`` names the site whose nodes (and per-node prefixes) it runs on."""

    model_config = ConfigDict(extra="allow")  # the rest is ClusterSpec, checked by parse_cluster
    site: str | None = None


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(1, description="plan format version")
    super_networks: list[NetworkFile] = Field(default_factory=list, description="metal-stack shaped super networks (seed 000)")
    sites: dict[str, Site] = Field(default_factory=dict, description="site name -> openstack: or aws:")
    kubernetes: dict[str, ClusterEntry] = Field(default_factory=dict, description="cluster name -> networking")

    @model_validator(mode="before")
    @classmethod
    def _names_into_specs(cls, data: Any) -> Any:
        """The site name is the OpenStack ``site`` and the AWS ``vpc_name`` unless the plan says otherwise."""
        if isinstance(data, dict) and isinstance(data.get("sites"), dict):
            sites = {}
            for name, entry in data["sites"].items():
                if isinstance(entry, dict):
                    entry = dict(entry)
                    if isinstance(entry.get("openstack"), dict):
                        entry["openstack"] = {"site": name, **entry["openstack"]}
                    if isinstance(entry.get("aws"), dict):
                        entry["aws"] = {"vpc_name": name, **entry["aws"]}
                sites[name] = entry
            data = {**data, "sites": sites}
        return data


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith(("function-", "tagged-union", "lax-or-strict", "json-or-python")):  # pydantic's validator frames
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def _error_lines(err: ValidationError) -> list[str]:
    lines = []
    for e in err.errors(include_url=False):
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            msg = "unknown key (a typo?)"
        elif e["type"] not in ("missing", "value_error") and "input" in e and not isinstance(e["input"], (dict, list)):
            msg = f"{msg} (got {e['input']!r})"
        lines.append(f"{_path(e['loc'])}: {msg}")
    return sorted(dict.fromkeys(lines))


def parse_plan(raw: Any, where: str = "plan") -> tuple[Plan, dict[str, ClusterSpec]]:
    """Validate a loaded YAML document. Raises ``PlanError`` with every problem found."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PlanError([f"{where}: the plan must be a mapping with super_networks, sites and kubernetes"])
    lines: list[str] = []
    try:
        plan = Plan.model_validate(raw)
    except ValidationError as e:
        raise PlanError(_error_lines(e)) from None
    except (KubernetesNetworkError, ValueError) as e:  # a spec check that pydantic did not wrap
        raise PlanError([" ".join(str(e).split())]) from None
    for name in plan.sites:
        if not _NAME.match(name):
            lines.append(f"sites.{name}: a site name is lower-case letters, digits and '-' (it names a stack and keys allocations)")
    ids = [n.id for n in plan.super_networks]
    for i, id in enumerate(ids):
        if id in ids[:i]:
            lines.append(f"super_networks[{i}].id: {id!r} is given twice")
    for name, site in plan.sites.items():
        if site.openstack is not None:
            for field in ("node_supernet", "pod_supernet"):
                ref = getattr(site.openstack, field)
                if ref is not None and ref not in ids:
                    lines.append(f"sites.{name}.openstack.{field}: {ref!r} is not one of super_networks ({', '.join(ids) or 'none'})")
    clusters: dict[str, ClusterSpec] = {}
    for name, entry in plan.kubernetes.items():
        if entry.site is not None and entry.site not in plan.sites:
            lines.append(f"kubernetes.{name}.site: {entry.site!r} is not one of sites ({', '.join(plan.sites) or 'none'})")
        data = {"name": name, **(entry.model_extra or {})}
        try:
            clusters[name] = parse_cluster(data)
        except KubernetesNetworkError as e:
            lines.append(f"kubernetes.{name}: {' '.join(str(e).split())}")
        except ValidationError as e:
            lines += [f"kubernetes.{name}.{line}" for line in _error_lines(e)]
    if lines:
        raise PlanError(lines)
    return plan, clusters


def load_plan(path: str | Path) -> tuple[Plan, dict[str, ClusterSpec]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanError([f"{path}: no such plan file"]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise PlanError([f"{path}: not valid YAML{where}: {getattr(e, 'problem', None) or e}"]) from None
    return parse_plan(raw, str(path))


def json_schema() -> dict[str, Any]:
    """The plan's JSON Schema, for editors (``dualstack schema``)."""
    schema = Plan.model_json_schema()
    cluster = TypeAdapter(ClusterSpec).json_schema(ref_template="#/$defs/{model}")
    defs = schema.setdefault("$defs", {})
    defs.update(cluster.pop("$defs", {}))
    cluster["properties"].pop("name", None)
    cluster["required"] = [r for r in cluster.get("required", []) if r != "name"]
    cluster["properties"]["site"] = {"type": "string", "description": "the site whose nodes the cluster runs on"}
    defs["ClusterEntry"] = cluster
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dualstack plan"
    return schema
