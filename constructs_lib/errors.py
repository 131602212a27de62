"""One error family for the whole tool, and one way to turn pydantic's reports into lines.

Every refusal the tool makes is a ``DualstackError``: the allocator's (``IpamError``), Neutron's
rules (``NeutronRuleError``), AWS's limits (``AwsConfigError``), Kubernetes' limits
(``KubernetesNetworkError``), the plan file's (``PlanError``), the input readers'
(``InputError``) and the stores' (``StoreError``). ``str(err)`` is one line fit for a terminal;
``err.lines`` lists every problem when there are several. Catch sites catch the root.

Library messages name fields and values, never command-line flags: the CLI adds those.
Pure Python: imported by every layer, the allocator included.
"""

from __future__ import annotations

from typing import Any, Iterable


class DualstackError(Exception):
    """Root of every refusal. ``lines``: one entry per problem (``[str(self)]`` by default)."""

    def __init__(self, message: str = "", *, lines: Iterable[str] | None = None) -> None:
        self.lines: list[str] = list(lines) if lines is not None else [one_line(message)]
        super().__init__(message if lines is None else "; ".join(self.lines))


class InputError(DualstackError, ValueError):
    """A file or value the tool cannot read: too large, too deep, not UTF-8, not YAML/JSON, a special file."""


class StoreError(DualstackError):
    """The address plan's store could not be read, locked, migrated or written, or its content is damaged."""


def bounded_repr(value: Any, limit: int = 80) -> str:
    """``repr`` for a message, cut to ``limit`` characters; a huge integer is never converted whole."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def one_line(value: Any) -> str:
    """Whitespace (newlines included) folded to single spaces: every message is one terminal line."""
    return " ".join(str(value).split())


# -- pydantic ------------------------------------------------------------------------------
#: pydantic's own frames in an error location (validator wrappers, union members), never a field
_FRAMES = ("function-", "tagged-union", "lax-or-strict", "json-or-python", "union[", "is-instance[", "chain[")


def error_path(loc: Iterable[Any], prefix: str = "") -> str:
    """``('sites', 'os-fra', 'openstack', 'workers', 0)`` -> ``sites.os-fra.openstack.workers[0]``.

    ``prefix`` goes in front: a dotted one (``kubernetes.fra.``) joins the path, any other
    (``plan.yaml: ``) is prepended as it is."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        text = str(part)
        if text.startswith(_FRAMES) or text in ("str", "int", "bool"):
            continue
        out += f".{text}" if out else text
    if not prefix:
        return out
    if not out:
        return prefix.rstrip(". ").rstrip(":") if prefix.endswith((".", ": ")) else prefix
    return prefix + out


def validation_lines(err: Any, prefix: str = "") -> list[str]:
    """A pydantic ``ValidationError`` as sorted, unique ``path: message (got value)`` lines.

    Unknown keys read "unknown key (a typo?)"; the offending value is shown when it is a short
    scalar; our own checks' messages (``Value error, ...``) are kept as they are written.
    """
    lines = []
    for e in err.errors(include_url=False):
        msg = e["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        kind = e["type"]
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            msg = "unknown key (a typo?)"
        elif kind not in ("missing", "value_error", "assertion_error") and "input" in e and not isinstance(e["input"], (dict, list, tuple)):
            msg = f"{msg} (got {bounded_repr(e['input'])})"
        lines.append(f"{error_path(e['loc'], prefix) or 'value'}: {one_line(msg)}")
    return sorted(dict.fromkeys(lines))
