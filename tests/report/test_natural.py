"""Natural order of keys: worker-2 before worker-10, at every run of digits, stable for equal keys."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_lib.ipam import Ipam
from constructs_lib.report import diff, render_text, rows
from constructs_lib.report.natural import natural_key, natural_sorted

TEXT = st.text(alphabet="abz-/._:", max_size=6)  # no digits: the runs between numbers
NUMBER = st.integers(min_value=0, max_value=10**30)
KEYS = st.text(alphabet="ab-/09", max_size=12)


@given(TEXT, NUMBER, NUMBER, TEXT)
def test_a_number_compares_by_value(head, a, b, tail):
    x, y = f"{head}{a}{tail}", f"{head}{b}{tail}"
    assert (natural_key(x) < natural_key(y)) == (a < b)


@given(st.lists(st.tuples(NUMBER, NUMBER, NUMBER), min_size=1, max_size=20))
def test_every_numeric_run_counts(triples):
    keys = [f"site-{a}/node-{b}/eth{c}" for a, b, c in triples]
    assert natural_sorted(keys) == [f"site-{a}/node-{b}/eth{c}" for a, b, c in sorted(triples)]


@given(st.lists(KEYS, max_size=30), st.randoms(use_true_random=False))
def test_a_total_order_whatever_the_input_order(keys, rnd):
    ordered = natural_sorted(keys)
    assert sorted(ordered) == sorted(keys)  # a permutation: nothing lost or added
    assert all(natural_key(a) <= natural_key(b) for a, b in zip(ordered, ordered[1:]))
    shuffled = list(keys)
    rnd.shuffle(shuffled)
    assert natural_sorted(shuffled) == ordered  # equal keys are equal strings, so the order is the same
    # distinct strings never tie, even when they read as the same number (node-01, node-1)
    assert all(natural_key(a) != natural_key(b) for a, b in zip(ordered, ordered[1:]) if a != b)


@given(st.lists(st.tuples(KEYS, st.integers()), max_size=30))
def test_stable_for_equal_keys(items):
    tagged = [(key, i) for i, (key, _) in enumerate(items)]
    ordered = natural_sorted(tagged, key=lambda t: t[0])
    for (k1, i1), (k2, i2) in zip(ordered, ordered[1:]):
        if k1 == k2:
            assert i1 < i2  # input order kept


def test_examples():
    assert natural_sorted(["worker-10", "worker-2", "worker-1"]) == ["worker-1", "worker-2", "worker-10"]
    assert natural_sorted(["node-10", "node-9"]) == ["node-9", "node-10"]
    assert natural_sorted(["a/10/x2", "a/9/x10", "a/9/x9"]) == ["a/9/x9", "a/9/x10", "a/10/x2"]
    assert natural_sorted(["node-1", "node-01", "node-001"]) == ["node-001", "node-01", "node-1"]
    huge = "n" + "9" * 5000  # no int conversion: Python refuses ints of 5,000 digits from text
    assert natural_sorted([huge, "n" + "1" + "0" * 5000, "n5"]) == ["n5", huge, "n1" + "0" * 5000]


def _workers(order):
    ipam = Ipam()
    ipam.create_network("fra", ["10.0.0.0/24"], partition="fra")
    for i in order:
        ipam.acquire_ip("fra", f"fra/nodes/worker-{i}/ipv4")
    return ipam


def test_table_and_changes_in_natural_order():
    order = list(range(1, 13))
    random.Random(7).shuffle(order)  # allocated in another order: addresses do not follow the names
    ipam = _workers(order)
    expected = [f"fra/nodes/worker-{i}/ipv4" for i in range(1, 13)]
    assert [r.key for r in rows(ipam) if r.kind == "ip"] == expected
    d = diff(None, ipam)
    assert [c.key for c in d.added if c.kind == "ip"] == expected
    text = render_text(rows(ipam), diff(_workers([]), ipam), width=None)
    listed = [line.split()[1] for line in text.splitlines() if line.startswith("  +")]
    assert listed == expected


@settings(max_examples=30)
@given(st.permutations(list(range(1, 16))))
def test_rows_do_not_depend_on_allocation_order(order):
    assert [r.key for r in rows(_workers(order)) if r.kind == "ip"] == [f"fra/nodes/worker-{i}/ipv4" for i in range(1, 16)]
