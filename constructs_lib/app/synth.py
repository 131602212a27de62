"""The cdktf side of the app: one stack per site, cluster renderings as Terraform outputs.

This is the only part of the app that starts jsii; everything before it is pure Python. Each
site's stack is built by its kind from the plan the pipeline made: nothing is planned again.
"""

from __future__ import annotations

from typing import Callable

from .. import sites as site_kinds
from ..errors import DualstackError, one_line
from .pipeline import Allocated
from .plan_file import PlanError


def synthesize(plan, allocated: Allocated, outdir: str, backend_path: Callable[[str], str]) -> list[str]:
    """Synthesize every site into ``outdir``; ``backend_path(stack)`` names its state. Returns the stack names."""
    # pure work first: the engine may still be loading (main.py preloads it)
    outputs = {cluster: planned.output_values() for cluster, planned in allocated.clusters.items()
               if plan.kubernetes[cluster].site is not None}
    from ..engine import App
    from ..providers.elements import Output

    app = App(outdir=outdir)
    kinds = site_kinds.kinds()
    stacks = {}
    for name, planned in allocated.sites.items():
        try:
            stacks[name] = kinds[planned.kind].build_stack(app, name, planned.plan, backend_path=backend_path(name))
        except DualstackError as e:  # a construct's own check (Neutron rules, AWS limits): still one line
            raise PlanError([f"sites.{name}.{planned.kind}: {one_line(e)}"]) from None
    for cluster, values in outputs.items():  # a cluster without a site has its files only
        site = plan.kubernetes[cluster].site
        for output, value in values.items():
            # YAML files structured, not text: consumers read `terraform output -json`, and cdktf's HCL
            # renderer writes a multi-line output string as an invalid quoted string
            Output(stacks[site], output, value=value, description=f"Kubernetes cluster {cluster}: rendered configuration")
    app.synth()
    return list(stacks)
