"""``dualstack ipam`` in metalctl's shape (issue 12, seed 000): the seed's flow end to end, ip objects,
lists with filters and formats, describe by name, growing and shrinking networks, releases.

The seed's own YAML and outputs are quoted below and compared field by field."""

from __future__ import annotations

import json
import re
import uuid

import pytest
import yaml

from constructs_lib.cli import main
from constructs_lib.ipam.allocator import NETWORK_ID_NAMESPACE

# -- the seed (000_df7e02da0ee40008.txt), as written there ------------------------------------------
SEED_SUPER = """\
---
id: tenant-super-network-mini-lab
name: Project Super Network
description: Super network of all project networks
partitionid: mini-lab
prefixes:
- 10.0.0.0/16
- 2001:db8:0:10::/64
defaultchildprefixlength:
  IPv4: 22
  IPv6: 96
privatesuper: true
...
"""
PROJECT = "4b9b17c4-2d7c-4190-ae95-dda44e430fa6"
#: ``metalctl network allocate --partition mini-lab --project 4b9b... --name my-node-network`` in the seed
SEED_ALLOCATION = """\
id: 2d2c0350-3f66-4597-ae97-ef6797232212
name: my-node-network
parentnetworkid: tenant-super-network-mini-lab
partitionid: mini-lab
prefixes:
- 10.0.0.0/22
- 2001:db8:0:10::/96
projectid: 4b9b17c4-2d7c-4190-ae95-dda44e430fa6
vrf: 20
consumption:
  ipv4:
    available_ips: 1024
    available_prefixes: 256
    used_ips: 2
    used_prefixes: 0
  ipv6:
    available_ips: 2147483647
    available_prefixes: 1073741824
    used_ips: 1
    used_prefixes: 0
privatesuper: false
"""
INT32_MAX = 2**31 - 1  # metal-api reports counts as int32; we report them exactly


class Cli:
    """``dualstack ipam --lock <tmp>/ipam.lock.json ...`` in this process, with 120 columns."""

    def __init__(self, tmp_path, capsys):
        self.tmp = tmp_path
        self.lock = tmp_path / "ipam.lock.json"
        self.capsys = capsys

    def file(self, name: str, text: str | bytes) -> str:
        path = self.tmp / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return str(path)

    def run(self, *argv: str) -> tuple[int, str, str]:
        code = main(["ipam", "--lock", str(self.lock), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *argv: str) -> str:
        code, out, err = self.run(*argv)
        assert (code, err) == (0, ""), err
        return out

    def doc(self, *argv: str):
        return yaml.safe_load(self.ok(*argv))

    def bad_lines(self, *argv: str) -> list[str]:
        """Refused: exit 2, one ``dualstack: error:`` line per problem, nothing on stdout, the lock byte-identical."""
        before = self.lock.read_bytes() if self.lock.exists() else None
        code, out, err = self.run(*argv)
        assert code == 2, (code, out, err)
        assert err.endswith("\n") and "Traceback" not in err and out == "", err
        lines = err.splitlines()
        assert all(line.startswith("dualstack: error: ") for line in lines), err
        assert (self.lock.read_bytes() if self.lock.exists() else None) == before
        return [line.removeprefix("dualstack: error: ") for line in lines]

    def bad(self, *argv: str) -> str:
        """Refused with one problem: one line."""
        lines = self.bad_lines(*argv)
        assert len(lines) == 1, lines
        return lines[0]

    def seed(self) -> dict:
        """The seed's first two steps: the super network, then the project's node network."""
        self.ok("network", "create", "-f", self.file("tenant-super.yaml", SEED_SUPER))
        return self.doc("network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "my-node-network")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("DUALSTACK_STORE", raising=False)
    return Cli(tmp_path, capsys)


# -- the seed's flow -------------------------------------------------------------------------------
def test_seed_network_create_prints_the_file_back_with_consumption(cli):
    doc = cli.doc("network", "create", "-f", cli.file("tenant-super.yaml", SEED_SUPER))
    given = yaml.safe_load(SEED_SUPER)
    assert {k: doc[k] for k in given} == given  # every field of the seed's file, as written
    assert list(doc) == ["id", "name", "description", "partitionid", "prefixes", "defaultchildprefixlength", "consumption", "privatesuper"]
    assert doc["consumption"]["ipv4"] == {"available_ips": 65536, "available_prefixes": 16384, "used_ips": 2, "used_prefixes": 0}


def test_seed_allocate_matches_the_seed_field_by_field(cli):
    got = cli.seed()
    seed = yaml.safe_load(SEED_ALLOCATION)
    assert list(got) == list(seed)  # the seed's field order
    for field in ("name", "parentnetworkid", "partitionid", "prefixes", "projectid", "vrf", "privatesuper"):
        assert got[field] == seed[field], field
    assert got["consumption"]["ipv4"] == seed["consumption"]["ipv4"]
    v6, seed_v6 = got["consumption"]["ipv6"], seed["consumption"]["ipv6"]
    for field in ("available_prefixes", "used_ips", "used_prefixes"):
        assert v6[field] == seed_v6[field], field
    # a /96 holds 2**32 addresses; metal-api's int32 caps that at 2147483647, we print the exact count
    assert v6["available_ips"] == 2**32 and min(v6["available_ips"], INT32_MAX) == seed_v6["available_ips"]
    # the seed's id is random; ours is derived from the key, so the same command gives the same id anywhere
    assert got["id"] == str(uuid.uuid5(NETWORK_ID_NAMESPACE, f"mini-lab/{PROJECT}/my-node-network"))


def test_seed_ip_create_prints_the_ip_as_metalctl_does(cli):
    net = cli.seed()
    out = cli.ok("network", "ip", "create", "--network", net["id"], "--project", PROJECT)
    ip = yaml.safe_load(out)  # YAML by default
    assert ip == {"ipaddress": "10.0.0.1", "name": "ip-1", "networkid": net["id"], "projectid": PROJECT,
                  "type": "static", "key": f"{net['id']}/ip-1", "owner": "cli"}
    assert out.startswith("ipaddress: 10.0.0.1\nname: ip-1\nnetworkid: ")
    second = json.loads(cli.ok("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--addressfamily", "IPv6", "-o", "json"))
    assert (second["ipaddress"], second["name"]) == ("2001:db8:0:10::1", "ip-2")
    described = cli.doc("network", "describe", net["id"])
    assert described["consumption"]["ipv4"]["used_ips"] == 3 and described["consumption"]["ipv6"]["used_ips"] == 2


def test_ipv6_only_network_hands_out_ipv6_by_default(cli):
    # the seed: "by default they retrieve an IPv4 address except a super network only consists of IPv6 prefixes"
    cli.ok("network", "create", "-f", cli.file("v6.yaml", "id: v6-super\npartitionid: p1\nprefixes: [2001:db8:1::/48]\n"
                                                   "defaultchildprefixlength: {IPv6: 64}\nprivatesuper: true\n"))
    net = cli.doc("network", "allocate", "--partition", "p1", "--project", "proj", "--name", "only-v6")
    assert net["prefixes"] == ["2001:db8:1::/64"]
    assert cli.doc("network", "ip", "create", "--network", net["id"], "--project", "proj")["ipaddress"] == "2001:db8:1::1"
    assert "has no ipv4 prefix" in cli.bad("network", "ip", "create", "--network", net["id"], "--project", "proj", "--addressfamily", "IPv4")


# -- addresses --------------------------------------------------------------------------------------
def test_ip_list_filters_and_formats(cli):
    net = cli.seed()
    cli.ok("network", "create", "-f", cli.file("other.yaml", "id: other\npartitionid: p2\nprefixes: [192.168.0.0/24]\n"))
    for args in (["--name", "a"], ["--name", "b", "--addressfamily", "ipv6"], ["--name", "c", "--addressfamily", "IPv4"]):
        cli.ok("network", "ip", "create", "--network", net["id"], "--project", PROJECT, *args)
    cli.ok("network", "ip", "create", "--network", "other", "--project", "team-x", "--name", "gw", "--ip", "192.168.0.1")

    def listed(*flags):
        return [(d["ipaddress"], d["name"]) for d in json.loads(cli.ok("network", "ip", "list", "-o", "json", *flags))]

    assert listed() == [("10.0.0.1", "a"), ("10.0.0.2", "c"), ("192.168.0.1", "gw"), ("2001:db8:0:10::1", "b")]
    assert listed("--network", net["id"]) == [("10.0.0.1", "a"), ("10.0.0.2", "c"), ("2001:db8:0:10::1", "b")]
    assert listed("--project", "team-x") == [("192.168.0.1", "gw")]
    assert listed("--addressfamily", "IPv6") == listed("--addressfamily", "ipv6") == [("2001:db8:0:10::1", "b")]
    assert listed("--name", "c") == [("10.0.0.2", "c")]
    assert listed("--project", "nobody") == []
    assert yaml.safe_load(cli.ok("network", "ip", "list", "-o", "yaml", "--project", "team-x"))[0]["networkid"] == "other"
    table = cli.ok("network", "ip", "list").splitlines()
    assert table[0].split() == ["IP", "NAME", "NETWORK", "PROJECT", "TYPE"]
    assert table[1].split() == ["10.0.0.1", "a", net["id"], PROJECT, "static"]
    assert all(len(line) <= 120 for line in table)
    assert "network 'nope' not found" in cli.bad("network", "ip", "list", "--network", "nope")


def test_ip_describe_and_delete_by_address_or_key(cli):
    net = cli.seed()
    made = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--addressfamily", "ipv6", "--name", "web")
    assert cli.doc("network", "ip", "describe", "2001:db8:0:10::1") == made
    assert cli.doc("network", "ip", "describe", "2001:DB8:0:10:0::1") == made  # any spelling of the address
    assert cli.doc("network", "ip", "describe", made["key"]) == made
    assert json.loads(cli.ok("network", "ip", "describe", "2001:db8:0:10::1", "-o", "json")) == made
    assert cli.bad("network", "ip", "describe", "10.9.9.9") == "ADDRESS: no allocation holds address 10.9.9.9 (dualstack ipam network ip list shows them)"
    assert cli.bad("network", "ip", "delete", "10.9.9.9").startswith("ADDRESS: no allocation holds address 10.9.9.9")
    network_key = f"mini-lab/{PROJECT}/my-node-network"
    assert "no address is keyed" in cli.bad("network", "ip", "describe", network_key)
    assert cli.doc("network", "ip", "delete", "2001:db8:0:10::1") == made  # prints what it deleted
    assert "no allocation holds address 2001:db8:0:10::1" in cli.bad("network", "ip", "describe", "2001:db8:0:10::1")
    # by key too, and the freed address is handed out again
    again = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--addressfamily", "ipv6")
    assert again["ipaddress"] == "2001:db8:0:10::1"
    assert cli.doc("network", "ip", "delete", again["key"])["ipaddress"] == "2001:db8:0:10::1"
    assert json.loads(cli.ok("network", "ip", "list", "-o", "json")) == []


def test_ip_create_with_a_taken_name_is_refused_naming_the_address(cli):
    net = cli.seed()
    first = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "ip-1")
    msg = cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "ip-1")
    assert msg == (f"--name: ip-1 already exists in network {net['id']}: {first['ipaddress']}; "
                   f"use dualstack ipam network ip describe {first['ipaddress']}")
    msg = cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "other", "--ip", "10.0.0.1")
    assert msg == f"--ip: 10.0.0.1 is already allocated (key {first['key']}, owner cli); use dualstack ipam network ip describe 10.0.0.1"
    # an unnamed address takes the next free ip-N, never the named one's
    assert cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT)["name"] == "ip-2"


def test_ip_create_in_another_project_is_refused(cli):
    net = cli.seed()
    assert cli.bad("network", "ip", "create", "--network", net["id"], "--project", "p2") == (
        f"--project: network {net['id']} belongs to project '{PROJECT}', not 'p2'")


# -- networks ---------------------------------------------------------------------------------------
def _two_partitions(cli) -> tuple[dict, dict]:
    net = cli.seed()
    cli.ok("network", "create", "-f", cli.file("v6.yaml", "id: lab-v6\nname: Lab\npartitionid: lab\nprefixes: [2001:db8:2::/48]\n"
                                                   "defaultchildprefixlength: {IPv6: 64}\nprivatesuper: true\n"))
    v6 = cli.doc("network", "allocate", "--partition", "lab", "--project", "proj-b", "--name", "my-node-network")
    return net, v6


def test_network_list_filters_and_formats(cli):
    net, v6 = _two_partitions(cli)

    def ids(*flags):
        return [d["id"] for d in json.loads(cli.ok("network", "list", "-o", "json", *flags))]

    # super networks by id, each followed by its children
    assert ids() == ["lab-v6", v6["id"], "tenant-super-network-mini-lab", net["id"]]
    assert ids("--partition", "mini-lab") == ["tenant-super-network-mini-lab", net["id"]]
    assert ids("--project", "proj-b") == [v6["id"]]
    assert ids("--addressfamily", "IPv4") == ids("--addressfamily", "ipv4") == ["tenant-super-network-mini-lab", net["id"]]
    assert ids("--name", "my-node-network") == [v6["id"], net["id"]]
    assert ids("--name", "my-node-network", "--partition", "lab") == [v6["id"]]
    assert ids("--name", "nothing") == []
    assert yaml.safe_load(cli.ok("network", "list", "-o", "yaml", "--project", "proj-b")) == [cli.doc("network", "describe", v6["id"])]
    table = cli.ok("network", "list", "--partition", "lab")  # the default output
    assert table.splitlines()[0].split() == ["ID", "NAME", "PROJECT", "PARTITION", "PREFIXES"]
    assert re.search(rf"^  {v6['id']}\s+my-node-network\s+proj-b\s+lab\s+2001:db8:2::/64$", table, re.M), table  # children indented


def test_network_list_table_fits_120_columns(cli, monkeypatch):
    net = cli.seed()
    table = cli.ok("network", "list")
    assert max(len(line) for line in table.splitlines()) <= 120
    for text in (net["id"], "tenant-super-network-mini-lab", PROJECT, "10.0.0.0/16", "2001:db8:0:10::/64", "10.0.0.0/22", "2001:db8:0:10::/96"):
        assert text in table, text  # wrapped cells, nothing cut off: ids, projects and prefixes stay whole
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: one line per network, prefixes comma-joined
    wide = cli.ok("network", "list").splitlines()
    assert len(wide) == 3 and wide[2].endswith("10.0.0.0/22,2001:db8:0:10::/96")


def test_network_describe_by_id_key_or_name(cli):
    net, v6 = _two_partitions(cli)
    by_id = cli.doc("network", "describe", net["id"])
    assert cli.doc("network", "describe", f"mini-lab/{PROJECT}/my-node-network") == by_id
    assert cli.doc("network", "describe", "Project Super Network")["id"] == "tenant-super-network-mini-lab"
    assert cli.doc("network", "describe", "Lab")["id"] == "lab-v6"
    ids = ", ".join(sorted([v6["id"], net["id"]]))
    assert cli.bad("network", "describe", "my-node-network") == f"ID: name 'my-node-network' matches 2 networks ({ids}); give the id"
    assert cli.bad("network", "describe", "nothing").startswith("network 'nothing' not found")
    assert json.loads(cli.ok("network", "describe", net["id"], "-o", "json")) == by_id


def test_network_update_adds_and_removes_super_prefixes(cli):
    net = cli.seed()
    grown = cli.doc("network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.1.0.0/16", "--add-prefix", "2001:db8:0:11::/64")
    assert grown["prefixes"] == ["10.0.0.0/16", "2001:db8:0:10::/64", "10.1.0.0/16", "2001:db8:0:11::/64"]
    assert "overlaps 10.0.0.0/16" in cli.bad("network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.0.128.0/17")
    msg = cli.bad("network", "update", "tenant-super-network-mini-lab", "--remove-prefix", "10.0.0.0/16")
    assert msg == (f"network tenant-super-network-mini-lab: prefix 10.0.0.0/16 still holds 1 allocation(s) "
                   f"(mini-lab/{PROJECT}/my-node-network); release them first")
    shrunk = cli.doc("network", "update", "tenant-super-network-mini-lab", "--remove-prefix", "10.1.0.0/16")
    assert shrunk["prefixes"] == ["10.0.0.0/16", "2001:db8:0:10::/64", "2001:db8:0:11::/64"]
    assert "has no prefix 10.9.0.0/16" in cli.bad("network", "update", "tenant-super-network-mini-lab", "--remove-prefix", "10.9.0.0/16")
    assert cli.bad("network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.1.0.1/16") == "--add-prefix: '10.1.0.1/16' has host bits set; write 10.1.0.0/16"
    assert cli.bad("network", "update", "tenant-super-network-mini-lab", "--add-prefix", "10.7.0.0/16", "--remove-prefix", "10.7.0.0/16") == (
        "--add-prefix and --remove-prefix: both name 10.7.0.0/16")
    assert cli.bad("network", "update", "tenant-super-network-mini-lab").startswith("network update: nothing to do")
    assert "is a super network" in cli.bad("network", "update", "tenant-super-network-mini-lab", "--grow", "IPv4=24")
    assert cli.doc("network", "describe", net["id"])["prefixes"] == net["prefixes"]


def test_network_update_grows_a_child_network_without_renumbering(cli):
    net = cli.seed()
    first = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT)
    grown = cli.doc("network", "update", net["id"], "--grow", "IPv4=24")
    assert grown["prefixes"] == ["10.0.0.0/22", "2001:db8:0:10::/96", "10.0.4.0/24"]
    assert grown["consumption"]["ipv4"]["available_ips"] == 1024 + 256
    assert cli.doc("network", "ip", "describe", first["key"]) == first  # nothing moved
    assert "is a child network of tenant-super-network-mini-lab" in cli.bad("network", "update", net["id"], "--add-prefix", "10.0.8.0/24")


def test_releases_print_what_they_freed(cli):
    net = cli.seed()
    a = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "a")
    b = cli.doc("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--name", "b", "--addressfamily", "ipv6")
    key = f"mini-lab/{PROJECT}/my-node-network"
    msg = cli.bad("network", "release", net["id"])
    assert msg == f"network {key} still holds allocations (2: {a['key']}, {b['key']}); release them first, or release recursively (--recursive)"
    assert cli.bad("release", key) == msg
    assert cli.ok("release", a["key"]).split() == [a["key"], "10.0.0.1"]
    freed = cli.ok("network", "release", net["id"], "--recursive").splitlines()
    assert [line.split(None, 1) for line in freed] == [[b["key"], "2001:db8:0:10::1"], [key, "10.0.0.0/22, 2001:db8:0:10::/96"]]
    assert [d["id"] for d in json.loads(cli.ok("network", "list", "-o", "json"))] == ["tenant-super-network-mini-lab"]
    assert "is a super network" in cli.bad("network", "release", "tenant-super-network-mini-lab")
    assert cli.bad("release", "gone") == "key 'gone' not found"


def test_release_takes_a_child_network_id_too(cli):
    net = cli.seed()
    assert cli.ok("release", net["id"]).split() == [f"mini-lab/{PROJECT}/my-node-network", "10.0.0.0/22,", "2001:db8:0:10::/96"]


def test_allocate_twice_is_the_same_network(cli):
    net = cli.seed()
    again = cli.doc("network", "allocate", "--partition", "mini-lab", "--project", PROJECT, "--name", "my-node-network")
    assert again == net


def test_network_create_again_joins_and_grows(cli):
    created = cli.doc("network", "create", "-f", cli.file("s.yaml", SEED_SUPER))
    assert cli.doc("network", "create", "-f", cli.file("s.yaml", SEED_SUPER)) == created  # the same declaration: nothing changes
    grown = cli.doc("network", "create", "-f", cli.file("s2.yaml", SEED_SUPER.replace("- 2001:db8:0:10::/64", "- 2001:db8:0:10::/64\n- 10.1.0.0/16")))
    assert grown["prefixes"] == ["10.0.0.0/16", "2001:db8:0:10::/64", "10.1.0.0/16"]


def test_ula_pinned_once(cli):
    first = cli.ok("ula", "site-a")
    assert cli.ok("ula", "site-a") == first and re.fullmatch(r"fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::/48\n", first)
    assert cli.bad("ula", "a b").startswith("NAME: 'a b' must be")
