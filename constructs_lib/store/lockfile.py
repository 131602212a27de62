"""``LockfileStore``: the address plan in ``ipam.lock.json`` beside the plan, committed and reviewed.

The embedded default: one repository, no server. Writes are atomic (temporary file beside the
target, fsync, rename, fsync of the folder) under an exclusive ``flock`` on the folder, so two
runs cannot both write and a crash leaves the previous lock whole. A lock that is a symlink is
written through to its target; a FIFO or device is refused without blocking; a damaged lock
(not JSON, ``null``, empty) is refused, never taken for "no lock". Temporary files a killed run
left behind are removed by the next run that holds the lock.
"""

from __future__ import annotations

import glob
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from ..errors import InputError, StoreError
from ..inputs import MAX_LOCK_BYTES, load_json, read_text
from ..locks import folder_lock
from .base import Change, LogEntry, changes

TEMP_PREFIX, TEMP_SUFFIX = ".ipam-", ".tmp"


class LockfileStore:
    """The lock file at ``path`` (it need not exist yet; its folder must)."""

    def __init__(self, path: str | os.PathLike[str], wait_seconds: float = 30.0) -> None:
        self.path = os.fspath(path)
        self.where = self.path
        self.wait_seconds = wait_seconds

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        """The lock's document; None when there is no lock yet. Raises ``StoreError`` for a damaged one."""
        try:
            text = read_text(self.path, "lock", max_bytes=MAX_LOCK_BYTES, missing_ok=True)
            if text is None:
                return None
            if not text.strip():
                raise StoreError(f"lock {self.path}: empty; restore it from git (git checkout -- {self.path}) or delete it to start afresh")
            data = load_json(text, f"lock {self.path}")
        except InputError as e:
            raise StoreError(str(e)) from None
        if not isinstance(data, dict):
            raise StoreError(f"lock {self.path}: holds {json.dumps(data)[:40]}, not a lock object; "
                             f"restore it from git (git checkout -- {self.path}) or delete it to start afresh")
        return data

    # -- writing ---------------------------------------------------------------------------
    @property
    def target(self) -> str:
        """The file that is really written: the lock, or what its symlink points to."""
        return os.path.realpath(self.path) if os.path.islink(self.path) else os.path.abspath(self.path)

    def text(self, data: Mapping[str, Any]) -> str:
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    def write(self, data: Mapping[str, Any]) -> bool:
        """Write the document (unchanged content leaves the file and its mtime alone). Returns whether it wrote."""
        text = self.text(data)
        target = self.target
        try:
            with open(target, encoding="utf-8") as f:
                if f.read() == text:
                    return False
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        folder = os.path.dirname(target)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
        try:
            os.fchmod(fd, self._mode(target))  # a committed file: the previous mode, else 0666 less the umask
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
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
        return True

    @staticmethod
    def _mode(target: str) -> int:
        try:
            return os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask

    # -- the seam ----------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the lock's folder exclusively (``flock``), waiting up to ``wait_seconds``."""
        folder = os.path.dirname(self.target)
        with folder_lock(folder, what=f"lock {self.path}", wait_seconds=self.wait_seconds):
            self._remove_leftovers(folder)
            yield

    @staticmethod
    def _remove_leftovers(folder: str) -> None:
        """Temporary locks of runs killed mid-write: nobody else writes while we hold the folder."""
        for path in glob.glob(os.path.join(glob.escape(folder), f"{TEMP_PREFIX}*{TEMP_SUFFIX}")):
            try:
                os.unlink(path)
            except OSError:
                pass

    @contextmanager
    def session(self, owner: str, run_id: str) -> Iterator["_LockfileSession"]:
        with self.locked():
            yield _LockfileSession(self, owner, self.read())

    def log(self, *, key: str | None = None, owner: str | None = None, since: str | None = None) -> list[LogEntry]:
        raise StoreError(f"lock {self.path}: a lock file keeps no change log; its history is `git log -p {self.path}`")


@dataclass
class _LockfileSession:
    store: LockfileStore
    owner: str
    snapshot: dict[str, Any] | None

    def commit(self, document: dict[str, Any], reasons: Mapping[str, str] | None = None) -> list[Change]:
        done = changes(self.snapshot, document, self.owner, reasons)
        if done or self.snapshot is None:
            self.store.write(document)
        return done


class MemoryStore:
    """The same seam in memory: tests and throw-away plans."""

    where = "memory"

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = json.loads(json.dumps(data)) if data is not None else None

    def read(self) -> dict[str, Any] | None:
        return json.loads(json.dumps(self.data)) if self.data is not None else None

    @contextmanager
    def session(self, owner: str, run_id: str) -> Iterator["_MemorySession"]:
        yield _MemorySession(self, owner, self.read())

    def log(self, *, key: str | None = None, owner: str | None = None, since: str | None = None) -> list[LogEntry]:
        raise StoreError("memory: an in-memory store keeps no change log")


@dataclass
class _MemorySession:
    store: MemoryStore
    owner: str
    snapshot: dict[str, Any] | None

    def commit(self, document: dict[str, Any], reasons: Mapping[str, str] | None = None) -> list[Change]:
        done = changes(self.snapshot, document, self.owner, reasons)
        self.store.data = json.loads(json.dumps(document))
        return done
