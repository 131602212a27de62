"""The server fixture's own promises: it runs the configuration of issue 10, and a failed start-up says why."""

from __future__ import annotations

import pytest

from . import neutron_env
from .server import NeutronServer, NeutronStartError


def test_the_server_runs_noauth_ml2_and_the_router_plugin(neutron):
    aliases = {e["alias"] for e in neutron.get("/extensions")["extensions"]}
    assert {"router", "extraroute", "external-net", "port-security", "allowed-address-pairs", "subnet_allocation",
            "default-subnetpools", "security-groups-default-rules"} <= aliases
    rules = neutron.get("/default-security-group-rules")["default_security_group_rules"]
    assert sorted((r["direction"], r["ethertype"], r["used_in_non_default_sg"]) for r in rules) == [
        ("egress", "IPv4", True), ("egress", "IPv6", True), ("ingress", "IPv4", False), ("ingress", "IPv6", False)]


def test_a_failed_start_up_shows_the_tail_of_the_servers_log(neutron, tmp_path):
    """A core plugin that does not exist: the server exits, and the error carries its log."""
    server = NeutronServer(tmp_path / "broken", neutron_env.python(), overrides={"DEFAULT": {"core_plugin": "no-such-plugin"}})
    (tmp_path / "broken").mkdir()
    with pytest.raises(NeutronStartError) as err:
        server.start()
    server.stop()
    text = str(err.value)
    assert "exited with 1 during start-up" in text and "ImportError: Class not found" in text, text
    assert "no-such-plugin" in server.log_path.read_text()  # the whole log stays in the runtime folder
