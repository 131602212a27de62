"""The output folder (``cdktf.out``): built beside itself, swapped in whole, keeping what others keep there.

A run builds its output in a staging folder next to the output and publishes it with two
renames (the old folder aside, the new one in), then removes the old one. Everything in the old
folder that the tool did not write (``.terraform/``, ``.terraform.lock.hcl``, saved plans, a
user's notes) is moved into the new folder first: no synth deletes what it did not write. The
files the tool writes are listed in ``.dualstack-files``; an output of an earlier version has no
list, and its generated files are recognized by name.

A journal in the staging folder makes every step recoverable: the next run (holding the
project's folder lock) finishes or undoes a swap that a kill interrupted, and removes staging
folders and old outputs that a killed run left behind.

Terraform state lives outside the output (``state/<stack>.tfstate`` beside the plan): the local
backend names it by a path relative to the stack's folder, so output stays machine-independent.
A state file that an earlier version kept inside the output is moved there.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import DualstackError

FILES = ".dualstack-files"
JOURNAL = ".dualstack-journal"
STATE_DIR = "state"


class OutputError(DualstackError):
    """The output folder cannot be used or published (one line naming it)."""


def _generated_by_name(rel: str) -> bool:
    """Files an output without ``.dualstack-files`` holds that the tool wrote (an earlier version's
    synth output, or the review ``dualstack plan`` writes): named exactly, nothing by folder alone."""
    parts = rel.split("/")
    if rel in ("manifest.json", JOURNAL, "review/plan.md", "review/plan.svg"):
        return True
    if parts[0] == "kubernetes" and len(parts) == 4 and parts[3].endswith((".yaml", ".cfg", ".conf")):
        return True  # kubernetes/<cluster>/<tool>/<file>
    return len(parts) == 3 and parts[0] == "stacks" and parts[2] in ("cdk.tf.json", "cdk.tf", "metadata.json", "plan")


def _is_synth_output(folder: Path) -> bool:
    """An earlier output of ours: the file list, or cdktf's manifest (``version`` and ``stacks``)."""
    if (folder / FILES).is_file():
        return True
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "version" in manifest and isinstance(manifest.get("stacks"), dict)


def written_files(folder: Path) -> set[str]:
    """The relative paths the tool wrote into ``folder`` (files only)."""
    listing = folder / FILES
    if listing.is_file():
        return set(json.loads(listing.read_text(encoding="utf-8")))
    return {rel for rel in _walk(folder) if _generated_by_name(rel)}


def _walk(folder: Path) -> list[str]:
    out = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            out.append(os.path.relpath(os.path.join(root, f), folder).replace(os.sep, "/"))
    return out


def foreign_items(folder: Path) -> list[str]:
    """Top-most entries in ``folder`` the tool did not write (a foreign folder moves as one item)."""
    ours = written_files(folder)
    our_dirs = {"."}  # every folder that holds a file we wrote; anything else under them is foreign
    for rel in ours:
        for parent in Path(rel).parents:
            our_dirs.add(parent.as_posix())
    items = []
    for root, dirs, files in os.walk(folder):
        rel_root = os.path.relpath(root, folder).replace(os.sep, "/")
        keep_dirs = []
        for d in sorted(dirs):
            rel = d if rel_root == "." else f"{rel_root}/{d}"
            if rel in our_dirs:
                keep_dirs.append(d)
            else:
                items.append(rel)  # a folder we never wrote into: moved whole
        dirs[:] = keep_dirs
        for f in sorted(files):
            rel = f if rel_root == "." else f"{rel_root}/{f}"
            if rel not in ours:
                items.append(rel)
    return sorted(items)


class OutputFolder:
    """``path`` (default ``cdktf.out``); ``state_dir`` is where Terraform state lives (beside the plan)."""

    def __init__(self, path: str | os.PathLike[str], state_dir: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.abs = Path(os.path.abspath(path))
        self.parent = self.abs.parent
        self.state_dir = Path(os.path.abspath(state_dir))
        # beside the output, named after it: .cdktf.out-XXXX (staging), .cdktf.out.old-XXXX (the old one, aside)
        self.staging_prefix = f".{self.abs.name}-"
        self.aside_prefix = f".{self.abs.name}.old-"

    # -- where things go -------------------------------------------------------------------
    def backend_path(self, stack: str) -> str:
        """The local backend's state path for ``stack``, relative to the stack's folder."""
        stack_dir = self.abs / "stacks" / stack
        return os.path.relpath(self.state_dir / f"{stack}.tfstate", stack_dir).replace(os.sep, "/")

    # -- checks ------------------------------------------------------------------------------
    def check(self, keep: Iterable[str]) -> None:
        """Refuse an output folder that would swallow the plan or the lock, or is somebody else's folder."""
        for path in keep:
            p = Path(os.path.abspath(path))
            if p == self.abs or self.abs in p.parents:
                raise OutputError(f"--out: {self.path} holds {path}; choose a folder of its own (default cdktf.out)")
        if self.abs.exists() or self.abs.is_symlink():
            if not self.abs.is_dir() or self.abs.is_symlink():
                raise OutputError(f"--out: {self.path} is not a folder")
            entries = list(self.abs.iterdir())
            # what `dualstack plan` writes there: review/plan.md and review/plan.svg only
            only_review = all(p.name == "review" and p.is_dir() and {q.name for q in p.iterdir()} <= {"plan.md", "plan.svg"} for p in entries)
            if entries and not only_review and not _is_synth_output(self.abs):
                raise OutputError(f"--out: {self.path} exists and is not an earlier synth output (no dualstack file list or "
                                  "cdktf manifest); choose another folder or empty it")
            self._check_legacy_state()

    # -- recovery ------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Finish or undo what a killed run left beside the output. Returns what it did, one line each."""
        done = []
        for staging in sorted(self.parent.glob(f"{self.staging_prefix}*")):
            journal = _read_journal(staging)
            if journal is None:
                shutil.rmtree(staging, ignore_errors=True)  # built, never published: nothing of anyone's in it
                done.append(f"removed {staging.name}, left by an interrupted run")
                continue
            old = self.abs if self.abs.exists() else Path(journal["aside"])
            if journal.get("moved") and not self.abs.exists() and Path(journal["aside"]).exists():
                # killed between the two renames: the new output is complete, put it in place
                os.replace(staging, self.abs)
                _drop_journal(self.abs)
                done.append(f"finished publishing {self.path} (interrupted between its two renames)")
                continue
            # killed while moving foreign items: move them back, drop the staging folder
            for rel, back in zip(journal["items"], journal.get("sources", journal["items"])):
                src, dst = staging / rel, old / back
                if src.exists() or src.is_symlink():
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(src, dst)
            shutil.rmtree(staging, ignore_errors=True)
            done.append(f"undid an interrupted publish of {self.path}; its files are back in place")
        for aside in sorted(self.parent.glob(f"{self.aside_prefix}*")):
            if not self.abs.exists():
                os.replace(aside, self.abs)  # the output was moved aside and never replaced: restore it
                done.append(f"restored {self.path} from {aside.name}")
            elif not foreign_items(aside):
                shutil.rmtree(aside, ignore_errors=True)
                done.append(f"removed {aside.name}, left by an interrupted run")
        return done

    # -- staging and publishing ----------------------------------------------------------------
    def stage(self) -> Path:
        self.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=self.staging_prefix, dir=self.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it 0700; the output is an ordinary folder
        return staging

    def discard(self, staging: Path) -> None:
        shutil.rmtree(staging, ignore_errors=True)

    def publish(self, staging: Path) -> list[str]:
        """Swap ``staging`` in for the output; returns notes (state moved, files kept), one line each."""
        notes: list[str] = []
        (staging / FILES).write_text(json.dumps(sorted(_walk(staging) + [FILES]), indent=0) + "\n", encoding="utf-8")
        if not self.abs.exists():
            os.replace(staging, self.abs)
            return notes
        notes += self._move_legacy_state()
        items, renamed = self._carry(foreign_items(self.abs), staging)
        aside = Path(tempfile.mkdtemp(prefix=self.aside_prefix, dir=self.parent))
        os.rmdir(aside)  # only the name: the old output is renamed to it
        journal = {"aside": str(aside), "items": [dst for _, dst in items], "sources": [src for src, _ in items], "moved": False}
        _write_journal(staging, journal)
        for src, rel in items:  # renames inside one folder tree: cheap, whatever their size
            dst = staging / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.abs / src, dst)
        journal["moved"] = True
        _write_journal(staging, journal)
        os.replace(self.abs, aside)
        os.replace(staging, self.abs)
        _drop_journal(self.abs)
        shutil.rmtree(aside, ignore_errors=True)
        if items:
            shown = [dst for _, dst in items]
            notes.append(f"kept {len(items)} file(s) in {self.path} that dualstack did not write ({', '.join(shown[:3])}{' ...' if len(shown) > 3 else ''})")
        notes += [f"kept {src} as {dst}: dualstack now writes a file of that name" for src, dst in renamed]
        return notes

    def _carry(self, foreign: list[str], staging: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(source, destination) of every foreign item to move into ``staging``: a foreign folder that
        staging has too is merged entry by entry, and a foreign file whose name staging now uses is
        kept beside it as ``<name>.kept``. Returns the moves and, of those, the renamed ones."""
        moves: list[tuple[str, str]] = []
        renamed: list[tuple[str, str]] = []
        todo = list(foreign)
        planned: set[str] = set()  # destinations taken by earlier moves of this call
        sources = set(foreign)  # foreign names still to move: a .kept name must not land on one

        def taken(rel: str) -> bool:
            return rel in planned or (staging / rel).exists() or (staging / rel).is_symlink()

        while todo:
            rel = todo.pop(0)
            sources.discard(rel)
            src, dst = self.abs / rel, staging / rel
            if not taken(rel):
                moves.append((rel, rel))
                planned.add(rel)
            elif dst.is_dir() and not dst.is_symlink() and src.is_dir() and not src.is_symlink():
                children = sorted(f"{rel}/{child.name}" for child in src.iterdir())
                todo[:0] = children
                sources.update(children)
            else:
                kept, n = f"{rel}.kept", 1
                while taken(kept) or kept in sources:
                    n += 1
                    kept = f"{rel}.kept{n}"
                moves.append((rel, kept))
                renamed.append((rel, kept))
                planned.add(kept)
        return moves, renamed

    def _legacy_state(self) -> list[tuple[Path, Path]]:
        """(old, new) of the state an earlier version kept at ``stacks/<s>/terraform.<s>.tfstate``
        (and its backup) and its place now, ``state/<s>.tfstate``. State at both places is refused."""
        moves = []
        stacks = self.abs / "stacks"
        for stack_dir in sorted(stacks.iterdir()) if stacks.is_dir() else ():
            for suffix in ("", ".backup"):
                old = stack_dir / f"terraform.{stack_dir.name}.tfstate{suffix}"
                if not old.is_file():
                    continue
                new = self.state_dir / f"{stack_dir.name}.tfstate{suffix}"
                if new.exists():
                    raise OutputError(f"{old}: Terraform state of stack {stack_dir.name}, but {new} exists too; "
                                      "keep the right one at the new place and remove the other")
                moves.append((old, new))
        return moves

    def _check_legacy_state(self) -> None:
        """State both at an earlier version's place and at ours: refused before anything runs."""
        self._legacy_state()

    def _move_legacy_state(self) -> list[str]:
        """Move the state an earlier version kept inside the output to ``state/``."""
        notes = []
        for old, new in self._legacy_state():
            self.state_dir.mkdir(parents=True, exist_ok=True)
            shutil.move(str(old), str(new))
            notes.append(f"moved Terraform state {old} to {new} (state lives outside {self.path} now)")
        return notes


def _write_journal(folder: Path, data: dict) -> None:
    tmp = folder / (JOURNAL + ".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, folder / JOURNAL)


def _read_journal(folder: Path) -> dict | None:
    try:
        return json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _drop_journal(folder: Path) -> None:
    try:
        os.unlink(folder / JOURNAL)
    except FileNotFoundError:
        pass
