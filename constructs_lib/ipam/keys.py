"""The grammar of keys, network ids, owners and names: checked before anything is allocated.

Keys (``os-fra/k8s-nodes/worker-0/ipv6``) and network ids are ``/``-separated segments of
letters, digits, ``.``, ``_`` and ``-`` (each starting with a letter or digit), at most
``MAX_KEY`` characters: they end up in lock files, Terraform names, file names and SQL rows.
Owners are one such segment. Names are free text on one printable line. Every refusal is an
``InvalidKey`` naming the field and the value (shortened when long).
"""

from __future__ import annotations

import re

from .errors import InvalidKey

MAX_KEY = 255
MAX_SEGMENT = 63
MAX_NAME = 200
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: a whole well-formed key in one match (the allocator's fast path; lengths checked apart)
KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,62})*")


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters: a 100,000-character key is not echoed whole."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 15]}...' ({len(str(value)):,} characters)"


def check_key(key: object, field: str = "key") -> str:
    """A key: segments joined by ``/``. Returns it; raises ``InvalidKey``."""
    if key.__class__ is str and len(key) <= MAX_KEY and KEY_RE.fullmatch(key):
        return key  # the common case in one match; the loop below only explains a refusal
    if key.__class__ is not str or not key:
        raise InvalidKey(f"{field}: {shown(key)} must be a non-empty string")
    if len(key) > MAX_KEY:
        raise InvalidKey(f"{field}: {shown(key)} is longer than {MAX_KEY} characters")
    for part in key.split("/"):
        if not _SEGMENT.fullmatch(part) or len(part) > MAX_SEGMENT:
            raise InvalidKey(
                f"{field}: {shown(key)} must be '/'-separated parts of letters, digits, '.', '_' and '-', each starting "
                f"with a letter or digit and at most {MAX_SEGMENT} long (bad part {shown(part, 30)})"
            )
    return key


def check_id(value: object, field: str) -> str:
    """A network id: the key grammar (child ids of Kubernetes ranges are their keys)."""
    return check_key(value, field)


def check_segment(value: object, field: str, max_len: int = MAX_SEGMENT) -> str:
    """One key segment (an owner, a node name part): letters, digits, '.', '_', '-'."""
    if value.__class__ is not str or not _SEGMENT.fullmatch(value) or len(value) > max_len:
        raise InvalidKey(f"{field}: {shown(value)} must be letters, digits, '.', '_' and '-', starting with a letter "
                         f"or digit, at most {max_len} characters")
    return value


def check_owner(value: object, field: str = "owner") -> str:
    return check_segment(value, field)


def check_name(value: object, field: str, max_len: int = MAX_NAME) -> str:
    """Free text on one printable line (a network's ``name``, a description)."""
    if value.__class__ is not str:
        raise InvalidKey(f"{field}: {shown(value)} must be text")
    if len(value) > max_len:
        raise InvalidKey(f"{field}: {shown(value)} is longer than {max_len} characters")
    if not value.isprintable() or value != value.strip():
        raise InvalidKey(f"{field}: {shown(value)} must be one printable line without surrounding spaces")
    return value
