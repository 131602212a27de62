"""The StarlingX platform networks a plan names, and what StarlingX does with each (seed 002).

One table: the plan's name (the seed's: ``oam``, ``management``, ``cluster-host`` ...), the
network's name and type in sysinv (``mgmt`` for management, as ``system network-list`` shows),
the bootstrap key prefix (``external_oam``), the pool names bootstrap gives (``oam-ipv6``,
``cluster-host-subnet-ipv4``, ``pxeboot``), which role addresses a pool holds, which of them the
bootstrap overrides can name, and whether ``system addrpool-modify`` may change the pools at
runtime. Sources: the bootstrap playbook (validate-config, persist-config) and sysinv's
``address_pool`` controller. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

#: pool roles as sysinv names them (``--floating-address`` ...), in sysinv's order of allocation
ROLE_FIELDS = ("floating_address", "controller0_address", "controller1_address", "gateway_address")
#: plan field -> ``AddressPool`` role
POOL_ROLE = {"floating_address": "floating", "controller0_address": "controller-0", "controller1_address": "controller-1",
             "gateway_address": "gateway"}
#: plan field -> bootstrap key part (``external_oam_node_0_address``)
BOOTSTRAP_ROLE = {"floating_address": "floating", "controller0_address": "node_0", "controller1_address": "node_1",
                  "gateway_address": "gateway"}
#: plan field -> ``system addrpool-add`` / ``addrpool-modify`` option
OPTION = {"floating_address": "--floating-address", "controller0_address": "--controller0-address",
          "controller1_address": "--controller1-address", "gateway_address": "--gateway-address"}


@dataclass(frozen=True)
class NetworkKind:
    name: str  # the plan's key (the seed's name)
    sysinv: str  # network name and type in sysinv
    bootstrap: str  # bootstrap key prefix
    pool_base: str  # bootstrap's pool name: <base>-ipv4 / <base>-ipv6, or <base> alone
    suffix: bool
    roles: bool  # its pools hold floating and controller addresses
    bootstrap_roles: tuple[str, ...]  # the role fields the bootstrap overrides can name
    modifiable: bool  # addrpool-modify at runtime (seed: "Only the OAM, Admin, and Management networks")
    ipv4_only: bool
    dynamic: bool  # sysinv's default for dynamic address allocation
    simplex_roles: tuple[str, ...]  # the role fields sysinv fills on AIO-SX when not given

    def pool_name(self, family: str) -> str:
        return f"{self.pool_base}-{family}" if self.suffix else self.pool_base


_BASE = ("floating_address", "controller0_address", "controller1_address")

#: in the bootstrap's order (the seed's example), then the optional networks
KINDS: dict[str, NetworkKind] = {k.name: k for k in (
    NetworkKind("pxeboot", "pxeboot", "pxeboot", "pxeboot", False, True, ("floating_address",), False, True, True, _BASE),
    NetworkKind("management", "mgmt", "management", "management", True, True, ("gateway_address", "floating_address"), True,
                False, True, ("floating_address",)),
    NetworkKind("oam", "oam", "external_oam", "oam", True, True,
                ("gateway_address", "floating_address", "controller0_address", "controller1_address"), True, False, False,
                ("floating_address",)),
    NetworkKind("cluster-host", "cluster-host", "cluster_host", "cluster-host-subnet", True, True, ("floating_address",), False,
                False, True, _BASE),
    NetworkKind("cluster-pod", "cluster-pod", "cluster_pod", "cluster-pod-subnet", True, False, (), False, False, False, ()),
    NetworkKind("cluster-service", "cluster-service", "cluster_service", "cluster-service-subnet", True, False, (), False, False,
                False, ()),
    NetworkKind("admin", "admin", "admin", "admin", True, True, ("gateway_address", "floating_address"), True, False, False,
                ("floating_address",)),
    NetworkKind("multicast", "multicast", "management_multicast", "multicast-subnet", True, False, (), False, False, False, ()),
)}
NETWORKS = tuple(KINDS)
#: Kubernetes dual-stack needs these three together (validate-config: "cluster networks (pod, host,
#: and service) must have IPv4 and IPv6 subnets defined") and OAM with them
CLUSTER_NETWORKS = ("cluster-pod", "cluster-service", "cluster-host")
#: the order in which the seed's runtime sequence adds secondary pools: OAM first ("first make sure
#: the OAM network is already configured in dual-stack"), the cluster networks, management, admin
ADD_ORDER = ("oam", "cluster-pod", "cluster-service", "cluster-host", "management", "admin", "multicast", "pxeboot")
#: the seed assigns the cluster networks' new pools in this order, after adding all three
CLUSTER_ASSIGN_ORDER = ("cluster-service", "cluster-pod", "cluster-host")
