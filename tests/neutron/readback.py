"""Compare what Neutron reports after an apply with what the allocator planned and the stack says.

Every function returns a list of mismatches, one line each (empty: all agree). Expected values
come from the synthesized JSON after evaluation (``Applier.instances(...).config``) and from the
lock, whose entries for a subnet-pool prefix are the allocator's ``cidrhost()``/``cidrsubnet()``
renderings: they are evaluated here against the prefix Neutron handed out.
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import Any

from . import hcl
from .applier import Applier, Instance

NET = "openstack_networking_network_v2"
SUBNET = "openstack_networking_subnet_v2"
PORT = "openstack_networking_port_v2"
IFACE = "openstack_networking_router_interface_v2"
ROUTE = "openstack_networking_router_route_v2"
ROUTER = "openstack_networking_router_v2"
SG = "openstack_networking_secgroup_v2"
RULE = "openstack_networking_secgroup_rule_v2"
FIP = "openstack_networking_floatingip_v2"


def load_lock(path: Path, site: str) -> dict:
    """The site's part of a lock: ``allocations`` and ``networks`` whose key starts with ``site/``."""
    doc = json.loads(Path(path).read_text())
    allocations = {k: v for k, v in doc["allocations"].items() if k.startswith(f"{site}/")}
    networks = {v["key"]: v for v in doc["networks"].values() if v.get("key", "").startswith(f"{site}/")}
    return {"allocations": allocations, "networks": networks}


def lock_value(applier: Applier, text: str) -> str:
    """A lock entry's value: concrete text, or the allocator's rendering evaluated now."""
    try:
        ipaddress.ip_network(text) if "/" in text else ipaddress.ip_address(text)
        return text
    except ValueError:
        return hcl.evaluate(hcl.parse_expression(text), applier._scope(), text)


def _family(text: str) -> str:
    return "ipv6" if ":" in text else "ipv4"


def eui64(prefix: str, mac: str) -> str:
    """The SLAAC address Neutron gives a port (RFC 4291 modified EUI-64 of its MAC)."""
    octets = [int(x, 16) for x in mac.split(":")]
    octets[0] ^= 0x02
    iid = octets[:3] + [0xFF, 0xFE] + octets[3:]
    net = ipaddress.ip_network(prefix)
    return str(net.network_address + int.from_bytes(bytes(iid), "big"))


def subnets_by_id(applier: Applier) -> dict[str, Instance]:
    return {i.id: i for i in applier.instances(SUBNET)}


def check_subnets(applier: Applier, lock: dict, site: str, pool: dict | None) -> list[str]:
    out = []
    networks = lock["networks"]
    for sub in applier.instances(SUBNET):
        cfg, got = sub.config, sub.attrs
        fam = "ipv6" if cfg.get("ip_version", 4) == 6 else "ipv4"
        where = f"{sub.address}"
        if "cidr" in cfg:
            if got["cidr"] != cfg["cidr"]:
                out.append(f"{where}: cidr {got['cidr']} != synthesized {cfg['cidr']}")
            planned = [p for n in networks.values() for p in n["prefixes"] if p == cfg["cidr"]]
            if not planned:
                out.append(f"{where}: cidr {cfg['cidr']} is not a prefix of any of the site's locked networks")
        else:
            # the prefix comes from the pool: Neutron's first /len of a fresh pool is cidrsubnet(pool, len - plen, 0)
            if pool is None:
                out.append(f"{where}: no cidr and no pool to compare with")
            else:
                root = pool["prefixes"][0]
                newbits = cfg["prefix_length"] - ipaddress.ip_network(root).prefixlen
                want = hcl.evaluate_string(f'${{cidrsubnet("{root}", {newbits}, 0)}}', applier._scope())
                if got["cidr"] != want:
                    out.append(f"{where}: Neutron carved {got['cidr']} from the pool, our cidrsubnet() renders {want}")
                if got["subnetpool_id"] != pool["id"]:
                    out.append(f"{where}: subnetpool_id {got['subnetpool_id']} is not the default pool {pool['id']}")
        net = ipaddress.ip_network(got["cidr"])
        gw_want = cfg.get("gateway_ip") or (None if cfg.get("no_gateway") else
                                            str(net.network_address + (0 if fam == "ipv6" and "cidr" in cfg else 1)))
        if (got["gateway_ip"] or None) != gw_want:
            out.append(f"{where}: gateway {got['gateway_ip']!r} != planned {gw_want!r}")
        # each subnet has its own share at its base (a grown network: .../neutron/<family>/2, ...)
        shares = [v for k, v in lock["allocations"].items() if re.search(rf"/neutron/{fam}(/\d+)?$", k)
                  and ipaddress.ip_network(lock_value(applier, v["cidr"])).subnet_of(net)]
        share = shares[0] if len(shares) == 1 else None
        if share is not None and got["gateway_ip"]:
            block = ipaddress.ip_network(lock_value(applier, share["cidr"]))
            if ipaddress.ip_address(got["gateway_ip"]) not in block:
                out.append(f"{where}: gateway {got['gateway_ip']} is outside Neutron's planned share {block}")
        pools = {(p["start"], p["end"]) for p in got["allocation_pool"]}
        if cfg.get("allocation_pool"):
            want = {(p["start"], p["end"]) for p in cfg["allocation_pool"]}
            if pools != want:
                out.append(f"{where}: allocation pools {sorted(pools)} != synthesized {sorted(want)}")
        for name in ("ipv6_ra_mode", "ipv6_address_mode"):
            if (got[name] or None) != cfg.get(name):
                out.append(f"{where}: {name} {got[name]!r} != synthesized {cfg.get(name)!r}")
        if list(got["dns_nameservers"]) != list(cfg.get("dns_nameservers") or []):
            out.append(f"{where}: dns {got['dns_nameservers']} != synthesized {cfg.get('dns_nameservers')}")
    return out


def check_ports(applier: Applier, lock: dict, site: str) -> list[str]:
    """Every fixed IP as pinned (or EUI-64 where the mode gives it), and every locked address held."""
    out = []
    subnets = subnets_by_id(applier)
    held: dict[str, str] = {}
    for port in applier.instances(PORT):
        got = {f["subnet_id"]: f["ip_address"] for f in port.attrs["fixed_ips"]}
        want_subnets = [f["subnet_id"] for f in port.config.get("fixed_ip", [])]
        # Neutron gives every non-router port an EUI-64 address on each SLAAC/stateless subnet of its
        # network, asked for or not (an IPv4 VIP port on a SLAAC network gets one too)
        auto = {sid for sid, sub in subnets.items() if sub.attrs["network_id"] == port.attrs["network_id"]
                and sub.attrs["ipv6_address_mode"] in ("slaac", "dhcpv6-stateless")}
        extra = set(got) - set(want_subnets)
        if extra - auto or set(want_subnets) - set(got):
            out.append(f"{port.address}: fixed IPs on subnets {sorted(got)} != synthesized {sorted(want_subnets)}")
        for sid in extra & auto:
            want = eui64(subnets[sid].attrs["cidr"], port.attrs["mac_address"])
            if got[sid] != want:
                out.append(f"{port.address}: automatic address {got[sid]} != EUI-64 {want}")
        for f in port.config.get("fixed_ip", []):
            sub = subnets[f["subnet_id"]]
            address = got.get(f["subnet_id"])
            if address is None:
                continue
            held[address] = port.address
            if f.get("ip_address"):
                if address != f["ip_address"]:
                    out.append(f"{port.address}: Neutron gave {address}, the stack pinned {f['ip_address']}")
            elif sub.attrs["ipv6_address_mode"] in ("slaac", "dhcpv6-stateless"):
                want = eui64(sub.attrs["cidr"], port.attrs["mac_address"])
                if address != want:
                    out.append(f"{port.address}: SLAAC address {address} != EUI-64 {want} of {port.attrs['mac_address']}")
            else:
                out.append(f"{port.address}: {address} on {sub.address} was picked by Neutron, not pinned by the allocator")
        pairs = {p["ip_address"] for p in port.attrs["allowed_address_pairs"]}
        want_pairs = {p["ip_address"] for p in port.config.get("allowed_address_pairs", [])}
        if pairs != want_pairs:
            out.append(f"{port.address}: allowed address pairs {sorted(pairs)} != synthesized {sorted(want_pairs)}")
    for key, entry in sorted(lock["allocations"].items()):
        if "address" not in entry:
            continue
        address = lock_value(applier, entry["address"])
        if address not in held:
            out.append(f"lock {key}: {address} is held by no port (Neutron reports {sorted(held)[:6]}...)")
    return out


def check_router(applier: Applier, cloud) -> list[str]:
    out = []
    subnets = subnets_by_id(applier)
    for iface in applier.instances(IFACE):
        sub = subnets[iface.config["subnet_id"]]
        addresses = [f["ip_address"] for f in iface.attrs["fixed_ips"] if f["subnet_id"] == sub.id]
        if addresses != [sub.attrs["gateway_ip"]]:
            out.append(f"{iface.address}: router interface holds {addresses}, the subnet's gateway is {sub.attrs['gateway_ip']}")
    for router in applier.instances(ROUTER):
        if router.config.get("external_network_id"):
            ips = router.attrs["external_fixed_ip"]
            if router.attrs["external_network_id"] != router.config["external_network_id"]:
                out.append(f"{router.address}: external network {router.attrs['external_network_id']}")
            fams = sorted(_family(i["ip_address"]) for i in ips)
            wanted = router.config.get("external_fixed_ip")
            if wanted:
                if len(ips) != len(wanted):
                    out.append(f"{router.address}: gateway addresses {ips} != synthesized {wanted}")
            elif fams != ["ipv4", "ipv6"]:  # Neutron's default: one address from each external subnet
                out.append(f"{router.address}: gateway addresses {ips}: expected one IPv4 and one IPv6")
            for ip in ips:
                if ip["subnet_id"] not in cloud.public_subnets.values():
                    out.append(f"{router.address}: gateway address {ip} is not on the public network")
        routes = {(r["destination"], r["nexthop"]) for r in applier.neutron.get(f"/routers/{router.id}")["router"]["routes"]}
        want = {(r.config["destination_cidr"], r.config["next_hop"]) for r in applier.instances(ROUTE)
                if r.config["router_id"] == router.id}
        if routes != want:
            out.append(f"{router.address}: routes {sorted(routes - want)} extra, {sorted(want - routes)} missing")
    # a routed prefix goes to a port allowed to send from it: to the port's own address, or to a VIP
    # that port may hold (the wireguard range goes to VIPv6, which keepalived moves between gateways)
    owners: dict[str, list] = {}
    for port in applier.instances(PORT):
        for p in port.attrs["allowed_address_pairs"]:
            owners.setdefault(p["ip_address"], []).append(port)
    for route in applier.instances(ROUTE):
        dest, hop = route.config["destination_cidr"], route.config["next_hop"]
        holders = [p for p in applier.instances(PORT) if hop in p.attrs["all_fixed_ips"]]
        if not holders:
            out.append(f"{route.address}: next hop {hop} is no port's address")
            continue
        for port in owners.get(dest, []):
            reachable = set(port.attrs["all_fixed_ips"]) | {p["ip_address"] for p in port.attrs["allowed_address_pairs"]}
            if hop not in reachable:
                out.append(f"{route.address}: {dest} is allowed on {port.address}, which neither holds nor may take over the next hop {hop}")
    return out


def check_pod_prefixes(applier: Applier, lock: dict) -> list[str]:
    """Each node's locked /80 is routed (to that node) and allowed on the node's port."""
    out = []
    ports = {p.attrs["name"]: p for p in applier.instances(PORT)}
    routes = {r.config["destination_cidr"]: r.config["next_hop"] for r in applier.instances(ROUTE)}
    for key, entry in sorted(lock["allocations"].items()):
        parts = key.split("/")
        if len(parts) != 4 or parts[2] != "pods":
            continue
        node, prefix = parts[3], lock_value(applier, entry["cidr"])
        port = ports.get(node)
        if port is None:
            out.append(f"lock {key}: no port named {node}")
            continue
        if prefix not in {p["ip_address"] for p in port.attrs["allowed_address_pairs"]}:
            out.append(f"lock {key}: {prefix} is not allowed on port {node}")
        if routes.get(prefix) not in port.attrs["all_fixed_ips"]:
            out.append(f"lock {key}: {prefix} is routed to {routes.get(prefix)}, not to {node} ({port.attrs['all_fixed_ips']})")
    return out


def _rule_tuple(r: dict, group_id: str) -> tuple:
    remote_group = r.get("remote_group_id") or None
    return (r["direction"], r["ethertype"], r.get("protocol") or None, r.get("port_range_min") or None,
            r.get("port_range_max") or None, (r.get("remote_ip_prefix") or "").lower() or None,
            "self" if remote_group == group_id else remote_group)


def check_security_groups(applier: Applier) -> list[str]:
    """The group holds exactly the synthesized rules: Neutron's default egress rules are gone."""
    out = []
    for group in applier.instances(SG):
        actual = applier.neutron.get(f"/security-groups/{group.id}")["security_group"]["security_group_rules"]
        have = sorted((_rule_tuple(r, group.id) for r in actual), key=repr)
        want = sorted((_rule_tuple(r.config, group.id) for r in applier.instances(RULE)
                       if r.config["security_group_id"] == group.id), key=repr)
        if have != want:
            extra = [r for r in have if r not in want]
            missing = [r for r in want if r not in have]
            out.append(f"{group.address}: extra rules {extra}, missing rules {missing}")
    return out


def check_floating_ips(applier: Applier, cloud) -> list[str]:
    out = []
    public_v4 = ipaddress.ip_network(cloud.public_cidrs["ipv4"])
    for fip in applier.instances(FIP):
        a = fip.attrs
        if a["port_id"] != fip.config.get("port_id"):
            out.append(f"{fip.address}: on port {a['port_id']}, synthesized {fip.config.get('port_id')}")
        if fip.config.get("fixed_ip") and a["fixed_ip"] != fip.config["fixed_ip"]:
            out.append(f"{fip.address}: maps to {a['fixed_ip']}, synthesized {fip.config['fixed_ip']}")
        if ipaddress.ip_address(a["address"]) not in public_v4:
            out.append(f"{fip.address}: address {a['address']} is not in the pool's subnet {public_v4}")
        if a["pool"] != fip.config.get("pool"):
            out.append(f"{fip.address}: pool {a['pool']} != {fip.config.get('pool')}")
    return out


def check_outputs(applier: Applier) -> list[str]:
    """The stack's outputs, evaluated as Terraform would, agree with Neutron's ports and subnets."""
    out = []
    values = applier.outputs()
    by_name = {p.attrs["name"]: p for p in applier.instances(PORT)}
    # the outputs name each family's first subnet (a grown network's later ones are <name>-2, ...)
    subnets = {}
    for s in sorted(applier.instances(SUBNET), key=lambda s: (len(s.attrs["name"]), s.attrs["name"]), reverse=True):
        subnets["ipv6" if s.attrs["ip_version"] == 6 else "ipv4"] = s

    def address_of(port_name: str, fam: str) -> Any:
        port = by_name.get(port_name)
        if port is None:
            return None
        hits = [ip for ip in port.attrs["all_fixed_ips"] if _family(ip) == fam]
        return hits[0] if len(hits) == 1 else hits

    for node, addrs in values.get("node_addresses", {}).items():
        for fam, text in addrs.items():
            if text != address_of(node, fam):
                out.append(f"output node_addresses.{node}.{fam} = {text}, Neutron: {address_of(node, fam)}")
    for fam, text in values.get("vip_addresses", {}).items():
        vip = [p for n, p in by_name.items() if n.endswith(f"vip-{fam[-2:]}")]
        if len(vip) != 1 or text not in vip[0].attrs["all_fixed_ips"]:
            out.append(f"output vip_addresses.{fam} = {text}, VIP ports: {[p.attrs['all_fixed_ips'] for p in vip]}")
    for fam, text in values.get("subnets", {}).items():
        if text != subnets[fam].attrs["cidr"]:
            out.append(f"output subnets.{fam} = {text}, Neutron: {subnets[fam].attrs['cidr']}")
    if "vip_floating_ip" in values:
        addresses = [f.attrs["address"] for f in applier.instances(FIP)]
        if values["vip_floating_ip"] not in addresses:
            out.append(f"output vip_floating_ip = {values['vip_floating_ip']}, Neutron: {addresses}")
    return out
