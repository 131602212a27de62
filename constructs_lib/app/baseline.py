"""What the review compares with: the lock as committed in git, else the lock before this run.

After one ``synth`` the lock on disk already holds this run's ranges; comparing with it would
report "0 added" to every later run and the reviewer would lose the change. So by default the
baseline is ``git show HEAD:<lock>`` when the lock sits in a git work tree and is tracked there;
otherwise the lock as it was before this run. ``--against FILE`` names another one.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from typing import Any

from ..errors import DualstackError, InputError
from ..inputs import MAX_LOCK_BYTES, MAX_PLAN_BYTES, load_json, load_yaml, read_text


@dataclass(frozen=True)
class Baseline:
    document: dict[str, Any] | None
    label: str
    #: named with --against: compared with and reported, but a move against it does not stop the run
    given: bool = False


def at_head(path: str) -> bytes | None:
    """The file at ``HEAD`` of the git work tree holding it, or None (no git, no repo, not tracked, no commit)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        top = subprocess.run(["git", "-C", folder, "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=20)
        if top.returncode != 0:
            return None
        rel = os.path.relpath(os.path.realpath(os.path.abspath(path)), os.path.realpath(top.stdout.strip()))
        shown = subprocess.run(["git", "-C", top.stdout.strip(), "show", f"HEAD:{rel}"], capture_output=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return shown.stdout if shown.returncode == 0 else None


def committed_plan_document(plan_path: str) -> dict[str, Any] | None:
    """The plan file at git ``HEAD`` as loaded YAML, or None (not committed, not readable as a plan)."""
    data = at_head(plan_path)
    if data is None or len(data) > MAX_PLAN_BYTES:
        return None
    try:
        doc = load_yaml(data.decode("utf-8"), f"plan {plan_path} at git HEAD")
    except (UnicodeDecodeError, InputError):
        return None
    return doc if isinstance(doc, dict) else None


def committed_lock(lock_path: str) -> Baseline | None:
    """The lock at ``HEAD`` of the git work tree holding it, or None (no git, no repo, not tracked)."""
    data = at_head(lock_path)
    if data is None:
        return None  # not committed yet (or no commit at all): the lock before this run is the baseline
    try:
        doc = load_json(data.decode("utf-8"), f"lock {lock_path} at git HEAD")
    except (UnicodeDecodeError, InputError):
        return None
    return Baseline(doc if isinstance(doc, dict) else None, "the lock as committed (git HEAD)")


def baseline(lock_path: str, before: dict[str, Any] | None, against: str | None) -> Baseline:
    """The review's baseline: ``against``, else the committed lock, else ``before`` (the lock before this run)."""
    if against is not None:
        try:
            text = read_text(against, "--against", max_bytes=MAX_LOCK_BYTES)
            doc = load_json(text, f"--against {against}")
        except DualstackError as e:
            raise InputError(str(e).replace("--against --against", "--against")) from None
        if not isinstance(doc, dict):
            raise InputError(f"--against {against}: not a lock (a JSON object)")
        return Baseline(doc, f"{against} (--against)", given=True)
    committed = committed_lock(lock_path)
    if committed is not None:
        return committed
    return Baseline(before, "the lock before this run" if before is not None else "no committed lock yet")
