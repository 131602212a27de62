import pytest

from constructs_lib.errors import DualstackError
from constructs_lib.report import diff, render_markdown, render_svg, rows, usage_rows, write_report

from .plan import locked, rerun


def test_writes_markdown_and_svg(tmp_path):
    lock = locked(3)
    new = rerun(lock, 4)
    out = tmp_path / "review" / "nested"
    paths = write_report(new, lock, out)
    assert paths == [out / "plan.md", out / "plan.svg"]
    d = diff(lock, new)
    assert paths[0].read_text() == render_markdown(rows(new), d, usage_rows(new))
    assert paths[1].read_text() == render_svg(new, d)
    assert sorted(p.name for p in out.iterdir()) == ["plan.md", "plan.svg"]  # no temporary files left
    # a precomputed diff gives the same bytes
    again = write_report(new, lock, tmp_path / "again", plan_diff=d)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


def test_nothing_written_when_rendering_fails(tmp_path):
    lock = locked(2)
    new = rerun(lock, 2)
    paths = write_report(new, lock, tmp_path)
    before = [p.read_bytes() for p in paths]
    with pytest.raises(DualstackError):
        write_report(rerun(lock, 3), {"format": "not-a-lock"}, tmp_path)
    assert [p.read_bytes() for p in paths] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md", "plan.svg"]
