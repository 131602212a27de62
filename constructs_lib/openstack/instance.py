"""Server: a compute instance attached by port(s).

Nova ignores ``fixed_ip_v6`` on an instance's network block with this provider, and
security groups / allowed address pairs belong to the port anyway, so instances only ever
name ports here. Resource name: ``<key>`` (default ``name``).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from cdktf_cdktf_provider_openstack.compute_instance_v2 import ComputeInstanceV2, ComputeInstanceV2Network
from constructs_lib.engine import Construct

from .keys import check_part
from .naming import claim, name_resource
from .neutron_rules import NeutronRuleError
from .port import DualStackPort


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
        if (flavor_name is None) == (flavor_id is None):
            raise NeutronRuleError(f"{where}: give exactly one of flavor_name and flavor_id")
        if (image_name is None) == (image_id is None):
            raise NeutronRuleError(f"{where}: give exactly one of image_name and image_id")
        claim(scope, where, [("openstack_compute_instance_v2", self.key)])
        super().__init__(scope, id)
        self.name = name
        self.ports = list(ports)
        self.instance = ComputeInstanceV2(
            self, "instance", name=name, flavor_name=flavor_name, flavor_id=flavor_id, image_name=image_name, image_id=image_id,
            key_pair=key_pair, user_data=user_data, availability_zone=availability_zone,
            metadata=dict(metadata) if metadata else None,
            network=[ComputeInstanceV2Network(port=p.id) for p in ports],
        )
        name_resource(self.instance, self.key)

    @property
    def id(self) -> str:
        return self.instance.id
