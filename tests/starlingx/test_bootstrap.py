"""The bootstrap form both ways: localhost.yml into the section, and a planned system back out."""

import pytest
import yaml

from constructs_lib.errors import DualstackError
from constructs_lib.ipam import Ipam
from constructs_lib.starlingx import StarlingxError, bootstrap_overrides, import_bootstrap, plan_starlingx, section_yaml

from . import seed
from .helpers import changed, ipv6_system


def exported(section: dict, ipam: Ipam | None = None) -> list[str]:
    plan = plan_starlingx(ipam or Ipam(), {"lab": section})
    return [line for line in bootstrap_overrides(plan.systems["lab"]).splitlines() if not line.startswith("#")]


def test_import_keeps_what_the_file_states_and_only_the_platform_networks():
    system = import_bootstrap({
        "system_mode": "duplex",
        "dns_servers": ["8.8.8.8", "2001:4860:4860::8888"],
        "admin_username": "admin",  # not the plan's business
        "management_subnet": "192.168.204.0/24",
        "management_start_address": "192.168.204.10",  # the end is derived: written into the range
        "management_dynamic_address_allocation": False,
        "external_oam_subnet": "10.10.10.0/24",
        "external_oam_gateway_address": "10.10.10.1",
        "external_oam_floating_address": "10.10.10.2",
        "admin_subnet": "192.168.101.0/24,fd05::/64",
        "admin_floating_address": "192.168.101.2,fd05::2",
        "management_multicast_subnet": "239.1.1.0/28",
    })
    assert system == {
        "system_mode": "duplex",
        "dns_servers": ["8.8.8.8", "2001:4860:4860::8888"],
        "management": {"primary": {"subnet": "192.168.204.0/24", "ranges": ["192.168.204.10-192.168.204.254"]}, "dynamic": False},
        "oam": {"primary": {"subnet": "10.10.10.0/24", "gateway_address": "10.10.10.1", "floating_address": "10.10.10.2"}},
        "admin": {"primary": {"subnet": "192.168.101.0/24", "floating_address": "192.168.101.2"},
                  "secondary": {"subnet": "fd05::/64", "floating_address": "fd05::2"}},
        "multicast": {"primary": {"subnet": "239.1.1.0/28"}},
    }
    assert import_bootstrap("dns_servers: 8.8.8.8, 8.8.4.4\nmanagement_subnet: 192.168.204.0/24\n")["dns_servers"] == [
        "8.8.8.8", "8.8.4.4"]


@pytest.mark.parametrize("values, line", [
    ({"pxeboot_subnet": "fd02::/64"}, "bootstrap: pxeboot_subnet: 'fd02::/64': pxeboot supports IPv4 only; give an IPv4 subnet"),
    ({"management_subnet": "fd01::/64", "external_oam_subnet": "10.20.5.0/24,fd00::/64"},
     "bootstrap: external_oam_subnet: '10.20.5.0/24,fd00::/64': primary (first) subnet is IPv4 but management_subnet's is "
     "IPv6; all primary pools share one family, so list the IPv6 subnet first"),
    ({"management_subnet": "fd01::/64", "management_floating_adress": "fd01::5"},
     "bootstrap: management_floating_adress: 'fd01::5': not a bootstrap address key; did you mean management_floating_address?"),
    ({"dns_servers": {"a": 1}}, "bootstrap: dns_servers: {'a': 1} is not a list of addresses"),
])
def test_import_refusals_name_the_file_and_key(values, line):
    with pytest.raises(StarlingxError) as e:
        import_bootstrap(values)
    assert e.value.lines == [line]


def test_import_refuses_what_is_not_bootstrap_yaml():
    with pytest.raises(StarlingxError, match=r"^localhost.yml: expected a mapping of bootstrap keys \(localhost.yml\), got list$"):
        import_bootstrap("- a\n", "localhost.yml")
    with pytest.raises(DualstackError, match=r"^localhost.yml: key 'pxeboot_subnet' is given twice"):
        import_bootstrap("pxeboot_subnet: 169.254.202.0/24\npxeboot_subnet: 169.254.203.0/24\n", "localhost.yml")


def test_section_yaml_is_the_plans_starlingx_key():
    text = section_yaml({"lab": import_bootstrap(seed.BOOTSTRAP)})
    assert text.startswith("starlingx:\n  lab:\n    pxeboot:\n      primary:\n        subnet: 198.51.100.0/24\n")
    assert yaml.safe_load(text)["starlingx"]["lab"]["management"]["secondary"]["ranges"] == ["198.51.0.2-198.51.0.200"]


# -- export ------------------------------------------------------------------------------------------------
def test_export_writes_what_bootstrap_would_not_derive_and_leaves_the_rest():
    section = {
        "system_mode": "duplex",
        "dns_servers": ["10.0.0.53", "fd00::53"],
        "management": {"primary": {"subnet": "fd01::/64"}, "secondary": {"subnet": "10.0.0.0/24"}, "dynamic": False},
        "oam": {"primary": {"subnet": "fd00::/64", "gateway_address": "fd00::1"}},
        "cluster-host": {"primary": {"subnet": "aefd:100::/64", "ranges": ["aefd:100::1-aefd:100::ffff:ffff:ffff:ffff"]}},
    }
    assert exported(section) == [
        "system_mode: duplex",
        "dns_servers:",
        "  - fd00::53",  # primary family first
        "  - 10.0.0.53",
        "management_subnet: fd01::/64,10.0.0.0/24",  # ranges, floating, controllers: what bootstrap derives itself
        "management_dynamic_address_allocation: false",
        "external_oam_subnet: fd00::/64",
        "external_oam_gateway_address: fd00::1",
        "external_oam_floating_address: fd00::2",  # bootstrap's default floating is a fixed 10.10.10.2: always written
        "cluster_host_subnet: aefd:100::/64",  # the range the section gives is the derived one: written since it is given
        "cluster_host_start_address: aefd:100::1",
        "cluster_host_end_address: aefd:100::ffff:ffff:ffff:ffff",
    ]


def test_export_writes_both_families_or_neither():
    section = changed(ipv6_system(), {
        "management": {"primary": {"subnet": "fd01::/64", "floating_address": "fd01::9"},
                       "secondary": {"subnet": "10.0.0.0/24"}},
        "oam": {"primary": {"subnet": "fd00::/64", "gateway_address": "fd00::1", "controller1_address": "fd00::9"},
                "secondary": {"subnet": "10.20.5.0/24", "gateway_address": "10.20.5.1"}},
    })
    lines = exported(section)
    # management: fd01::9 differs from the derived start, so the secondary's (derived) floating is listed beside it
    assert "management_floating_address: fd01::9,10.0.0.1" in lines
    # OAM node 1 differs from floating + 2 on one family: both are written, node 0 (derived on both) is not
    assert "external_oam_node_1_address: fd00::9,10.20.5.4" in lines
    assert not any(line.startswith("external_oam_node_0_address") for line in lines)


def test_export_of_a_from_pool_names_its_allocated_subnet_and_imports_back():
    ipam = Ipam()
    ipam.create_network("lab-v6", ["fd10::/48"], default_child_prefix_length={"ipv6": 64})
    section = changed(ipv6_system(), {"management": {"primary": {"from": "lab-v6"}}})
    plan = plan_starlingx(ipam, {"lab": section})
    text = bootstrap_overrides(plan.systems["lab"])
    assert "management_subnet: fd10::/64" in text.splitlines()
    back = import_bootstrap(text)
    assert back["management"] == {"primary": {"subnet": "fd10::/64"}}
    again = plan_starlingx(Ipam(), {"lab": back})
    assert bootstrap_overrides(again.systems["lab"]) == text


def test_export_is_deterministic_text():
    one = bootstrap_overrides(plan_starlingx(Ipam(), {"lab": ipv6_system()}).systems["lab"])
    two = bootstrap_overrides(plan_starlingx(Ipam(), {"lab": ipv6_system()}).systems["lab"])
    assert one == two and one.endswith("\n") and "\r" not in one
    assert one.splitlines()[:2] == [
        "# StarlingX bootstrap overrides of system lab, written by dualstack from the plan (starlingx.lab).",
        "# The platform networks and DNS only: keep the rest of localhost.yml (passwords, registries, ...) beside them."]
