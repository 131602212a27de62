"""The output folder's swap, on its own: what counts as ours, what is carried over, what is refused.

These run ``OutputFolder`` directly on scratch folders (no synth): each case is one a user met or
a reviewer built to make the tool delete or swallow a file it did not write.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from constructs_lib.app.output import FILES, OutputError, OutputFolder, foreign_items


def _write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _staged(out: OutputFolder, files: dict[str, str]) -> Path:
    staging = out.stage()
    for rel, text in files.items():
        _write(staging / rel, text)
    (staging / FILES).write_text(json.dumps(sorted([*files, FILES])))
    return staging


def test_a_users_folder_named_review_or_kubernetes_is_not_taken_for_ours(tmp_path):
    out_dir = tmp_path / "cdktf.out"
    _write(out_dir / "manifest.json", json.dumps({"version": "0.20.12", "stacks": {}}))
    _write(out_dir / "review" / "my-notes.txt", "mine")
    _write(out_dir / "kubernetes" / "values.yaml", "mine too")
    assert foreign_items(out_dir) == ["kubernetes", "review"]  # folders we never wrote into move whole
    out = OutputFolder(out_dir, tmp_path / "state")
    out.check([])
    out.publish(_staged(out, {"manifest.json": "{}", "review/plan.md": "# plan\n"}))
    assert (out_dir / "review" / "my-notes.txt").read_text() == "mine"
    assert (out_dir / "kubernetes" / "values.yaml").read_text() == "mine too"
    assert (out_dir / "review" / "plan.md").read_text() == "# plan\n"


def test_a_foreign_file_whose_name_we_now_write_is_kept_beside_ours(tmp_path):
    out_dir = tmp_path / "cdktf.out"
    _write(out_dir / FILES, json.dumps(["manifest.json", FILES]))
    _write(out_dir / "manifest.json", "{}")
    _write(out_dir / "review" / "plan.md", "my own plan notes")
    out = OutputFolder(out_dir, tmp_path / "state")
    out.check([])
    notes = out.publish(_staged(out, {"manifest.json": "{}", "review/plan.md": "# generated\n"}))
    assert (out_dir / "review" / "plan.md").read_text() == "# generated\n"
    assert (out_dir / "review" / "plan.md.kept").read_text() == "my own plan notes"
    assert any("review/plan.md.kept" in n for n in notes), notes


def test_a_folder_with_a_manifest_json_of_its_own_is_refused(tmp_path):
    out_dir = tmp_path / "site"
    _write(out_dir / "manifest.json", json.dumps({"name": "my web app", "icons": []}))
    _write(out_dir / "index.html", "<html>")
    with pytest.raises(OutputError, match="not an earlier synth output"):
        OutputFolder(out_dir, tmp_path / "state").check([])


def test_a_review_folder_with_other_files_is_not_an_output_of_dualstack_plan(tmp_path):
    out_dir = tmp_path / "docs"
    _write(out_dir / "review" / "plan.md", "# plan\n")
    _write(out_dir / "review" / "minutes.md", "ours")
    with pytest.raises(OutputError, match="not an earlier synth output"):
        OutputFolder(out_dir, tmp_path / "state").check([])
    only_plan = tmp_path / "only-plan"
    _write(only_plan / "review" / "plan.md", "# plan\n")
    OutputFolder(only_plan, tmp_path / "state").check([])


def test_state_at_both_the_old_and_the_new_place_is_refused_before_anything_runs(tmp_path):
    out_dir = tmp_path / "cdktf.out"
    _write(out_dir / "manifest.json", json.dumps({"version": "0.20.12", "stacks": {"os-fra": {}}}))
    _write(out_dir / "stacks" / "os-fra" / "terraform.os-fra.tfstate", '{"serial": 3}')
    _write(tmp_path / "state" / "os-fra.tfstate", '{"serial": 9}')
    with pytest.raises(OutputError, match="exists too"):
        OutputFolder(out_dir, tmp_path / "state").check([])
    assert (out_dir / "stacks" / "os-fra" / "terraform.os-fra.tfstate").read_text() == '{"serial": 3}'


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_the_published_output_has_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        out = OutputFolder(tmp_path / "cdktf.out", tmp_path / "state")
        out.publish(_staged(out, {"manifest.json": "{}"}))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "cdktf.out").stat().st_mode) == 0o755


def test_a_kept_copy_from_an_earlier_run_is_not_overwritten(tmp_path):
    """Foreign X and X.kept, and the tool now writes X: both of the user's files survive, under free names."""
    out_dir = tmp_path / "cdktf.out"
    _write(out_dir / FILES, json.dumps(["manifest.json", FILES]))
    _write(out_dir / "manifest.json", "{}")
    _write(out_dir / "k" / "join.yaml", "MY OWN join file")
    _write(out_dir / "k" / "join.yaml.kept", "MY EARLIER KEPT copy")
    out = OutputFolder(out_dir, tmp_path / "state")
    notes = out.publish(_staged(out, {"manifest.json": "{}", "k/join.yaml": "generated", "k/join.yaml.kept2": "generated too"}))
    texts = sorted(p.read_text() for p in (out_dir / "k").iterdir())
    assert texts == sorted(["generated", "generated too", "MY OWN join file", "MY EARLIER KEPT copy"]), texts
    assert (out_dir / "k" / "join.yaml.kept").read_text() == "MY EARLIER KEPT copy"
    assert (out_dir / "k" / "join.yaml.kept3").read_text() == "MY OWN join file"
    assert any("k/join.yaml as k/join.yaml.kept3" in n for n in notes), notes
