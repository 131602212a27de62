"""The main job and a large OpenStack site, each beside its baseline, measured side by side in one run.

    .venv/bin/python bench/bench_synth.py                 # all cases, 5 interleaved rounds
    .venv/bin/python bench/bench_synth.py --rounds 9 --check
    .venv/bin/python bench/bench_synth.py --nodes 10000 --prebuilt 1000

Cases (each a fresh process: interpreter, engine load, jsii kernel start, synth to disk):

- **empty app**: one stack, one output: the engine's own floor, the main job's baseline;
- **main job**: ``.venv/bin/python main.py`` in a scratch copy of the default plan and lock
  (``main.py`` preloads the engine, which then loads while the plan is read and allocated);
- **OpenStack site, N nodes**: ``plan_cluster`` + ``build_openstack_cluster`` + synth of one site
  with N nodes on the typed layer (``for_each`` per node kind), jsii round trips counted;
- **the prebuilt-bindings path** at ``--prebuilt`` nodes: the same site written the way
  ``cdktf_cdktf_provider_openstack`` invites (one port, instance and route construct per node, one
  rule construct per rule). It needs the bench extra (``pip install -e '.[bench]'``).

The empty app and the main job run interleaved for ``--rounds`` rounds after one warm-up round,
and every figure is the median of its rounds (the machine is shared: single runs vary by a factor
of two); each line shows its baseline beside it. Peak memory is Python + node together, sampled
from /proc. Python caches bytecode as on any normal install: a ``PYTHONDONTWRITEBYTECODE`` in the
environment is dropped for the cases, since it would recompile the project's modules on every
run (about 0.3 s that no user pays) while the engine's come precompiled from their wheels.

Targets (issue 14): main job <= 1.5 x the empty app; 10,000 nodes < 10 s and < 1 GiB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_aws import GiB, run_case  # noqa: E402  (same folder: one process runner, one memory sampler)

ROOT = Path(__file__).resolve().parents[1]

EMPTY = """
from constructs_lib.engine import App, TerraformOutput, TerraformStack
app = App(outdir={out!r})
stack = TerraformStack(app, "empty")
TerraformOutput(stack, "o", value=1)
app.synth()
"""

#: counts every message the Python side sends the jsii kernel (requests and callback answers)
COUNT_JSII = """
from jsii._kernel.providers import process as _p
_sent = [0]
_send = _p._NodeProcess.send
def _count(self, request, response_type):
    _sent[0] += 1
    return _send(self, request, response_type)
_p._NodeProcess.send = _count
"""

SITE = """
import json, sys, time
sys.path.insert(0, {root!r})
{count}
from constructs_lib.ipam import Ipam
from constructs_lib.openstack.cluster_plan import OpenStackClusterSpec, plan_cluster
t0, p0 = time.perf_counter(), time.process_time()
ipam = Ipam()
ipam.create_network("nodes", prefixes=["10.0.0.0/8", "fd00:1::/48"])
ipam.create_network("pods", prefixes=["fd10::/40"])
spec = OpenStackClusterSpec(site="bench", node_supernet="nodes", pod_supernet="pods", node_lengths={{"ipv4": 16, "ipv6": 64}},
                            workers=tuple(f"worker-{{i}}" for i in range({n} - 5)), external_network_id="ext",
                            floating_ip_pool="public", ssh_from={{"ipv4": ("198.51.100.0/24",), "ipv6": ("2001:db8:ffff::/48",)}},
                            max_router_routes={n} + 1)  # a route per node's /80: the operator raised Neutron's quota
plan = plan_cluster(ipam, spec)
t1, p1 = time.perf_counter(), time.process_time()
{build}
t2, p2 = time.perf_counter(), time.process_time()
app.synth()
t3, p3 = time.perf_counter(), time.process_time()
print(json.dumps({{"plan_s": t1 - t0, "build_s": t2 - t1, "synth_s": t3 - t2, "jsii": _sent[0],
                  "plan_cpu": p1 - p0, "build_cpu": p2 - p1, "synth_cpu": p3 - p2}}), file=sys.stderr)
"""

OURS_BUILD = """
from constructs_lib.engine import App
from stacks.openstack_cluster import build_openstack_cluster
app = App(outdir={out!r})
build_openstack_cluster(app, "bench", plan=plan, backend_path="terraform.bench.tfstate")
"""

# The same site the way the prebuilt bindings invite: one construct per OpenStack object.
PREBUILT_BUILD = """
from cdktf import App, LocalBackend, TerraformStack
from cdktf_cdktf_provider_openstack.provider import OpenstackProvider
from cdktf_cdktf_provider_openstack.networking_network_v2 import NetworkingNetworkV2
from cdktf_cdktf_provider_openstack.networking_subnet_v2 import NetworkingSubnetV2, NetworkingSubnetV2AllocationPool
from cdktf_cdktf_provider_openstack.networking_router_v2 import NetworkingRouterV2
from cdktf_cdktf_provider_openstack.networking_router_interface_v2 import NetworkingRouterInterfaceV2
from cdktf_cdktf_provider_openstack.networking_router_route_v2 import NetworkingRouterRouteV2
from cdktf_cdktf_provider_openstack.networking_port_v2 import NetworkingPortV2, NetworkingPortV2AllowedAddressPairs, NetworkingPortV2FixedIp
from cdktf_cdktf_provider_openstack.networking_secgroup_v2 import NetworkingSecgroupV2
from cdktf_cdktf_provider_openstack.networking_secgroup_rule_v2 import NetworkingSecgroupRuleV2
from cdktf_cdktf_provider_openstack.networking_floatingip_v2 import NetworkingFloatingipV2
from cdktf_cdktf_provider_openstack.compute_instance_v2 import ComputeInstanceV2, ComputeInstanceV2Network
from constructs_lib.openstack.security_rules import SELF, plan_rules
app = App(outdir={out!r})
st = TerraformStack(app, "bench")
LocalBackend(st, path="terraform.bench.tfstate")
OpenstackProvider(st, "openstack")
net = NetworkingNetworkV2(st, "net", name=plan.network_key, admin_state_up=True)
subnets = {{}}
for fam, s in plan.subnets.items():
    subnets[fam] = NetworkingSubnetV2(st, f"subnet_{{fam}}", network_id=net.id, cidr=s.cidr, ip_version=4 if fam == "ipv4" else 6,
                                      gateway_ip=s.gateway_ip, allocation_pool=[NetworkingSubnetV2AllocationPool(start=a, end=b) for a, b in s.allocation_pools],
                                      ipv6_ra_mode="dhcpv6-stateful" if fam == "ipv6" else None,
                                      ipv6_address_mode="dhcpv6-stateful" if fam == "ipv6" else None)
router = NetworkingRouterV2(st, "router", name=spec.cluster, external_network_id="ext")
ifaces = {{fam: NetworkingRouterInterfaceV2(st, f"iface_{{fam}}", router_id=router.id, subnet_id=subnets[fam].id) for fam in subnets}}
sg = NetworkingSecgroupV2(st, "sg", name=spec.cluster, delete_default_rules=True)
for r in plan_rules(spec.cluster, spec.families, plan.rules, plan.icmpv6):
    NetworkingSecgroupRuleV2(st, f"rule_{{r.name}}", security_group_id=sg.id, direction=r.direction, ethertype=r.ethertype,
                             protocol=r.protocol, port_range_min=r.port_range_min, port_range_max=r.port_range_max,
                             remote_ip_prefix=r.remote_ip_prefix, remote_group_id=sg.id if r.remote_group_id == SELF else r.remote_group_id)
vips = {{fam: NetworkingPortV2(st, f"vip_{{fam}}", network_id=net.id, fixed_ip=[NetworkingPortV2FixedIp(subnet_id=subnets[fam].id, ip_address=a)])
        for fam, a in plan.vips.items()}}
NetworkingFloatingipV2(st, "fip", pool="public", port_id=vips["ipv4"].id, fixed_ip=plan.vips["ipv4"])
for name, node in plan.nodes.items():
    pairs = [NetworkingPortV2AllowedAddressPairs(ip_address=a) for a in plan.vips.values()] if node.role == "gateway" else []
    if node.pod_prefix:
        pairs.append(NetworkingPortV2AllowedAddressPairs(ip_address=node.pod_prefix))
    port = NetworkingPortV2(st, f"port_{{name}}", network_id=net.id, name=name, admin_state_up=True, security_group_ids=[sg.id],
                            fixed_ip=[NetworkingPortV2FixedIp(subnet_id=subnets[f].id, ip_address=a) for f, a in node.addresses.items()],
                            allowed_address_pairs=pairs or None, depends_on=list(subnets.values()))
    ComputeInstanceV2(st, f"server_{{name}}", name=name, flavor_name=spec.flavors[node.role], image_name=spec.image_name,
                      metadata={{"role": node.role, "cluster": spec.cluster}}, network=[ComputeInstanceV2Network(port=port.id)])
    if node.pod_prefix:
        NetworkingRouterRouteV2(st, f"route_{{name}}", router_id=router.id, destination_cidr=node.pod_prefix,
                                next_hop=node.addresses["ipv6"], depends_on=[ifaces["ipv6"], port])
"""


def scratch(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("plan.yaml", "ipam.lock.json", "main.py", "cdktf.json"):
        shutil.copy(ROOT / name, dst / name)
    return dst


def site_case(n: int, out: str, build: str) -> dict:
    code = SITE.format(root=str(ROOT), count=COUNT_JSII, n=n, build=build.format(out=out))
    r = run_case(code)
    r.update(json.loads(r["stderr"].strip().splitlines()[-1]))
    return r


def phases(r: dict) -> str:
    """Wall and Python CPU per phase (the rest of the CPU figure is node's)."""
    return ", ".join(f"{k} {r[k + '_s']:.2f} s (python cpu {r[k + '_cpu']:.2f} s)" for k in ("plan", "build", "synth"))


def med(rs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rs)


def line(label: str, rs: list[dict], base: tuple[str, list[dict]] | None = None) -> str:
    text = (f"{label:<42} {med(rs, 'wall'):6.2f} s wall {med(rs, 'cpu'):6.2f} s cpu {med(rs, 'tree_kb') / 1024:7.0f} MiB"
            f"  (min {min(r['wall'] for r in rs):.2f} s, {len(rs)} runs)")
    if base is not None:
        name, brs = base
        text += f"   | {name}: {med(brs, 'wall'):.2f} s wall, {med(brs, 'tree_kb') / 1024:.0f} MiB -> {med(rs, 'wall') / med(brs, 'wall'):.2f}x"
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds of empty app / main job (medians)")
    ap.add_argument("--nodes", type=int, nargs="*", default=[1000, 10000], help="OpenStack site sizes on the typed layer")
    ap.add_argument("--prebuilt", type=int, nargs="*", default=[1000], help="site sizes with the prebuilt bindings (baseline)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    py = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # the cases inherit it (see the module docstring)

    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-synth-") as tmp:
        empty, job = [], []
        for i in range(args.rounds + 1 if args.rounds else 0):  # --rounds 0: only the OpenStack sites
            e = run_case(EMPTY.format(out=f"{tmp}/empty-{i}"), env={"PYTHONPATH": str(ROOT)})
            j = run_case(argv=[py, "main.py"], cwd=str(scratch(Path(tmp, f"job-{i}"))))
            if i:  # round 0 warms the caches (bytecode, the OS's file cache)
                empty.append(e)
                job.append(j)
        if args.rounds:
            print(line("empty cdktf app (one stack, one output)", empty), flush=True)
            print(line("main job, default plan (main.py)", job, ("empty app", empty)), flush=True)
            ratio = med(job, "wall") / med(empty, "wall")
            good = ratio <= 1.5
            ok &= good
            print(f"target main job <= 1.5x the empty app: {ratio:.2f}x {'met' if good else 'MISSED'}", flush=True)

        have_prebuilt = importlib.util.find_spec("cdktf_cdktf_provider_openstack") is not None
        base = None
        for n in args.prebuilt if have_prebuilt else []:
            r = site_case(n, f"{tmp}/prebuilt-{n}", PREBUILT_BUILD)
            base = (f"prebuilt bindings, {n:,} nodes", [r])
            print(line(f"OpenStack site, {n:,} nodes, prebuilt bindings", [r])
                  + f"   jsii messages {r['jsii']:,}; " + phases(r), flush=True)
        if args.prebuilt and not have_prebuilt:
            print("prebuilt baseline not run: cdktf_cdktf_provider_openstack is not installed (pip install -e '.[bench]')")
        for n in args.nodes:
            r = site_case(n, f"{tmp}/ours-{n}", OURS_BUILD)
            print(line(f"OpenStack site, {n:,} nodes, typed layer", [r], base)
                  + f"   jsii messages {r['jsii']:,}; " + phases(r), flush=True)
            if n >= 10000:
                good = r["wall"] < 10.0 and r["tree_kb"] * 1024 < GiB
                ok &= good
                print(f"target {n:,} nodes < 10 s and < 1 GiB: {r['wall']:.2f} s, {r['tree_kb'] / 1024:.0f} MiB {'met' if good else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
