"""A run killed (SIGKILL) at random points of its commit leaves the store as it was, or as the run left it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from constructs_lib.store.postgres import PostgresStore

from .plans import plan_work

ROOT = Path(__file__).resolve().parents[2]
NODES = 2000  # 4,000 allocations: a commit long enough to be cut in its middle


def start(url: str, owner: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.store._killed_run", url, owner, str(NODES)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_sigkill_mid_commit_leaves_one_of_the_two_states(fresh_pg_url):
    store = PostgresStore(fresh_pg_url)
    # a run left to finish: how long a commit takes, from its start to the process's end
    warm = start(fresh_pg_url, "warm")
    out, err = warm.communicate(timeout=120)
    assert warm.returncode == 0, err
    began, ended = (float(line.split()[1]) for line in out.splitlines())
    commit_seconds = ended - began
    state = store.read()
    rng = random.Random(20240601)
    outcomes = []
    for i in range(6):
        owner = f"run-{i}"
        after = plan_work(owner, [f"n{j}" for j in range(NODES)], ipv4=False)(state).document
        p = start(fresh_pg_url, owner)
        line = p.stdout.readline()
        assert line.startswith("commit"), p.stderr.read()
        time.sleep(rng.uniform(0, commit_seconds * 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait(30)
        now = store.read()
        assert now == state or now == after, f"round {i}: the store is neither before nor after the run"
        rows = store.log()
        assert len({r.run_id for r in rows if r.owner == owner}) == (1 if now == after else 0)
        outcomes.append("after" if now == after else "before")
        state = now
    # the random points did land inside commits (before COMMIT reached the server) at least once
    assert "before" in outcomes, outcomes
    # and a run left alone lands whole: the comparison above can tell the two states apart
    after = plan_work("last", [f"n{j}" for j in range(NODES)], ipv4=False)(state).document
    p = start(fresh_pg_url, "last")
    assert p.wait(120) == 0, p.stderr.read()
    assert store.read() == after != state
