"""2 owners x 8 runs at once (16 processes) against one server, each adding its own keys to shared
super networks through ``base.transact`` and the allocator."""

from __future__ import annotations

import multiprocessing

from constructs_lib.ipam import lockfile
from constructs_lib.store import documents
from constructs_lib.store.base import transact
from constructs_lib.store.postgres import PostgresStore

from .plans import plan_work

OWNERS = ("team-a", "team-b")
RUNS = 8
NODES = 10  # per run: 30 keys (an IPv4 and an IPv6 address and a /80 per node)


def _run(url: str, owner: str, run: int, barrier, results) -> None:
    barrier.wait()  # every run starts at once
    try:
        got = transact(PostgresStore(url), owner, plan_work(owner, [f"run{run}-n{i}" for i in range(NODES)]), run_id=f"{owner}-{run}")
        results.put((owner, run, got))
    except BaseException as e:  # noqa: BLE001 - reported to the parent
        results.put((owner, run, f"{type(e).__name__}: {e}"))


def test_two_owners_eight_runs_each_at_once(fresh_pg_url):
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(len(OWNERS) * RUNS), ctx.Queue()
    procs = [ctx.Process(target=_run, args=(fresh_pg_url, owner, run, barrier, results)) for owner in OWNERS for run in range(RUNS)]
    for p in procs:
        p.start()
    got = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
    failed = [g for g in got if isinstance(g[2], str)]
    assert not failed, failed

    store = PostgresStore(fresh_pg_url)
    doc = store.read()
    allocations = doc["allocations"]
    # no write lost: every key of every run is there, with the range its run was given, held by its owner
    for owner, run, keys in got:
        assert len(keys) == NODES * 3
        for key, text in keys.items():
            a = allocations[key]
            assert (a.get("cidr") or a.get("address")) == text and a["owner"] == owner, key
    # and nothing else: each owner's rows are exactly the union of its runs' keys
    for owner in OWNERS:
        mine = {k for k, a in allocations.items() if a["owner"] == owner}
        assert mine == {k for o, _, keys in got if o == owner for k in keys}
        assert set(documents.project(doc, owner)["allocations"]) == mine
    # every key exactly one range, nothing overlapping across owners: the whole namespace rebuilds, and no block overlaps another
    texts = [a.get("cidr") or a.get("address") for a in allocations.values()]
    assert len(texts) == len(set(texts)) == len(OWNERS) * RUNS * NODES * 3
    lockfile.from_dict(doc)
    every = {("allocation", k) for k in allocations} | {("network", id) for id in doc["networks"]}
    assert documents.overlaps(doc, every) == []
    assert doc["networks"]["shared"]["owners"] == list(OWNERS)
    # one commit per run, in the log under its run id
    runs = {e.run_id for e in store.log()}
    assert runs == {f"{owner}-{run}" for owner in OWNERS for run in range(RUNS)}


def _same_plan(url: str, run: int, barrier, results) -> None:
    barrier.wait()
    results.put(transact(PostgresStore(url), "team-a", plan_work("team-a", [f"n{i}" for i in range(NODES)]), run_id=f"ci-job-{run}"))


def test_the_same_plan_in_four_ci_jobs_at_once_is_written_once(fresh_pg_url):
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_same_plan, args=(fresh_pg_url, run, barrier, results)) for run in range(4)]
    for p in procs:
        p.start()
    got = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
    assert all(g == got[0] for g in got)  # the same ranges for every job
    assert len({e.run_id for e in PostgresStore(fresh_pg_url).log()}) == 1  # and only the first one wrote
