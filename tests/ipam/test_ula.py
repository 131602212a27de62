import hashlib
import ipaddress

from constructs_lib.ipam.ula import NTP_UNIX_OFFSET, eui64_from_mac, generate_ula_prefix, global_id, ntp_now


def test_global_id_is_low_40_bits_of_sha1_of_time_and_eui64():
    t = (3_900_000_000 << 32) | 12345
    eui = bytes.fromhex("021122fffe334455")
    digest = hashlib.sha1(t.to_bytes(8, "big") + eui).digest()
    assert global_id(t, eui) == int.from_bytes(digest[-5:], "big")
    net = ipaddress.IPv6Network(generate_ula_prefix(t, eui))
    assert net.prefixlen == 48 and net.network_address.packed[0] == 0xFD
    assert net.network_address.packed[1:6] == digest[-5:]


def test_modified_eui64_and_ntp_clock():
    assert eui64_from_mac(0x001122334455) == bytes.fromhex("021122fffe334455")
    assert ntp_now() >> 32 > NTP_UNIX_OFFSET  # after 1970, in NTP seconds
    assert generate_ula_prefix() != generate_ula_prefix(ntp_time=1, eui64=bytes(8))
