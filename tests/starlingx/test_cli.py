"""``dualstack starlingx import-bootstrap`` and ``export-bootstrap``: output, refusals (one line, exit 2)."""

import argparse
import json

import pytest
import yaml

import constructs_lib.cli as cli
from constructs_lib.cli import starlingx as starlingx_cmd
from constructs_lib.ipam import Ipam, to_dict
from constructs_lib.starlingx import plan_starlingx
from constructs_lib.store import LockfileStore

from . import seed
from .test_seed import SEED_SECTION


@pytest.fixture
def dualstack(monkeypatch, capsys):
    """``dualstack`` with the starlingx commands registered (the lead's one line in cli/__init__.py)."""
    build = cli.build_parser

    def with_starlingx():
        parser = build()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "starlingx" not in sub.choices:
            starlingx_cmd.register(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", with_starlingx)

    def run(*argv):
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_import_bootstrap_prints_the_section_and_warns_what_the_plan_refuses(dualstack, tmp_path):
    (tmp_path / "localhost.yml").write_text(seed.BOOTSTRAP)
    code, out, err = dualstack("starlingx", "import-bootstrap", str(tmp_path / "localhost.yml"), "--system", "lab")
    assert code == 0
    assert yaml.safe_load(out) == {"starlingx": {"lab": SEED_SECTION}}
    assert err.splitlines() == [
        "dualstack: warning: the plan will refuse this: starlingx.lab.cluster-host.secondary.subnet: 198.51.100.0/24 overlaps "
        "the ipv4 pool of starlingx.lab.pxeboot (198.51.100.0/24); StarlingX refuses address pools that overlap (sysinv lets "
        "only cluster-host, cluster-pod and cluster-service overlap each other) and the plan keeps every range apart: give it "
        "a subnet of its own"]


@pytest.mark.parametrize("text, args, line", [
    (None, ("missing.yml",), "dualstack: error: bootstrap missing.yml: no such file"),
    ("pxeboot_subnet: fd02::/64\n", ("localhost.yml",),
     "dualstack: error: bootstrap localhost.yml: pxeboot_subnet: 'fd02::/64': pxeboot supports IPv4 only; give an IPv4 subnet"),
    ("a: [1\n", ("localhost.yml",), "dualstack: error: bootstrap localhost.yml: not valid YAML (line 2, column 1): "
                                    "expected ',' or ']', but got '<stream end>'"),
    ("pxeboot_subnet: 169.254.202.0/24\n", ("localhost.yml", "--system", "Lab"),
     "dualstack: error: --system: 'Lab' is not a system name (lower-case letters, digits and '-', at most 42)"),
])
def test_import_refusals_are_one_line_and_exit_2(dualstack, tmp_path, monkeypatch, text, args, line):
    monkeypatch.chdir(tmp_path)
    if text is not None:
        (tmp_path / "localhost.yml").write_text(text)
    code, out, err = dualstack("starlingx", "import-bootstrap", *args)
    assert (code, out, err) == (2, "", line + "\n")


PLAN = """\
version: 1
super_networks:
  - id: lab-v4
    prefixes: [10.30.0.0/16]
    defaultchildprefixlength: {ipv4: 24}
starlingx:
  lab:
    management:
      primary: {subnet: fd01::/64}
    oam:
      primary: {subnet: fd00::/64, gateway_address: fd00::1}
      secondary: {from: lab-v4, gateway_address: 10.30.1.1}
"""


def test_export_bootstrap_takes_from_pools_out_of_the_lock(dualstack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN)
    code, out, err = dualstack("starlingx", "export-bootstrap")
    assert (code, out) == (2, "")
    assert err == ("dualstack: error: starlingx.lab.oam.secondary.from: lab-v4: no pool taken from it in the lock "
                   f"{tmp_path}/ipam.lock.json yet; run dualstack synth first, so the subnet is allocated\n")
    # what a run leaves in the lock: the super network, then the pool taken from it
    ipam = Ipam()
    ipam.create_network("lab-v4", ["10.30.0.0/16"], default_child_prefix_length={"ipv4": 24})
    ipam.acquire_prefix("lab-v4", "someone/else", length=24)  # the first /24 is taken: the pool gets the next one
    plan_starlingx(ipam, yaml.safe_load(PLAN)["starlingx"])
    LockfileStore(tmp_path / "ipam.lock.json").write(to_dict(ipam))
    lock_before = (tmp_path / "ipam.lock.json").read_text()
    code, out, err = dualstack("starlingx", "export-bootstrap", "--system", "lab")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "external_oam_subnet: fd00::/64,10.30.1.0/24" in lines and "external_oam_gateway_address: fd00::1,10.30.1.1" in lines
    assert (tmp_path / "ipam.lock.json").read_text() == lock_before  # nothing written


def test_export_bootstrap_refusals(dualstack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text("version: 1\nsites: {}\n")
    assert dualstack("starlingx", "export-bootstrap") == (2, "", "dualstack: error: plan plan.yaml: has no starlingx: section\n")
    (tmp_path / "two.yaml").write_text(yaml.safe_dump({"starlingx": {
        "a": {"management": {"primary": {"subnet": "fd01::/64"}}, "oam": {"primary": {"subnet": "fd00::/64"}}},
        "b": {"management": {"primary": {"subnet": "fd11::/64"}}, "oam": {"primary": {"subnet": "fd10::/64"}}}}}))
    code, out, err = dualstack("starlingx", "export-bootstrap", "--plan", "two.yaml")
    assert (code, err) == (2, "dualstack: error: --system: the plan has 2 systems (a, b); name one\n")
    code, out, err = dualstack("starlingx", "export-bootstrap", "--plan", "two.yaml", "--system", "c")
    assert (code, err) == (2, "dualstack: error: starlingx.c: not a system of the plan (a, b)\n")
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump({"starlingx": {"a": {"oam": {"primary": {"subnet": "fd00::/64"}}}}}))
    code, out, err = dualstack("starlingx", "export-bootstrap", "--plan", "bad.yaml")
    assert (code, err) == (2, "dualstack: error: plan bad.yaml: starlingx.a.management: Field required\n")
    code, out, err = dualstack("starlingx", "export-bootstrap", "--plan", "two.yaml", "--system", "a")
    assert code == 0 and "management_subnet: fd01::/64" in out.splitlines()
    json.dumps(out)  # plain text
