"""The fast canonical parsers (inet_pton/inet_ntop) accept exactly what the ipaddress-based rules accept."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given, settings, strategies as st

from constructs_lib.ipam.errors import InvalidPrefix
from constructs_lib.ipam.prefix import Prefix, _fast_address, _fast_prefix


def slow_prefix(text: str):
    if "%" in text:
        return None
    try:
        net = ipaddress.ip_network(text, strict=False)
        host = ipaddress.ip_interface(text).ip
    except ValueError:
        return None
    if int(net.network_address) != int(host) or str(net) != text:
        return None
    return net.version, int(net.network_address), net.prefixlen


def slow_address(text: str):
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        return None
    return (ip.version, int(ip)) if str(ip) == text and "%" not in text else None


spelling = st.sampled_from(["as-is", "upper", "zeros", "expanded", "host-bits", "dotted"])


@st.composite
def texts(draw):
    v6 = draw(st.booleans())
    value = draw(st.integers(0, (1 << (128 if v6 else 32)) - 1) | st.sampled_from([0, 1, 0xFFFF << 32, 10 << 24]))
    length = draw(st.integers(0, 128 if v6 else 32))
    how = draw(spelling)
    maxbits = 128 if v6 else 32
    if how != "host-bits":
        value &= ~((1 << (maxbits - length)) - 1) & ((1 << maxbits) - 1)
    addr = str(ipaddress.IPv6Address(value) if v6 else ipaddress.IPv4Address(value % (1 << 32)))
    if how == "upper":
        addr = addr.upper()
    elif how == "zeros":
        addr = addr.replace("::", ":0:", 1) if v6 else addr.replace(".0", ".00", 1)
    elif how == "expanded" and v6:
        addr = ipaddress.IPv6Address(value).exploded
    elif how == "dotted" and v6:
        addr = "::ffff:" + str(ipaddress.IPv4Address(value & 0xFFFFFFFF))
    return addr, length


@settings(max_examples=3000, deadline=None)
@given(texts())
def test_fast_paths_agree_with_ipaddress(case):
    addr, length = case
    text = f"{addr}/{length}"
    fast = _fast_prefix(text)
    if fast is not None:  # whatever the fast path takes, the strict rules take identically
        assert slow_prefix(text) == (fast.version, fast.base, fast.length)
    expected = slow_prefix(text)
    if expected is None:  # and what they refuse, Prefix.parse refuses (through the slow path)
        with pytest.raises(InvalidPrefix):
            Prefix.parse(text)
    else:
        p = Prefix.parse(text)
        assert (p.version, p.base, p.length) == expected
    fa = _fast_address(addr)
    if fa is not None:
        assert slow_address(addr) == fa


@pytest.mark.parametrize("text", ["10.0.0.1/24", "FD00::/64", "fd00::0/64", "fe80::%eth0/64", "10.0.0.0/033", "10.0.0.0/", "::ffff:1.2.3.4/128"])
def test_odd_spellings_take_the_slow_path_and_are_refused_there(text):
    with pytest.raises(InvalidPrefix):
        Prefix.parse(text, "f")
