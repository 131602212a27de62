"""Hostile values a reviewer found past the first round of input limits: each is one bounded line."""

from __future__ import annotations

import pytest

from constructs_lib.engine import EngineError
from constructs_lib.errors import DualstackError, InputError, bounded_repr
from constructs_lib.inputs import MAX_INT_DIGITS, load_yaml
from constructs_lib.kubernetes.errors import StrategyError
from constructs_lib.kubernetes.strategy import parse_role


@pytest.mark.parametrize("text", ["a: &x [*x]", "a: &x {b: *x}", "a: &x [1, [2, *x]]"])
def test_a_recursive_alias_is_refused(text):
    with pytest.raises(InputError, match="recursive alias"):
        load_yaml(text, "plan.yaml")


@pytest.mark.parametrize("digits", ["0x" + "f" * 5000, "-0x" + "1" * 40, "1_" * 40 + "1"])
def test_integers_are_bounded_whatever_their_base(digits):
    with pytest.raises(InputError, match=f"at most {MAX_INT_DIGITS}"):
        load_yaml(f"a: {digits}", "plan.yaml")
    assert load_yaml("a: 0x10", "plan.yaml") == {"a": 16}


def test_bounded_repr_never_converts_a_huge_integer():
    assert bounded_repr(10 ** 5000).startswith("an integer of about 5001 digits")
    assert len(bounded_repr("x" * 10_000)) == 80
    assert bounded_repr(22) == "22"


@pytest.mark.parametrize("value", ["v6private/" + "9" * 5000, "v6fromNode+prefix/" + "9" * 5000, "9" * 5000])
def test_a_strategy_with_a_huge_length_is_one_short_line(value):
    with pytest.raises(StrategyError) as err:
        parse_role(value, "nodes" if "+prefix" in value else "pods", "kubernetes.fra.pods")
    assert len(str(err.value)) < 400 and "\n" not in str(err.value)


def test_no_engine_is_an_error_the_cli_reports_in_one_line():
    assert issubclass(EngineError, DualstackError)


@pytest.mark.parametrize("value", ["v6private/\u00b9\u2070\u2078", "v6private/\u0661\u0660\u0668", "v6private+prefix/\u0668\u0660"])
def test_a_strategy_length_in_other_digits_is_refused(value):
    with pytest.raises(StrategyError, match="prefix length|unknown modifier"):
        parse_role(value, "nodes" if "+prefix" in value else "pods", "kubernetes.fra.pods")


def test_a_missing_engine_is_one_line_and_exit_2(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for name in ("plan.yaml", "ipam.lock.json"):
        shutil.copy(root / name, tmp_path / name)
    r = subprocess.run([sys.executable, "-m", "constructs_lib", "synth"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "DUALSTACK_ENGINE": "cdktn", "CHECKPOINT_DISABLE": "1", "HOME": str(tmp_path)})
    assert r.returncode == 2, r.stderr
    assert r.stderr == "dualstack: error: DUALSTACK_ENGINE=cdktn: no CDK engine is installed (pip install -e '.[cdktn]')\n"
    assert not (tmp_path / "cdktf.out").exists()
