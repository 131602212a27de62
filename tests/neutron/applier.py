"""Apply a synthesized OpenStack ``cdk.tf.json`` to a real Neutron, as terraform-provider-openstack would.

``Applier(neutron, stack, project_id).apply()`` creates every networking resource of the stack
through Neutron's REST API, in a topological order of the references and ``depends_on``;
``plan()`` afterwards reads everything back and lists what Terraform would still change
(nothing, for a stack Neutron took as written).

Each served resource type maps its provider arguments to the API fields the provider sends,
as read in terraform-provider-openstack v3.0.0 (``openstack/resource_openstack_networking_*.go``)
and gophercloud v2 (``openstack/networking/v2/.../requests.go``). The special cases are the
provider's, not ours:

- ``omitempty``: empty strings, ``0`` and empty lists are not sent (so a security group rule
  cannot send ``port_range_min = 0``: ICMP type 0 is dropped, gophercloud#1775);
- ``openstack_networking_subnet_v2``: ``no_gateway`` sends ``gateway_ip: null``;
  ``prefix_length`` is sent as ``prefixlen``; ``enable_dhcp`` and ``ip_version`` are always sent
  (defaults true and 4); a ``cidr`` that is not its own network text (``net.ParseCIDR``) is
  refused before any call;
- ``openstack_networking_secgroup_v2`` with ``delete_default_rules``: create, then delete
  every rule Neutron put in the new group;
- ``openstack_networking_router_route_v2``: read the router, append the route if it is not
  there, write the whole ``routes`` list back (one PUT per route);
- ``openstack_networking_router_v2``: ``external_fixed_ip`` entries always carry ``subnet_id``
  (no ``omitempty``); ``admin_state_up`` is sent only when true (``GetOk``);
- ``openstack_networking_floatingip_v2``: ``pool`` is a network name, looked up first;
- ``openstack_networking_floatingip_associate_v2``: look up the floating IP by address, then
  set its ``port_id`` / ``fixed_ip_address``.

Provider-side refusals (schema ``RequiredWith``/``ConflictsWith``/``ValidateFunc`` and the
create-time checks above) are raised as ``ProviderRefusal`` before anything is sent, or, with
``provider_checks="collect"``, recorded in ``refusals`` and the call made as the provider would
make it once the check passed (the request body is the same).

Resources Neutron does not serve (compute instances, anything unknown) are reported in
``skipped`` by type; an argument a served resource does not map raises ``ApplyError``.
"""

from __future__ import annotations

import ipaddress
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import hcl
from .client import Neutron, NeutronApiError


class ApplyError(RuntimeError):
    """The stack cannot be applied as written (unknown argument, bad reference, Neutron refused)."""


class ProviderRefusal(ApplyError):
    """What terraform-provider-openstack itself refuses before calling Neutron."""


#: meta-arguments: not provider arguments
META = {"//", "depends_on", "for_each", "dynamic", "provider", "lifecycle"}
UNSUPPORTED_META = {"count", "provisioner", "connection"}

#: apply order among independent resources (the references decide the rest)
RANK = [
    "openstack_networking_network_v2",
    "openstack_networking_subnetpool_v2",
    "openstack_networking_subnet_v2",
    "openstack_networking_router_v2",
    "openstack_networking_router_interface_v2",
    "openstack_networking_secgroup_v2",
    "openstack_networking_secgroup_rule_v2",
    "openstack_networking_port_v2",
    "openstack_networking_router_route_v2",
    "openstack_networking_floatingip_v2",
    "openstack_networking_floatingip_associate_v2",
]


@dataclass(frozen=True)
class Block:
    mode: str  # "resource" | "data"
    type: str
    name: str
    config: dict

    @property
    def address(self) -> str:
        return f"{'data.' if self.mode == 'data' else ''}{self.type}.{self.name}"


@dataclass
class Stack:
    blocks: dict[str, Block]
    outputs: dict[str, Any]

    @classmethod
    def load(cls, path: str | Path) -> "Stack":
        doc = json.loads(Path(path).read_text())
        blocks: dict[str, Block] = {}
        for mode, section in (("resource", doc.get("resource", {})), ("data", doc.get("data", {}))):
            for type_, named in section.items():
                for name, config in named.items():
                    b = Block(mode, type_, name, config)
                    blocks[b.address] = b
        return cls(blocks, doc.get("output", {}))

    def instance_count(self, type_: str) -> int:
        """How many instances of ``type_`` the stack declares (``for_each`` given as a literal map or set)."""
        count = 0
        for b in self.blocks.values():
            if b.type != type_ or b.mode != "resource":
                continue
            each = b.config.get("for_each")
            if each is None:
                count += 1
            elif isinstance(each, (dict, list)):
                count += len(each)
            else:
                raise ApplyError(f"{b.address}: for_each {each!r} is known only at apply time")
        return count


@dataclass
class Instance:
    address: str
    block: Block
    each: tuple[str, Any] | None
    config: dict
    id: str
    attrs: dict


@dataclass(frozen=True)
class Change:
    address: str
    field: str
    desired: Any
    actual: Any

    def __str__(self) -> str:
        return f"{self.address}: {self.field}: want {self.desired!r}, Neutron has {self.actual!r}"


def instance_address(block: Block, key: str | None) -> str:
    return block.address if key is None else f"{block.address}[{json.dumps(key)}]"


# -- the API side of each resource type ----------------------------------------------------------


class Api:
    """The Neutron client plus the site's project: every create names ``project_id``."""

    def __init__(self, neutron: Neutron, project_id: str) -> None:
        self.neutron = neutron
        self.project_id = project_id
        #: objects as the create call returned them, read once instead of a GET (the same object)
        self.fresh: dict[str, dict] = {}
        self._network_names: dict[str, str] = {}

    def create(self, collection: str, key: str, body: dict) -> dict:
        body = {k: v for k, v in body.items()}
        body.setdefault("project_id", self.project_id)
        obj = self.neutron.post(f"/{collection}", {key: body})[key]
        self.fresh[obj["id"]] = obj
        return obj

    def network_name(self, network_id: str) -> str:
        if network_id not in self._network_names:
            self._network_names[network_id] = self.get(f"/networks/{network_id}")["network"]["name"]
        return self._network_names[network_id]

    def get(self, path: str, **query) -> Any:
        return self.neutron.get(path, **query)

    def put_tags(self, collection: str, id_: str, tags: list[str]) -> None:
        self.neutron.put(f"/{collection}/{id_}/tags", {"tags": tags})


def _set(cfg: dict, key: str) -> bool:
    """The provider's ``GetOk``: set and not the zero value."""
    return cfg.get(key) not in (None, "", 0, False, [], {})


def _given(cfg: dict, key: str) -> bool:
    """``getOkExists``: present in the configuration, whatever the value."""
    return cfg.get(key) is not None


def _omitempty(body: dict) -> dict:
    return {k: v for k, v in body.items() if v not in (None, "", 0, [], {}) or isinstance(v, bool)}


class Handler:
    type = ""
    mode = "resource"
    collection = ""
    key = ""
    #: provider arguments this handler maps (anything else in a configuration is an error)
    args: frozenset[str] = frozenset()

    def check(self, cfg: dict) -> list[str]:
        """Provider-side refusals (schema and create-time checks), one line each."""
        return []

    def create(self, api: Api, cfg: dict) -> str:
        raise NotImplementedError

    def read(self, api: Api, id_: str, cfg: dict) -> dict | None:
        obj = api.fresh.pop(id_, None)  # right after create: what the create call answered
        if obj is None:
            try:
                obj = api.get(f"/{self.collection}/{id_}")[self.key]
            except NeutronApiError as e:
                if e.status == 404:
                    return None
                raise
        return self.attrs(api, obj, cfg)

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        raise NotImplementedError

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        """(field, desired, actual) for every configured argument Terraform would see changed."""
        out = []
        for name in self.compared:
            if name in cfg and cfg[name] is not None and _norm(cfg[name]) != _norm(attrs.get(name)):
                out.append((name, cfg[name], attrs.get(name)))
        return out

    compared: tuple[str, ...] = ()


def _norm(v: Any) -> Any:
    return sorted(_norm(x) for x in v) if isinstance(v, (set, frozenset)) else v


def _tags(api: Api, collection: str, id_: str, cfg: dict) -> None:
    if cfg.get("tags"):
        api.put_tags(collection, id_, sorted(cfg["tags"]))
        api.fresh.pop(id_, None)  # the create answer predates the tags


class Network(Handler):
    type, collection, key = "openstack_networking_network_v2", "networks", "network"
    args = frozenset({"region", "name", "description", "admin_state_up", "shared", "external", "tenant_id",
                      "value_specs", "tags", "availability_zone_hints", "transparent_vlan", "port_security_enabled",
                      "mtu", "dns_domain", "qos_policy_id"})
    compared = ("name", "description", "admin_state_up", "shared", "external", "port_security_enabled", "mtu", "tags")

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({"name": cfg.get("name"), "description": cfg.get("description"), "tenant_id": cfg.get("tenant_id"),
                           "availability_zone_hints": cfg.get("availability_zone_hints")})
        for name in ("admin_state_up", "shared", "port_security_enabled"):
            if _given(cfg, name):
                body[name] = bool(cfg[name])
        if cfg.get("external"):
            body["router:external"] = True
        if cfg.get("transparent_vlan"):
            body["vlan_transparent"] = True
        if (cfg.get("mtu") or 0) > 0:
            body["mtu"] = cfg["mtu"]
        for name in ("dns_domain", "qos_policy_id"):
            if _set(cfg, name):
                body[name] = cfg[name]
        body.update(cfg.get("value_specs") or {})
        obj = api.create(self.collection, self.key, body)
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return {"id": obj["id"], "name": obj["name"], "description": obj.get("description", ""),
                "admin_state_up": obj["admin_state_up"], "shared": obj["shared"], "external": obj.get("router:external", False),
                "mtu": obj.get("mtu"), "port_security_enabled": obj.get("port_security_enabled"), "tags": set(obj.get("tags", [])),
                "tenant_id": obj["project_id"], "region": ""}


class Subnet(Handler):
    type, collection, key = "openstack_networking_subnet_v2", "subnets", "subnet"
    args = frozenset({"region", "network_id", "cidr", "prefix_length", "name", "description", "tenant_id", "allocation_pool",
                      "gateway_ip", "no_gateway", "ip_version", "enable_dhcp", "dns_nameservers", "dns_publish_fixed_ip",
                      "ipv6_address_mode", "ipv6_ra_mode", "subnetpool_id", "value_specs", "tags", "service_types"})
    compared = ("name", "description", "cidr", "gateway_ip", "ip_version", "enable_dhcp", "dns_nameservers",
                "ipv6_address_mode", "ipv6_ra_mode", "subnetpool_id", "network_id", "tags", "service_types")

    def check(self, cfg: dict) -> list[str]:
        out = []
        if _given(cfg, "cidr") and _given(cfg, "prefix_length"):
            out.append('"cidr": conflicts with prefix_length')
        if _set(cfg, "gateway_ip") and cfg.get("no_gateway"):
            out.append('"gateway_ip": conflicts with no_gateway')
        if cfg.get("ip_version", 4) not in (4, 6):
            out.append(f'expected ip_version to be one of [4 6], got {cfg.get("ip_version")}')
        for name in ("ipv6_address_mode", "ipv6_ra_mode"):
            if _given(cfg, name) and cfg[name] not in ("slaac", "dhcpv6-stateful", "dhcpv6-stateless"):
                out.append(f'expected {name} to be one of ["slaac" "dhcpv6-stateful" "dhcpv6-stateless"], got {cfg[name]}')
        dns = cfg.get("dns_nameservers") or []
        for i, server in enumerate(dns):
            if server in dns[:i]:
                out.append(f"openstack_networking_subnet_v2 dns_nameservers argument is invalid: got duplicate nameserver {server}")
        if _set(cfg, "cidr"):
            text = cfg["cidr"]
            try:
                net = ipaddress.ip_network(text, strict=False)
            except ValueError:
                out.append(f"Invalid CIDR {text}")
            else:
                if str(net) != text:  # Go: _, netAddr := net.ParseCIDR(cidr); netAddr.String() != cidr
                    out.append(f"cidr {text} doesn't match subnet address {net} for openstack_networking_subnet_v2")
        if _set(cfg, "prefix_length") and not _set(cfg, "subnetpool_id"):
            out.append("'prefix_length' is only valid if 'subnetpool_id' is set for openstack_networking_subnet_v2")
        return out

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({
            "network_id": cfg.get("network_id"), "name": cfg.get("name"), "description": cfg.get("description"),
            "tenant_id": cfg.get("tenant_id"), "ipv6_address_mode": cfg.get("ipv6_address_mode"),
            "ipv6_ra_mode": cfg.get("ipv6_ra_mode"),
            "allocation_pools": [{"start": p["start"], "end": p["end"]} for p in cfg.get("allocation_pool") or []],
            "dns_nameservers": list(cfg.get("dns_nameservers") or []), "service_types": list(cfg.get("service_types") or []),
            "subnetpool_id": cfg.get("subnetpool_id"), "cidr": cfg.get("cidr"), "prefixlen": cfg.get("prefix_length"),
        })
        body["network_id"] = cfg["network_id"]  # required: sent even if empty
        body["ip_version"] = cfg.get("ip_version", 4)
        if _given(cfg, "dns_publish_fixed_ip"):
            body["dns_publish_fixed_ip"] = bool(cfg["dns_publish_fixed_ip"])
        if _set(cfg, "gateway_ip"):
            body["gateway_ip"] = cfg["gateway_ip"]
        if cfg.get("no_gateway"):
            body["gateway_ip"] = None  # gophercloud turns "" into null
        body["enable_dhcp"] = bool(cfg.get("enable_dhcp", True))
        body.update(cfg.get("value_specs") or {})
        obj = api.create(self.collection, self.key, body)
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return {"id": obj["id"], "network_id": obj["network_id"], "cidr": obj["cidr"], "name": obj["name"],
                "description": obj.get("description", ""), "gateway_ip": obj["gateway_ip"] or "",
                "allocation_pool": [{"start": p["start"], "end": p["end"]} for p in obj["allocation_pools"]],
                "ip_version": obj["ip_version"], "enable_dhcp": obj["enable_dhcp"], "dns_nameservers": list(obj["dns_nameservers"]),
                "ipv6_address_mode": obj["ipv6_address_mode"] or "", "ipv6_ra_mode": obj["ipv6_ra_mode"] or "",
                "subnetpool_id": obj["subnetpool_id"] or "", "service_types": list(obj.get("service_types", [])),
                "tags": set(obj.get("tags", [])), "tenant_id": obj["project_id"], "region": "",
                "no_gateway": obj["gateway_ip"] is None}

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        out = super().diff(cfg, attrs)
        if cfg.get("allocation_pool"):
            want = {(p["start"], p["end"]) for p in cfg["allocation_pool"]}
            have = {(p["start"], p["end"]) for p in attrs["allocation_pool"]}
            if want != have:
                out.append(("allocation_pool", sorted(want), sorted(have)))
        if cfg.get("no_gateway") and not attrs["no_gateway"]:
            out.append(("no_gateway", True, attrs["gateway_ip"]))
        if cfg.get("enable_dhcp") is None and attrs["enable_dhcp"] is not True:
            out.append(("enable_dhcp", True, attrs["enable_dhcp"]))  # the schema default
        return out


class SubnetPool(Handler):
    type, collection, key = "openstack_networking_subnetpool_v2", "subnetpools", "subnetpool"
    args = frozenset({"region", "name", "default_quota", "project_id", "prefixes", "default_prefixlen", "min_prefixlen",
                      "max_prefixlen", "address_scope_id", "ip_version", "shared", "description", "is_default",
                      "value_specs", "tags"})
    compared = ("name", "prefixes", "default_prefixlen", "min_prefixlen", "max_prefixlen", "address_scope_id",
                "shared", "description", "is_default")

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({k: cfg.get(k) for k in ("name", "default_quota", "project_id", "prefixes", "default_prefixlen",
                                                    "min_prefixlen", "max_prefixlen", "address_scope_id", "description")})
        for name in ("shared", "is_default"):
            if _given(cfg, name):
                body[name] = bool(cfg[name])
        body.update(cfg.get("value_specs") or {})
        obj = api.create(self.collection, self.key, body)
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return _subnetpool_attrs(obj)


def _subnetpool_attrs(obj: dict) -> dict:
    return {"id": obj["id"], "name": obj["name"], "prefixes": list(obj["prefixes"]), "default_prefixlen": int(obj["default_prefixlen"]),
            "min_prefixlen": int(obj["min_prefixlen"]), "max_prefixlen": int(obj["max_prefixlen"]),
            "address_scope_id": obj["address_scope_id"] or "", "ip_version": obj["ip_version"], "shared": obj["shared"],
            "description": obj.get("description", ""), "is_default": obj["is_default"], "project_id": obj["project_id"],
            "default_quota": obj.get("default_quota") or 0, "tags": set(obj.get("tags", [])), "region": ""}


class SubnetPoolData(Handler):
    """``data.openstack_networking_subnetpool_v2``: a list query that must match exactly one pool."""

    type, mode = "openstack_networking_subnetpool_v2", "data"
    args = frozenset({"region", "name", "default_quota", "project_id", "default_prefixlen", "min_prefixlen", "max_prefixlen",
                      "address_scope_id", "ip_version", "shared", "description", "is_default", "tags"})

    def lookup(self, api: Api, cfg: dict) -> dict:
        query: dict[str, Any] = {}
        for name in ("name", "default_quota", "project_id", "default_prefixlen", "min_prefixlen", "max_prefixlen",
                     "address_scope_id", "ip_version", "description"):
            if _set(cfg, name):
                query[name] = cfg[name]
        for name in ("shared", "is_default"):
            if _set(cfg, name):  # GetOk: false is never a filter
                query[name] = bool(cfg[name])
        if cfg.get("tags"):
            query["tags"] = ",".join(cfg["tags"])
        pools = api.get("/subnetpools", **query)["subnetpools"]
        if len(pools) < 1:
            raise ApplyError("Your query returned no openstack_networking_subnetpool_v2. Please change your search criteria and try again.")
        if len(pools) > 1:
            raise ApplyError("Your query returned more than one openstack_networking_subnetpool_v2. Please try a more specific search criteria")
        return _subnetpool_attrs(pools[0])


class Router(Handler):
    type, collection, key = "openstack_networking_router_v2", "routers", "router"
    args = frozenset({"region", "name", "description", "admin_state_up", "distributed", "external_network_id", "enable_snat",
                      "external_fixed_ip", "external_subnet_ids", "tenant_id", "value_specs", "availability_zone_hints", "tags"})
    compared = ("name", "description", "admin_state_up", "distributed", "external_network_id", "enable_snat", "tags")

    def check(self, cfg: dict) -> list[str]:
        out = []
        if _given(cfg, "enable_snat") and not _set(cfg, "external_network_id"):
            out.append("setting enable_snat for openstack_networking_router_v2 requires external_network_id to be set")
        if cfg.get("external_fixed_ip") and not _set(cfg, "external_network_id"):
            out.append("setting an external_fixed_ip for openstack_networking_router_v2 requires external_network_id to be set")
        if cfg.get("external_subnet_ids") and cfg.get("external_fixed_ip"):
            out.append('"external_subnet_ids": conflicts with external_fixed_ip')
        return out

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({"name": cfg.get("name"), "description": cfg.get("description"), "tenant_id": cfg.get("tenant_id"),
                           "availability_zone_hints": cfg.get("availability_zone_hints")})
        if cfg.get("admin_state_up"):  # GetOk: false is not sent
            body["admin_state_up"] = True
        if _given(cfg, "distributed"):
            body["distributed"] = bool(cfg["distributed"])
        gateway: dict[str, Any] = {}
        if _set(cfg, "external_network_id"):
            gateway["network_id"] = cfg["external_network_id"]
        if _given(cfg, "enable_snat"):
            gateway["enable_snat"] = bool(cfg["enable_snat"])
        fixed = [_omitempty({"ip_address": f.get("ip_address")}) | {"subnet_id": f.get("subnet_id") or ""}
                 for f in cfg.get("external_fixed_ip") or []]
        if fixed:
            gateway["external_fixed_ips"] = fixed
        if "network_id" in gateway:
            body["external_gateway_info"] = gateway
        body.update(cfg.get("value_specs") or {})
        subnet_ids = [s for s in cfg.get("external_subnet_ids") or [] if s]
        if not subnet_ids:
            obj = api.create(self.collection, self.key, body)
        else:  # the provider tries each external subnet until one has room (409 = exhausted)
            obj, last = None, None
            for sid in subnet_ids:
                gateway["external_fixed_ips"] = [{"subnet_id": sid}]
                try:
                    obj = api.create(self.collection, self.key, body)
                    break
                except NeutronApiError as e:
                    if e.status != 409:
                        raise
                    last = e
            if obj is None:
                raise ApplyError(f"Error creating openstack_networking_router_v2: {len(subnet_ids)} subnets exhausted: {last}")
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        gw = obj.get("external_gateway_info") or {}
        return {"id": obj["id"], "name": obj["name"], "description": obj.get("description", ""),
                "admin_state_up": obj["admin_state_up"], "distributed": obj.get("distributed"),
                "external_network_id": gw.get("network_id", ""), "enable_snat": gw.get("enable_snat"),
                "external_fixed_ip": [{"subnet_id": f["subnet_id"], "ip_address": f["ip_address"]} for f in gw.get("external_fixed_ips", [])],
                "routes": [dict(r) for r in obj.get("routes", [])], "tags": set(obj.get("tags", [])),
                "tenant_id": obj["project_id"], "region": ""}

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        out = super().diff(cfg, attrs)
        want = cfg.get("external_fixed_ip") or []
        if want:
            have = attrs["external_fixed_ip"]
            unmatched = list(have)
            for f in want:
                hit = next((h for h in unmatched if (not f.get("subnet_id") or h["subnet_id"] == f["subnet_id"])
                            and (not f.get("ip_address") or h["ip_address"] == f["ip_address"])), None)
                if hit is None:
                    out.append(("external_fixed_ip", f, have))
                else:
                    unmatched.remove(hit)
            if unmatched and len(have) != len(want):
                out.append(("external_fixed_ip", want, have))
        return out


class RouterInterface(Handler):
    type = "openstack_networking_router_interface_v2"
    args = frozenset({"region", "router_id", "subnet_id", "port_id", "force_destroy"})

    def check(self, cfg: dict) -> list[str]:
        if _set(cfg, "subnet_id") == _set(cfg, "port_id"):
            return ['"subnet_id": exactly one of subnet_id and port_id must be set (gophercloud: xor)']
        return []

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({"subnet_id": cfg.get("subnet_id"), "port_id": cfg.get("port_id")})
        out = api.neutron.put(f"/routers/{cfg['router_id']}/add_router_interface", body)
        return out["port_id"]

    def read(self, api: Api, id_: str, cfg: dict) -> dict | None:
        try:
            port = api.get(f"/ports/{id_}")["port"]
        except NeutronApiError as e:
            if e.status == 404:
                return None
            raise
        return {"id": port["id"], "port_id": port["id"], "router_id": port["device_id"],
                "subnet_id": port["fixed_ips"][0]["subnet_id"] if port["fixed_ips"] else "",
                "fixed_ips": [dict(f) for f in port["fixed_ips"]], "force_destroy": cfg.get("force_destroy", False), "region": ""}

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        out = []
        if attrs["router_id"] != cfg["router_id"]:
            out.append(("router_id", cfg["router_id"], attrs["router_id"]))
        if _set(cfg, "subnet_id") and cfg["subnet_id"] not in {f["subnet_id"] for f in attrs["fixed_ips"]}:
            out.append(("subnet_id", cfg["subnet_id"], attrs["subnet_id"]))
        return out


class RouterRoute(Handler):
    type = "openstack_networking_router_route_v2"
    args = frozenset({"region", "router_id", "destination_cidr", "next_hop"})

    def create(self, api: Api, cfg: dict) -> str:
        router_id, dest, hop = cfg["router_id"], cfg["destination_cidr"], cfg["next_hop"]
        routes = api.get(f"/routers/{router_id}")["router"]["routes"]
        if not any(r["destination"] == dest and r["nexthop"] == hop for r in routes):
            routes = routes + [{"destination": dest, "nexthop": hop}]
            routes = api.neutron.put(f"/routers/{router_id}", {"router": {"routes": routes}})["router"]["routes"]
        id_ = f"{router_id}-route-{dest}-{hop}"
        api.fresh[id_] = {"routes": routes}
        return id_

    def read(self, api: Api, id_: str, cfg: dict) -> dict | None:
        fresh = api.fresh.pop(id_, None)
        if fresh is not None:
            routes = fresh["routes"]
        else:
            try:
                routes = api.get(f"/routers/{cfg['router_id']}")["router"]["routes"]
            except NeutronApiError as e:
                if e.status == 404:
                    return None
                raise
        # the provider matches the route by exact text: a route Neutron rewrote is gone for Terraform
        if not any(r["destination"] == cfg["destination_cidr"] and r["nexthop"] == cfg["next_hop"] for r in routes):
            return None
        return {"id": id_, "router_id": cfg["router_id"], "destination_cidr": cfg["destination_cidr"],
                "next_hop": cfg["next_hop"], "region": ""}


class Port(Handler):
    type, collection, key = "openstack_networking_port_v2", "ports", "port"
    args = frozenset({"region", "name", "description", "network_id", "admin_state_up", "mac_address", "tenant_id",
                      "device_owner", "security_group_ids", "no_security_groups", "device_id", "fixed_ip", "no_fixed_ip",
                      "allowed_address_pairs", "value_specs", "tags", "port_security_enabled", "dns_name", "qos_policy_id"})
    compared = ("name", "description", "network_id", "admin_state_up", "mac_address", "device_owner", "device_id",
                "port_security_enabled", "tags")

    def check(self, cfg: dict) -> list[str]:
        out = []
        if cfg.get("no_security_groups") and cfg.get("security_group_ids"):
            out.append("Cannot have both no_security_groups and security_group_ids set for openstack_networking_port_v2")
        if cfg.get("no_fixed_ip") and cfg.get("fixed_ip"):
            out.append('"fixed_ip": conflicts with no_fixed_ip')
        return out

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({k: cfg.get(k) for k in ("name", "description", "network_id", "mac_address", "tenant_id",
                                                   "device_owner", "device_id")})
        body["network_id"] = cfg["network_id"]
        if cfg.get("no_fixed_ip"):
            body["fixed_ips"] = []
        elif cfg.get("fixed_ip"):
            ips = [_omitempty({"ip_address": f.get("ip_address")}) | {"subnet_id": f.get("subnet_id") or ""}
                   for f in cfg["fixed_ip"] if f and (f.get("subnet_id") or f.get("ip_address"))]
            body["fixed_ips"] = ips
        pairs = [_omitempty({"ip_address": p.get("ip_address"), "mac_address": p.get("mac_address")})
                 for p in cfg.get("allowed_address_pairs") or []]
        if pairs:
            body["allowed_address_pairs"] = pairs
        if _given(cfg, "admin_state_up"):
            body["admin_state_up"] = bool(cfg["admin_state_up"])
        groups = sorted(set(cfg.get("security_group_ids") or []))
        if cfg.get("no_security_groups"):
            body["security_groups"] = []
        elif groups:
            body["security_groups"] = groups
        if _given(cfg, "port_security_enabled"):
            body["port_security_enabled"] = bool(cfg["port_security_enabled"])
        for name in ("dns_name", "qos_policy_id"):
            if _set(cfg, name):
                body[name] = cfg[name]
        body.update(cfg.get("value_specs") or {})
        obj = api.create(self.collection, self.key, body)
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        mac = obj["mac_address"]
        pairs = []
        for p in obj.get("allowed_address_pairs", []):
            pair = {"ip_address": p["ip_address"]}
            if p.get("mac_address") != mac:  # the provider shows a pair's MAC only when it differs
                pair["mac_address"] = p["mac_address"]
            pairs.append(pair)
        return {"id": obj["id"], "name": obj["name"], "description": obj.get("description", ""), "network_id": obj["network_id"],
                "admin_state_up": obj["admin_state_up"], "mac_address": mac, "tenant_id": obj["project_id"],
                "device_owner": obj["device_owner"], "device_id": obj["device_id"],
                "all_fixed_ips": [f["ip_address"] for f in obj["fixed_ips"]],
                "fixed_ips": [dict(f) for f in obj["fixed_ips"]],  # for our own checks; not a provider attribute
                "all_security_group_ids": list(obj.get("security_groups", [])), "allowed_address_pairs": pairs,
                "port_security_enabled": obj.get("port_security_enabled"), "tags": set(obj.get("tags", [])),
                "fixed_ip": cfg.get("fixed_ip"), "security_group_ids": set(cfg.get("security_group_ids") or []), "region": ""}

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        out = super().diff(cfg, attrs)
        want_pairs = {(p["ip_address"], p.get("mac_address")) for p in cfg.get("allowed_address_pairs") or []}
        have_pairs = {(p["ip_address"], p.get("mac_address")) for p in attrs["allowed_address_pairs"]}
        if want_pairs != have_pairs:
            out.append(("allowed_address_pairs", sorted(want_pairs, key=str), sorted(have_pairs, key=str)))
        if cfg.get("security_group_ids") and set(cfg["security_group_ids"]) != set(attrs["all_security_group_ids"]):
            out.append(("security_group_ids", sorted(cfg["security_group_ids"]), sorted(attrs["all_security_group_ids"])))
        # fixed_ip is not read back by the provider; compare it anyway: an address Neutron moved is a defect
        for f in cfg.get("fixed_ip") or []:
            hits = [x for x in attrs["fixed_ips"] if x["subnet_id"] == f.get("subnet_id")]
            if not hits or (f.get("ip_address") and f["ip_address"] not in {x["ip_address"] for x in hits}):
                out.append(("fixed_ip", f, attrs["fixed_ips"]))
        return out


class SecGroup(Handler):
    type, collection, key = "openstack_networking_secgroup_v2", "security-groups", "security_group"
    args = frozenset({"region", "name", "description", "tenant_id", "delete_default_rules", "stateful", "tags"})
    compared = ("name", "description", "stateful", "tags")

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({"description": cfg.get("description"), "tenant_id": cfg.get("tenant_id")})
        body["name"] = cfg.get("name", "")
        if _given(cfg, "stateful"):
            body["stateful"] = bool(cfg["stateful"])
        obj = api.create(self.collection, self.key, body)
        if cfg.get("delete_default_rules"):
            group = api.get(f"/security-groups/{obj['id']}")["security_group"]
            for rule in group["security_group_rules"]:
                api.neutron.delete(f"/security-group-rules/{rule['id']}")
            api.fresh.pop(obj["id"], None)  # the create answer still lists them
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return {"id": obj["id"], "name": obj["name"], "description": obj.get("description", ""), "stateful": obj.get("stateful"),
                "tenant_id": obj["project_id"], "tags": set(obj.get("tags", [])),
                "delete_default_rules": cfg.get("delete_default_rules", False), "region": "",
                "rules": [dict(r) for r in obj.get("security_group_rules", [])]}


#: terraform-provider-openstack's accepted protocol names (resourceNetworkingSecGroupRuleV2Protocol)
RULE_PROTOCOLS = {"ah", "dccp", "egp", "esp", "gre", "icmp", "igmp", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "ipv6-nonxt",
                  "ipv6-opts", "ipv6-route", "ospf", "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp", "ipip", ""}


class SecGroupRule(Handler):
    type, collection, key = "openstack_networking_secgroup_rule_v2", "security-group-rules", "security_group_rule"
    args = frozenset({"region", "description", "direction", "ethertype", "port_range_min", "port_range_max", "protocol",
                      "remote_group_id", "remote_ip_prefix", "security_group_id", "tenant_id"})
    compared = ("description", "direction", "ethertype", "protocol", "port_range_min", "port_range_max",
                "remote_group_id", "security_group_id")

    def check(self, cfg: dict) -> list[str]:
        out = []
        if cfg.get("direction") not in ("ingress", "egress"):
            out.append(f'unknown "{cfg.get("direction")}" direction for openstack_networking_secgroup_rule_v2')
        if cfg.get("ethertype") not in ("IPv4", "IPv6"):
            out.append(f'unknown "{cfg.get("ethertype")}" ethertype for openstack_networking_secgroup_rule_v2s')
        protocol = cfg.get("protocol")
        if protocol is not None and protocol not in RULE_PROTOCOLS and not str(protocol).isdigit():
            out.append(f'unknown "{protocol}" protocol for openstack_networking_secgroup_rule_v2')
        for name, other in (("port_range_min", "port_range_max"), ("port_range_max", "port_range_min")):
            if _given(cfg, name):
                missing = [x for x in ("protocol", other) if not _given(cfg, x)]
                if missing:  # schema RequiredWith: ["protocol", other]
                    out.append(f'"{name}": all of `{",".join(sorted(["protocol", other, name]))}` must be specified')
                if not 0 <= int(cfg[name]) <= 65535:
                    out.append(f"expected {name} to be in the range (0 - 65535), got {cfg[name]}")
        return out

    def create(self, api: Api, cfg: dict) -> str:
        body = _omitempty({
            "direction": cfg.get("direction"), "description": cfg.get("description"), "ethertype": cfg.get("ethertype"),
            "security_group_id": cfg.get("security_group_id"), "port_range_max": cfg.get("port_range_max"),
            "port_range_min": cfg.get("port_range_min"), "protocol": cfg.get("protocol"),
            "remote_group_id": cfg.get("remote_group_id"), "remote_ip_prefix": cfg.get("remote_ip_prefix"),
            "project_id": cfg.get("tenant_id"),
        })
        return api.create(self.collection, self.key, body)["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return {"id": obj["id"], "description": obj.get("description", ""), "direction": obj["direction"],
                "ethertype": obj["ethertype"], "protocol": obj["protocol"] or "", "port_range_min": obj["port_range_min"] or 0,
                "port_range_max": obj["port_range_max"] or 0, "remote_group_id": obj["remote_group_id"] or "",
                "remote_ip_prefix": obj["remote_ip_prefix"] or "", "security_group_id": obj["security_group_id"],
                "tenant_id": obj["project_id"], "region": ""}

    def diff(self, cfg: dict, attrs: dict) -> list[tuple[str, Any, Any]]:
        out = super().diff(cfg, attrs)
        # remote_ip_prefix has a StateFunc (lower case) in the provider: compare what it would store
        if _set(cfg, "remote_ip_prefix") and cfg["remote_ip_prefix"].lower() != attrs["remote_ip_prefix"]:
            out.append(("remote_ip_prefix", cfg["remote_ip_prefix"], attrs["remote_ip_prefix"]))
        return out


class FloatingIp(Handler):
    type, collection, key = "openstack_networking_floatingip_v2", "floatingips", "floatingip"
    args = frozenset({"region", "description", "address", "pool", "port_id", "tenant_id", "fixed_ip", "subnet_id",
                      "subnet_ids", "value_specs", "tags", "dns_name", "dns_domain"})
    compared = ("description", "address", "pool", "port_id", "fixed_ip", "tags")

    def create(self, api: Api, cfg: dict) -> str:
        pool = cfg.get("pool", "")
        nets = [n for n in api.get("/networks", name=pool)["networks"] if n["name"] == pool]
        if not nets:
            raise ApplyError(f"No network found with name: {pool}")
        subnet_ids = [s for s in cfg.get("subnet_ids") or [] if s]
        body = _omitempty({"floating_network_id": nets[0]["id"], "description": cfg.get("description"),
                           "floating_ip_address": cfg.get("address"), "port_id": cfg.get("port_id"),
                           "tenant_id": cfg.get("tenant_id"), "fixed_ip_address": cfg.get("fixed_ip"),
                           "subnet_id": cfg.get("subnet_id") or (subnet_ids[0] if subnet_ids else None),
                           "dns_name": cfg.get("dns_name"), "dns_domain": cfg.get("dns_domain")})
        body.update(cfg.get("value_specs") or {})
        obj = None
        if not subnet_ids:
            obj = api.create(self.collection, self.key, body)
        else:
            for sid in subnet_ids:
                body["subnet_id"] = sid
                try:
                    obj = api.create(self.collection, self.key, body)
                    break
                except NeutronApiError as e:
                    if e.status != 409:
                        raise
            if obj is None:
                raise ApplyError(f"Error creating openstack_networking_floatingip_v2: {len(subnet_ids)} subnets exhausted")
        _tags(api, self.collection, obj["id"], cfg)
        return obj["id"]

    def attrs(self, api: Api, obj: dict, cfg: dict) -> dict:
        return {"id": obj["id"], "address": obj["floating_ip_address"], "pool": api.network_name(obj["floating_network_id"]), "port_id": obj["port_id"] or "",
                "fixed_ip": obj["fixed_ip_address"] or "", "description": obj.get("description", ""),
                "tenant_id": obj["project_id"], "tags": set(obj.get("tags", [])), "region": "",
                "router_id": obj.get("router_id")}


class FloatingIpAssociate(Handler):
    type = "openstack_networking_floatingip_associate_v2"
    args = frozenset({"region", "floating_ip", "port_id", "fixed_ip"})

    def create(self, api: Api, cfg: dict) -> str:
        found = api.get("/floatingips", floating_ip_address=cfg["floating_ip"])["floatingips"]
        if len(found) != 1:
            raise ApplyError(f"Unable to get ID of openstack_networking_floatingip_associate_v2 floating_ip {cfg['floating_ip']}: found {len(found)}")
        body = {"port_id": cfg.get("port_id", "")}
        if _set(cfg, "fixed_ip"):
            body["fixed_ip_address"] = cfg["fixed_ip"]
        api.neutron.put(f"/floatingips/{found[0]['id']}", {"floatingip": body})
        return found[0]["id"]

    def read(self, api: Api, id_: str, cfg: dict) -> dict | None:
        try:
            obj = api.get(f"/floatingips/{id_}")["floatingip"]
        except NeutronApiError as e:
            if e.status == 404:
                return None
            raise
        return {"id": obj["id"], "floating_ip": obj["floating_ip_address"], "port_id": obj["port_id"] or "",
                "fixed_ip": obj["fixed_ip_address"] or "", "region": ""}

    compared = ("floating_ip", "port_id", "fixed_ip")


HANDLERS: dict[tuple[str, str], Handler] = {
    (h.mode, h.type): h
    for h in (Network(), Subnet(), SubnetPool(), SubnetPoolData(), Router(), RouterInterface(), RouterRoute(), Port(),
              SecGroup(), SecGroupRule(), FloatingIp(), FloatingIpAssociate())
}


# -- the applier ------------------------------------------------------------------------------------


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    skipped: dict[str, list[str]] = field(default_factory=dict)  # type -> addresses
    seconds_by_type: Counter = field(default_factory=Counter)
    seconds: float = 0.0


class Applier:
    def __init__(self, neutron: Neutron, stack: Stack, project_id: str, *, provider_checks: str = "raise") -> None:
        if provider_checks not in ("raise", "collect"):
            raise ValueError("provider_checks must be 'raise' or 'collect'")
        self.neutron = neutron
        self.api = Api(neutron, project_id)
        self.stack = stack
        self.provider_checks = provider_checks
        self.refusals: list[str] = []
        self.state: dict[str, dict[str | None, Instance]] = {}  # block address -> key -> instance
        self.order = self._order()
        for block in self.order:
            self._check_arguments(block)

    # -- order ---------------------------------------------------------------------------------
    def _deps(self, block: Block) -> set[str]:
        deps: set[str] = set()
        plain = {k: v for k, v in block.config.items() if k != "dynamic"}
        scoped: list[tuple[Any, frozenset[str]]] = [(plain, frozenset())]
        for name, spec in (block.config.get("dynamic") or {}).items():
            if isinstance(spec, dict):  # the iterator is bound inside content only
                scoped.append((spec.get("for_each"), frozenset()))
                scoped.append((spec.get("content"), frozenset({spec.get("iterator", name)})))
        for value, bound in scoped:
            for text in _strings(value):
                try:
                    refs = hcl.references(hcl.parse_template(text), bound)
                except hcl.HclError as e:
                    raise ApplyError(f"{block.address}: {e}") from None
                deps.update(ref.address for ref in refs)
        for entry in block.config.get("depends_on") or []:
            if not isinstance(entry, str) or entry.startswith("module."):
                raise ApplyError(f"{block.address}: depends_on entry {entry!r} is not a resource address")
            deps.add(entry.removeprefix("${").removesuffix("}"))
        unknown = sorted(d for d in deps if d not in self.stack.blocks)
        if unknown:
            raise ApplyError(f"{block.address}: refers to {', '.join(unknown)}, which the stack does not define")
        deps.discard(block.address)
        return deps

    def _order(self) -> list[Block]:
        # a block Neutron does not serve is only listed as skipped: its expressions are never read
        deps = {addr: self._deps(b) if (b.mode, b.type) in HANDLERS else set() for addr, b in self.stack.blocks.items()}

        def rank(addr: str) -> tuple:
            b = self.stack.blocks[addr]
            r = RANK.index(b.type) if b.type in RANK else len(RANK)
            return (0 if b.mode == "data" else 1, r, addr)

        done: list[str] = []
        remaining = dict(deps)
        while remaining:
            ready = sorted((a for a, d in remaining.items() if d <= set(done)), key=rank)
            if not ready:
                raise ApplyError(f"dependency cycle among {', '.join(sorted(remaining))}")
            done.append(ready[0])
            del remaining[ready[0]]
        return [self.stack.blocks[a] for a in done]

    @staticmethod
    def _check_arguments(block: Block) -> None:
        """Every argument of a served block is one the applier maps: checked before anything is sent."""
        handler = HANDLERS.get((block.mode, block.type))
        if handler is None:
            return
        given = (set(block.config) - META) | set(block.config.get("dynamic") or {})
        unknown = sorted(given - handler.args)
        if unknown:
            raise ApplyError(f"{block.address}: argument(s) {', '.join(unknown)} are not mapped to Neutron's API by the applier")

    # -- references ----------------------------------------------------------------------------
    def _resolve(self, mode: str, type_: str, name: str) -> Any:
        addr = f"{'data.' if mode == 'data' else ''}{type_}.{name}"
        block = self.stack.blocks.get(addr)
        if block is None:
            raise hcl.HclError(f"{addr} is not in the stack")
        if (mode, type_) not in HANDLERS:
            raise hcl.HclError(f"{addr} is a {type_}, which Neutron does not serve, so its attributes are unknown here")
        if addr not in self.state:
            raise hcl.HclError(f"{addr} is not applied yet (an ordering bug)")
        instances = self.state[addr]
        if "for_each" in block.config:
            return {k: inst.attrs for k, inst in instances.items()}
        return instances[None].attrs

    def _scope(self, each: tuple[str, Any] | None = None) -> hcl.Scope:
        return hcl.Scope(self._resolve, each)

    def _instances(self, block: Block) -> list[tuple[str | None, tuple[str, Any] | None]]:
        if "for_each" not in block.config:
            return [(None, None)]
        try:
            value = hcl.evaluate_value(block.config["for_each"], self._scope())
        except hcl.HclError as e:
            raise ApplyError(f"{block.address}: for_each: {e}") from None
        if isinstance(value, dict):
            return [(k, (k, value[k])) for k in sorted(value)]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [(k, (k, k)) for k in sorted(set(value))]  # a set of strings: key = value
        raise ApplyError(f"{block.address}: for_each must be a map or a set of strings, got {type(value).__name__}")

    def _config(self, block: Block, each: tuple[str, Any] | None) -> dict:
        addr = block.address
        for meta in UNSUPPORTED_META & set(block.config):
            raise ApplyError(f"{addr}: {meta} is outside what the applier supports")
        lifecycle = block.config.get("lifecycle") or {}
        if set(lifecycle) - {"create_before_destroy", "prevent_destroy", "ignore_changes"}:
            raise ApplyError(f"{addr}: lifecycle {sorted(lifecycle)} is outside what the applier supports")
        scope = self._scope(each)
        raw = {k: v for k, v in block.config.items() if k not in META}
        try:
            cfg = hcl.evaluate_value(raw, scope)
            for name, spec in (block.config.get("dynamic") or {}).items():
                cfg[name] = list(cfg.get(name) or []) + self._dynamic(name, spec, scope)
        except hcl.HclError as e:
            raise ApplyError(f"{addr}: {e}") from None
        handler = HANDLERS[(block.mode, block.type)]
        unknown = sorted(set(cfg) - handler.args)
        if unknown:
            raise ApplyError(f"{addr}: argument(s) {', '.join(unknown)} are not mapped to Neutron's API by the applier")
        return {k: v for k, v in cfg.items() if v is not None}

    @staticmethod
    def _dynamic(name: str, spec: dict, scope: hcl.Scope) -> list[dict]:
        """A ``dynamic "<name>"`` block: one ``content`` per element, iterator ``<name>`` (or ``iterator``)."""
        extra = set(spec) - {"for_each", "iterator", "content"}
        if extra:
            raise hcl.HclError(f"dynamic {name}: {sorted(extra)} outside the supported subset")
        coll = hcl.evaluate_value(spec["for_each"], scope)
        iterator = spec.get("iterator", name)
        items = sorted(coll.items()) if isinstance(coll, dict) else list(enumerate(coll))
        return [hcl.evaluate_value(spec.get("content", {}), scope.with_locals(**{iterator: {"key": k, "value": v}}))
                for k, v in items]

    # -- apply / plan ---------------------------------------------------------------------------
    def apply(self) -> Report:
        report = Report()
        t_all = time.monotonic()
        for block in self.order:
            handler = HANDLERS.get((block.mode, block.type))
            if handler is None:
                report.skipped.setdefault(block.type if block.mode == "resource" else f"data.{block.type}", []).append(block.address)
                continue
            self.state[block.address] = {}
            t0 = time.monotonic()
            for key, each in self._instances(block):
                addr = instance_address(block, key)
                cfg = self._config(block, each)
                self._provider_check(addr, handler, cfg)
                try:
                    if block.mode == "data":
                        attrs = handler.lookup(self.api, cfg)  # type: ignore[attr-defined]
                        id_ = attrs["id"]
                    else:
                        id_ = handler.create(self.api, cfg)
                        attrs = handler.read(self.api, id_, cfg)
                        if attrs is None:
                            raise ApplyError(f"{addr}: created as {id_}, but reading it back finds nothing")
                except NeutronApiError as e:
                    raise ApplyError(f"{addr}: Neutron refused: {e}") from None
                self.state[block.address][key] = Instance(addr, block, each, cfg, id_, attrs)
                report.created.append(addr)
            report.seconds_by_type[block.type] += time.monotonic() - t0
        report.seconds = time.monotonic() - t_all
        return report

    def _provider_check(self, addr: str, handler: Handler, cfg: dict) -> None:
        for line in handler.check(cfg):
            message = f"{addr}: {line}"
            if self.provider_checks == "raise":
                raise ProviderRefusal(message)
            self.refusals.append(message)

    def refresh(self) -> None:
        """Read every applied instance back from Neutron (data sources are queried again)."""
        for block in self.order:
            handler = HANDLERS.get((block.mode, block.type))
            if handler is None or block.address not in self.state:
                continue
            for key, inst in self.state[block.address].items():
                if block.mode == "data":
                    inst.attrs = handler.lookup(self.api, inst.config)  # type: ignore[attr-defined]
                else:
                    attrs = handler.read(self.api, inst.id, inst.config)
                    inst.attrs = attrs if attrs is not None else {"id": inst.id, "__missing__": True}

    def plan(self) -> list[Change]:
        """What applying the same stack again would change, after a refresh (Terraform's plan)."""
        self.refresh()
        changes: list[Change] = []
        for block in self.order:
            handler = HANDLERS.get((block.mode, block.type))
            if handler is None or block.mode == "data":
                continue
            keys = {k for k, _ in self._instances(block)}
            have = self.state.get(block.address, {})
            for key in sorted(keys - set(have), key=str):
                changes.append(Change(instance_address(block, key), "(create)", "present", "absent"))
            for key in sorted(set(have) - keys, key=str):
                changes.append(Change(instance_address(block, key), "(destroy)", "absent", "present"))
            for key, each in self._instances(block):
                if key not in have:
                    continue
                inst = have[key]
                if inst.attrs.get("__missing__"):
                    changes.append(Change(inst.address, "(create)", "present", "gone from Neutron"))
                    continue
                cfg = self._config(block, each)
                if cfg != inst.config:
                    changes.append(Change(inst.address, "(configuration)", cfg, inst.config))
                changes += [Change(inst.address, f, want, got) for f, want, got in handler.diff(cfg, inst.attrs)]
        return changes

    # -- read-back helpers --------------------------------------------------------------------------
    def instances(self, type_: str, mode: str = "resource") -> list[Instance]:
        return [i for b in self.order if b.type == type_ and b.mode == mode for i in self.state.get(b.address, {}).values()]

    def output(self, name: str) -> Any:
        try:
            return hcl.evaluate_value(self.stack.outputs[name]["value"], self._scope())
        except hcl.HclError as e:
            raise ApplyError(f"output {name}: {e}") from None

    def outputs(self) -> dict[str, Any]:
        return {name: self.output(name) for name in self.stack.outputs}


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        if "${" in value:
            yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "//":
                yield from _strings(v)
