"""The upstream limits a cluster's ranges are checked against, each with where it comes from.

Every number here was read in the upstream source named beside it; error messages quote the
``source`` so a refusal can be checked without trusting this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limit:
    value: int
    source: str


KUBEADM_VALIDATION = "kubernetes/kubernetes cmd/kubeadm/app/apis/kubeadm/validation/validation.go"
KUBEADM_CONSTANTS = "kubernetes/kubernetes cmd/kubeadm/app/constants/constants.go"
APISERVER_VALIDATION = "kubernetes/kubernetes cmd/kube-apiserver/app/options/validation.go (validateClusterIPFlags)"
NODEIPAM_CIDRSET = "kubernetes/kubernetes pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (clusterSubnetMaxDiff)"
KCM_MASK_FLAGS = "kubernetes/kubernetes cmd/kube-controller-manager/app/core.go (setNodeCIDRMaskSizes)"
CALICO_IPPOOL = "projectcalico/calico libcalico-go/lib/clientv3/ippool.go (validateAndSetDefaults)"
KUBERMATIC_RESOURCES = "kubermatic/kubermatic pkg/resources/resources.go"
KUBERMATIC_DUALSTACK = "kubermatic/docs tutorials-howtos/networking/dual-stack (IPv4 must be first in cidrBlocks)"
KUBERMATIC_DEFAULTING = "kubermatic/kubermatic pkg/defaulting/cluster.go (IPv6-only is not supported and not allowed by cluster validation)"
GARDENER_RESERVED = "gardener/gardener docs/usage/networking/shoot_networking.md (Reserved Networks)"
GARDENER_IPFAMILIES = "gardener/gardener pkg/apis/core/v1beta1 Networking: one ipFamilies list and one CIDR per nodes/pods/services"
DISJOINT_SOURCE = (
    "gardener/gardener pkg/utils/validation/cidr ValidateCIDROverlap (a seed's nodes, pods and services must be disjoint); "
    "Gardener provider extensions refuse pods and services inside the node VPC (ValidateNotSubset)"
)
SEED_003 = "seed 003 (IPv6 for Gardener): keyword strategies"

#: kubeadm and kube-apiserver: one CIDR, or two of different families (dual-stack).
MAX_CIDRS_PER_LIST = Limit(2, f"{KUBEADM_VALIDATION} ValidateIPNetFromString; {APISERVER_VALIDATION}")
#: host bits of a service range: /12 for IPv4, /108 for IPv6 (MaximumBitsForServiceSubnet = 20).
SERVICE_MAX_HOST_BITS = Limit(20, f"{KUBEADM_CONSTANTS} MaximumBitsForServiceSubnet; {APISERVER_VALIDATION} maxCIDRBits")
#: kube-apiserver skips the size check once MultiCIDRServiceAllocator (GA, locked on in 1.33) and
#: DisableAllocatorDualWrite (GA, on by default in 1.34) are both on: from 1.34 with default gates.
APISERVER_SIZE_CHECK_UNTIL = (1, 33)
APISERVER_SIZE_CHECK_SOURCE = (
    f"{APISERVER_VALIDATION}: the check is skipped when MultiCIDRServiceAllocator and DisableAllocatorDualWrite are both on; "
    "kubernetes/website feature-gates/DisableAllocatorDualWrite.md: default true from 1.34"
)
#: the DNS service takes the tenth cluster IP.
MIN_SERVICE_ADDRESSES = Limit(10, f"{KUBEADM_CONSTANTS} MinimumAddressesInServiceSubnet (the DNS service is the tenth cluster IP)")
#: kube-apiserver alone: at least 8 addresses, the first for the ``kubernetes`` service.
APISERVER_MIN_SERVICE_ADDRESSES = Limit(
    8, "kubernetes/kubernetes pkg/controlplane/apiserver/options/options.go ServiceIPRange ('the service cluster IP range must be at least 8 IP "
       "addresses'; the kubernetes service takes the first, GetIndexedIP(range, 1))")
#: kube-apiserver's allocator never hands out the network address, nor IPv4's broadcast address.
SERVICE_ALLOCATOR = "kubernetes/kubernetes pkg/registry/core/service/ipallocator/bitmap.go (New: base + 1, IPv4 max - 1)"
#: "more than services": an IPv4 /28 gives 14 usable addresses.
MIN_POD_ADDRESSES = Limit(14, f"{KUBEADM_CONSTANTS} MinimumAddressesInPodSubnet (an IPv4 /28 gives 14 usable addresses)")
#: node mask minus cluster mask: the nodeipam bitmap holds at most 2^16 node ranges.
NODE_MASK_MAX_DIFF = Limit(
    16, f"{KUBEADM_CONSTANTS} PodSubnetNodeMaskMaxDiff; {NODEIPAM_CIDRSET}; cilium/cilium#20756 ('node CIDR size is too big')"
)
NODE_MASK_NOT_SHORTER_SOURCE = f"{KUBEADM_VALIDATION} ValidatePodSubnetNodeMask"
#: nodeipam (kube-controller-manager, Cilium's cluster-pool operator) hands every node one range of the node mask.
NODE_RANGES_SOURCE = (
    "kubernetes/kubernetes pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (one node CIDR per node; 'CIDR allocation "
    "failed; there are no remaining CIDRs left to allocate in the accepted range')"
)
#: kube-controller-manager's defaults, also Kubermatic's (DefaultNodeCIDRMaskSizeIPv4/IPv6).
DEFAULT_NODE_MASK = {"ipv4": 24, "ipv6": 64}

#: Calico IPPool block sizes: (shortest, longest, default).
CALICO_BLOCK = {"ipv4": (20, 32, 26), "ipv6": (116, 128, 122)}

#: Kubermatic's defaults when a family is asked for without ranges.
KUBERMATIC_DEFAULTS = {
    "pods": {"ipv4": "172.25.0.0/16", "ipv6": "fd01::/48"},
    "services": {"ipv4": "10.240.16.0/20", "ipv6": "fd02::/108"},
}

#: seed 003: "v6private ... of at least that size between /48 and /112".
V6PRIVATE_LENGTHS = (48, 112)
#: defaults when a keyword carries no length.
DEFAULT_LENGTH = {
    ("nodes", "v6global"): 64, ("pods", "v6global"): 64, ("services", "v6global"): 108,
    ("nodes", "v6private"): 64, ("pods", "v6private"): 48, ("services", "v6private"): 108,
    ("nodes", "v4private"): 24,
}
#: +prefix without a size: the per-VM prefix sizes AWS delegates (IPv4 /28, IPv6 /80).
DEFAULT_NODE_PREFIX = {"ipv4": 28, "ipv6": 80}

#: kubeadm.k8s.io/v1beta4 (list-of-name/value extraArgs) from kubeadm 1.31; v1beta3 before.
KUBEADM_V1BETA4_SINCE = (1, 31)
#: IPv4/IPv6 dual-stack is GA (stable) from 1.23; seed 001's v1.21 is where it became beta and on by default.
MIN_KUBERNETES = (1, 23)
DUAL_STACK_GA_SOURCE = "kubernetes.io docs concepts/services-networking/dual-stack (FEATURE STATE: Kubernetes v1.23 [stable])"


@dataclass(frozen=True, slots=True)
class Reserved:
    cidr: str
    name: str
    source: str


#: ranges a cluster range may never touch.
RESERVED = (
    Reserved("169.254.0.0/16", "IPv4 link-local", f"RFC 3927; {CALICO_IPPOOL} refuses pools overlapping it"),
    Reserved("fe80::/10", "IPv6 link-local", f"RFC 4291; {CALICO_IPPOOL} refuses pools overlapping it"),
    Reserved("64:ff9b::/96", "NAT64 well-known prefix", "RFC 6052 (translated by NAT64/DNS64, not routed to the cluster)"),
    Reserved("fd8f:6d53:b97a:1::/96", "Gardener default VPN range", GARDENER_RESERVED),
    Reserved("240.0.0.0/8", "Gardener kube-apiserver mapping range", GARDENER_RESERVED),
    Reserved("241.0.0.0/8", "Gardener seed pod mapping range", GARDENER_RESERVED),
    Reserved("242.0.0.0/8", "Gardener shoot node mapping range", GARDENER_RESERVED),
    Reserved("243.0.0.0/8", "Gardener shoot service mapping range", GARDENER_RESERVED),
    Reserved("244.0.0.0/8", "Gardener shoot pod mapping range", GARDENER_RESERVED),
)

#: documentation prefixes: allowed, with a warning (examples copied into real plans).
DOCUMENTATION = (
    Reserved("2001:db8::/32", "IPv6 documentation prefix", "RFC 3849"),
    Reserved("3fff::/20", "IPv6 documentation prefix", "RFC 9637"),
    Reserved("192.0.2.0/24", "IPv4 documentation range TEST-NET-1", "RFC 5737"),
    Reserved("198.51.100.0/24", "IPv4 documentation range TEST-NET-2", "RFC 5737"),
    Reserved("203.0.113.0/24", "IPv4 documentation range TEST-NET-3", "RFC 5737"),
)

#: RFC 4193 unique-local space: routed pod IPv6 outside it is global (not masqueraded).
ULA = "fc00::/7"
