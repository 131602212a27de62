"""Properties of the allocator under random operation sequences (hypothesis)."""

import json

from hypothesis import given, settings, strategies as st

from constructs_lib.ipam import IpamError, Ipam, dumps, from_dict

SUPERS = {"s4": ["10.0.0.0/20"], "s6": ["2001:db8::/116"], "ds": ["192.168.0.0/22", "fd00::/118"]}

op = st.one_of(
    st.tuples(st.just("prefix"), st.sampled_from(sorted(SUPERS)), st.integers(0, 11), st.sampled_from(["ipv4", "ipv6"]), st.integers(1, 10)),
    st.tuples(st.just("ip"), st.sampled_from(sorted(SUPERS)), st.integers(0, 11), st.sampled_from(["ipv4", "ipv6"]), st.just(0)),
    st.tuples(st.just("release"), st.just(""), st.integers(0, 11), st.just(""), st.just(0)),
)


def fresh() -> Ipam:
    i = Ipam()
    for id, ps in SUPERS.items():
        i.create_network(id, ps)
    return i


def run(ipam: Ipam, ops) -> list:
    results = []
    for kind, net, k, fam, extra in ops:
        key = f"k{k}"
        try:
            if kind == "release":
                ipam.release(key)
                results.append(("released", key))
            elif kind == "prefix":
                p = ipam.network(net).prefixes_of(4 if fam == "ipv4" else 6)
                length = (p[0].length + extra) if p else 24
                results.append(ipam.acquire_prefix(net, key, family=fam, length=length).text)
            else:
                results.append(ipam.acquire_ip(net, key, family=fam).text)
        except IpamError as e:
            results.append(type(e).__name__)
    return results


def live_blocks(ipam: Ipam):
    return [(a.parent, a.prefix) for a in ipam.allocations.values()]


@settings(max_examples=150, deadline=None)
@given(st.lists(op, max_size=60))
def test_no_overlap_and_inside_parent(ops):
    ipam = fresh()
    run(ipam, ops)
    blocks = live_blocks(ipam)
    for parent, p in blocks:
        assert parent.contains(p) and p.length > parent.length or (p.length == parent.maxbits and parent.contains(p))
    for i, (_, a) in enumerate(blocks):
        for _, b in blocks[i + 1:]:
            assert not a.overlaps(b), (a, b)
    # usage never counts more than exists
    for id in SUPERS:
        for u in ipam.usage(id).values():
            assert 0 <= u.used_ips <= u.available_ips


@settings(max_examples=100, deadline=None)
@given(st.lists(op, max_size=60))
def test_same_keys_same_results_and_lock_roundtrip(ops):
    a, b = fresh(), fresh()
    assert run(a, ops) == run(b, ops)
    text = dumps(a)
    again = from_dict(json.loads(text))
    assert dumps(again) == text
    # the reloaded namespace continues exactly as the original would
    tail = [("prefix", "s4", 99 - i, "ipv4", 6) for i in range(3)] + [("ip", "ds", 90, "ipv6", 0)]
    assert run(a, tail) == run(again, tail)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 8), min_size=1, max_size=30))
def test_release_then_acquire_reuses_space(lengths):
    ipam = Ipam()
    ipam.create_network("n", ["10.0.0.0/16"])
    got = []
    for n, extra in enumerate(lengths):
        try:
            got.append(ipam.acquire_prefix("n", f"k{n}", length=16 + extra))
        except IpamError:
            pass
    for a in got:
        ipam.release(a.key)
    # everything released merges back: the whole /16 is free again
    assert ipam.usage("n")["ipv4"].available_prefixes == 2 ** 14
    assert ipam.acquire_prefix("n", "whole-half", length=17).cidr == "10.0.0.0/17"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5, unique=True), st.sampled_from(["f", "g"]))
def test_new_key_never_moves_existing(keys, newcomer):
    base = fresh()
    for k in keys:
        base.acquire_prefix("s6", k, length=124)
    before = {k: base.get(k).text for k in keys}
    reloaded = from_dict(json.loads(dumps(base)))
    reloaded.acquire_prefix("s6", newcomer, length=120)
    for k in keys:
        assert reloaded.acquire_prefix("s6", k, length=124).text == before[k]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 7)), max_size=40))
def test_vrfs_continue_the_same_after_a_reload(ops):
    """Child networks (and their VRF ids) come out the same from a live namespace and its reloaded lock."""
    live = Ipam()
    live.create_network("s", ["10.0.0.0/16"], default_child_prefix_length={"ipv4": 24})
    for make, k in ops:
        try:
            live.allocate_network("s", key=f"n{k}") if make else live.release(f"n{k}")
        except IpamError:
            pass
    reloaded = from_dict(json.loads(dumps(live)))
    a, b = live.allocate_network("s", key="new"), reloaded.allocate_network("s", key="new")
    assert (a.vrf, [p.text for p in a.prefixes]) == (b.vrf, [p.text for p in b.prefixes])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["prefix", "ip", "release"]), st.integers(0, 8)), max_size=80))
def test_lowest_address_is_the_lowest_free_one(ops):
    from constructs_lib.ipam.buddy import BuddyPool

    pool, taken = BuddyPool(120, 128), []
    for kind, n in ops:
        if kind == "release" and taken:
            pool.release(taken.pop(n % len(taken)))
        elif kind == "prefix":
            off = pool.acquire(128 - n % 5)
            if off is not None:
                taken.append(off)
        else:
            free = pool.free_list()
            off = pool.acquire_lowest()
            assert off == (free[0][0] if free else None)  # the first address of the lowest free block
            if off is not None:
                taken.append(off)
