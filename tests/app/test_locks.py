"""``folder_lock``: re-entrant in one thread, exclusive between threads and between processes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from constructs_lib.errors import StoreError
from constructs_lib.locks import folder_lock


def test_reentrant_in_one_thread(tmp_path):
    with folder_lock(str(tmp_path), what="lock"):
        with folder_lock(str(tmp_path), what="output"):
            pass
        with folder_lock(str(tmp_path / "."), what="again"):  # the same folder, spelled otherwise
            pass


def test_another_thread_waits_for_the_holder(tmp_path):
    order: list[str] = []
    held = threading.Event()

    def other():
        held.wait()
        with folder_lock(str(tmp_path), what="lock", wait_seconds=10):
            order.append("other")

    t = threading.Thread(target=other)
    t.start()
    with folder_lock(str(tmp_path), what="lock"):
        held.set()
        time.sleep(0.4)  # the other thread is inside folder_lock by now, and must still be waiting
        order.append("first")
    t.join(10)
    assert order == ["first", "other"]


def test_another_thread_gives_up_naming_what(tmp_path):
    errors: list[str] = []

    def other():
        try:
            with folder_lock(str(tmp_path), what="the lock ipam.lock.json", wait_seconds=0.2):
                errors.append("entered")
        except StoreError as e:
            errors.append(str(e))

    with folder_lock(str(tmp_path), what="lock"):
        t = threading.Thread(target=other)
        t.start()
        t.join(10)
    assert errors == ["the lock ipam.lock.json: another run holds it (waited 0 s)"]


def test_another_process_is_excluded(tmp_path):
    code = ("import sys; from constructs_lib.locks import folder_lock\n"
            "try:\n    with folder_lock(sys.argv[1], what='lock', wait_seconds=0.2): print('entered')\n"
            "except Exception as e: print(e)")
    with folder_lock(str(tmp_path), what="lock"):
        r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert "another run holds it" in r.stdout, r.stdout + r.stderr


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        with folder_lock(str(tmp_path / "nope"), what="lock"):
            pass
