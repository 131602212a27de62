"""The cdktf app (``cdktf.json``: ``"app": ".venv/bin/python main.py"``).

Loads ``plan.yaml`` (or ``$DUALSTACK_PLAN``) and its store (``ipam.lock.json`` beside it, or
``$DUALSTACK_STORE`` / the plan's ``store:``), allocates, builds one stack per site, writes the
Kubernetes renderings and the address-plan review, and synthesizes. ``DUALSTACK_PRUNE=1``
releases lock entries the plan no longer names.
"""

import os

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from constructs_lib import engine  # noqa: E402

engine.preload()  # the CDK engine (node + jsii) starts while the plan is read and allocated

from constructs_lib.app.run import exit_now, main_job  # noqa: E402

if __name__ == "__main__":
    exit_now(main_job(os.environ))
