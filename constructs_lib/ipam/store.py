"""Where the address plan lives: one small seam, ``Store``.

``JsonLockStore`` is the default: ``ipam.lock.json`` beside the plan, committed and reviewed.
Writes are atomic (temporary file, fsync, rename, fsync of the folder) under an exclusive
lock on the folder, so two runs cannot both write and a crash leaves the previous lock whole.
A PostgreSQL store can implement the same three methods.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import tempfile
import time
from contextlib import contextmanager
from typing import Any, Iterator, Protocol

from . import lockfile
from .allocator import Ipam
from .errors import IpamError


class StoreError(IpamError):
    """The store could not be read, locked or written."""


class Store(Protocol):
    def read(self) -> dict[str, Any] | None: ...
    def write(self, data: dict[str, Any]) -> None: ...
    def locked(self) -> Any: ...  # a context manager holding the store exclusively


class MemoryStore:
    """For tests and throw-away plans."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = data

    def read(self) -> dict[str, Any] | None:
        return json.loads(json.dumps(self.data)) if self.data is not None else None

    def write(self, data: dict[str, Any]) -> None:
        self.data = json.loads(json.dumps(data))

    @contextmanager
    def locked(self) -> Iterator[None]:
        yield


class JsonLockStore:
    def __init__(self, path: str | os.PathLike[str], wait_seconds: float = 30.0) -> None:
        self.path = os.fspath(path)
        self.wait_seconds = wait_seconds

    def read(self) -> dict[str, Any] | None:
        try:
            with open(self.path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise StoreError(f"lock {self.path}: not valid JSON (line {e.lineno}: {e.msg})") from None

    def text(self, data: dict[str, Any]) -> str:
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    def write(self, data: dict[str, Any]) -> None:
        text = self.text(data)
        try:
            with open(self.path, encoding="utf-8") as f:
                if f.read() == text:
                    return  # unchanged: leave the file (and its mtime) alone
        except FileNotFoundError:
            pass
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, tmp = tempfile.mkstemp(prefix=".ipam-", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, self._mode())  # a committed file: the previous mode, else 0666 less the umask
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)

    def _mode(self) -> int:
        try:
            return os.stat(self.path).st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask

    @contextmanager
    def locked(self) -> Iterator[None]:
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise StoreError(f"lock {self.path}: folder {folder} does not exist")
        fd = os.open(folder, os.O_RDONLY)
        try:
            deadline = time.monotonic() + self.wait_seconds
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as e:
                    if e.errno not in (errno.EAGAIN, errno.EACCES):
                        raise StoreError(f"lock {self.path}: cannot lock {folder}: {e.strerror}") from None
                    if time.monotonic() > deadline:
                        raise StoreError(f"lock {self.path}: another run holds it (waited {self.wait_seconds:.0f} s)") from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)  # closing drops the flock


@contextmanager
def transaction(store: Store) -> Iterator[Ipam]:
    """Load the plan under the store's lock; write it back only if the block succeeds."""
    with store.locked():
        ipam = lockfile.from_dict(store.read(), where=getattr(store, "path", "lock"))
        yield ipam
        store.write(lockfile.to_dict(ipam))
