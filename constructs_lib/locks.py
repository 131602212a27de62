"""Exclusive folder locks between runs: ``flock`` on the folder, re-entrant inside one thread.

The lock file store and the output folder both lock a folder (usually the same one, the
project's): taking it twice in one run must not deadlock, and two runs must not interleave,
whether they are two processes or two threads of one (each thread opens its own descriptor,
and flock excludes between descriptors).
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from .errors import StoreError

_held: dict[tuple[str, int], list[int]] = {}  # (real path, thread) -> [fd, depth]
_guard = threading.Lock()


@contextmanager
def folder_lock(folder: str, *, what: str, wait_seconds: float = 30.0) -> Iterator[None]:
    """Hold ``folder`` exclusively, waiting up to ``wait_seconds``. Raises ``StoreError`` naming ``what``."""
    real = (os.path.realpath(folder), threading.get_ident())
    with _guard:
        if real in _held:
            _held[real][1] += 1
            fd = None
        else:
            if not os.path.isdir(real[0]):
                raise StoreError(f"{what}: folder {folder} does not exist")
            fd = os.open(real[0], os.O_RDONLY)
    if fd is None:
        try:
            yield
        finally:
            with _guard:
                _held[real][1] -= 1
        return
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise StoreError(f"{what}: cannot lock {folder}: {e.strerror}") from None
                if time.monotonic() > deadline:
                    raise StoreError(f"{what}: another run holds it (waited {wait_seconds:.0f} s)") from None
                time.sleep(0.05)
        with _guard:
            _held[real] = [fd, 1]
        yield
    finally:
        with _guard:
            if _held.get(real, [None])[0] == fd:
                del _held[real]
        os.close(fd)  # closing drops the flock
