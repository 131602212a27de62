"""The examples of seed 002 (StarlingX "IPv4/IPv6 Dual-Stack Network"), verbatim: the acceptance material."""

# "Install a System in Dual-Stack Mode": the bootstrap variables
BOOTSTRAP = """\
pxeboot_subnet: 198.51.100.0/24
management_subnet: fd01::/64,198.51.0.0/24
management_start_address: fd01::2,198.51.0.2
management_end_address: fd01::ffff,198.51.0.200
management_gateway_address: fd01::1,198.51.0.1
external_oam_subnet: fd00::/64,10.20.5.0/24
external_oam_gateway_address: fd00::1,10.20.5.1
external_oam_floating_address: fd00::3,10.20.5.3
external_oam_node_0_address: fd00::4,10.20.5.4
external_oam_node_1_address: fd00::5,10.20.5.5
cluster_host_subnet: aefd:100::/64,198.51.100.0/24
cluster_pod_subnet: aefd:206::/64,172.16.0.0/16
cluster_service_subnet: aefd:207::/112,10.96.0.0/12
"""

# "Runtime Configuration" (the system was installed as IPv6): the commands in the seed's order
RUNTIME = [
    "system addrpool-add oam-ipv4 171.168.204.0 24 --order random --ranges 171.168.204.1-171.168.204.254 "
    "--floating-address 171.168.204.1 --controller0-address 171.168.204.2 --controller1-address 171.168.204.3",
    "system network-addrpool-assign oam oam-ipv4",
    "system addrpool-add cluster-pod-subnet-ipv4 172.16.0.0 16 --order random --ranges 172.16.0.1-172.16.254.254",
    "system addrpool-add cluster-service-subnet-ipv4 10.96.0.0 12 --order random --ranges 10.96.0.1-10.96.254.254",
    "system addrpool-add cluster-host-subnet-ipv4 192.168.204.0 24 --order random --ranges 192.168.204.1-192.168.204.254 "
    "--floating-address 192.168.204.1 --controller0-address 192.168.204.2 --controller1-address 192.168.204.3",
    "system network-addrpool-assign cluster-service cluster-service-subnet-ipv4",
    "system network-addrpool-assign cluster-pod cluster-pod-subnet-ipv4",
    "system network-addrpool-assign cluster-host cluster-host-subnet-ipv4",
    "system addrpool-add management-ipv4 20.20.20.0 24 --order random --ranges 20.20.20.1-20.20.20.254 "
    "--floating-address 20.20.20.1 --controller0-address 20.20.20.2 --controller1-address 20.20.20.3",
    "system network-addrpool-assign management management-ipv4",
    "system addrpool-add admin-ipv4 30.30.30.0 24 --order random --ranges 30.30.30.1-30.30.30.254 "
    "--floating-address 30.30.30.1 --controller0-address 30.30.30.2 --controller1-address 30.30.30.3",
    "system network-addrpool-assign admin admin-ipv4",
]

# the seed's own `system network-list` names the management network "mgmt" (and cgts-client finds a network by
# its exact name), so the one command above that names it "management" would fail on a real system
RUNTIME_AS_RUN = [c.replace("network-addrpool-assign management ", "network-addrpool-assign mgmt ") for c in RUNTIME]

# "Configure DNS Server": both orders are valid; the plan writes the primary family first
DNS_FORMS = ("system dns-modify nameservers=<IPv6 DNS server>,<IPv4 DNS server>",
             "system dns-modify nameservers=<IPv4 DNS server>,<IPv6 DNS server>")

# "Revert to Single-stack": the association of the pool is found in network-addrpool-list ($6 the pool, $2 the uuid)
REVERT_POOL = "cluster-pod-ipv6"
REVERT = "DEL=$(system network-addrpool-list | awk '$6 == $ADDR_POOL_NAME { print $2 }') && system network-addrpool-remove $DEL"

# the seed's network-list: the networks of a system installed as IPv6 (pxeboot IPv4 only)
NETWORK_LIST = {"multicast": "IPv6", "cluster-host": "IPv6", "oam": "IPv6", "cluster-pod": "IPv6", "cluster-service": "IPv6",
                "mgmt": "IPv6", "pxeboot": "IPv4"}
