import copy

import pytest

from constructs_lib.errors import DualstackError
from constructs_lib.ipam import Ipam, to_dict
from constructs_lib.report import Change, MovedKeys, diff

from .plan import allocate, fresh, locked, rerun


@pytest.fixture(scope="module")
def lock():
    return locked(3)


def keys(changes):
    return [(c.key, c.family) for c in changes]


def test_no_lock_everything_added(lock):
    new = fresh(3)
    d = diff(None, new)
    assert not d.had_lock
    assert d.released == d.moved == d.stale == ()
    n_entries = sum(len(n.families) for n in new.networks.values()) + len(new.allocations)
    assert len(d.added) == n_entries
    assert ("os-fra/net/main", "ipv6") in keys(d.added) and ("os-fra-super", "ipv4") in keys(d.added)


def test_same_plan_same_lock_no_changes(lock):
    d = diff(lock, rerun(lock, 3))
    assert d.had_lock and d.counts == {"added": 0, "released": 0, "moved": 0, "stale": 0}


def test_added_nodes_are_exactly_the_new_keys(lock):
    d = diff(lock, rerun(lock, 5))
    assert keys(d.added) == [
        ("k8s/prod/pods/node-4/ipv4", "ipv4"), ("k8s/prod/pods/node-4/ipv6", "ipv6"),
        ("k8s/prod/pods/node-5/ipv4", "ipv4"), ("k8s/prod/pods/node-5/ipv6", "ipv6"),
        ("os-fra/net/node-4", "ipv4"), ("os-fra/net/node-4/v6", "ipv6"),
        ("os-fra/net/node-5", "ipv4"), ("os-fra/net/node-5/v6", "ipv6"),
    ]
    added = {c.key: c for c in d.added}
    assert added["os-fra/net/node-4"] == Change("os-fra/net/node-4", "ipv4", "ip", None, "10.10.0.4")
    assert added["k8s/prod/pods/node-4/ipv6"].new == "fd00:10:244:3::/64"
    assert d.released == d.moved == d.stale == ()


def test_keys_not_asked_for_are_stale_not_released(lock):
    new = rerun(lock, 3, skip=("os-fra/fip-pool", "os-fra/net/node-2/v6"))
    d = diff(lock, new)
    assert d.stale == (
        Change("os-fra/fip-pool", "ipv4", "prefix", "10.10.1.0/26", "10.10.1.0/26"),
        Change("os-fra/net/node-2/v6", "ipv6", "ip", "2001:db8:10::2", "2001:db8:10::2"),
    )
    assert d.added == d.released == d.moved == ()


def test_pruned_keys_are_released(lock):
    new = rerun(lock, 3, skip=("os-fra/fip-pool", "os-fra/net/storage", "os-fra/net/storage/ceph-mon-0"))
    assert new.prune() == ["os-fra/fip-pool", "os-fra/net/storage", "os-fra/net/storage/ceph-mon-0"]
    d = diff(lock, new)
    assert [(c.key, c.family, c.kind, c.old, c.new) for c in d.released] == [
        ("os-fra/fip-pool", "ipv4", "prefix", "10.10.1.0/26", None),
        ("os-fra/net/storage", "ipv6", "network", "2001:db8:10:1::/64", None),
        ("os-fra/net/storage/ceph-mon-0", "ipv6", "ip", "2001:db8:10:1::1", None),
    ]
    assert d.added == d.moved == d.stale == ()


def test_moved_prefix_address_and_network(lock):
    """A hand-edited lock pins other ranges than the run produced: every such key is moved."""
    old = copy.deepcopy(lock)
    old["allocations"]["os-fra/fip-pool"]["cidr"] = "10.10.1.64/26"
    old["allocations"]["os-fra/net/node-3"]["address"] = "10.10.0.99"
    main_id = next(i for i, n in old["networks"].items() if n.get("key") == "os-fra/net/main")
    old["networks"][main_id]["prefixes"] = ["10.10.2.0/24", "2001:db8:10:5::/64"]
    for k, a in old["allocations"].items():  # the node addresses follow their network in the edited lock
        if a["network"] == main_id and "address" in a:
            a["address"] = a["address"].replace("10.10.0.", "10.10.2.").replace("2001:db8:10::", "2001:db8:10:5::")
    d = diff(old, rerun(lock, 3))
    moved = {(c.key, c.family): (c.old, c.new) for c in d.moved}
    assert moved[("os-fra/fip-pool", "ipv4")] == ("10.10.1.64/26", "10.10.1.0/26")
    assert moved[("os-fra/net/node-3", "ipv4")] == ("10.10.2.99", "10.10.0.3")
    assert moved[("os-fra/net/main", "ipv4")] == ("10.10.2.0/24", "10.10.0.0/24")
    assert moved[("os-fra/net/main", "ipv6")] == ("2001:db8:10:5::/64", "2001:db8:10::/64")
    assert len(d.moved) == 2 + 6 + 1  # main (2 families), 3 nodes x 2 families, fip-pool
    assert d.added == d.released == ()
    lines = d.moved_lines()
    assert len(lines) == 8  # one line per key: main's two families share one
    assert ("moved: key os-fra/net/main: ipv4 10.10.2.0/24 -> 10.10.0.0/24; "
            "ipv6 2001:db8:10:5::/64 -> 2001:db8:10::/64 (the lock pins ranges; release the key to renumber it)") in lines
    assert "moved: key os-fra/fip-pool: ipv4 10.10.1.64/26 -> 10.10.1.0/26" in lines[0]
    with pytest.raises(MovedKeys) as err:
        d.raise_for_moves()
    assert err.value.lines == lines and str(err.value).count("\n") == 7


def test_kind_change_is_a_move():
    old = Ipam()
    old.create_network("s", ["10.0.0.0/24"])
    old.acquire_ip("s", "s/x", address="10.0.0.5")
    new = Ipam()
    new.create_network("s", ["10.0.0.0/24"])
    new.acquire_prefix("s", "s/x", cidr="10.0.0.4/30")
    d = diff(to_dict(old), new)
    assert d.moved == (Change("s/x", "ipv4", "prefix", "ip 10.0.0.5", "prefix 10.0.0.4/30"),)


def test_super_networks_compared_as_prefix_sets():
    def only_supers(*prefixes):
        i = Ipam()
        i.create_network("core", list(prefixes))
        return i

    grown = diff(to_dict(only_supers("10.0.0.0/16")), only_supers("10.0.0.0/16", "10.1.0.0/16"))
    assert grown.added == (Change("core", "ipv4", "super", None, "10.1.0.0/16"),) and not grown.moved
    shrunk = diff(to_dict(only_supers("10.0.0.0/16", "fd00::/48")), only_supers("10.0.0.0/16"))
    assert shrunk.released == (Change("core", "ipv6", "super", "fd00::/48", None),)
    swapped = diff(to_dict(only_supers("10.0.0.0/16")), only_supers("10.9.0.0/16"))
    assert swapped.moved == (Change("core", "ipv4", "super", "10.0.0.0/16", "10.9.0.0/16"),)
    assert swapped.moved_lines()[0].startswith("moved: super network core: ipv4 10.0.0.0/16 -> 10.9.0.0/16")


def test_relative_ranges_compare_as_expressions(lock):
    d = diff(lock, rerun(lock, 3))
    assert d.moved == ()
    old = copy.deepcopy(lock)
    old["allocations"]["aws/main/subnet/public/eu-west-1b/v6"]["cidr"] = "cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 9)"
    d = diff(old, rerun(lock, 3))
    assert d.moved == (Change("aws/main/subnet/public/eu-west-1b/v6", "ipv6", "prefix",
                              "cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 9)",
                              "cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 3)"),)


def test_old_lock_may_be_an_ipam(lock):
    new = rerun(lock, 4)
    from constructs_lib.ipam import from_dict

    assert diff(from_dict(lock), new) == diff(lock, new)


def test_broken_lock_is_one_line_error(lock):
    with pytest.raises(DualstackError) as err:
        diff({"format": "something-else/9"}, fresh(1))
    assert str(err.value).startswith("baseline lock: ") and "\n" not in str(err.value)
    with pytest.raises(DualstackError) as err:  # the caller names its baseline
        diff({"format": "something-else/9"}, fresh(1), where="HEAD:ipam.lock.json")
    assert str(err.value).startswith("HEAD:ipam.lock.json: ") and "\n" not in str(err.value)


def test_diff_does_not_touch_the_new_namespace(lock):
    new = rerun(lock, 3, skip=("os-fra/fip-pool",))
    before = to_dict(new), new.stale_keys()
    diff(lock, new)
    assert (to_dict(new), new.stale_keys()) == before


def test_diff_order_is_stable(lock):
    a = diff(lock, rerun(lock, 6))
    b_ipam = rerun(lock, 3)
    allocate(b_ipam, 6)  # the same keys, asked for in two passes
    assert diff(lock, b_ipam) == a
