"""Cold synth time and peak memory of the AWS IPv6 stack, and the prebuilt-bindings path beside it.

    .venv/bin/python bench/bench_aws.py              # 3 (default stack), 10, 1,000, 10,000 VMs + prebuilt 1,000
    .venv/bin/python bench/bench_aws.py --check      # exit 1 when a target is missed
    .venv/bin/python bench/bench_aws.py --sizes 10 1000 --prebuilt 1000

Every case is a fresh ``python -c`` process (cold: interpreter, cdktf import, jsii kernel start,
synth to disk). Reported per case: wall time; peak RSS from the kernel's rusage of the finished
child (``os.wait4``: the largest single process of the tree, Python or its jsii node kernel); the
peak of Python + node together, sampled from /proc every 20 ms; and CPU time (user + system of the
child and its reaped descendants), which stays honest when other work shares the cores.

The prebuilt case writes the same stack with ``cdktf_cdktf_provider_aws`` (the choice a user would
make otherwise): one ``NetworkInterface`` and one ``Instance`` per VM in a loop. It needs the
package (``pip install 'cdktf-cdktf-provider-aws>=19,<20'``: 19.x is the line built for cdktf 0.20).

Targets (issue 4): default stack under 3 s; 10,000 VMs under 10 s and under 1 GiB.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GiB = 1024**3

OURS = """
import sys
sys.path.insert(0, {root!r})
from constructs_lib.engine import App
from constructs_lib.ipam import Ipam
from stacks.aws_ipv6 import AwsIpv6Spec, AwsIpv6Stack
spec = AwsIpv6Spec(offline=True)
if {n} != len(spec.vms):
    spec = spec.with_vm_count({n})
app = App(outdir={out!r})
AwsIpv6Stack.from_spec(app, "aws-ipv6", ipam=Ipam(), spec=spec)
app.synth()
"""

# The same topology as stacks/aws_ipv6.py, written the way the prebuilt bindings invite:
# one construct per AWS object, /80s computed with Fn.cidrsubnet in a loop.
PREBUILT = """
from cdktf import App, Fn, LocalBackend, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.vpc import Vpc
from cdktf_cdktf_provider_aws.subnet import Subnet
from cdktf_cdktf_provider_aws.internet_gateway import InternetGateway
from cdktf_cdktf_provider_aws.egress_only_internet_gateway import EgressOnlyInternetGateway
from cdktf_cdktf_provider_aws.eip import Eip
from cdktf_cdktf_provider_aws.nat_gateway import NatGateway
from cdktf_cdktf_provider_aws.route_table import RouteTable
from cdktf_cdktf_provider_aws.route import Route
from cdktf_cdktf_provider_aws.route_table_association import RouteTableAssociation
from cdktf_cdktf_provider_aws.ec2_subnet_cidr_reservation import Ec2SubnetCidrReservation
from cdktf_cdktf_provider_aws.network_interface import NetworkInterface
from cdktf_cdktf_provider_aws.instance import Instance, InstanceNetworkInterface, InstanceMetadataOptions

N = {n}
app = App(outdir={out!r})
st = TerraformStack(app, "aws-ipv6")
LocalBackend(st, path="terraform.aws-ipv6.tfstate")
AwsProvider(st, "aws", region="eu-central-1", skip_credentials_validation=True, skip_requesting_account_id=True,
            skip_metadata_api_check="true", access_key="offline", secret_key="offline")
ami = TerraformVariable(st, "ami_id", type="string")
tags = {{"project": "dualstack"}}
vpc = Vpc(st, "poc", cidr_block="10.0.0.0/16", assign_generated_ipv6_cidr_block=True,
          enable_dns_support=True, enable_dns_hostnames=True, tags=tags)
igw = InternetGateway(st, "igw", vpc_id=vpc.id, tags=tags)
eigw = EgressOnlyInternetGateway(st, "eigw", vpc_id=vpc.id, tags=tags)
azs = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
public, nodes = [], []
for i, az in enumerate(azs):
    pub = Subnet(st, f"public_{{i}}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{{i}}.0/24",
                 ipv6_cidr_block=Fn.cidrsubnet(vpc.ipv6_cidr_block, 8, i), assign_ipv6_address_on_creation=True,
                 private_dns_hostname_type_on_launch="resource-name",
                 enable_resource_name_dns_aaaa_record_on_launch=True, tags=tags)
    sn = Subnet(st, f"nodes_{{i}}", vpc_id=vpc.id, availability_zone=az, ipv6_native=True,
                ipv6_cidr_block=Fn.cidrsubnet(vpc.ipv6_cidr_block, 8, 4 + i), assign_ipv6_address_on_creation=True,
                enable_dns64=True, private_dns_hostname_type_on_launch="resource-name",
                enable_resource_name_dns_aaaa_record_on_launch=True, enable_resource_name_dns_a_record_on_launch=False,
                tags=tags)
    public.append(pub)
    nodes.append(sn)
eip = Eip(st, "nat_eip", domain="vpc", depends_on=[igw])
nat = NatGateway(st, "nat", allocation_id=eip.id, subnet_id=public[0].id, depends_on=[igw])
reservations = []
for i, az in enumerate(azs):
    prt = RouteTable(st, f"public_rt_{{i}}", vpc_id=vpc.id, tags=tags)
    RouteTableAssociation(st, f"public_rta_{{i}}", subnet_id=public[i].id, route_table_id=prt.id)
    Route(st, f"public_v6_{{i}}", route_table_id=prt.id, destination_ipv6_cidr_block="::/0", gateway_id=igw.id)
    Route(st, f"public_v4_{{i}}", route_table_id=prt.id, destination_cidr_block="0.0.0.0/0", gateway_id=igw.id)
    nrt = RouteTable(st, f"nodes_rt_{{i}}", vpc_id=vpc.id, tags=tags)
    RouteTableAssociation(st, f"nodes_rta_{{i}}", subnet_id=nodes[i].id, route_table_id=nrt.id)
    Route(st, f"nodes_v6_{{i}}", route_table_id=nrt.id, destination_ipv6_cidr_block="::/0", egress_only_gateway_id=eigw.id)
    Route(st, f"nodes_nat64_{{i}}", route_table_id=nrt.id, destination_ipv6_cidr_block="64:ff9b::/96", nat_gateway_id=nat.id)
    reservations.append(Ec2SubnetCidrReservation(st, f"rsv_{{i}}", subnet_id=nodes[i].id, reservation_type="explicit",
                        cidr_block=Fn.cidrsubnet(nodes[i].ipv6_cidr_block, 4, 1)))
for k in range(N):
    i = k % 3
    name = f"node-{{k + 1}}"
    eni = NetworkInterface(st, f"eni_{{name}}", subnet_id=nodes[i].id,
                           ipv6_prefixes=[Fn.cidrsubnet(nodes[i].ipv6_cidr_block, 16, 4096 + k // 3)],
                           depends_on=[reservations[i]], tags={{**tags, "Name": name}})
    Instance(st, f"vm_{{name}}", ami=ami.string_value, instance_type="t3.micro",
             network_interface=[InstanceNetworkInterface(network_interface_id=eni.id, device_index=0)],
             metadata_options=InstanceMetadataOptions(http_endpoint="enabled", http_protocol_ipv6="enabled",
                                                      http_tokens="required"),
             tags={{**tags, "Name": name}})
app.synth()
"""


def tree_rss_kb(root_pid: int) -> int:
    """RSS of a process and all its descendants, from /proc (kB)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as f:
                pages = int(f.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        pid = int(entry)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root_pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, ()))
    return total


def run_case(code: str | None = None, *, argv: list[str] | None = None, cwd: str | None = None, env: dict | None = None) -> dict:
    """One cold process (``python -c code``, or ``argv`` in ``cwd``); wall, CPU, peak memory, its stderr."""
    env = {**os.environ, "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20", "CHECKPOINT_DISABLE": "1", **(env or {})}
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv or [sys.executable, "-c", code], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    err = proc.stderr.read().decode(errors="replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"case failed (exit {proc.returncode}):\n{err[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss, "tree_kb": peak, "stderr": err}


def fmt(label: str, r: dict) -> str:
    return (f"{label:<44} {r['wall']:7.2f} s wall {r['cpu']:6.2f} s cpu   maxrss {r['maxrss_kb'] / 1024:7.1f} MiB   "
            f"python+node {r['tree_kb'] / 1024:7.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[3, 10, 1000, 10000], help="VM counts for our stack (3 = the default stack)")
    ap.add_argument("--prebuilt", type=int, nargs="*", default=[1000], help="VM counts for the prebuilt-bindings stack")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    results: dict[tuple[str, int], dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-aws-") as tmp:
        for n in args.sizes:
            r = run_case(OURS.format(root=str(ROOT), n=n, out=f"{tmp}/ours-{n}"))
            size = (Path(tmp) / f"ours-{n}" / "stacks" / "aws-ipv6" / "cdk.tf.json").stat().st_size
            results[("ours", n)] = r
            label = f"aws stack, {n:,} VMs" + (" (default)" if n == 3 else "")
            print(fmt(label, r) + f"   {size / 1024:8.0f} KiB JSON", flush=True)
        have_prebuilt = importlib.util.find_spec("cdktf_cdktf_provider_aws") is not None
        for n in args.prebuilt if have_prebuilt else []:
            r = run_case(PREBUILT.format(n=n, out=f"{tmp}/prebuilt-{n}"))
            results[("prebuilt", n)] = r
            print(fmt(f"prebuilt cdktf_cdktf_provider_aws, {n:,} VMs", r), flush=True)
        if args.prebuilt and not have_prebuilt:
            print("prebuilt comparison not run: cdktf_cdktf_provider_aws is not installed "
                  "(pip install 'cdktf-cdktf-provider-aws>=19,<20', the bench extra)")
    for n in args.prebuilt:
        if ("ours", n) in results and ("prebuilt", n) in results:
            o, p = results[("ours", n)], results[("prebuilt", n)]
            print(f"ratio prebuilt / ours at {n:,} VMs: {p['wall'] / o['wall']:.1f}x wall time, "
                  f"{p['cpu'] / o['cpu']:.1f}x CPU time, {p['tree_kb'] / o['tree_kb']:.1f}x memory (python+node)")
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss over all cases: "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f} MiB")

    ok = True
    if ("ours", 3) in results:
        w = results[("ours", 3)]["wall"]
        good = w < 3.0
        ok &= good
        print(f"target default stack < 3 s: {w:.2f} s {'met' if good else 'MISSED'}")
    if ("ours", 10000) in results:
        r = results[("ours", 10000)]
        good = r["wall"] < 10.0 and r["tree_kb"] * 1024 < GiB
        ok &= good
        print(f"target 10,000 VMs < 10 s and < 1 GiB: {r['wall']:.2f} s, {r['tree_kb'] / 1024:.0f} MiB "
              f"{'met' if good else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
