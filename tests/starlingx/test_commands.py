"""The runtime change as a script: edits, replacements, new networks, refusals; the script runs under sh."""

import subprocess

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from constructs_lib.ipam import Ipam, from_dict, to_dict
from constructs_lib.starlingx import StarlingxError, check_changes, commands, committed_plan, plan_starlingx, starlingx_files

from .helpers import apply_calls, changed, ipv6_system, plan_change, run_against, run_script, sysinv_state, system_lines

UUID = "0b4e3c9a-1d2f-4a5b-8c6d-7e8f9a0b1c2d"


def test_editing_an_oam_range_gives_addrpool_modify_and_the_script_finds_the_pool(tmp_path):
    old = changed(ipv6_system(), {"oam": {"secondary": {"subnet": "10.20.5.0/24", "gateway_address": "10.20.5.1"}}})
    new = changed(old, {"oam": {"secondary": {"subnet": "10.20.5.0/24", "gateway_address": "10.20.5.1",
                                               "ranges": ["10.20.5.2-10.20.5.200"]}}})
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    assert "# the plan edits oam's IPv4 pool oam-ipv4: ranges 10.20.5.1-10.20.5.254 -> 10.20.5.2-10.20.5.200" in script
    assert system_lines(script) == ['system addrpool-modify --ranges 10.20.5.2-10.20.5.200 "$POOL"']
    code, calls, err = run_script(tmp_path, script, {"oam-ipv4": UUID, "oam-ipv6": UUID.replace("0b", "1b")}, {})
    assert (code, err) == (0, "")
    assert calls == ["addrpool-list", f"addrpool-modify --ranges 10.20.5.2-10.20.5.200 {UUID}"]


def test_a_missing_pool_stops_the_script_with_one_line(tmp_path):
    old = changed(ipv6_system(), {"oam": {"secondary": {"subnet": "10.20.5.0/24"}}})
    before, after, _ = plan_change(old, ipv6_system())
    code, calls, err = run_script(tmp_path, commands(before, after), {}, {})
    assert code == 1 and err == "apply-changes.sh: system network-addrpool-list shows no single row for oam-ipv4\n"
    assert calls == ["network-addrpool-list"]  # nothing was changed


def test_every_script_is_posix_sh():
    old = ipv6_system()
    new = changed(old, {"oam": {"secondary": {"subnet": "10.20.5.0/24"}}, "dns_servers": ["fd00::53"]})
    before, after, _ = plan_change(old, new)
    for script in (commands(before, after), commands(after, before), commands(None, after), commands(after, after)):
        assert script.startswith("#!/bin/sh\n") and "\nset -eu\n" in script
        assert subprocess.run(["sh", "-n"], input=script, text=True, capture_output=True).returncode == 0


def test_management_edits_clear_a_gateway_and_say_what_sysinv_needs():
    old = changed(ipv6_system(), {"management": {"primary": {"subnet": "fd01::/64", "gateway_address": "fd01::1"}}})
    new = changed(old, {"management": {"primary": {"subnet": "fd01::/64", "floating_address": "fd01::2"}}})
    # the floating address stays (the lock holds fd01::2 from before), the gateway goes: sysinv reads "none" as clearing it
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    assert system_lines(script) == ['system addrpool-modify --gateway-address none "$POOL"']
    assert "# then: sysinv takes a management pool change on AIO-SX with controller-0 locked\n" in script


def test_a_secondary_of_a_read_only_network_is_replaced():
    old = changed(ipv6_system(), {n: {"secondary": {"subnet": s}} for n, s in (
        ("oam", "10.20.5.0/24"), ("cluster-host", "192.168.206.0/24"), ("cluster-pod", "172.16.0.0/16"),
        ("cluster-service", "10.96.0.0/12"))})
    new = changed(old, {"cluster-pod": {"secondary": {"subnet": "172.16.0.0/16", "ranges": ["172.16.0.1-172.16.254.254"]}}})
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    assert system_lines(script) == [
        'system network-addrpool-remove "$DEL"', 'system addrpool-delete "$POOL"',
        "system addrpool-add cluster-pod-subnet-ipv4 172.16.0.0 16 --order random --ranges 172.16.0.1-172.16.254.254",
        "system network-addrpool-assign cluster-pod cluster-pod-subnet-ipv4",
    ]
    assert ("# cluster-pod's IPv4 pool changes (ranges 172.16.0.1-172.16.255.254 -> 172.16.0.1-172.16.254.254): cluster-pod "
            "pools are read-only at runtime, so the old one goes and the new one is added below") in script


@pytest.mark.parametrize("change, line", [
    ({"cluster-pod": {"primary": {"subnet": "aefd:206::/64", "ranges": ["aefd:206::1-aefd:206::ffff"]}}},
     "starlingx.lab.cluster-pod.primary: ranges aefd:206::1-aefd:206::ffff:ffff:ffff:ffff -> aefd:206::1-aefd:206::ffff: only "
     "the OAM, admin and management networks' pools can be modified at runtime; cluster-pod's primary pool changes with a reinstall"),
    ({"admin": None}, "starlingx.lab.admin: in the committed plan but not in this one; a network keeps its first pool for good "
                      "(StarlingX cannot remove it), so keep the network in the plan"),
    ({"management": {"dynamic": False}}, "starlingx.lab.management.dynamic: False but the committed plan has True; StarlingX "
                                         "sets a network's address allocation when it creates the network (a reinstall)"),
])
def test_changes_starlingx_cannot_make_at_runtime_are_refused(change, line):
    old = ipv6_system()
    before, after, _ = plan_change(old, changed(old, change))
    assert check_changes(before, after) == [line]
    with pytest.raises(StarlingxError) as e:
        commands(before, after)
    assert e.value.lines == [line]


def test_a_new_admin_network_is_added_with_its_first_pool():
    old = {k: v for k, v in ipv6_system().items() if k != "admin"}
    new = changed(old, {"admin": {"primary": {"subnet": "fd02::/64"}}})
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    assert system_lines(script) == [
        "system addrpool-add admin-ipv6 fd02:: 64 --order random --ranges fd02::1-fd02::ffff:ffff:ffff:ffff --floating-address "
        "fd02::1 --controller0-address fd02::2 --controller1-address fd02::3",
        'system network-add admin admin false "$POOL"',
    ]
    assert "# then: assign the network to the controllers' interfaces (system interface-network-assign)\n" in script


def test_a_network_starlingx_installed_by_default_can_come_into_the_plan_as_it_is():
    old = {k: v for k, v in ipv6_system().items() if k != "pxeboot"}
    before, after, _ = plan_change(old, changed(old, {"pxeboot": {"primary": {"subnet": "169.254.202.0/24"}}}))
    assert system_lines(commands(before, after)) == []
    before, after, _ = plan_change(old, changed(old, {"pxeboot": {"primary": {"subnet": "169.254.203.0/24"}}}))
    assert check_changes(before, after) == [
        "starlingx.lab.pxeboot.primary.subnet: 169.254.203.0/24, but the committed plan has no pxeboot, so StarlingX installed "
        "it with its default 169.254.202.0/24; its first pool changes with a reinstall only"]


def test_a_mode_change_is_said_first_and_dns_last():
    old = ipv6_system("simplex")
    new = changed(old, {"system_mode": "duplex", "dns_servers": ["fd00::53"]})
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    comments = [line for line in script.splitlines() if line.startswith("# ") and "->" in line]
    assert comments[0].startswith("# system_mode simplex -> duplex: not a pool change; migrate the system first")
    assert comments[-1] == "# DNS servers StarlingX's -> fd00::53 (primary family first)"
    # the controllers' addresses duplex adds are pool edits (the floating addresses stay where the lock holds them)
    assert 'system addrpool-modify --controller0-address fd01::2 --controller1-address fd01::3 "$POOL"' in script
    assert system_lines(script)[-1] == "system dns-modify nameservers=fd00::53"


def test_without_a_committed_system_or_change_the_script_says_so():
    plan = plan_starlingx(Ipam(), {"lab": ipv6_system(), "edge": ipv6_system() | {
        "management": {"primary": {"subnet": "fd21::/64"}}, "oam": {"primary": {"subnet": "fd20::/64"}},
        "pxeboot": {"primary": {"subnet": "169.254.210.0/24"}}, "cluster-host": {"primary": {"subnet": "fd22::/64"}},
        "cluster-pod": {"primary": {"subnet": "fd23::/64"}}, "cluster-service": {"primary": {"subnet": "fd24::/112"}},
        "admin": {"primary": {"subnet": "fd25::/64"}}, "multicast": {"primary": {"subnet": "ff05::15:1:1:0/124"}}}})
    assert commands(None, plan, "lab").endswith(
        "\n# nothing to change at runtime: the committed plan has no system lab; install it with localhost.yml (bootstrap)\n")
    assert commands(plan, plan, "edge").endswith("\n# nothing to change: the platform networks match the committed plan\n")
    with pytest.raises(StarlingxError, match=r"^starlingx: 2 systems \(lab, edge\); name one$"):
        commands(None, plan)


def test_the_files_beside_the_stacks_and_the_committed_plan_from_git_and_the_lock():
    ipam = Ipam()
    ipam.create_network("lab-v4", ["10.30.0.0/16"], default_child_prefix_length={"ipv4": 24})
    old = ipv6_system()
    new = changed(old, {"oam": {"secondary": {"from": "lab-v4"}}})
    committed_doc = {"version": 1, "super_networks": [{"id": "lab-v4", "prefixes": ["10.30.0.0/16"],
                                                       "defaultchildprefixlength": {"ipv4": 24}}], "starlingx": {"lab": old}}
    lock_doc = to_dict(ipam)
    before = committed_plan(committed_doc, lock_doc, "plan")
    assert before == plan_starlingx(from_dict(lock_doc), {"lab": old})
    after_ipam = from_dict(to_dict(ipam))
    after = plan_starlingx(after_ipam, {"lab": new})
    files = starlingx_files(after, before)
    assert sorted(files) == ["starlingx/lab/apply-changes.sh", "starlingx/lab/localhost.yml"]
    assert "system addrpool-add oam-ipv4 10.30.0.0 24 --order random --ranges 10.30.0.1-10.30.0.254" in files[
        "starlingx/lab/apply-changes.sh"]
    assert "external_oam_subnet: fd00::/64,10.30.0.0/24" in files["starlingx/lab/localhost.yml"].splitlines()
    assert starlingx_files(after, before) == files  # deterministic
    assert committed_plan({"version": 1, "sites": {}}, lock_doc, "plan") is None
    # a committed from: pool without its committed lock would be planned afresh: a guess, refused
    with pytest.raises(StarlingxError) as e:
        committed_plan({**committed_doc, "starlingx": {"lab": new}}, lock_doc, "plan")
    assert e.value.lines == ["the plan as committed (git HEAD): starlingx.lab.oam.secondary.from: lab-v4: the committed lock "
                             "holds no pool taken from it; commit the plan and its lock (ipam.lock.json) together"]
    assert committed_plan({**committed_doc, "starlingx": {"lab": new}}, to_dict(after_ipam), "plan") == after
    assert committed_plan(None, None, "plan") is None
    with pytest.raises(StarlingxError) as e:
        committed_plan({"starlingx": {"lab": {"oam": {}}}}, None, "plan")
    assert e.value.lines[0] == "the plan as committed (git HEAD): starlingx.lab.management: Field required"


# -- the script does what the plans differ by -----------------------------------------------------------------
SECONDARY = {
    "oam": ("10.20.5.0/24", ["10.20.5.1-10.20.5.254", "10.20.5.1-10.20.5.99"]),
    "management": ("10.20.6.0/24", ["10.20.6.1-10.20.6.254", "10.20.6.1-10.20.6.100"]),
    "admin": ("10.20.7.0/24", ["10.20.7.1-10.20.7.254", "10.20.7.1-10.20.7.50"]),
    "cluster-pod": ("172.16.0.0/16", ["172.16.0.1-172.16.255.254", "172.16.0.1-172.16.254.254"]),
    "cluster-service": ("10.96.0.0/12", ["10.96.0.1-10.111.255.254", "10.96.0.1-10.96.254.254"]),
    "cluster-host": ("192.168.206.0/24", ["192.168.206.1-192.168.206.254", "192.168.206.1-192.168.206.99"]),
}


@st.composite
def variants(draw):
    """A system: which networks are dual-stack (the cluster three together, with OAM), their ranges, DNS."""
    cluster = draw(st.booleans())
    dual = {n for n in ("oam", "management", "admin") if draw(st.booleans())} | (
        {"oam", "cluster-pod", "cluster-service", "cluster-host"} if cluster else set())
    system = ipv6_system()
    for name in sorted(dual):
        subnet, ranges = SECONDARY[name]
        # the narrower range starts where the wide one does: the addresses StarlingX filled in stay inside it
        system[name] = {**system[name], "secondary": {"subnet": subnet, "ranges": [draw(st.sampled_from(ranges))]}}
    system["dns_servers"] = draw(st.sampled_from([[], ["fd00::53"], ["10.20.5.53", "fd00::53"]]))
    return system


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(variants(), variants())
def test_running_the_script_takes_sysinv_from_the_committed_plan_to_this_one(tmp_path_factory, old, new):
    before, after, _ = plan_change(old, new)
    script = commands(before, after)
    state = sysinv_state(before.systems["lab"])
    code, calls, err = run_against(tmp_path_factory.mktemp("run"), script, state)
    assert (code, err) == (0, "")
    want = sysinv_state(after.systems["lab"])
    if not after.systems["lab"].dns_servers:
        want["dns"] = state["dns"]  # no DNS in the plan: the plan leaves StarlingX's alone
    assert apply_calls(state, calls) == want


def test_a_reinstall_accepts_what_only_an_install_sets_and_runs_nothing():
    old = ipv6_system()
    new = changed(old, {"cluster-pod": {"primary": {"subnet": "aefd:206::/64", "ranges": ["aefd:206::1-aefd:206::ffff"]}},
                        "reinstall": True})
    before, after, _ = plan_change(old, new)
    assert check_changes(before, after) == []
    script = commands(before, after)
    assert system_lines(script) == []
    assert script.endswith(
        "\n# starlingx.lab.reinstall: install the system again with localhost.yml; nothing runs here. What differs from the "
        "committed plan and needs the reinstall:\n"
        "#   starlingx.lab.cluster-pod.primary: ranges aefd:206::1-aefd:206::ffff:ffff:ffff:ffff -> aefd:206::1-aefd:206::ffff: "
        "only the OAM, admin and management networks' pools can be modified at runtime; cluster-pod's primary pool changes "
        "with a reinstall\n")
