"""Stable Terraform names from keys (pure Python; ``naming`` applies them to resources)."""

from __future__ import annotations

import re

from .neutron_rules import NeutronRuleError

_PART_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
SUFFIX = {"ipv4": "v4", "ipv6": "v6"}


def check_part(value: str, field_name: str) -> str:
    """A key part: letters, digits, '-' and '_' (what a Terraform name may hold)."""
    if not isinstance(value, str) or not _PART_RE.match(value):
        raise NeutronRuleError(
            f"{field_name}: {value!r} must start with a letter or digit and hold only letters, digits, '-' and '_' "
            "(it names Terraform resources)"
        )
    return value


def tf_name(*parts: str) -> str:
    """Join key parts; a Terraform name must start with a letter or '_'."""
    name = "_".join(p for p in parts if p)
    return name if name[:1].isalpha() or name[:1] == "_" else f"_{name}"


def subnet_name(network_key: str, family: str) -> str:
    return tf_name(network_key, SUFFIX[family])


def subnet_cidr_expression(network_key: str, family: str) -> str:
    """Bare HCL for a ``DualStackNetwork`` subnet's CIDR, known before the construct exists."""
    return f"openstack_networking_subnet_v2.{subnet_name(network_key, family)}.cidr"


def node_ports_name(cluster: str) -> str:
    """The Terraform name of a cluster's node ports and instances (``for_each`` keyed by node name)."""
    return tf_name(cluster)


def port_address_lookup(port_name: str, family: str, *, node: str | None) -> str:
    """An address Neutron picked, read back by family (never by list index).

    ``node``: the instance key of a ``for_each`` port set (``openstack_networking_port_v2.k8s["cp-0"]``);
    None for a single port (``openstack_networking_port_v2.vip``).
    """
    if family not in SUFFIX:
        raise NeutronRuleError(f"port {port_name}: family {family!r} must be ipv4 or ipv6")
    test = 'strcontains(ip, ":")' if family == "ipv6" else '!strcontains(ip, ":")'
    index = "" if node is None else f'["{node}"]'
    return "${one([for ip in openstack_networking_port_v2." + port_name + index + ".all_fixed_ips : ip if " + test + "])}"
