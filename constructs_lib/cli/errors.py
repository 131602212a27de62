"""The command line's own refusals. Pydantic reports go through ``constructs_lib.errors.validation_lines``."""

from __future__ import annotations

from ..errors import DualstackError, one_line

__all__ = ["UsageError", "one_line"]


class UsageError(DualstackError):
    """Bad command-line input (a flag's value, a flag combination): one line naming the flag."""
