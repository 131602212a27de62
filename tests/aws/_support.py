"""Shared helpers for the AWS tests: synthesize a stack into a directory and read it back."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("CHECKPOINT_DISABLE", "1")

from constructs_lib.ipam import Ipam  # noqa: E402

AMI = "ami-0123456789abcdef0"


def synth(spec, outdir: Path, *, ipam: Ipam | None = None, stack_id: str = "aws-ipv6", security=None) -> tuple[dict, Path, Ipam]:
    """Synthesize the PoC stack (planned here: ``AwsIpv6Stack.from_spec``) in a fresh App; return (JSON, stack dir, ipam)."""
    from constructs_lib.engine import App

    from stacks.aws_ipv6 import AwsIpv6Stack

    ipam = ipam if ipam is not None else Ipam()
    app = App(outdir=str(outdir))
    AwsIpv6Stack.from_spec(app, stack_id, ipam=ipam, spec=spec, security=security)
    app.synth()
    stack_dir = Path(outdir) / "stacks" / stack_id
    return json.loads((stack_dir / "cdk.tf.json").read_text()), stack_dir, ipam


def without_metadata(doc: dict) -> dict:
    """The JSON minus cdktf's ``//`` metadata blocks (paths), for value comparisons."""
    if isinstance(doc, dict):
        return {k: without_metadata(v) for k, v in doc.items() if k != "//"}
    if isinstance(doc, list):
        return [without_metadata(v) for v in doc]
    return doc
