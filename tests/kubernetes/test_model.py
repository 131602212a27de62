"""The cluster section of a plan: defaults, one-line errors, settings checked before resolution."""

import subprocess
import sys

import pytest

from constructs_lib.kubernetes import ClusterSpec, KubernetesNetworkError, LimitError, NodeSpec, StrategyError, parse_cluster

from .conftest import cluster


def test_defaults_are_ipv6_only_kubeadm_calico():
    c = cluster()
    assert c.ip_families == ("ipv6",)
    assert c.cni == "calico"
    assert c.targets == ("kubeadm", "kube-proxy")
    assert c.kubernetes_version == "1.34" and c.version == (1, 34) and c.version_patch is None
    assert (c.node_mask("ipv4"), c.node_mask("ipv6")) == (24, 64)
    assert (c.calico.block("ipv4"), c.calico.block("ipv6")) == (26, 122)


def test_version_patch_pins_kubeadm():
    assert cluster(kubernetes_version="v1.33.4").version_patch == "v1.33.4"


def test_models_are_readonly():
    c = cluster()
    with pytest.raises(Exception):
        c.name = "other"


@pytest.mark.parametrize(
    "data,needle",
    [
        ({"name": "C1"}, "cluster name: 'C1' is not a DNS label"),
        ({"name": "c1", "cni": "flannel"}, "cluster c1: cni: Input should be 'calico' or 'cilium' (got 'flannel')"),
        ({"name": "c1", "kubernetes_version": "1.22"}, "kubernetes_version: 1.22 is older than 1.23"),
        ({"name": "c1", "kubernetes_version": "latest"}, "kubernetes_version: 'latest' is not a version"),
        ({"name": "c1", "ip_families": ["ipv6", "ipv6"]}, "ip_families: ['ipv6', 'ipv6'] must name"),
        ({"name": "c1", "node_cidr_mask_size": {"ipv4": 33}}, "node_cidr_mask_size.ipv4: /33 is not an ipv4 prefix length"),
        ({"name": "c1", "targets": ["kubeadm", "kubeadm"]}, "targets: ['kubeadm', 'kubeadm'] names a target twice"),
        ({"name": "c1", "targets": ["openshift"]}, "cluster c1: targets[0]: Input should be 'kubeadm', 'kube-proxy', 'gardener' or 'kubermatic' (got 'openshift')"),
        ({"name": "c1", "machines": [{"name": "w1"}, {"name": "w1"}]}, "node name 'w1' is given twice"),
        ({"name": "c1", "machines": [{"name": "W_1"}]}, "node name: 'W_1' is not a Kubernetes node name"),
        ({"name": "c1", "machines": [{"name": "w1", "addresses": {"ipv4": "2001:db8::1"}}]},
         "node w1: addresses.ipv4: '2001:db8::1' is not a canonical ipv4 address"),
        ({"name": "c1", "machines": [{"name": "w1", "prefixes": {"ipv6": "2001:DB8::/80"}}]},
         "node w1: prefixes.ipv6: '2001:DB8::/80' is not a canonical ipv6 CIDR; write 2001:db8::/80"),
        ({"name": "c1", "extra": 1}, "cluster c1: extra: unknown key (a typo?)"),
    ],
)
def test_bad_input_is_one_line_naming_field_and_value(data, needle):
    with pytest.raises(KubernetesNetworkError) as e:
        parse_cluster(data)
    assert needle in str(e.value)
    assert "\n" not in str(e.value)


def test_strategy_errors_surface_from_the_plan_with_the_cluster_name():
    with pytest.raises(StrategyError) as e:
        parse_cluster({"name": "c1", "pods": "v4private, v6privat"})
    assert str(e.value).startswith("cluster c1: pods: token 2 ('v6privat'): unknown keyword")


@pytest.mark.parametrize(
    "calico,needle",
    [
        ({"block_size": {"ipv4": 19}}, "calico.block_size.ipv4: /19 is outside Calico's ipv4 block sizes /20 to /32 (default /26)"),
        ({"block_size": {"ipv4": 33}}, "/20 to /32"),
        ({"block_size": {"ipv6": 115}}, "calico.block_size.ipv6: /115 is outside Calico's ipv6 block sizes /116 to /128 (default /122)"),
        ({"ipip_mode": {"ipv6": "CrossSubnet"}}, "IPIP is not supported on an IPv6 IP pool"),
        ({"ipip_mode": {"ipv4": "Always"}, "vxlan_mode": {"ipv4": "Always"}}, "cannot enable both VXLAN and IPIP"),
    ],
)
def test_calico_settings_are_refused_with_calicos_reason(calico, needle):
    with pytest.raises(LimitError) as e:
        cluster(calico=calico)
    assert needle in str(e.value)
    assert "libcalico-go/lib/clientv3/ippool.go" in str(e.value)


def test_calico_boundaries_are_accepted():
    c = cluster(calico={"block_size": {"ipv4": 20, "ipv6": 128}, "ipip_mode": {"ipv4": "Always"}})
    assert c.calico.block("ipv4") == 20 and c.calico.block("ipv6") == 128


def test_template_values_are_accepted_for_apply_time_addresses():
    n = NodeSpec(name="w1", addresses={"ipv6": "${aws_instance.w1.ipv6_addresses[0]}"})
    assert n.addresses["ipv6"].startswith("${")


def test_machines_are_sorted_by_name():
    c = cluster(machines=[{"name": "w2"}, {"name": "w1"}])
    assert [m.name for m in c.machines] == ["w1", "w2"]


def test_package_is_pure_python():
    code = ("import sys, constructs_lib.kubernetes as k; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('cdktf', 'jsii', 'constructs')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_cluster_spec_is_importable_from_package():
    assert ClusterSpec.model_fields["kubernetes_version"].default == "1.34"


def test_new_settings_have_a_description_and_a_default_in_the_json_schema():
    from pydantic import TypeAdapter

    schema = TypeAdapter(ClusterSpec).json_schema()
    for field in ("scope", "kubermatic", "api_load_balancer"):
        assert {"description", "default"} <= set(schema["properties"][field]), field
    assert schema["$defs"]["CalicoSettings"]["properties"]["bgp"]["default"] is None
    for model in ("CalicoBgpSettings", "ApiLoadBalancerSettings", "KubermaticSettings"):
        for field, prop in schema["$defs"][model]["properties"].items():
            assert {"description", "default"} <= set(prop), f"{model}.{field}"


def test_kubernetes_before_dual_stack_ga_names_the_version_needed():
    with pytest.raises(KubernetesNetworkError) as e:
        parse_cluster({"name": "c1", "kubernetes_version": "1.22"})
    assert str(e.value).startswith('kubernetes_version: 1.22 is older than 1.23, where IPv4/IPv6 dual-stack became GA (stable); '
                                   'set kubernetes_version: "1.23" or later [')
    assert parse_cluster({"name": "c1", "kubernetes_version": "1.23"}).version == (1, 23)
