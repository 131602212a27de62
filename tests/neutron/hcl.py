"""A small evaluator for exactly the Terraform expressions our synthesized stacks use.

The applier needs the values Terraform would compute at apply time: references to resources
(``${openstack_networking_subnet_v2.x.id}``, ``${type.name["key"].attr}``), ``for_each``'s
``each.key`` / ``each.value`` / ``each.value.<field>``, and the functions our output calls:
``cidrhost()``, ``cidrsubnet()``, ``one()``, ``tolist()``, ``strcontains()``, ``lookup()``, with
``[for x in LIST : x if COND]`` (and ``!``). Anything else raises ``HclError`` naming the
expression, so a new construct shape fails loudly here instead of being guessed at.

Semantics follow Terraform 1.x (checked against ``terraform console`` by
``test_evaluator.py``): ``cidrhost`` counts negative host numbers from the end and refuses a
host number outside the prefix; ``cidrsubnet`` refuses prefixes past /32 or /128 and subnet
numbers past ``2**newbits - 1``; ``one`` of an empty list is null and of two elements an error;
a template that is exactly one ``${...}`` keeps its value's type, anything else is a string.
IPv4-mapped IPv6 prefixes (``::ffff:0:0/96``) are refused: Terraform prints addresses there in
its own way and our stacks never use them.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping


class HclError(ValueError):
    """An expression outside the subset, or one that Terraform itself would refuse."""


# -- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>\d+(?:\.\d+)?)
    | (?P<string>"(?:[^"\\]|\\.)*")
    | (?P<ident>[A-Za-z_][A-Za-z0-9_-]*)
    | (?P<op>==|!=|&&|\|\||[()\[\]{},.:!?<>=+*/%-])
    )""",
    re.VERBOSE,
)
#: operators the subset knows; the rest tokenize (so the message can show them) but refuse
_SUPPORTED_OPS = {"(", ")", "[", "]", ",", ".", ":", "!"}
FUNCTIONS = ("cidrhost", "cidrsubnet", "one", "tolist", "strcontains", "lookup")


@dataclass(frozen=True)
class Tok:
    kind: str
    text: str
    pos: int


def _tokenize(src: str) -> list[Tok]:
    out: list[Tok] = []
    pos = 0
    while pos < len(src):
        if src[pos:].strip() == "":
            break
        m = _TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise HclError(f"cannot read {src[pos:].strip()[:20]!r} in expression {src!r}")
        kind = m.lastgroup
        assert kind is not None
        out.append(Tok(kind, m.group(kind), m.start(kind)))
        pos = m.end()
    out.append(Tok("eof", "", len(src)))
    return out


# -- syntax tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lit:
    value: Any


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class GetAttr:
    obj: Any
    name: str


@dataclass(frozen=True)
class Index:
    obj: Any
    key: Any


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple


@dataclass(frozen=True)
class Not:
    operand: Any


@dataclass(frozen=True)
class TupleCons:
    items: tuple


@dataclass(frozen=True)
class ForList:
    key_var: str | None
    value_var: str
    collection: Any
    result: Any
    cond: Any | None


@dataclass(frozen=True)
class Template:
    parts: tuple  # str or expression nodes


class _Parser:
    def __init__(self, src: str) -> None:
        self.src = src
        self.toks = _tokenize(src)
        self.i = 0

    def peek(self, k: int = 0) -> Tok:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def take(self, text: str | None = None, kind: str | None = None) -> Tok:
        t = self.peek()
        if (text is not None and t.text != text) or (kind is not None and t.kind != kind):
            want = text or kind
            raise HclError(f"expected {want!r} at {t.text or 'end'!r} in expression {self.src!r}")
        self.i += 1
        return t

    def parse(self) -> Any:
        node = self.expr()
        if self.peek().kind != "eof":
            t = self.peek()
            raise HclError(f"{t.text!r} is outside the supported subset in expression {self.src!r}")
        return node

    def expr(self) -> Any:
        node = self.unary()
        t = self.peek()
        if t.kind == "op" and t.text not in _SUPPORTED_OPS:
            raise HclError(f"operator {t.text!r} is outside the supported subset in expression {self.src!r}")
        return node

    def unary(self) -> Any:
        if self.peek().text == "!" and self.peek().kind == "op":
            self.take("!")
            return Not(self.unary())
        if self.peek().kind == "op" and self.peek().text == "-":
            self.take("-")  # negative number literal (cidrhost counts from the end)
            num = self.take(kind="number")
            return Lit(-_number(num.text))
        return self.postfix(self.primary())

    def postfix(self, node: Any) -> Any:
        while True:
            t = self.peek()
            if t.kind == "op" and t.text == ".":
                self.take(".")
                nxt = self.peek()
                if nxt.kind == "ident":
                    node = GetAttr(node, self.take().text)
                elif nxt.kind == "number" and "." not in nxt.text:
                    node = Index(node, Lit(int(self.take().text)))  # legacy x.0 index
                else:
                    raise HclError(f"expected an attribute name after '.' in expression {self.src!r}")
            elif t.kind == "op" and t.text == "[":
                self.take("[")
                if self.peek().text == "*":
                    raise HclError(f"splat [*] is outside the supported subset in expression {self.src!r}")
                key = self.expr()
                self.take("]")
                node = Index(node, key)
            else:
                return node

    def primary(self) -> Any:
        t = self.peek()
        if t.kind == "number":
            self.take()
            return Lit(_number(t.text))
        if t.kind == "string":
            self.take()
            return _parse_quoted(t.text[1:-1], self.src)
        if t.kind == "ident":
            self.take()
            if t.text in ("true", "false"):
                return Lit(t.text == "true")
            if t.text == "null":
                return Lit(None)
            if self.peek().text == "(" and self.peek().kind == "op":
                if t.text not in FUNCTIONS:
                    raise HclError(f"function {t.text}() is outside the supported subset ({', '.join(FUNCTIONS)}) in expression {self.src!r}")
                self.take("(")
                args = []
                while self.peek().text != ")":
                    args.append(self.expr())
                    if self.peek().text == ",":
                        self.take(",")
                    elif self.peek().text != ")":
                        raise HclError(f"expected ',' or ')' in the arguments of {t.text}() in expression {self.src!r}")
                self.take(")")
                return Call(t.text, tuple(args))
            return Var(t.text)
        if t.kind == "op" and t.text == "(":
            self.take("(")
            node = self.expr()
            self.take(")")
            return node
        if t.kind == "op" and t.text == "[":
            self.take("[")
            if self.peek().kind == "ident" and self.peek().text == "for":
                return self.for_list()
            items = []
            while self.peek().text != "]":
                items.append(self.expr())
                if self.peek().text == ",":
                    self.take(",")
                elif self.peek().text != "]":
                    raise HclError(f"expected ',' or ']' in a list in expression {self.src!r}")
            self.take("]")
            return TupleCons(tuple(items))
        if t.kind == "op" and t.text == "{":
            raise HclError(f"object constructors and for-maps are outside the supported subset in expression {self.src!r}")
        raise HclError(f"{t.text or 'end of input'!r} is outside the supported subset in expression {self.src!r}")

    def for_list(self) -> ForList:
        self.take("for")
        first = self.take(kind="ident").text
        key_var = None
        value_var = first
        if self.peek().text == ",":
            self.take(",")
            key_var, value_var = first, self.take(kind="ident").text
        self.take("in")
        collection = self.expr()
        self.take(":")
        result = self.expr()
        cond = None
        if self.peek().kind == "ident" and self.peek().text == "if":
            self.take("if")
            cond = self.expr()
        if self.peek().text == "...":
            raise HclError(f"grouping (...) is outside the supported subset in expression {self.src!r}")
        self.take("]")
        return ForList(key_var, value_var, collection, result, cond)


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unescape(text: str, src: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 >= len(text) or text[i + 1] not in _ESCAPES:
                raise HclError(f"escape {text[i:i + 2]!r} is outside the supported subset in expression {src!r}")
            out.append(_ESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _parse_quoted(body: str, src: str) -> Any:
    """A quoted string inside an expression: may itself be a template."""
    text = _unescape(body, src)
    return parse_template(text) if "${" in text or "%{" in text else Lit(text)


def _split_template(text: str) -> list[str | tuple[str]]:
    """Literal chunks and ``("expr",)`` holes of a template; ``$${`` is a literal ``${``."""
    parts: list[str | tuple[str]] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith("$${", i) or text.startswith("%%{", i):
            buf.append(text[i + 1:i + 3])
            i += 3
        elif text.startswith("%{", i):
            raise HclError(f"template directives (%{{...}}) are outside the supported subset in {text!r}")
        elif text.startswith("${", i):
            depth, j, quoted = 1, i + 2, False
            while j < len(text) and depth:
                ch = text[j]
                if quoted:
                    if ch == "\\":
                        j += 1
                    elif ch == '"':
                        quoted = False
                elif ch == '"':
                    quoted = True
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                j += 1
            if depth:
                raise HclError(f"unclosed ${{ in template {text!r}")
            if buf:
                parts.append("".join(buf))
                buf = []
            inner = text[i + 2:j - 1].strip()
            if inner.startswith("~") or inner.endswith("~"):
                raise HclError(f"strip markers (~) are outside the supported subset in {text!r}")
            parts.append((inner,))
            i = j
        else:
            buf.append(text[i])
            i += 1
    if buf:
        parts.append("".join(buf))
    return parts


def parse_template(text: str) -> Any:
    """A string attribute: ``Lit`` without interpolation, the expression for exactly ``${e}``."""
    parts = _split_template(text)
    nodes = tuple(_Parser(p[0]).parse() if isinstance(p, tuple) else p for p in parts)
    if len(nodes) == 1 and not isinstance(nodes[0], str):
        return nodes[0]
    if all(isinstance(n, str) for n in nodes):
        return Lit("".join(nodes))
    return Template(nodes)


def parse_expression(src: str) -> Any:
    """A bare expression (what a lock entry holds: ``cidrhost(openstack_...cidr, 5)``)."""
    return _Parser(src).parse()


# -- references ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A resource (``type.name``) or data source (``data.type.name``) an expression reads."""

    mode: str  # "resource" or "data"
    type: str
    name: str

    @property
    def address(self) -> str:
        return f"{'data.' if self.mode == 'data' else ''}{self.type}.{self.name}"


def references(node: Any, bound: frozenset[str] = frozenset()) -> set[Ref]:
    """Every resource or data source a parsed expression refers to (for the apply order)."""
    out: set[Ref] = set()

    def walk(n: Any, bound: frozenset[str]) -> None:
        root = _root_traversal(n)
        if root is not None:
            names, _rest = root
            if names[0] == "data" and len(names) >= 3:
                out.add(Ref("data", names[1], names[2]))
            elif names[0] not in bound and names[0] not in ("each", "self", "count", "var", "local", "path", "terraform") and len(names) >= 2:
                out.add(Ref("resource", names[0], names[1]))
            return  # a pure attribute chain: its prefixes are not references of their own
        if isinstance(n, GetAttr):
            walk(n.obj, bound)
        elif isinstance(n, Index):
            walk(n.obj, bound)
            walk(n.key, bound)
        elif isinstance(n, Call):
            for a in n.args:
                walk(a, bound)
        elif isinstance(n, Not):
            walk(n.operand, bound)
        elif isinstance(n, TupleCons):
            for a in n.items:
                walk(a, bound)
        elif isinstance(n, ForList):
            walk(n.collection, bound)
            inner = bound | {n.value_var} | ({n.key_var} if n.key_var else set())
            walk(n.result, inner)
            if n.cond is not None:
                walk(n.cond, inner)
        elif isinstance(n, Template):
            for p in n.parts:
                if not isinstance(p, str):
                    walk(p, bound)

    walk(node, bound)
    return out


def _root_traversal(n: Any) -> tuple[list[str], Any] | None:
    """``a.b.c`` as ``["a", "b", "c"]`` when ``n`` is a pure attribute chain from a variable."""
    names: list[str] = []
    while isinstance(n, GetAttr):
        names.append(n.name)
        n = n.obj
    if isinstance(n, Var):
        names.append(n.name)
        return list(reversed(names)), None
    return None


# -- evaluation ----------------------------------------------------------------------------------


class Scope:
    """What names mean while evaluating one resource instance.

    ``resolve(mode, type, name)`` returns a resource's value: its instance's attributes (a dict),
    or for a ``for_each`` resource a dict ``key -> attributes``. ``each`` is ``(key, value)`` or
    None; ``locals`` are for-expression and dynamic-block iterator variables.
    """

    def __init__(self, resolve: Callable[[str, str, str], Any], each: tuple[str, Any] | None = None,
                 local_vars: Mapping[str, Any] | None = None) -> None:
        self.resolve = resolve
        self.each = each
        self.local_vars = dict(local_vars or {})

    def with_locals(self, **values: Any) -> "Scope":
        return Scope(self.resolve, self.each, {**self.local_vars, **values})


def evaluate(node: Any, scope: Scope, src: str = "") -> Any:
    """The value of a parsed expression or template."""
    return _Eval(scope, src).ev(node)


def evaluate_string(text: str, scope: Scope) -> Any:
    return evaluate(parse_template(text), scope, text)


def evaluate_value(value: Any, scope: Scope) -> Any:
    """A JSON value from ``cdk.tf.json`` with every string template evaluated, recursively."""
    if isinstance(value, str):
        return evaluate_string(value, scope) if ("${" in value or "%{" in value or "$${" in value) else value
    if isinstance(value, list):
        return [evaluate_value(v, scope) for v in value]
    if isinstance(value, dict):
        return {k: evaluate_value(v, scope) for k, v in value.items()}
    return value


class _Eval:
    def __init__(self, scope: Scope, src: str) -> None:
        self.scope = scope
        self.src = src

    def fail(self, message: str) -> HclError:
        return HclError(f"{message} in expression {self.src!r}" if self.src else message)

    def ev(self, n: Any) -> Any:
        if isinstance(n, Lit):
            return n.value
        if isinstance(n, Template):
            out = []
            for p in n.parts:
                out.append(p if isinstance(p, str) else self.to_string(self.ev(p)))
            return "".join(out)
        if isinstance(n, Not):
            v = self.ev(n.operand)
            if not isinstance(v, bool):
                raise self.fail(f"! needs a bool, got {_show(v)}")
            return not v
        if isinstance(n, TupleCons):
            return [self.ev(x) for x in n.items]
        if isinstance(n, Call):
            return self.call(n)
        if isinstance(n, ForList):
            return self.for_list(n)
        root = _root_traversal(n)
        if root is not None:
            return self.traversal(root[0])
        if isinstance(n, GetAttr):
            return self.get_attr(self.ev(n.obj), n.name)
        if isinstance(n, Index):
            return self.index(self.ev(n.obj), self.ev(n.key))
        if isinstance(n, Var):
            return self.traversal([n.name])
        raise self.fail(f"cannot evaluate {n!r}")

    def traversal(self, names: list[str]) -> Any:
        head = names[0]
        if head in self.scope.local_vars:
            value = self.scope.local_vars[head]
            rest = names[1:]
        elif head == "each":
            if self.scope.each is None:
                raise self.fail("each.* used outside a for_each resource")
            if len(names) < 2 or names[1] not in ("key", "value"):
                raise self.fail("each has only .key and .value")
            value = self.scope.each[0] if names[1] == "key" else self.scope.each[1]
            rest = names[2:]
        elif head == "data":
            if len(names) < 3:
                raise self.fail("a data source reference needs data.<type>.<name>")
            value = self.scope.resolve("data", names[1], names[2])
            rest = names[3:]
        elif head in ("var", "local", "count", "self", "path", "terraform", "module"):
            raise self.fail(f"{head}.* is outside the supported subset")
        else:
            if len(names) < 2:
                raise self.fail(f"{head!r} is not a resource reference (type.name) nor a bound variable")
            value = self.scope.resolve("resource", names[0], names[1])
            rest = names[2:]
        for name in rest:
            value = self.get_attr(value, name)
        return value

    def get_attr(self, obj: Any, name: str) -> Any:
        if isinstance(obj, dict):
            if name not in obj:
                raise self.fail(f"no attribute {name!r} (has {', '.join(sorted(obj)) or 'none'})")
            return obj[name]
        raise self.fail(f"cannot read .{name} of {_show(obj)}")

    def index(self, obj: Any, key: Any) -> Any:
        if isinstance(obj, list):
            if isinstance(key, str) and key.isdigit():
                key = int(key)
            if not isinstance(key, int) or isinstance(key, bool):
                raise self.fail(f"a list index must be a number, got {_show(key)}")
            if not 0 <= key < len(obj):
                raise self.fail(f"index {key} is out of range for a list of {len(obj)}")
            return obj[key]
        if isinstance(obj, dict):
            if not isinstance(key, str):
                raise self.fail(f"a map key must be a string, got {_show(key)}")
            if key not in obj:
                raise self.fail(f"no key {key!r} (has {', '.join(sorted(obj)) or 'none'})")
            return obj[key]
        raise self.fail(f"cannot index {_show(obj)}")

    def for_list(self, n: ForList) -> list:
        coll = self.ev(n.collection)
        if isinstance(coll, dict):
            pairs = [(k, coll[k]) for k in sorted(coll)]  # Terraform iterates maps in key order
        elif isinstance(coll, list):
            pairs = list(enumerate(coll))
        else:
            raise self.fail(f"for needs a list or map, got {_show(coll)}")
        out = []
        for k, v in pairs:
            bound = {n.value_var: v}
            if n.key_var:
                bound[n.key_var] = k
            inner = _Eval(self.scope.with_locals(**bound), self.src)
            if n.cond is not None:
                keep = inner.ev(n.cond)
                if not isinstance(keep, bool):
                    raise self.fail(f"a for condition must be a bool, got {_show(keep)}")
                if not keep:
                    continue
            out.append(inner.ev(n.result))
        return out

    def call(self, n: Call) -> Any:
        args = [self.ev(a) for a in n.args]
        want = {"cidrhost": (2,), "cidrsubnet": (3,), "one": (1,), "tolist": (1,), "strcontains": (2,), "lookup": (2, 3)}[n.name]
        if len(args) not in want:
            raise self.fail(f"{n.name}() takes {' or '.join(map(str, want))} arguments, got {len(args)}")
        try:
            return getattr(self, f"fn_{n.name}")(*args)
        except HclError as e:
            raise self.fail(f"{n.name}(): {e}") from None

    @staticmethod
    def fn_cidrhost(prefix: Any, hostnum: Any) -> str:
        net = _network(prefix)
        num = _whole(hostnum, "hostnum")
        size = net.num_addresses
        if num < 0:
            num += size  # Terraform counts negative host numbers from the end
        if not 0 <= num < size:
            raise HclError(f"prefix of {net.prefixlen} does not accommodate a host numbered {hostnum}")
        return str(net.network_address + num)

    @staticmethod
    def fn_cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
        net = _network(prefix)
        bits = _whole(newbits, "newbits")
        num = _whole(netnum, "netnum")
        if bits < 0:
            raise HclError(f"newbits must be non-negative, got {bits}")
        if net.prefixlen + bits > net.max_prefixlen:
            raise HclError(f"insufficient address space to extend prefix of {net.prefixlen} by {bits}")
        if not 0 <= num < (1 << bits):
            raise HclError(f"prefix extension of {bits} does not accommodate a subnet numbered {num}")
        length = net.prefixlen + bits
        base = int(net.network_address) + (num << (net.max_prefixlen - length))
        return str(ipaddress.ip_network((base, length)))

    @staticmethod
    def fn_one(value: Any) -> Any:
        if not isinstance(value, list):
            raise HclError(f"needs a list, got {_show(value)}")
        if len(value) > 1:
            raise HclError(f"must be a list with at most one element, got {len(value)}")
        return value[0] if value else None

    @staticmethod
    def fn_tolist(value: Any) -> list:
        if not isinstance(value, list):
            raise HclError(f"cannot convert {_show(value)} to a list")
        return list(value)

    @staticmethod
    def fn_lookup(mapping: Any, key: Any, *default: Any) -> Any:
        """``lookup(map, key[, default])``: the default when the key is absent, else an error."""
        if not isinstance(mapping, dict):
            raise HclError(f"needs a map, got {_show(mapping)}")
        if not isinstance(key, str):
            raise HclError(f"the key must be a string, got {_show(key)}")
        if key in mapping:
            return mapping[key]
        if default:
            return default[0]
        raise HclError(f"the given key {key!r} does not exist in the map")

    @staticmethod
    def fn_strcontains(string: Any, substr: Any) -> bool:
        if not isinstance(string, str) or not isinstance(substr, str):
            raise HclError(f"needs two strings, got {_show(string)} and {_show(substr)}")
        return substr in string

    def to_string(self, v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, str):
            return v
        if v is None:
            raise self.fail("a null value cannot be part of a string template")
        raise self.fail(f"{_show(v)} cannot be part of a string template")


_MAPPED = ipaddress.ip_network("::ffff:0:0/96")


def _network(prefix: Any) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    if not isinstance(prefix, str) or "/" not in prefix:
        raise HclError(f"{_show(prefix)} is not a CIDR prefix")
    try:
        net = ipaddress.ip_network(prefix, strict=False)  # Terraform ignores host bits here
    except ValueError:
        raise HclError(f"invalid CIDR expression {prefix!r}") from None
    if net.version == 6 and net.overlaps(_MAPPED):
        raise HclError(f"{prefix} covers IPv4-mapped IPv6 addresses, which this evaluator does not render")
    return net


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise HclError(f"{what} must be a whole number, got {_show(value)}")
    return int(value)


def _show(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a bool"
    if isinstance(v, str):
        return f"string {v!r}"
    if isinstance(v, (int, float)):
        return f"number {v}"
    if isinstance(v, list):
        return f"a list of {len(v)}"
    if isinstance(v, dict):
        return "an object"
    return type(v).__name__
