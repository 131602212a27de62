"""``cdktf synth --hcl`` of an OpenStack stack says what its JSON says.

No OpenStack provider binary exists here, so ``terraform validate`` cannot read the HCL (the AWS
stack's HCL is validated against the real provider in tests/app). Instead HashiCorp's own HCL
parser (``@cdktf/hcl2json``, pinned with the cdktf CLI in package.json) turns the HCL back into
JSON, and every resource, data source and output must equal the JSON synthesis: for_each maps,
dynamic blocks, lookups and depends_on included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HCL2JSON = ROOT / "node_modules" / "@cdktf" / "hcl2json"
PARSE = """
const { parse } = require(process.argv[1]);
const fs = require("fs");
parse("cdk.tf", fs.readFileSync(process.argv[2], "utf8"))
  .then((j) => process.stdout.write(JSON.stringify(j)))
  .catch((e) => { console.error(String(e)); process.exit(2); });
"""

pytestmark = pytest.mark.skipif(not HCL2JSON.exists(), reason="the cdktf CLI's packages are not installed: run `npm ci` (make test does)")


SYNTH = """
import sys
from constructs_lib.engine import App
from constructs_lib.ipam import Ipam
from constructs_lib.openstack.cluster_plan import OpenStackClusterSpec
from stacks.openstack_cluster import OpenStackClusterStack
ipam = Ipam()
ipam.create_network("nodes", prefixes=["10.20.0.0/16", "fd00:1::/48"])
ipam.create_network("pods", prefixes=["fd10::/48"])
spec = OpenStackClusterSpec(site="s", node_supernet="nodes", pod_supernet="pods", external_network_id="ext", floating_ip_pool="public",
                            ssh_from={"ipv4": ("198.51.100.0/24",), "ipv6": ("2001:db8:ffff::/48",)},
                            dns_nameservers={"ipv4": ("9.9.9.9",), "ipv6": ("2620:fe::fe",)})
app = App(outdir=sys.argv[1])
OpenStackClusterStack.from_spec(app, "os", ipam=ipam, spec=spec)
app.synth()
"""


def synth(tmp: Path, hcl: bool) -> Path:
    """One synthesis in its own process: cdktf's stack synthesizer reads SYNTH_HCL_OUTPUT (what
    ``cdktf synth --hcl`` sets) from the jsii kernel's environment, fixed when the kernel starts."""
    env = {**os.environ, "SYNTH_HCL_OUTPUT": "true" if hcl else "false"}
    subprocess.run([sys.executable, "-c", SYNTH, str(tmp)], env=env, check=True, timeout=300)
    return tmp / "stacks" / "os"


def from_hcl(doc):
    """hcl2json's shapes as cdktf's JSON writes them: one block per label, dynamic blocks unwrapped."""
    out = {}
    for section in ("resource", "data"):
        for t, named in doc.get(section, {}).items():
            for name, (body,) in named.items():
                body = dict(body)
                if "dynamic" in body:
                    body["dynamic"] = {k: {"for_each": d["for_each"], "content": d["content"][0]}
                                       for k, (d,) in ((k, v) for k, v in body["dynamic"].items())}
                out.setdefault(section, {}).setdefault(t, {})[name] = body
    out["output"] = {name: body for name, (body,) in doc.get("output", {}).items()}
    return out


def without_metadata(doc):
    if isinstance(doc, dict):
        return {k: without_metadata(v) for k, v in doc.items() if k != "//"}
    if isinstance(doc, list):
        return [without_metadata(v) for v in doc]
    return doc


def test_the_hcl_parses_back_to_the_json(tmp_path):
    json_doc = without_metadata(json.loads((synth(tmp_path / "json", False) / "cdk.tf.json").read_text()))
    hcl_file = synth(tmp_path / "hcl", True) / "cdk.tf"
    r = subprocess.run(["node", "-e", PARSE, str(HCL2JSON), str(hcl_file)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"HCL does not parse: {r.stderr}"
    parsed = from_hcl(json.loads(r.stdout))
    assert sorted(parsed["resource"]) == sorted(json_doc["resource"])
    for t, named in json_doc["resource"].items():
        for name, body in named.items():
            assert parsed["resource"][t][name] == body, f"{t}.{name}"
    assert parsed.get("data") == json_doc.get("data")
    assert parsed["output"] == json_doc["output"]
    port = parsed["resource"]["openstack_networking_port_v2"]["k8s"]
    assert "dynamic" in port and len(port["for_each"]) == 7, "the node ports are one for_each resource with a dynamic block"
