"""`dualstack schema` prints a JSON Schema editors can use for plan.yaml."""

import json

import yaml

from constructs_lib.cli import main

from .conftest import ROOT


def test_schema_names_every_section(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "dualstack plan"
    assert set(schema["properties"]) >= {"version", "owner", "store", "super_networks", "sites", "kubernetes"}
    defs = schema["$defs"]
    assert "OpenStackClusterSpec" in defs and "AwsIpv6Spec" in defs and "ClusterEntry" in defs
    assert set(defs["OpenStackClusterSpec"]["properties"]) >= {"node_supernet", "ipv6_mode", "workers"}
    assert defs["OpenStackClusterSpec"].get("additionalProperties") is False
    mode = json.dumps(defs)
    assert "dhcpv6-stateful" in mode and "slaac" in mode
    # every top-level key of the shipped plan is described
    plan = yaml.safe_load((ROOT / "plan.yaml").read_text())
    assert set(plan) <= set(schema["properties"])
