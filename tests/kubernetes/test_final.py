"""Final files from ``terraform output -json`` (issue 11 item 18): ``dualstack render``.

The renderings of a cluster on a relative /56 (AWS-like), an ENI address known at apply time and a
VIP from the site; the outputs document is built as Terraform writes it, once by hand (a Python
cidrsubnet/cidrhost) and once by a real ``terraform apply`` of those very outputs."""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from constructs_lib.ipam import Ipam, Prefix
from constructs_lib.kubernetes import plan_cluster
from constructs_lib.kubernetes.final import RenderError, _template_spans, needs_outputs, read_outputs, render_cluster
from constructs_lib.kubernetes.render import output_name

from .conftest import ula_sequence

ROOT = "terraform_data.vpc.output"  # stands for aws_vpc.<vpc>.ipv6_cidr_block: known only after apply
VPC = "2600:1f18:abcd:ef00::/56"
ENI = {"w1": "2600:1f18:abcd:ef00::1:0:0:5", "w2": "2600:1f18:abcd:ef00::2:0:0:7"}
VIP = "10.100.0.4"


def planned(name="poc"):
    ipam = Ipam()
    ipam.create_network("vpc", prefixes=[Prefix.relative(ROOT, 56)])
    machines = [{"name": n, "addresses": {"ipv6": f'${{terraform_data.eni["{n}"].output}}'}} for n in ENI]
    return plan_cluster(
        {"name": name, "nodes": "v6global/64+prefix/80", "pods": "v6fromNode", "services": "v6private/108",
         "targets": ["kubeadm", "kube-proxy", "gardener"], "machines": machines},
        ipam, global_parent="vpc", ula=ula_sequence(),
        control_plane={"vips": {"ipv6": "${terraform_data.vip.output}"}, "holders": {"gw-0": {"ipv6": "2600:1f18:abcd:ef00::a"}},
                       "nodes": ["w1"]})


# -- what Terraform would compute, in Python -------------------------------------------------------------
def _args(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "(["
        depth -= ch in ")]"
        if ch == "," and depth == 0:
            out.append(text[start:i].strip())
            start = i + 1
    return out + [text[start:].strip()]


def tf_eval(expr: str, env: dict[str, str]) -> str:
    expr = expr.strip()
    if expr in env:
        return env[expr]
    m = re.fullmatch(r"(cidrsubnet|cidrhost)\((.*)\)", expr, re.DOTALL)
    assert m, expr
    args = _args(m.group(2))
    net = ipaddress.ip_network(tf_eval(args[0], env))
    if m.group(1) == "cidrhost":
        return str(net.network_address + int(args[1]))
    newbits, netnum = int(args[1]), int(args[2])
    length = net.prefixlen + newbits
    base = int(net.network_address) + (netnum << (net.max_prefixlen - length))
    return str(ipaddress.ip_network((base, length)))


def fill(value, env):
    if isinstance(value, str):
        out, pos = [], 0
        for start, end in _template_spans(value):
            out += [value[pos:start], tf_eval(value[start + 2:end - 1], env)]
            pos = end
        return "".join(out + [value[pos:]])
    if isinstance(value, dict):
        return {k: fill(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, env) for v in value]
    return value


def tf_type(value):
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return ["object", {k: tf_type(v) for k, v in value.items()}]
    return ["tuple", [tf_type(v) for v in value]]


ENV = {ROOT: VPC, "terraform_data.vip.output": "2600:1f18:abcd:ef00::4",
       **{f'terraform_data.eni["{n}"].output': a for n, a in ENI.items()}}


def outputs_document(p, env=ENV) -> dict:
    """``terraform output -json`` as Terraform writes it: name -> {sensitive, type, value}."""
    doc = {}
    for name, value in p.output_values().items():
        value = fill(value, env)
        doc[name] = {"sensitive": False, "type": tf_type(value), "value": value}
    return doc


def synth_folder(tmp_path: Path, *planned_clusters) -> Path:
    """What a synth writes: cdktf.out/kubernetes/<cluster>/<file>."""
    root = tmp_path / "cdktf.out" / "kubernetes"
    for p in planned_clusters:
        for name, text in p.files.items():
            path = root / p.cluster.name / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return root


def dualstack(argv, monkeypatch):
    """The ``dualstack`` command with ``render`` registered as the lead's one line in cli/__init__.py does."""
    import constructs_lib.cli as cli
    from constructs_lib.cli import render

    original = cli.build_parser

    def build():
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "render" not in sub.choices:
            render.register(sub)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)
    return cli.main(argv)


# -- the pure part ----------------------------------------------------------------------------------
def test_templates_are_found_with_nested_braces_and_quotes():
    text = 'a ${one([for ip in x : ip if ip == "}"])} b ${cidrhost(y, 1)}'
    spans = _template_spans(text)
    assert [text[s:e] for s, e in spans] == ['${one([for ip in x : ip if ip == "}"])}', "${cidrhost(y, 1)}"]


def test_render_fills_every_template_and_keeps_the_rest_byte_for_byte():
    p = planned()
    outputs = read_outputs(outputs_document(p), "outputs.json")
    final = render_cluster("poc", p.files, outputs, "outputs.json")
    assert sorted(final) == sorted(p.files)
    assert not [n for n, t in final.items() if needs_outputs(t)]
    for name, text in p.files.items():
        if not needs_outputs(text):
            assert final[name] == text  # copied as it is
    pools = list(yaml.safe_load_all(final["calico/ippools.yaml"]))
    w1 = [x for x in pools if x["metadata"]["name"] == "poc-w1-pods-ipv6"][0]["spec"]["cidr"]
    vpc = ipaddress.ip_network(VPC)
    assert ipaddress.ip_network(w1).prefixlen == 80 and ipaddress.ip_network(w1).subnet_of(vpc)
    join = yaml.safe_load(final["kubeadm/join-w1.yaml"])
    assert join["nodeRegistration"]["kubeletExtraArgs"] == [{"name": "node-ip", "value": ENI["w1"]}]
    cfg = final["haproxy/haproxy.cfg"]
    assert "bind [2600:1f18:abcd:ef00::4]:6443" in cfg and "server w1 [2600:1f18:abcd:ef00::1:0:0:5]:6443" in cfg
    assert "${" not in cfg


def test_missing_unknown_and_foreign_outputs_are_refused_naming_the_output():
    p = planned()
    doc = outputs_document(p)
    name = output_name("poc", "calico/ippools.yaml")
    missing = {k: v for k, v in doc.items() if k != name}
    with pytest.raises(RenderError) as e:
        render_cluster("poc", p.files, read_outputs(missing, "o.json"), "o.json")
    assert str(e.value) == (f"o.json: output {name} is missing (poc/calico/ippools.yaml needs it); apply the stack of the "
                            "cluster's site and pass its terraform output -json")
    unknown = {**doc, name: {**doc[name], "value": None}}
    with pytest.raises(RenderError) as e:
        render_cluster("poc", p.files, read_outputs(unknown, "o.json"), "o.json")
    assert f"output {name} is null: its value is still unknown" in str(e.value)
    # a value Terraform did not fill in
    raw = {**doc, name: {**doc[name], "value": p.output_values()[name]}}
    with pytest.raises(RenderError) as e:
        render_cluster("poc", p.files, read_outputs(raw, "o.json"), "o.json")
    assert f"output {name} still holds Terraform template text at [0].spec.cidr" in str(e.value)
    # the outputs of another synth (a block size changed since): refused, not mixed
    other = planned()
    other_doc = outputs_document(other)
    changed = json.loads(json.dumps(other_doc))
    changed[name]["value"][0]["spec"]["blockSize"] = 120
    with pytest.raises(RenderError) as e:
        render_cluster("poc", p.files, read_outputs(changed, "o.json"), "o.json")
    assert "is not poc/calico/ippools.yaml as synthesized (at [0].spec.blockSize: 122 here, 120 in the output)" in str(e.value)
    with pytest.raises(RenderError) as e:
        read_outputs({"k": 1}, "o.json")
    assert "output k: no value" in str(e.value)


# -- the command ------------------------------------------------------------------------------------------
def test_render_without_outputs_lists_which_files_need_them(tmp_path, monkeypatch, capsys):
    root = synth_folder(tmp_path, planned())
    assert dualstack(["render", "--in", str(root)], monkeypatch) == 0
    out = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line.split(None, 1)[1] for line in out if line.startswith("poc/")}
    assert rows["poc/calico/ippools.yaml"] == "needs output k8s_poc_calico_ippools"
    assert rows["poc/calico/cni-ipam.yaml"] == "final (copied as it is)"
    assert rows["poc/haproxy/haproxy.cfg"] == "needs output k8s_poc_haproxy_haproxy"
    assert out[-1].startswith(f"{sum(1 for r in rows.values() if r.startswith('needs'))} of {len(rows)} files hold values known after apply")


def test_render_from_outputs_writes_final_files_and_replaces_the_cluster_folder(tmp_path, monkeypatch, capsys):
    p = planned()
    root = synth_folder(tmp_path, p)
    outputs = tmp_path / "aws-poc.json"
    outputs.write_text(json.dumps(outputs_document(p), indent=2))
    out = tmp_path / "rendered"
    (out / "poc" / "kubeadm").mkdir(parents=True)
    (out / "poc" / "kubeadm" / "join-gone.yaml").write_text("an earlier node's file\n")
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out)], monkeypatch) == 0
    assert f"dualstack: wrote {out / 'poc'}: {len(p.files)} files" in capsys.readouterr().out
    written = {f.relative_to(out / "poc").as_posix(): f.read_text() for f in (out / "poc").rglob("*") if f.is_file()}
    assert sorted(written) == sorted(p.files)  # the removed node's file is gone, nothing else is there
    assert not [n for n, t in written.items() if "${" in t]
    assert [x.name for x in out.iterdir()] == ["poc"]  # no staging folder left behind
    # the same input gives the same bytes
    first = dict(written)
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out)], monkeypatch) == 0
    assert {f.relative_to(out / "poc").as_posix(): f.read_text() for f in (out / "poc").rglob("*") if f.is_file()} == first


def test_render_refusal_is_one_line_exit_2_and_nothing_written(tmp_path, monkeypatch, capsys):
    p = planned()
    root = synth_folder(tmp_path, p)
    doc = outputs_document(p)
    del doc["k8s_poc_kubeadm_join_w2"]
    outputs = tmp_path / "o.json"
    outputs.write_text(json.dumps(doc))
    out = tmp_path / "rendered"
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out)], monkeypatch) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"dualstack: error: --from-outputs {outputs}: output k8s_poc_kubeadm_join_w2 is missing (poc/kubeadm/join-w2.yaml "
                   "needs it); apply the stack of the cluster's site and pass its terraform output -json"]
    assert not out.exists()
    # bad JSON, a folder of the synth as --out, an unknown cluster: one line each
    outputs.write_text("{not json")
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out)], monkeypatch) == 2
    assert capsys.readouterr().err.count("\n") == 1
    outputs.write_text(json.dumps(outputs_document(p)))
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(root / "poc")], monkeypatch) == 2
    assert "--out" in capsys.readouterr().err
    assert dualstack(["render", "--in", str(root), "--cluster", "nope"], monkeypatch) == 2
    assert "--cluster: 'nope' is not one of the renderings" in capsys.readouterr().err


def test_clusters_of_another_stack_are_skipped_and_named(tmp_path, monkeypatch, capsys):
    poc, other = planned("poc"), planned("edge")
    root = synth_folder(tmp_path, poc, other)
    outputs = tmp_path / "aws-poc.json"
    outputs.write_text(json.dumps(outputs_document(poc)))
    out = tmp_path / "rendered"
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out)], monkeypatch) == 0
    said = capsys.readouterr().out
    assert "dualstack: skipped cluster edge: its outputs (k8s_edge_" in said
    assert sorted(x.name for x in out.iterdir()) == ["poc"]
    # named explicitly, a cluster whose outputs are absent is refused
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(outputs), "--out", str(out), "--cluster", "edge"],
                     monkeypatch) == 2
    assert "output k8s_edge_" in capsys.readouterr().err


# -- against the real Terraform -------------------------------------------------------------------------
TERRAFORM = shutil.which("terraform")


@pytest.mark.skipif(TERRAFORM is None, reason="no terraform CLI on PATH: the render round trip through terraform apply not run")
def test_round_trip_through_terraform_apply_and_output_json(tmp_path, monkeypatch):
    """The outputs as the stack declares them, applied by Terraform (values known only after apply),
    read back with terraform output -json, made final by dualstack render."""
    p = planned()
    work = tmp_path / "stack"
    work.mkdir()
    config = {
        "resource": {"terraform_data": {
            "vpc": {"input": VPC},
            "vip": {"input": "2600:1f18:abcd:ef00::4"},
            "eni": {"for_each": ENI, "input": "${each.value}"},
        }},
        "output": {name: {"value": value} for name, value in p.output_values().items()},
    }
    (work / "main.tf.json").write_text(json.dumps(config, indent=2, sort_keys=True))
    (work / "empty.tfrc").write_text("")
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1", "TF_INPUT": "0",
           "TF_CLI_CONFIG_FILE": str(work / "empty.tfrc")}

    def tf(*args):
        r = subprocess.run([TERRAFORM, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    tf("init", "-input=false", "-no-color")
    tf("apply", "-auto-approve", "-input=false", "-no-color", "-lock=false")
    (tmp_path / "outputs.json").write_text(tf("output", "-json"))
    real = json.loads((tmp_path / "outputs.json").read_text())
    assert set(real) == set(p.output_values()) and all(set(v) == {"sensitive", "type", "value"} for v in real.values())

    root = synth_folder(tmp_path, p)
    out = tmp_path / "rendered"
    assert dualstack(["render", "--in", str(root), "--from-outputs", str(tmp_path / "outputs.json"), "--out", str(out)],
                     monkeypatch) == 0
    final = {f.relative_to(out / "poc").as_posix(): f.read_text() for f in (out / "poc").rglob("*") if f.is_file()}
    # what Terraform computed is what a Python cidrsubnet/cidrhost computes from the same /56
    expected = render_cluster("poc", p.files, read_outputs(outputs_document(p), "python"), "python")
    assert final == expected
    assert not [n for n, t in final.items() if "${" in t]
