"""Which store a command uses: ``--store URL``, else ``$DUALSTACK_STORE``, else the plan's ``store:``,
else the lock file beside the plan (the embedded default)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import StoreError
from .lockfile import LockfileStore

if TYPE_CHECKING:  # pragma: no cover
    from .base import Store

STORE_ENV = "DUALSTACK_STORE"
SCHEMES = ("postgresql://", "postgres://")


def store_url(flag: str | None = None, plan_field: str | None = None) -> str | None:
    """The store URL in force: the flag, the environment, the plan file, in that order (None: the lock file)."""
    for value in (flag, os.environ.get(STORE_ENV), plan_field):
        if value is not None and value.strip():
            return value.strip()
    return None


def open_store(url: str | None, lock_path: str) -> "Store":
    """The store for ``url``; without one, ``LockfileStore(lock_path)``. Raises ``StoreError`` for a URL of another scheme."""
    if url is None:
        return LockfileStore(lock_path)
    if url.startswith(SCHEMES):
        from .postgres import PostgresStore  # psycopg is imported only when a store is used

        return PostgresStore(url)
    from .url import mask

    raise StoreError(f"store: {mask(url)} is not a store URL; use postgresql://user@host:port/db (or ?host=/socket/dir)")
