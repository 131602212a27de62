"""The relative renderings must agree with Terraform's own cidrsubnet()/cidrhost()."""

import json
import os
import random
import shutil
import subprocess

import pytest

from constructs_lib.ipam import Ipam, Prefix

TERRAFORM = shutil.which("terraform")
pytestmark = pytest.mark.skipif(TERRAFORM is None, reason="no terraform CLI on PATH: relative renderings not checked against terraform console")


def terraform_eval(exprs: list[str], tmp_path) -> list[str]:
    """Evaluate many expressions in one `terraform console` run, as one jsonencode([...])."""
    env = dict(os.environ, CHECKPOINT_DISABLE="1", TF_CLI_CONFIG_FILE=os.devnull, TF_IN_AUTOMATION="1")
    expr = "jsonencode([" + ", ".join(exprs) + "])\n"
    out = subprocess.run([TERRAFORM, "console"], input=expr, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    values = json.loads(json.loads(out.stdout))  # console prints the JSON text as a quoted HCL string
    assert len(values) == len(exprs)
    return values


def test_relative_and_concrete_renderings_agree_with_terraform(tmp_path):
    rnd = random.Random(4193)
    cases = []  # (expression, expected concrete text)
    for n in range(40):
        version = rnd.choice([4, 6, 6])
        maxbits = 32 if version == 4 else 128
        root_len = rnd.randrange(8, maxbits - 10) if version == 4 else rnd.choice([32, 44, 48, 56, 60, 64])
        base = rnd.getrandbits(maxbits) >> (maxbits - root_len) << (maxbits - root_len)
        concrete_root = Prefix(version, base, root_len)
        rel, con = Ipam(), Ipam()
        rel.create_network("r", [Prefix.relative("var.root", root_len, version)])
        con.create_network("r", [concrete_root.text])
        mid_len = min(root_len + rnd.randrange(1, 9), maxbits - 4)
        rel.allocate_network("r", key="mid", id="mid", lengths={version: mid_len})
        con.allocate_network("r", key="mid", id="mid", lengths={version: mid_len})
        for k in range(rnd.randrange(1, 4)):  # shift the next picks away from offset 0
            length = rnd.randrange(mid_len + 1, maxbits + 1)
            rel.acquire_prefix("mid", f"pad{k}", length=length)
            con.acquire_prefix("mid", f"pad{k}", length=length)
        leaf_len = rnd.randrange(mid_len + 1, min(mid_len + 40, maxbits) + 1)
        r, c = rel.acquire_prefix("mid", "leaf", length=leaf_len), con.acquire_prefix("mid", "leaf", length=leaf_len)
        ri, ci = rel.acquire_ip("mid", "host"), con.acquire_ip("mid", "host")
        root_literal = f'"{concrete_root.text}"'
        for rel_alloc, con_alloc in ((r, c), (ri, ci)):
            expected = con_alloc.text
            cases.append((rel_alloc.text.replace("var.root", root_literal), expected))  # nested against the root
            mid_text = con.network("mid").prefixes[0].text
            cases.append((rel_alloc.expr(f'"{mid_text}"'), expected))  # against the immediate parent
            cases.append((rel.network("mid").prefixes[0].text.replace("var.root", root_literal), mid_text))
    got = terraform_eval([e for e, _ in cases], tmp_path)
    for (expr, expected), value in zip(cases, got):
        assert value == expected, expr
