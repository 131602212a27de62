"""A real Neutron API server on loopback, for the tests: configure, create the schema, start, stop.

The configuration is the one measured in issue 10: no Keystone (``auth_strategy = noauth``), the
ML2 plugin with no mechanism drivers (no agents: ports stay DOWN, addresses are still
allocated), the router service plugin, ``transport_url = fake://`` and SQLite. Everything the
server writes (config, database, state, locks, its log) lives in one runtime folder.

Creating the schema (models + ``neutron-db-manage stamp heads``) costs about 9 s, so it is done
once per virtualenv into a template database kept inside ``.venv-neutron/`` and copied per run.
The schema leaves out what migrations insert as data; the one such row set that matters on a
fresh database, the default security group rule templates (egress to everything per family),
is put back through the API by ``seed_default_rules`` so groups come up as on a real cloud.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import neutron_env
from .client import Neutron, NeutronApiError

SERVE = Path(__file__).with_name("serve.py")
SCHEMA = "dualstack-schema.sqlite"
START_TIMEOUT = 120  # seconds; measured 5-13 s on two cores


class NeutronStartError(RuntimeError):
    """The server did not come up; the message carries the tail of its log."""


def _config(runtime: Path, db: Path, paste: Path) -> dict[str, dict[str, str]]:
    return {
        "DEFAULT": {
            "core_plugin": "ml2", "service_plugins": "router", "auth_strategy": "noauth", "transport_url": "fake://",
            "notify_nova_on_port_status_changes": "false", "notify_nova_on_port_data_changes": "false",
            "dhcp_agent_notification": "false", "network_auto_schedule": "false", "router_auto_schedule": "false",
            "allow_overlapping_ips": "true", "api_paste_config": str(paste), "state_path": str(runtime / "state"),
            "api_workers": "1", "debug": "false",
        },
        "database": {"connection": f"sqlite:///{db}"},
        "oslo_concurrency": {"lock_path": str(runtime / "lock")},
        "ml2": {"type_drivers": "local,flat,vlan", "tenant_network_types": "local", "mechanism_drivers": "",
                "extension_drivers": "port_security"},
        "ml2_type_flat": {"flat_networks": "public"},
        "ml2_type_vlan": {"network_vlan_ranges": "physnet1:100:200"},
    }


def write_config(runtime: Path, db: Path, overrides: dict[str, dict[str, str]] | None = None) -> Path:
    """``neutron.conf`` (and the stock ``api-paste.ini``) in ``runtime``; ``overrides`` per section."""
    runtime.mkdir(parents=True, exist_ok=True)
    paste = runtime / "api-paste.ini"
    shutil.copyfile(neutron_env.VENV / "etc" / "neutron" / "api-paste.ini", paste)  # the stock one
    sections = _config(runtime, db, paste)
    for section, values in (overrides or {}).items():
        sections.setdefault(section, {}).update(values)
    conf = runtime / "neutron.conf"
    conf.write_text("".join(f"[{name}]\n" + "".join(f"{k} = {v}\n" for k, v in values.items()) + "\n"
                            for name, values in sections.items()))
    return conf


def schema_template(python: Path) -> Path:
    """An empty database at Neutron's head schema, built once per virtualenv."""
    target = neutron_env.VENV / SCHEMA
    if target.exists():
        return target
    with open(neutron_env.VENV / neutron_env.LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            return target
        with tempfile.TemporaryDirectory(prefix="neutron-schema-") as tmp:
            db = Path(tmp) / "neutron.db"
            conf = write_config(Path(tmp), db)
            done = subprocess.run([str(python), str(SERVE), "initdb", "--config-file", str(conf)],
                                  capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                tail = "\n".join((done.stderr + done.stdout).strip().splitlines()[-25:])
                raise NeutronStartError(f"creating Neutron's schema failed (exit {done.returncode}):\n{tail}")
            partial = target.with_suffix(".partial")
            shutil.copyfile(db, partial)
            os.replace(partial, target)  # whole or absent
    return target


@dataclass
class NeutronServer:
    runtime: Path
    python: Path
    process: subprocess.Popen | None = None
    url: str = ""
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    log_path: Path = field(init=False)
    startup_seconds: float = 0.0

    def __post_init__(self) -> None:
        self.runtime = Path(self.runtime)
        self.log_path = self.runtime / "neutron-server.log"

    def start(self) -> Neutron:
        db = self.runtime / "neutron.db"
        shutil.copyfile(schema_template(self.python), db)
        conf = write_config(self.runtime, db, self.overrides)
        port_file = self.runtime / "port"
        t0 = time.monotonic()
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [str(self.python), str(SERVE), "serve", "--port", "0", "--port-file", str(port_file), "--config-file", str(conf)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=self.runtime,
            env={k: v for k, v in os.environ.items() if not k.startswith(("OS_", "PYTHON"))},
        )
        log.close()
        deadline = t0 + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise NeutronStartError(f"the Neutron server exited with {self.process.returncode} during start-up:\n{self.log_tail()}")
            if port_file.exists() and port_file.read_text().strip():
                self.url = f"http://127.0.0.1:{port_file.read_text().strip()}/v2.0"
                try:
                    client = Neutron(self.url, timeout=30)
                    client.get("/networks")
                    self.startup_seconds = time.monotonic() - t0
                    return client
                except (NeutronApiError, OSError):
                    pass
            time.sleep(0.2)
        self.stop()
        raise NeutronStartError(f"the Neutron server did not answer within {START_TIMEOUT} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.strip().splitlines()[-lines:])


def seed_default_rules(client: Neutron) -> None:
    """The default security group rule templates a migration inserts (c33da356b165), via the API."""
    have = client.get("/default-security-group-rules")["default_security_group_rules"]
    if have:
        return
    for ethertype in ("IPv4", "IPv6"):
        client.post("/default-security-group-rules", {"default_security_group_rule": {
            "direction": "egress", "ethertype": ethertype, "used_in_default_sg": True, "used_in_non_default_sg": True,
            "description": "Legacy default SG rule for egress traffic"}})
        client.post("/default-security-group-rules", {"default_security_group_rule": {
            "direction": "ingress", "ethertype": ethertype, "remote_group_id": "PARENT", "used_in_default_sg": True,
            "used_in_non_default_sg": False, "description": "Legacy default SG rule for ingress traffic"}})
