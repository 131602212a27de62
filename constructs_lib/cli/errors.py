from __future__ import annotations


class UsageError(Exception):
    """Bad command-line or file input (not an allocator refusal)."""


def one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


def pydantic_lines(err, prefix: str = "") -> list[str]:
    """A pydantic ValidationError as 'path.to[1].field: message' lines."""
    out = []
    for e in err.errors():
        path = ""
        for part in e["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        msg = e["msg"].removeprefix("Value error, ")
        value = e.get("input")
        shown = f" (got {value!r})" if e["type"] in ("missing",) or isinstance(value, (dict, list)) else (f" (got {value!r})" if value is not None and repr(value) not in msg else "")
        if e["type"] == "missing":
            shown = ""
        out.append(f"{prefix}{path}: {msg}{shown}")
    return out
