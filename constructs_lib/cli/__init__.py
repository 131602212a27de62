"""The ``dualstack`` command. Bad input: one line on stderr, exit code 2, nothing written."""

from __future__ import annotations

import argparse
import sys

from ..errors import DualstackError
from . import ipam as ipam_cmd
from .errors import UsageError, one_line

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line too
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dualstack", description="Plan dual-stack and IPv6-only address space once; synthesize Terraform from it.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ipam_cmd.register(sub)
    from . import app as app_cmd, render as render_cmd, starlingx as starlingx_cmd, store as store_cmd

    app_cmd.register(sub)
    store_cmd.register(sub)
    render_cmd.register(sub)
    starlingx_cmd.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args) or 0
    except (DualstackError, UsageError) as e:
        for line in getattr(e, "lines", None) or [str(e)]:
            print(f"dualstack: error: {one_line(line)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `dualstack plan | head`: the reader left, nothing is wrong
        return 0
    except OSError as e:  # a path that is a folder, unreadable, ...: bad input too, and nothing was written
        where = f"{e.filename}: " if e.filename else ""
        print(f"dualstack: error: {where}{e.strerror or one_line(e)}", file=sys.stderr)
        return EXIT_BAD_INPUT
