"""The cdktf side of the app: one stack per site, cluster renderings as Terraform outputs.

This is the only part of the app that starts jsii; everything before it is pure Python.
"""

from __future__ import annotations

from .pipeline import Allocated
from .plan_file import Plan


def synthesize(plan: Plan, allocated: Allocated, outdir: str) -> list[str]:
    """Synthesize every site into ``outdir``; returns the stack names."""
    from cdktf import App, TerraformOutput

    from stacks.aws_ipv6 import build_aws_ipv6_stack
    from stacks.openstack_cluster import build_openstack_cluster

    app = App(outdir=outdir)
    stacks = {}
    for name, site in plan.sites.items():  # the stacks ask the same keys again: same answers
        if site.openstack is not None:
            stacks[name] = build_openstack_cluster(app, name, ipam=allocated.ipam, spec=site.openstack)
        else:
            stacks[name] = build_aws_ipv6_stack(app, name, ipam=allocated.ipam, spec=site.aws)
    for cluster, planned in allocated.clusters.items():
        site = plan.kubernetes[cluster].site
        if site is None:
            continue  # no stack to carry outputs: the files beside the stacks are the rendering
        for output, text in planned.outputs().items():
            TerraformOutput(stacks[site], output, value=text, description=f"Kubernetes cluster {cluster}: rendered configuration")
    app.synth()
    return list(stacks)
