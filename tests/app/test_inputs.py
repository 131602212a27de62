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
