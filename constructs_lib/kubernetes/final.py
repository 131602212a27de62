"""Final files from a synth's renderings and ``terraform output -json`` (issue 11 item 18).

The files a synth writes (``cdktf.out/kubernetes/<cluster>/...``) hold Terraform template text
where a value is known only after apply (``cidr: '${cidrsubnet(aws_vpc.main.ipv6_cidr_block,
8, 1)}'``); ``kubectl apply`` cannot take them. The same files are outputs of the site's stack
(``render.output_name``), and after ``terraform apply`` Terraform has filled them in. This
module puts the two together:

- a file without template text is final as it is (copied);
- a file with template text is rebuilt from its output's value (YAML dumped as the synth
  dumps it, text as it is), after checking that the output is this file: every part outside
  the templates must be equal, and no ``${`` may be left. A missing output, a ``null`` (still
  unknown) value, or an output from another synth is refused with one line naming the output.

Pure Python (no cdktf, no Terraform).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

import yaml

from constructs_lib.errors import DualstackError

from .render import dump, dump_all, is_yaml, output_name

TEMPLATE = "${"


class RenderError(DualstackError):
    """A rendering that cannot be made final (one line naming the output or file)."""


def needs_outputs(text: str) -> bool:
    """Does the file hold Terraform template text (a value known only after apply)?"""
    return TEMPLATE in text


def _template_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each ``${...}`` in ``text``, braces balanced, quoted strings skipped."""
    spans, i = [], 0
    while True:
        start = text.find(TEMPLATE, i)
        if start < 0:
            return spans
        depth, j, quote = 0, start + 1, None
        while j < len(text):
            ch = text[j]
            if quote:
                if ch == "\\":
                    j += 1
                elif ch == quote:
                    quote = None
            elif ch == '"':
                quote = ch
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if depth != 0:
            return spans + [(start, len(text))]
        spans.append((start, j + 1))
        i = j + 1


def _pattern(template: str) -> re.Pattern[str]:
    """The template with each ``${...}`` as a wildcard and everything else literal."""
    out, pos = [], 0
    for start, end in _template_spans(template):
        out.append(re.escape(template[pos:start]))
        out.append("(.+?)")
        pos = end
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out), re.DOTALL)


@dataclass(frozen=True)
class _Mismatch:
    path: str
    want: Any
    got: Any


def _compare(want: Any, got: Any, path: str) -> _Mismatch | None:
    """None when ``got`` is ``want`` with its templates filled in."""
    if isinstance(want, str) and needs_outputs(want):
        if not isinstance(got, str) or not _pattern(want).fullmatch(got):
            return _Mismatch(path, want, got)
        return None
    if isinstance(want, Mapping):
        if not isinstance(got, Mapping) or set(want) != set(got):
            return _Mismatch(path, sorted(want), sorted(got) if isinstance(got, Mapping) else got)
        for k in want:
            m = _compare(want[k], got[k], f"{path}.{k}" if path else str(k))
            if m:
                return m
        return None
    if isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            return _Mismatch(path, f"{len(want)} items", f"{len(got)} items" if isinstance(got, list) else got)
        for i, (a, b) in enumerate(zip(want, got)):
            m = _compare(a, b, f"{path}[{i}]")
            if m:
                return m
        return None
    if type(want) is not type(got) or want != got:
        # Terraform writes whole numbers as numbers; a bool is never a number
        if isinstance(want, int) and isinstance(got, (int, float)) and not isinstance(got, bool) and not isinstance(want, bool) and want == got:
            return None
        return _Mismatch(path, want, got)
    return None


def _leftover(value: Any, path: str = "") -> str | None:
    """The path of a string that still holds ``${`` (a value Terraform did not fill in)."""
    if isinstance(value, str):
        return (path or "(text)") if needs_outputs(value) else None
    if isinstance(value, Mapping):
        for k, v in value.items():
            hit = _leftover(v, f"{path}.{k}" if path else str(k))
            if hit:
                return hit
    if isinstance(value, list):
        for i, v in enumerate(value):
            hit = _leftover(v, f"{path}[{i}]")
            if hit:
                return hit
    return None


def _short(value: Any) -> str:
    text = " ".join(repr(value).split())
    return text if len(text) <= 80 else text[:77] + "..."


def final_text(cluster: str, filename: str, text: str, outputs: Mapping[str, Any], where: str) -> str:
    """The final text of one rendered file. ``outputs``: output name -> value (``terraform output -json``'s ``value``)."""
    if not needs_outputs(text):
        return text
    name = output_name(cluster, filename)
    if name not in outputs:
        raise RenderError(f"{where}: output {name} is missing ({cluster}/{filename} needs it); apply the stack of the cluster's "
                          "site and pass its terraform output -json")
    value = outputs[name]
    if value is None:
        raise RenderError(f"{where}: output {name} is null: its value is still unknown; run terraform apply first")
    if is_yaml(filename):
        docs = list(yaml.safe_load_all(text))
        want: Any = docs[0] if len(docs) == 1 else docs
    else:
        want = text
    left = _leftover(value)
    if left:
        raise RenderError(f"{where}: output {name} still holds Terraform template text at {left}: that value is unknown; run "
                          "terraform apply first")
    mismatch = _compare(want, value, "")
    if mismatch:
        raise RenderError(f"{where}: output {name} is not {cluster}/{filename} as synthesized (at {mismatch.path or 'the top'}: "
                          f"{_short(mismatch.want)} here, {_short(mismatch.got)} in the output); the stack was applied from "
                          "another synth: apply this one, then render again")
    if not is_yaml(filename):
        return value
    return dump(value) if len(docs) == 1 else dump_all(value)


def read_outputs(document: Any, where: str) -> dict[str, Any]:
    """Output name -> value from a parsed ``terraform output -json`` document."""
    if not isinstance(document, Mapping):
        raise RenderError(f"{where}: not a terraform output -json document (an object of outputs)")
    out = {}
    for name, entry in document.items():
        if not isinstance(entry, Mapping) or "value" not in entry:
            raise RenderError(f"{where}: output {name}: no value; expected {{\"value\": ..., \"type\": ..., \"sensitive\": ...}} "
                              "as terraform output -json writes it")
        out[str(name)] = entry["value"]
    return out


def render_cluster(cluster: str, files: Mapping[str, str], outputs: Mapping[str, Any], where: str) -> dict[str, str]:
    """Every file of one cluster, final. Raises ``RenderError`` for the first file that cannot be."""
    return {name: final_text(cluster, name, text, outputs, where) for name, text in sorted(files.items())}


def cluster_outputs(cluster: str, files: Mapping[str, str]) -> dict[str, str]:
    """Output name -> file for the files of ``cluster`` that need an output."""
    return {output_name(cluster, name): name for name, text in sorted(files.items()) if needs_outputs(text)}
