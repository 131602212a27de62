"""Store URLs: parse and check a PostgreSQL URL, and mask its password in every message.

Accepted: ``postgresql://user@host:port/db`` or ``postgres://...``, with everything libpq's URI
parser takes (percent-encoding, ``[::1]``, several ``host:port`` pairs, query parameters such as
``?host=/socket/dir`` or ``?sslmode=require``). libpq itself parses the URL (through psycopg), so
what we accept is exactly what the driver connects with; on top of that the URL must name a
database, and ports must be numbers. Every refusal is one ``StoreError`` line showing the URL
masked: a password is never printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from ..errors import StoreError, one_line


def driver() -> Any:
    """psycopg 3, imported only when a PostgreSQL store is used."""
    try:
        import psycopg
    except ImportError:
        raise StoreError("the PostgreSQL store needs psycopg 3: pip install 'psycopg[binary]>=3.2,<4'") from None
    return psycopg

SCHEMES = ("postgresql://", "postgres://")
MASK = "***"
#: what a message shows where the URL is wrong (what to write instead)
EXAMPLE = "postgresql://user@host:5432/dbname or postgresql:///dbname?host=/socket/dir"

_PASSWORD_PARAM = re.compile(r"(?i)(password=)([^&\s]*)")


def mask(url: str) -> str:
    """``url`` with any password replaced by ``***``, well-formed or not.

    The credentials of a URL end at the last ``@`` before the first ``/`` after ``//`` (libpq stops
    at the first ``@``; taking the last hides a password holding an unencoded ``@`` too). A
    ``password=`` parameter anywhere is masked as well.
    """
    text = str(url)
    start = text.find("://")
    if start >= 0:
        start += 3
        slash = text.find("/", start)
        authority_end = len(text) if slash < 0 else slash
        at = text.rfind("@", start, authority_end)
        if at >= 0:
            colon = text.find(":", start, at)
            if colon >= 0:
                text = text[: colon + 1] + MASK + text[at:]
    return _PASSWORD_PARAM.sub(lambda m: m.group(1) + MASK, text)


def secrets_of(url: str) -> list[str]:
    """The password spellings a URL holds (raw and percent-decoded), for ``scrub``."""
    found: list[str] = []
    text = str(url)
    start = text.find("://")
    if start >= 0:
        start += 3
        slash = text.find("/", start)
        authority_end = len(text) if slash < 0 else slash
        at = text.rfind("@", start, authority_end)
        colon = text.find(":", start, at) if at >= 0 else -1
        if colon >= 0 and colon + 1 < at:
            found.append(text[colon + 1 : at])
    found += [m.group(2) for m in _PASSWORD_PARAM.finditer(text) if m.group(2)]
    out: list[str] = []
    for s in found:
        for v in (s, unquote(s)):
            if v and v not in out:
                out.append(v)
    return sorted(out, key=len, reverse=True)  # longest first: a password containing another is hidden whole


def scrub(message: Any, url: str) -> str:
    """One line of ``message`` with the URL masked and no spelling of its password left."""
    text = one_line(message)
    raw = str(url)
    if raw:
        text = text.replace(raw, mask(raw))
    for secret in secrets_of(raw):
        text = text.replace(secret, MASK)
    return text


@dataclass(frozen=True)
class StoreUrl:
    """A checked PostgreSQL URL: ``text`` connects (libpq's conninfo), ``masked`` is for messages."""

    text: str
    params: dict[str, str]

    @property
    def masked(self) -> str:
        return mask(self.text)

    @property
    def dbname(self) -> str:
        return self.params["dbname"]

    def __repr__(self) -> str:  # never the password, not even in a debugger or a log of repr()s
        return f"StoreUrl({self.masked!r})"

    __str__ = __repr__


def is_postgres_url(text: str) -> bool:
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


def parse(url: str, what: str = "store URL") -> StoreUrl:
    """Check ``url``; raises ``StoreError`` (one line, password masked) naming what is wrong."""
    if not isinstance(url, str) or not url.strip():
        raise StoreError(f"{what}: empty; write {EXAMPLE}")
    text = url.strip()
    shown = mask(text)
    if not text.lower().startswith(SCHEMES):
        raise StoreError(f"{what} {shown}: not a PostgreSQL URL; write {EXAMPLE}")
    if any(c.isspace() or not c.isprintable() for c in text):
        raise StoreError(f"{what} {shown}: holds spaces or control characters; percent-encode them (%20)")
    psycopg = driver()
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {k: str(v) for k, v in conninfo_to_dict(text).items()}
    except psycopg.ProgrammingError as e:
        raise StoreError(f"{what} {shown}: {scrub(e, text)}") from None
    hosts = [h for h in params.get("host", "").split(",") if h]
    for h in hosts:
        if "@" in h:
            # never shown: what libpq took for a host is the rest of a password holding an unencoded '@'
            raise StoreError(f"{what} {shown}: the host holds '@'; percent-encode '@' in a user or password as %40")
    for port in params.get("port", "").split(","):
        if port and not (port.isdigit() and 1 <= int(port) <= 65535):
            raise StoreError(f"{what} {shown}: port {port!r} is not a number from 1 to 65535")
    if not params.get("dbname"):
        raise StoreError(f"{what} {shown}: names no database; write {EXAMPLE}")
    return StoreUrl(text, params)
