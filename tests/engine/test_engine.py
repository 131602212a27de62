"""constructs_lib.engine: which engine, loaded when, and preloading it beside the pure work."""

from __future__ import annotations

import os
import subprocess
import sys

ENV = {**os.environ, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20", "CHECKPOINT_DISABLE": "1"}


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env={**ENV, **env}, capture_output=True, text=True, timeout=300)


def test_nothing_loads_until_a_name_is_used():
    r = run("import sys; from constructs_lib import engine; import constructs_lib.openstack.cluster_plan, constructs_lib.aws.fleet_plan; "
            "print(sorted(m for m in ('cdktf', 'cdktn', 'jsii', 'constructs') if m in sys.modules))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_preload_loads_in_the_background_and_the_first_name_waits_for_it():
    code = """
import sys, threading, time
from constructs_lib import engine
engine.preload()
# it returns once jsii's own (CPU-bound) import is done (about 0.15 s), the engine still loading
assert "jsii" in sys.modules
engine.preload()  # idempotent
assert engine._preload is not None and engine._preload.daemon
# pure work meanwhile; then the first engine name joins the load and synthesizes as usual
total = sum(i * i for i in range(200000))
from constructs_lib.engine import App, TerraformOutput, TerraformStack
app = App(outdir=sys.argv[1])
TerraformOutput(TerraformStack(app, "s"), "o", value=total)
app.synth()
assert not engine._preload.is_alive()
print(engine.engine_name())
"""
    r = subprocess.run([sys.executable, "-c", code, "/tmp/dualstack-preload-test"], env=ENV, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() in ("cdktf", "cdktn")


def test_a_bad_engine_name_is_one_line_on_first_use_even_after_a_preload():
    r = run("from constructs_lib import engine\nengine.preload()\ntry:\n    engine.App\nexcept engine.EngineError as e:\n    print(e)",
            DUALSTACK_ENGINE="cdkzz")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "DUALSTACK_ENGINE: 'cdkzz' is not one of cdktf, cdktn, auto"


def test_cdktf_is_picked_when_asked():
    r = run("from constructs_lib import engine; print(engine.engine_name())", DUALSTACK_ENGINE="cdktf")
    assert r.returncode == 0 and r.stdout.strip() == "cdktf", r.stderr
