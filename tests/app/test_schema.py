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


def test_every_shipped_plan_validates_against_the_schema(capsys):
    """What an editor checks with the schema: the plans we ship and test must pass it (nothing the
    tool fills in itself, such as an OpenStack site's ``site``, may be required)."""
    import jsonschema

    assert main(["schema"]) == 0
    validator = jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))
    plans = [ROOT / "plan.yaml", *sorted(ROOT.glob("tests/*/plans/*.yaml"))]
    assert len(plans) >= 8
    for path in plans:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
        assert not errors, (path.name, errors[:3])
    bad = yaml.safe_load((ROOT / "plan.yaml").read_text())
    bad["sites"]["os-fra"]["openstack"]["workerz"] = ["w"]
    assert list(validator.iter_errors(bad))  # the schema does refuse what the tool refuses
