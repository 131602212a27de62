"""Hostile and malformed input to ``dualstack ipam`` (issue 11, items 2 and 3): one line naming the flag
or the file, exit 2, the lock byte-identical, never a traceback; the alias bomb within 1 GiB."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from .test_cli_metalctl import PROJECT, SEED_SUPER, cli  # noqa: F401 (cli is a fixture)

BAD_NAMES = {
    "space": "a b",
    "slash": "a/b",
    "newline": "a\nb",
    "huge": "x" * 100_000,
}


# -- --length -----------------------------------------------------------------------------------------
def test_a_family_given_twice_is_refused(cli):
    cli.seed()
    for lengths in ("IPv4=24,IPv4=26", "ipv4=24,IPv4=24", "IPv6=64,IPv4=24,ipv6=80"):
        msg = cli.bad("network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--length", lengths)
        assert msg.startswith("--length: IPv") and "is given twice" in msg, msg


@pytest.mark.parametrize("length, expected", [
    ("IPv4=" + "9" * 5000, "a prefix length has at most 3 digits"),
    ("IPv4=0024", "a prefix length has at most 3 digits"),
    ("IPv4=2\u00b2", "the length must be a number of bits"),  # a superscript digit: isdigit() says yes, int() says no
    ("IPv4=-24", "the length must be a number of bits"),
    ("IPv4=", "must look like IPv4=24 or IPv6=64"),
    ("=24", "must look like IPv4=24 or IPv6=64"),
    ("IPv4:24", "must look like IPv4=24 or IPv6=64"),
    ("IPv7=24", "'IPv7' is not an address family"),
    ("IPv4=999", "length 999 is not a valid ipv4 prefix length"),
])
def test_lengths_are_checked_before_int_conversion(cli, length, expected):
    cli.seed()
    msg = cli.bad("network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--length", length)
    assert expected in msg and len(msg) < 300, msg


def test_grow_lengths_follow_the_same_rules(cli):
    net = cli.seed()
    assert "is given twice" in cli.bad("network", "update", net["id"], "--grow", "IPv4=24,IPv4=25")
    assert "at most 3 digits" in cli.bad("network", "update", net["id"], "--grow", "IPv4=" + "1" * 400)


def test_length_of_a_family_not_allocated_is_refused(cli):
    cli.seed()
    assert cli.bad("network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--addressfamily", "IPv6",
                   "--length", "IPv4=24") == "--length: IPv4 given, but --addressfamily ipv6 allocates no ipv4 prefix"


# -- names, ids and keys: the key grammar, naming the flag ----------------------------------------------
def _argv(flag: str, value: str, net_id: str) -> list[str]:
    allocate = {"--partition": "mini-lab", "--project": "p", "--name": "n"}
    ip = {"--network": net_id, "--project": PROJECT}
    if flag in ("--partition", "--project", "--name"):
        return ["network", "allocate", *[x for k, v in {**allocate, flag: value}.items() for x in (k, v)]]
    if flag == "--network":
        return ["network", "ip", "create", *[x for k, v in {**ip, flag: value}.items() for x in (k, v)]]
    if flag == "--ip-name":
        return ["network", "ip", "create", *[x for k, v in ip.items() for x in (k, v)], "--name", value]
    if flag == "--owner":
        return ["--owner", value, "network", "list"]
    if flag == "--parent":
        return ["network", "allocate", "--partition", "mini-lab", "--project", "p", "--name", "n", "--parent", value]
    if flag == "KEY":
        return ["release", value]
    if flag == "ID":
        return ["network", "release", value]
    if flag == "ADDRESS":
        return ["network", "ip", "delete", value]
    if flag == "--list-project":
        return ["network", "list", "--project", value]
    raise AssertionError(flag)


FLAGS = ["--partition", "--project", "--name", "--network", "--ip-name", "--owner", "--parent", "KEY", "ID", "ADDRESS", "--list-project"]


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("kind", sorted(BAD_NAMES))
def test_bad_names_are_refused_naming_the_flag(cli, flag, kind):
    net = cli.seed()
    value = BAD_NAMES[kind]
    if flag == "KEY" and kind == "slash":
        value = "a//b"  # a slash separates key parts; an empty part is what is wrong in a key
    if flag in ("--network", "--parent", "ID") and kind == "slash":
        value = "/a"
    msg = cli.bad(*_argv(flag, value, net["id"]))
    shown = {"--ip-name": "--name", "--list-project": "--project"}.get(flag, flag)
    assert msg.startswith(f"{shown}: "), msg
    assert len(msg) < 400, len(msg)  # a 100,000-character value is not echoed whole
    if kind == "huge":
        assert "100,000 characters" in msg


def test_a_name_may_not_hold_spaces_but_a_network_name_to_find_may(cli):
    cli.seed()
    assert cli.doc("network", "describe", "Project Super Network")["id"] == "tenant-super-network-mini-lab"
    assert cli.bad("network", "describe", "a\nb").startswith("ID: 'a\\nb' must be one printable line")
    assert cli.bad("network", "list", "--name", "x" * 100_000).startswith("--name: 'xxxxx")


def test_ip_address_flag_is_checked(cli):
    net = cli.seed()
    assert cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--ip", "10.0.0.999") == "--ip: '10.0.0.999' is not an IP address"
    assert "zone index" in cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--ip", "fe80::1%eth0")
    assert "is not inside network" in cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--ip", "10.9.0.1")


def test_addressfamily_choices(cli):
    net = cli.seed()
    assert "invalid choice: 'ipv5'" in cli.bad("network", "ip", "create", "--network", net["id"], "--project", PROJECT, "--addressfamily", "IPv5")
    assert "invalid choice: 'table'" in cli.bad("network", "describe", net["id"], "-o", "table")


# -- the network file ---------------------------------------------------------------------------------------
def _bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


HOSTILE_FILES = {
    "binary": (b"id: x\nprefixes: [10.0.0.0/8]\nname: \xff\xfe\n", "not UTF-8 text (byte 35, line 3: b'\\xff')"),
    "deep": ("id: x\nprefixes: [10.0.0.0/8]\nlabels: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested deeper than 64 levels"),
    "huge-int": ("id: x\nprefixes: [10.0.0.0/8]\ndefaultchildprefixlength: {IPv4: " + "9" * 5000 + "}\n", "an integer of 5000 digits; at most 30"),
    "alias-bomb": (_bomb(), "YAML aliases expand to more than 2,000,000 nodes"),
    "duplicate-key": ("id: x\nprefixes: [10.0.0.0/8]\nid: y\n", "key 'id' is given twice (first at line 1)"),
    "not-yaml": ("id: [x\n", "not valid YAML"),
    "a-list": ("- id: x\n", "must be a mapping with id, prefixes"),
    "empty": ("# nothing\n", "empty; it needs at least id and prefixes"),
    "too-large": ("# " + "x" * (1 << 20) + "\n", "more than the 1,048,576 this tool reads"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_FILES))
def test_hostile_network_files_are_one_line_naming_the_file(cli, kind):
    cli.seed()
    text, expected = HOSTILE_FILES[kind]
    path = cli.file(f"{kind}.yaml", text)
    msg = cli.bad("network", "create", "-f", path)
    assert msg.startswith(f"-f {path}: ") and expected in msg, msg


def test_network_file_fields_each_named(cli):
    cli.seed()
    path = cli.file("fields.yaml", "id: a b\nprefixes: [10.1.0.1/16]\npartitionid: x/y\nname: \"a\\nb\"\nprivatesuper: 'yes'\n"
                                   "defaultchildprefixlength: {IPv4: '22'}\ncolour: blue\n")
    lines = cli.bad_lines("network", "create", "-f", path)  # one line per problem, each naming the file
    assert len(lines) == 7
    for field in ("colour: unknown key (a typo?)", "id: 'a b' must be", "partitionid: 'x/y' must be", "name: 'a\\nb' must be one printable line",
                  "privatesuper: Input should be a valid boolean (got 'yes')", "defaultchildprefixlength.IPv4: Input should be a valid integer",
                  "prefixes: prefixes[0]: '10.1.0.1/16' has host bits set"):
        assert any(line.startswith(f"-f {path}: {field}") for line in lines), (field, lines)


def test_network_file_that_is_not_a_regular_file(cli, tmp_path):
    cli.seed()
    assert cli.bad("network", "create", "-f", str(tmp_path)) == f"-f {tmp_path}: a folder, not a regular file"
    assert cli.bad("network", "create", "-f", str(tmp_path / "missing.yaml")) == f"-f {tmp_path / 'missing.yaml'}: no such file"
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert cli.bad("network", "create", "-f", str(fifo)) == f"-f {fifo}: a FIFO (named pipe), not a regular file"


def _one_gib() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_alias_bomb_in_a_subprocess_limited_to_one_gib(tmp_path):
    (tmp_path / "bomb.yaml").write_text(_bomb(10))  # 9**10 (3.5 billion) strings once expanded
    env = {k: v for k, v in os.environ.items() if k != "DUALSTACK_STORE"}
    r = subprocess.run([sys.executable, "-m", "constructs_lib", "ipam", "network", "create", "-f", "bomb.yaml"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120, preexec_fn=_one_gib, env=env)
    assert r.returncode == 2, r.stderr[-2000:]
    assert r.stderr == "dualstack: error: -f bomb.yaml: YAML aliases expand to more than 2,000,000 nodes (an alias bomb?)\n"
    assert r.stdout == "" and not (tmp_path / "ipam.lock.json").exists()


# -- the lock ---------------------------------------------------------------------------------------------
def test_damaged_lock_is_one_line_and_left_alone(cli):
    for text, expected in ((b"null\n", "holds null, not a lock object"), (b"", "empty; restore it from git"),
                           (b"\xff\n", "not UTF-8 text"), (b'{"format": "dualstack-ipam-lock/1", "networks": {}, "networks": {}}', "given twice")):
        cli.lock.write_bytes(text)
        for argv in (["network", "list"], ["network", "create", "-f", cli.file("s.yaml", SEED_SUPER)], ["ula"]):
            msg = cli.bad(*argv)
            assert msg.startswith(f"lock {cli.lock}: ") and expected in msg, msg


def test_lock_that_is_a_folder(cli, tmp_path):
    code, out, err = cli.run("--lock", str(tmp_path), "network", "list")
    assert code == 2 and err == f"dualstack: error: lock {tmp_path}: a folder, not a regular file\n"


def test_missing_lock_for_a_read_only_command(cli):
    assert cli.bad("network", "list") == (f"lock {cli.lock} does not exist yet; create a super network first: "
                                          "dualstack ipam network create -f FILE")
    assert not cli.lock.exists()
