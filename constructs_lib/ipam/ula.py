"""RFC 4193 unique-local /48s: §3.2.2's pseudo-random Global ID, generated once, pinned in the lock."""

from __future__ import annotations

import hashlib
import ipaddress
import time
import uuid

#: seconds between the NTP epoch (1900) and the Unix epoch (1970)
NTP_UNIX_OFFSET = 2_208_988_800


def ntp_now() -> int:
    """The current time in 64-bit NTP format (32 bits seconds, 32 bits fraction)."""
    ns = time.time_ns()
    seconds, rest = divmod(ns, 1_000_000_000)
    return ((seconds + NTP_UNIX_OFFSET) << 32) | ((rest << 32) // 1_000_000_000)


def eui64_from_mac(mac: int) -> bytes:
    """Modified EUI-64 from a 48-bit MAC (RFC 4291 appendix A): ff:fe in the middle, U/L bit flipped."""
    b = mac.to_bytes(6, "big")
    return bytes([b[0] ^ 0x02, b[1], b[2], 0xFF, 0xFE, b[3], b[4], b[5]])


def global_id(ntp_time: int | None = None, eui64: bytes | None = None) -> int:
    """§3.2.2: SHA-1 over time ‖ EUI-64, the least significant 40 bits are the Global ID."""
    t = ntp_now() if ntp_time is None else ntp_time
    e = eui64 if eui64 is not None else eui64_from_mac(uuid.getnode())
    if len(e) != 8:
        raise ValueError(f"eui64: {e!r} must be 8 bytes")
    digest = hashlib.sha1(t.to_bytes(8, "big") + e).digest()
    return int.from_bytes(digest, "big") & ((1 << 40) - 1)


def generate_ula_prefix(ntp_time: int | None = None, eui64: bytes | None = None) -> str:
    """``fdXX:XXXX:XXXX::/48`` with a fresh Global ID (L bit set: locally assigned)."""
    value = (0xFD << 120) | (global_id(ntp_time, eui64) << 80)
    return str(ipaddress.IPv6Network((value, 48)))
