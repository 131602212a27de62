"""The cdktf side of the app: one stack per site, cluster renderings as Terraform outputs.

This is the only part of the app that starts jsii; everything before it is pure Python.
"""

from __future__ import annotations

import os

import yaml

from .pipeline import Allocated
from .plan_file import Plan, PlanError


def as_output(text: str):
    """A rendered YAML file as a Terraform output value: its document, or the list of its documents."""
    docs = list(yaml.safe_load_all(text))
    return docs[0] if len(docs) == 1 else docs


def synthesize(plan: Plan, allocated: Allocated, outdir: str) -> list[str]:
    """Synthesize every site into ``outdir``; returns the stack names."""
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")  # keep jsii's banner out of output
    from constructs_lib.engine import App, TerraformOutput

    app = App(outdir=outdir)
    stacks = {}
    for name, site in plan.sites.items():  # the stacks ask the same keys again: same answers
        try:
            # imported per kind: the OpenStack bindings' jsii assembly alone costs ~0.9 s to load
            if site.openstack is not None:
                from stacks.openstack_cluster import build_openstack_cluster

                stacks[name] = build_openstack_cluster(app, name, ipam=allocated.ipam, spec=site.openstack)
            else:
                from stacks.aws_ipv6 import build_aws_ipv6_stack

                stacks[name] = build_aws_ipv6_stack(app, name, ipam=allocated.ipam, spec=site.aws)
        except ValueError as e:  # a construct's own check (Neutron rules, AWS limits): still one line
            raise PlanError([f"sites.{name}.{site.kind}: {' '.join(str(e).split())}"]) from None
    for cluster, planned in allocated.clusters.items():
        site = plan.kubernetes[cluster].site
        if site is None:
            continue  # no stack to carry outputs: the files beside the stacks are the rendering
        for output, text in planned.outputs().items():
            # structured, not text: consumers read `terraform output -json`, and cdktf's HCL
            # renderer writes a multi-line output string as an invalid quoted string
            TerraformOutput(stacks[site], output, value=as_output(text), description=f"Kubernetes cluster {cluster}: rendered configuration")
    app.synth()
    return list(stacks)
