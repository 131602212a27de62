"""Errors and warnings of the Kubernetes networking model: one line each, naming field and value."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_lib.errors import DualstackError


class KubernetesNetworkError(DualstackError):
    """Bad cluster networking input. ``str(err)`` is one line: field, value, what to set instead.

    Not a ValueError on purpose: pydantic validators let it through unwrapped, so the plan
    author sees this line and not a validation report.
    """

    def __init__(self, message: str, *, field: str = "", source: str = "") -> None:
        super().__init__(message)  # a DualstackError (its one line), not a ValueError: pydantic lets it through unwrapped
        self.field = field
        self.source = source


class StrategyError(KubernetesNetworkError):
    """A range strategy that does not parse. ``caret`` shows the text with the token underlined."""

    def __init__(self, message: str, *, field: str, text: str, start: int, end: int, index: int) -> None:
        super().__init__(message, field=field)
        self.text = text
        self.index = index
        self.start = start
        self.end = end
        prefix = f"{field}: "
        self.caret = f"{prefix}{text}\n{' ' * (len(prefix) + start)}{'^' * max(1, end - start)}"


class LimitError(KubernetesNetworkError):
    """A range a real component would refuse; ``source`` names the upstream code or document."""


@dataclass(frozen=True, slots=True)
class NetworkWarning:
    """Not refused, but worth a look (documentation prefixes, skipped renderings)."""

    field: str
    message: str
    source: str = ""

    def __str__(self) -> str:
        tail = f" [{self.source}]" if self.source else ""
        return f"{self.field}: {self.message}{tail}"
