"""Reading what a user hands us (plan, lock, network file), with limits, one line per problem.

Every file goes through ``read_text``: a regular file (never a FIFO or device: opened without
blocking, checked with ``fstat``), followed through symlinks (a dangling one is named), at most
``max_bytes``, strict UTF-8 (the byte offset of the first bad byte is named). YAML goes through
``load_yaml`` and JSON through ``load_json``: a key given twice is refused with its line, nesting
is limited (``MAX_DEPTH``), YAML aliases may not expand past ``MAX_EXPANDED_NODES`` ("billion
laughs"), and integers have at most ``MAX_INT_DIGITS`` digits. Every refusal is an
``InputError`` naming the file. Pure Python.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from typing import Any

import yaml

from .errors import InputError, bounded_repr

#: plan files: a 10,000-node plan is well under 1 MiB
MAX_PLAN_BYTES = 16 << 20
#: locks: about 150 bytes per entry, so room for well over a million entries
MAX_LOCK_BYTES = 512 << 20
#: a network file (``dualstack ipam network create -f``)
MAX_SMALL_FILE_BYTES = 1 << 20
#: nesting of mappings and lists; the deepest real plan is under 10
MAX_DEPTH = 64
#: YAML nodes after alias expansion: a plan of 10,000 nodes has about 30,000
MAX_EXPANDED_NODES = 2_000_000
MAX_ALIASES = 1_000
#: digits of an integer anywhere (prefix lengths, counts, VRF ids need at most 10)
MAX_INT_DIGITS = 30

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder",
}


def file_kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_text(path: str | os.PathLike[str], what: str, *, max_bytes: int = MAX_PLAN_BYTES, missing_ok: bool = False) -> str | None:
    """A regular file's text. ``what`` names it in messages (``plan``, ``lock``, ``-f``).

    Returns None for a missing file when ``missing_ok`` (a dangling symlink is never "missing").
    """
    p = os.fspath(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError(f"{what} {p}: a symlink to {os.readlink(p)}, which does not exist") from None
        if missing_ok:
            return None
        raise InputError(f"{what} {p}: no such file") from None
    except OSError as e:
        if e.errno == errno.ENXIO:  # a FIFO without a writer, opened for reading non-blocking, says ENXIO on some systems
            raise InputError(f"{what} {p}: {file_kind(os.stat(p).st_mode)}, not a regular file") from None
        raise InputError(f"{what} {p}: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{what} {p}: {file_kind(st.st_mode)}, not a regular file")
        if st.st_size > max_bytes:
            raise InputError(f"{what} {p}: {st.st_size:,} bytes, more than the {max_bytes:,} this tool reads")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:  # it grew while we read
                raise InputError(f"{what} {p}: more than the {max_bytes:,} bytes this tool reads")
            chunks.append(chunk)
    except OSError as e:
        raise InputError(f"{what} {p}: {e.strerror or e}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(f"{what} {p}: not UTF-8 text (byte {e.start}, line {line}: {data[e.start:e.start + 1]!r})") from None
    return text.removeprefix("\ufeff")


# -- YAML ----------------------------------------------------------------------------------------
class _LimitedLoader(yaml.SafeLoader):
    """SafeLoader with depth, alias, duplicate-key and integer-size limits."""

    def __init__(self, stream: str, where: str) -> None:
        super().__init__(stream)
        self._where = where
        self._depth = 0
        self._aliases = 0

    def _fail(self, message: str, mark: Any = None) -> InputError:
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        return InputError(f"{self._where}: {message}{at}")

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise self._fail(f"more than {MAX_ALIASES} YAML aliases", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise self._fail(f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    hash(key)
                except TypeError:
                    raise self._fail(f"a mapping key must be a plain value, not {type(key).__name__}", key_node.start_mark) from None
                if key in seen:
                    first = seen[key]
                    raise self._fail(f"key {key!r} is given twice (first at line {first.line + 1})", key_node.start_mark)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: Any) -> Any:
        digits = len(str(node.value).replace("_", "").lstrip("+-"))  # hexadecimal and octal digits count too
        if digits > MAX_INT_DIGITS:
            raise self._fail(f"an integer of {digits} digits; at most {MAX_INT_DIGITS}", node.start_mark)
        return super().construct_yaml_int(node)


_LimitedLoader.add_constructor("tag:yaml.org,2002:int", _LimitedLoader.construct_yaml_int)


def _expanded_size(root: Any, where: str) -> None:
    """Refuse a document whose aliases expand past ``MAX_EXPANDED_NODES`` (sizes memoized by node),
    or refer to themselves (a node inside its own anchor: infinitely deep)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if not done:
            if id(node) in open_nodes:
                raise InputError(f"{where}: a YAML alias refers to a node that contains it (a recursive alias)")
            open_nodes.add(id(node))
            stack.append((node, True))
            for c in children:
                if id(c) in open_nodes:
                    raise InputError(f"{where}: a YAML alias refers to a node that contains it (a recursive alias)")
                if id(c) not in sizes:
                    stack.append((c, False))
            continue
        open_nodes.discard(id(node))
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_EXPANDED_NODES:
            raise InputError(f"{where}: YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes (an alias bomb?)")
        sizes[id(node)] = total


def load_yaml(text: str, where: str) -> Any:
    """One YAML document (None when it holds nothing but comments), within the limits above."""
    loader = None
    try:
        loader = _LimitedLoader(text, where)  # the reader already checks the characters
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node, where)
        return loader.construct_document(node)
    except InputError:
        raise
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(e, "problem", None) or getattr(e, "reason", None) or str(e)
        raise InputError(f"{where}: not valid YAML{at}: {' '.join(str(problem).split())}") from None
    except RecursionError:
        raise InputError(f"{where}: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml(path: str | os.PathLike[str], what: str, *, max_bytes: int = MAX_PLAN_BYTES) -> Any:
    text = read_text(path, what, max_bytes=max_bytes)
    return load_yaml(text, f"{what} {os.fspath(path)}")


# -- JSON ----------------------------------------------------------------------------------------
def load_json(text: str, where: str) -> Any:
    """A JSON document within the limits above; duplicate keys, NaN/Infinity and huge ints refused."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise InputError(f"{where}: key {k!r} is given twice in one object")
            out[k] = v
        return out

    def integer(s: str) -> int:
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            raise InputError(f"{where}: an integer of {len(s.lstrip('-'))} digits; at most {MAX_INT_DIGITS}")
        return int(s)

    def constant(s: str) -> Any:
        raise InputError(f"{where}: {s} is not a JSON number this tool takes")

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_int=integer, parse_constant=constant)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise InputError(f"{where}: nested deeper than {MAX_DEPTH} levels") from None
    _check_depth(value, where)
    return value


def _check_depth(value: Any, where: str) -> None:
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > MAX_DEPTH:
                raise InputError(f"{where}: nested deeper than {MAX_DEPTH} levels")
            stack.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))


TRUE, FALSE = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def env_flag(environ: Any, name: str) -> bool:
    """A yes/no environment variable; anything else is refused (``DUALSTACK_PRUNE=maybe`` is no silent "no")."""
    value = str(environ.get(name, "")).strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise InputError(f"{name}: {bounded_repr(environ.get(name))} is not a yes/no value; set 1 or 0 (true/false, yes/no)")
