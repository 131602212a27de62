"""The cdktf app (``cdktf.json``: ``"app": ".venv/bin/python main.py"``).

Loads ``plan.yaml`` and ``ipam.lock.json`` (or ``$DUALSTACK_PLAN``), allocates, builds one stack
per site, writes the Kubernetes renderings and the address-plan review, and synthesizes.
"""

import os
import sys

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from constructs_lib.app.run import synth  # noqa: E402

if __name__ == "__main__":
    sys.exit(synth(os.environ.get("DUALSTACK_PLAN", "plan.yaml"), prune=os.environ.get("DUALSTACK_PRUNE") == "1"))
