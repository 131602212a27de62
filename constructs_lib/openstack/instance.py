"""Server / Servers: compute instances attached by port.

Nova ignores ``fixed_ip_v6`` on an instance's network block with this provider, and
security groups / allowed address pairs belong to the port anyway, so instances only ever
name ports here. ``Server``: one instance, resource name ``<key>`` (default ``name``).
``Servers``: one instance per member of a ``DualStackPorts`` set, attached to that member's
port, as one ``for_each`` resource keyed by member name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Mapping, Sequence

from constructs_lib.engine import Construct
from constructs_lib.providers.elements import Resource, interp, ref, remember_scope
from constructs_lib.providers.openstack_types import OpenstackComputeInstanceV2, OpenstackComputeInstanceV2Network

from .keys import check_part
from .naming import claim
from .neutron_rules import NeutronRuleError
from .port import DualStackPort, DualStackPorts

INSTANCE = "openstack_compute_instance_v2"


def _check_choices(where: str, flavor_name, flavor_id, image_name, image_id) -> None:
    if (flavor_name is None) == (flavor_id is None):
        raise NeutronRuleError(f"{where}: give exactly one of flavor_name and flavor_id")
    if (image_name is None) == (image_id is None):
        raise NeutronRuleError(f"{where}: give exactly one of image_name and image_id")


class Server(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        name: str,
        ports: Sequence[DualStackPort],
        flavor_name: str | None = None,
        flavor_id: str | None = None,
        image_name: str | None = None,
        image_id: str | None = None,
        key_pair: str | None = None,
        user_data: str | None = None,
        availability_zone: str | None = None,
        metadata: Mapping[str, str] | None = None,
        key: str | None = None,
    ) -> None:
        self.key = check_part(key or name, f"server {name}: key")
        where = f"server {name}"
        if not ports:
            raise NeutronRuleError(f"{where}: ports is empty; an instance attaches by port: give ports=[DualStackPort(...)]")
        _check_choices(where, flavor_name, flavor_id, image_name, image_id)
        claim(scope, where, [(INSTANCE, self.key)])
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.name = name
        self.ports = list(ports)
        self.instance = Resource(self, self.key, OpenstackComputeInstanceV2(
            name=name, flavor_name=flavor_name, flavor_id=flavor_id, image_name=image_name, image_id=image_id,
            key_pair=key_pair, user_data=user_data, availability_zone=availability_zone,
            metadata=dict(metadata) if metadata else None,
            network=[OpenstackComputeInstanceV2Network(port=p.id) for p in ports],
        ))

    @property
    def id(self) -> str:
        return self.instance.attr("id")


@dataclass(frozen=True)
class ServerMember:
    """One member's instance in a ``Servers`` set: exactly one flavor and one image, as for ``Server``."""

    flavor_name: str | None = None
    flavor_id: str | None = None
    image_name: str | None = None
    image_id: str | None = None
    key_pair: str | None = None
    user_data: str | None = None
    availability_zone: str | None = None
    metadata: Mapping[str, str] | None = None


class Servers(Construct):
    """One instance per member of ``ports`` (``members`` names them all), each on its own port.

    Resource: ``openstack_compute_instance_v2.<key>["<member>"]`` (``key`` defaults to the
    port set's key). ``defaults``: what every member shares (written once, in the template); a
    member's own value wins, and its ``metadata`` is merged over the defaults'. A field is read
    from the ``for_each`` map when any member sets it; adding a member of the same kind adds
    only its entry.
    """

    def __init__(self, scope: Construct, id: str, *, ports: DualStackPorts, members: Mapping[str, ServerMember],
                 defaults: ServerMember = ServerMember(), key: str | None = None) -> None:
        self.key = check_part(key or ports.key, f"servers {key or ports.key}: key")
        if not members:
            raise NeutronRuleError(f"servers {self.key}: members is empty")
        if not isinstance(defaults, ServerMember):
            raise NeutronRuleError(f"servers {self.key}: defaults {defaults!r} is not a ServerMember")
        for member, spec in members.items():
            where = f"server {member}"
            if member not in ports.members:
                raise NeutronRuleError(f"{where}: has no port in ports {ports.key}; every instance attaches by its own port")
            if not isinstance(spec, ServerMember):
                raise NeutronRuleError(f"{where}: {spec!r} is not a ServerMember")
            pick = {f.name: getattr(spec, f.name) if getattr(spec, f.name) is not None else getattr(defaults, f.name)
                    for f in fields(ServerMember)}
            _check_choices(where, pick["flavor_name"], pick["flavor_id"], pick["image_name"], pick["image_id"])
        claim(scope, f"servers {self.key}", [(INSTANCE, self.key)])
        super().__init__(scope, id)
        remember_scope(self, scope, id)
        self.ports = ports
        self.members = dict(members)
        self.defaults = defaults
        used = [f.name for f in fields(ServerMember) if any(getattr(m, f.name) is not None for m in members.values())]
        entries = {}
        for member, spec in members.items():
            entry = {f: getattr(spec, f) for f in used if getattr(spec, f) is not None}
            if "metadata" in entry:
                entry["metadata"] = dict(sorted(entry["metadata"].items()))
            entries[member] = entry
        template: dict = {}
        for f in fields(ServerMember):
            shared = getattr(defaults, f.name)
            if f.name == "metadata":
                if shared and "metadata" in used:
                    pairs = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(shared.items()))
                    template["metadata"] = interp(f'merge({{{pairs}}}, lookup(each.value, "metadata", {{}}))')
                elif shared:
                    template["metadata"] = dict(sorted(shared.items()))
                elif "metadata" in used:
                    template["metadata"] = interp('lookup(each.value, "metadata", null)')
                continue
            if f.name in used:
                fallback = json.dumps(shared) if shared is not None else "null"
                template[f.name] = interp(f'lookup(each.value, "{f.name}", {fallback})')
            elif shared is not None:
                template[f.name] = shared
        self.instance = Resource(self, self.key, OpenstackComputeInstanceV2(
            name="${each.key}",
            network=[OpenstackComputeInstanceV2Network(port=interp(ref("openstack_networking_port_v2", ports.key, "id", "each.key")))],
            **template,
        ), for_each=entries)

    def id(self, member: str) -> str:
        if member not in self.members:
            raise NeutronRuleError(f"servers {self.key}: {member!r} is not a member ({', '.join(self.members)})")
        return interp(ref(INSTANCE, self.key, "id", member))
