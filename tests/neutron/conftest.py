"""The live-Neutron suite: one real Neutron API server per test session, and what every site needs.

``neutron`` starts the server (building ``.venv-neutron/`` first if it is missing: one
``pip install neutron``, about two minutes, once) and stops it at the end of the session.
``cloud`` creates what our stacks reference but do not create: the external network ``public``
(flat, physnet ``public``, one IPv4 and one IPv6 subnet) and a default IPv6 subnet pool.
``synth_site`` synthesizes a plan from ``tests/neutron/plans/`` with the real ``dualstack synth``
into a tmp dir. Each site applies into a project of its own, so sites never collide.

The suite never skips in CI (``CI`` set): a missing virtualenv or server is a failure there.
Elsewhere it skips, saying why, only when ``python3 -m venv`` or PyPI is unavailable.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import in_ci

from . import neutron_env
from .client import Neutron
from .server import NeutronServer, NeutronStartError, seed_default_rules

ROOT = Path(__file__).resolve().parents[2]
PLANS = Path(__file__).with_name("plans")
DUALSTACK = ROOT / ".venv" / "bin" / "dualstack"

#: the external network every plan names by this placeholder (Neutron refuses an ``id`` in a POST)
PUBLIC_PLACEHOLDER = "PUBLIC_NETWORK_ID"
PUBLIC_V4 = "203.0.113.0/24"  # TEST-NET-3
PUBLIC_V6 = "2001:db8:ff00::/64"
DEFAULT_POOL_V6 = "fd9a:3c57:e1b0::/48"

#: figures for the terminal summary (what the suite measured)
TIMINGS: dict[str, float] = {}


#: the session's client, for the per-call figures in the summary
CLIENTS: list[Neutron] = []
#: the calls whose cost the issue names (router interface, gateway, floating IP) and the bulk ones
REPORTED_CALLS = ("PUT /routers/…/add_router_interface", "POST /routers", "POST /floatingips", "PUT /routers",
                  "POST /ports", "POST /subnets", "POST /security-group-rules")


def pytest_terminal_summary(terminalreporter) -> None:
    if TIMINGS:
        terminalreporter.write_sep("-", "live Neutron timings")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{name}: {seconds:.1f} s")
    for client in CLIENTS:
        per = client.seconds_by_call()
        for key in REPORTED_CALLS:
            if key in per:
                xs = per[key]
                terminalreporter.write_line(f"{key}: {len(xs)} calls, mean {sum(xs) / len(xs):.2f} s, max {max(xs):.2f} s")
        terminalreporter.write_line(f"all API calls: {len(client.calls)}, {sum(c.seconds for c in client.calls):.1f} s")


@dataclass
class Cloud:
    """The prerequisites on the shared server."""

    neutron: Neutron
    public_network_id: str
    public_subnets: dict[str, str]  # family -> subnet id
    public_cidrs: dict[str, str]  # family -> CIDR
    default_pool_v6: dict
    projects: list[str] = field(default_factory=list)

    def project(self, label: str) -> str:
        """A fresh project id per site (noauth: named in every create body)."""
        pid = f"{label}-{uuid.uuid4().hex[:8]}"
        self.projects.append(pid)
        return pid


@pytest.fixture(scope="session")
def neutron(tmp_path_factory) -> Neutron:
    t0 = time.monotonic()
    built = neutron_env.is_complete()
    try:
        python = neutron_env.ensure(log=lambda m: print(m, file=sys.stderr))
    except neutron_env.NeutronEnvUnavailable as e:
        if in_ci():
            pytest.fail(f"live Neutron tests cannot run in CI: {e}")
        pytest.skip(f"live Neutron tests skipped: Neutron's virtualenv cannot be built here ({e})")
    if not built:
        TIMINGS["install .venv-neutron (once)"] = time.monotonic() - t0
    server = NeutronServer(tmp_path_factory.mktemp("neutron-server"), python)
    try:
        client = server.start()
    except NeutronStartError as e:
        pytest.fail(str(e))
    TIMINGS["server start-up"] = server.startup_seconds
    CLIENTS.append(client)
    try:
        seed_default_rules(client)
        yield client
    finally:
        server.stop()


@pytest.fixture(scope="session")
def cloud(neutron: Neutron) -> Cloud:
    net = neutron.post("/networks", {"network": {
        "name": "public", "router:external": True, "shared": True,
        "provider:network_type": "flat", "provider:physical_network": "public"}})["network"]
    subnets = {}
    for fam, cidr in (("ipv4", PUBLIC_V4), ("ipv6", PUBLIC_V6)):
        subnets[fam] = neutron.post("/subnets", {"subnet": {
            "network_id": net["id"], "name": f"public-{fam}", "cidr": cidr, "ip_version": 4 if fam == "ipv4" else 6,
            "enable_dhcp": False}})["subnet"]["id"]
    pool = neutron.post("/subnetpools", {"subnetpool": {
        "name": "default-v6", "prefixes": [DEFAULT_POOL_V6], "default_prefixlen": 64, "is_default": True,
        "shared": True}})["subnetpool"]
    return Cloud(neutron, net["id"], subnets, {"ipv4": PUBLIC_V4, "ipv6": PUBLIC_V6}, pool)


@dataclass
class Site:
    name: str
    plan: Path
    lock: Path
    out: Path

    @property
    def stack(self) -> Path:
        return self.out / "stacks" / self.name / "cdk.tf.json"


def synth(plan_text: str, lock_text: str | None, workdir: Path, site: str) -> Site:
    """``dualstack synth`` of a plan copied into ``workdir`` (the lock is written there, never in the repo)."""
    workdir.mkdir(parents=True, exist_ok=True)
    plan = workdir / "plan.yaml"
    plan.write_text(plan_text)
    lock = workdir / "ipam.lock.json"
    if lock_text is not None:
        lock.write_text(lock_text)
    out = workdir / "out"
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"}
    done = subprocess.run([str(DUALSTACK), "synth", "--plan", str(plan), "--lock", str(lock), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=workdir, timeout=300)
    if done.returncode != 0:
        raise AssertionError(f"dualstack synth of {site} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    result = Site(site, plan, lock, out)
    assert result.stack.exists(), f"no stack {result.stack} after synth:\n{done.stdout}"
    return result


@pytest.fixture(scope="session")
def synth_site(cloud: Cloud, tmp_path_factory):
    """``synth_site(plan_file, site)``: the plan with the real external network id, synthesized."""

    done: dict[tuple, Site] = {}

    def run(plan_name: str, site: str, lock_from: Path | None = None) -> Site:
        if (plan_name, site, lock_from) in done:  # one synth per plan and session
            return done[(plan_name, site, lock_from)]
        source = (ROOT / plan_name) if plan_name == "plan.yaml" else (PLANS / plan_name)
        text = source.read_text()
        # Neutron refuses an id in a POST, so the plan's external network id is rewritten in the copy
        text = text.replace(PUBLIC_PLACEHOLDER, cloud.public_network_id)
        text = text.replace(DEFAULT_PLAN_EXTERNAL_ID, cloud.public_network_id)
        t0 = time.monotonic()
        result = synth(text, lock_from.read_text() if lock_from else None, tmp_path_factory.mktemp(f"site-{site}"), site)
        TIMINGS[f"synth {site}"] = time.monotonic() - t0
        done[(plan_name, site, lock_from)] = result
        return result

    return run


#: the external network id plan.yaml names (a cloud's id, which a fresh Neutron cannot take)
DEFAULT_PLAN_EXTERNAL_ID = "0c6e9d5a-5a6b-4b39-8a5f-6a4d1c2b3e4f"
