"""Where the address plan lives: the lock file (default) or a shared PostgreSQL store.

See ``base.py`` for the seam every store implements.
"""

from .base import (
    CLI_OWNER,
    DEFAULT_OWNER,
    Change,
    LogEntry,
    Outcome,
    RetryableStoreError,
    Session,
    Store,
    changes,
    new_run_id,
    transact,
    transaction,
)
from .lockfile import LockfileStore, MemoryStore
from ..errors import StoreError

__all__ = [
    "CLI_OWNER", "DEFAULT_OWNER", "Change", "LockfileStore", "LogEntry", "MemoryStore", "Outcome", "RetryableStoreError",
    "Session", "Store", "StoreError", "changes", "new_run_id", "transact", "transaction",
]
