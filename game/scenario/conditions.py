"""The condition language of scenarios, parsed and evaluated by our own code.

Scenario files come from other schools, so a condition is never handed to
`eval`: it is tokenised, parsed into a small tree, type-checked against the
names the scenario defines, then compiled into plain closures (fast enough for
thousands of automatic games).

Grammar (lowest precedence first)::

    expr    := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | "true" | "false" | NAME | NAME "(" NAME ("," NAME)* ")" | "(" expr ")"

There is no power operator, no attribute access, no strings: nothing that
could reach Python itself.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from game.errors import ConditionError
from game.vocabulary.gauges import ALIASES, GAUGES

__all__ = [
    "Node",
    "Number",
    "Name",
    "Call",
    "Unary",
    "Binary",
    "Compare",
    "Namespace",
    "Condition",
    "parse",
    "compile_condition",
    "earliest_turn",
    "Binder",
    "Evaluator",
    "VARIABLES",
    "FUNCTIONS",
]

MAX_LENGTH = 2000
MAX_DEPTH = 60
MAX_TREE_DEPTH = 120  # operators one inside another (a chain `a + b + …` counts one per operator)

# Variables a condition may read, with their type; accented spellings are aliases.
VARIABLES: dict[str, str] = {
    **{gauge: "number" for gauge in GAUGES},
    "turn": "number",
    "turns_left": "number",
    "inventions": "number",
    "innovations": "number",
    "present": "number",
}

# Functions: argument kinds (which id family each argument names) and result type.
FUNCTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "engagement": (("partner",), "number"),
    "active": (("partner",), "bool"),
    "awareness": (("organisation",), "number"),
    "support": (("organisation",), "number"),
    "diffusion": (("invention", "organisation"), "number"),
    "invented": (("invention",), "bool"),
    "innovated": (("invention",), "number"),
    "flag": (("flag",), "bool"),
    "seen": (("scene",), "bool"),
    "phase": (("phase",), "bool"),
}

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[^\W\d]\w*)|(?P<op><=|>=|==|!=|[<>()+\-*/,]))",
    re.UNICODE,
)
_COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    col: int  # from 1


@dataclass(frozen=True)
class Node:
    col: int


@dataclass(frozen=True)
class Number(Node):
    value: float


@dataclass(frozen=True)
class Name(Node):
    name: str


@dataclass(frozen=True)
class Call(Node):
    func: str
    args: tuple[str, ...]
    arg_cols: tuple[int, ...]


@dataclass(frozen=True)
class Unary(Node):
    op: str  # "not" or "-"
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str  # "and", "or", "+", "-", "*", "/"
    left: Node
    right: Node


@dataclass(frozen=True)
class Compare(Node):
    op: str
    left: Node
    right: Node


def tokenize(text: str) -> list[Token]:
    """Split a condition into tokens; anything unknown is an error at its column."""
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition too long — expected at most {MAX_LENGTH} characters, got {len(text)}", 1, text)
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match:
            col = pos + len(text[pos:]) - len(text[pos:].lstrip()) + 1
            bad = text[col - 1]
            if bad == "=":
                fix = (
                    "`>=` or `<=` (the `=` comes second)"
                    if text[col : col + 1] in "<>" and text[col : col + 1]
                    else "`==` to compare"
                )
                raise ConditionError(f"unexpected `=` — expected {fix}", col, text)
            raise ConditionError(f"unexpected character {bad!r} — expected a name, a number or an operator", col, text)
        kind = match.lastgroup or "op"
        tokens.append(Token(kind, match.group(kind), match.start(kind) + 1))
        pos = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    """Recursive descent over the token list; depth is bounded so hostile input cannot overflow."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def error(self, expected: str, token: Token | None = None) -> ConditionError:
        token = token or self.peek()
        got = "the end of the condition" if token.kind == "end" else repr(token.text)
        return ConditionError(f"expected {expected}, got {got}", token.col, self.text)

    def expect(self, text: str, what: str) -> Token:
        token = self.peek()
        if token.text != text or token.kind == "end":
            raise self.error(what)
        return self.take()

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ConditionError("empty condition — expected an expression such as `sens >= 40`", 1, self.text)
        node = self.expr()
        if self.peek().kind != "end":
            raise self.error("an operator such as `and`, `or`, `>=`")
        return node

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(
                f"condition nested too deeply — expected at most {MAX_DEPTH} levels", self.peek().col, self.text
            )

    def expr(self) -> Node:
        self.nested()
        node = self.conj()
        while self.peek().text == "or" and self.peek().kind == "name":
            op = self.take()
            node = Binary(op.col, "or", node, self.conj())
        self.depth -= 1
        return node

    def conj(self) -> Node:
        node = self.negation()
        while self.peek().text == "and" and self.peek().kind == "name":
            op = self.take()
            node = Binary(op.col, "and", node, self.negation())
        return node

    def negation(self) -> Node:
        token = self.peek()
        if token.kind == "name" and token.text == "not":
            self.take()
            self.nested()
            node = Unary(token.col, "not", self.negation())
            self.depth -= 1
            return node
        return self.compare()

    def compare(self) -> Node:
        left = self.sum()
        token = self.peek()
        if token.kind == "op" and token.text in _COMPARISONS:
            self.take()
            right = self.sum()
            after = self.peek()
            if after.kind == "op" and after.text in _COMPARISONS:
                raise ConditionError(
                    "comparisons cannot be chained — expected `and` between them, e.g. `a < b and b < c`",
                    after.col,
                    self.text,
                )
            return Compare(token.col, token.text, left, right)
        if token.kind == "op" and token.text == "=":
            raise self.error("`==` to compare")
        return left

    def sum(self) -> Node:
        node = self.product()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.take()
            node = Binary(op.col, op.text, node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in "*/":
            op = self.take()
            if self.peek().text == "*":
                raise ConditionError("there is no power operator — expected a number or a name", op.col, self.text)
            node = Binary(op.col, op.text, node, self.unary())
        return node

    def unary(self) -> Node:
        token = self.peek()
        if token.kind == "op" and token.text == "-":
            self.take()
            self.nested()
            node = Unary(token.col, "-", self.unary())
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "num":
            return Number(token.col, float(token.text))
        if token.kind == "op" and token.text == "(":
            node = self.expr()
            self.expect(")", "`)` to close the parenthesis")
            return node
        if token.kind == "name" and token.text not in ("and", "or", "not"):
            if self.peek().text == "(" and self.peek().kind == "op":
                return self.call(token)
            if self.peek().text == "." and self.peek().kind == "op":
                raise self.error("an operator (there is no attribute access)")
            return Name(token.col, token.text)
        raise self.error("a number, a name or `(`", token)

    def call(self, name: Token) -> Node:
        self.take()  # "("
        args: list[str] = []
        cols: list[int] = []
        while True:
            arg = self.take()
            if arg.kind != "name":
                raise self.error("an id (a partner, organisation, invention, flag…)", arg)
            args.append(arg.text)
            cols.append(arg.col)
            if self.peek().text == ",":
                self.take()
                continue
            self.expect(")", "`)` or `,` after the argument")
            return Call(name.col, name.text, tuple(args), tuple(cols))


def parse(text: str) -> Node:
    """Parse a condition; raises ConditionError with the column of the first mistake."""
    if not isinstance(text, str):
        raise ConditionError(f"expected a condition as text, got {type(text).__name__}", 1, str(text))
    tree = _Parser(text).parse()
    _bound_depth(tree, text)
    return tree


def _bound_depth(tree: Node, text: str) -> None:
    """Refuse a tree deeper than MAX_TREE_DEPTH, walked without recursion.

    The parser reads `a + a + … + a` in a loop, but the tree it builds is as deep as the chain,
    and checking, compiling and explaining walk trees recursively: 600 additions reached
    Python's recursion limit. Refused here, at the operator where the limit is crossed.
    """
    stack: list[tuple[Node, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()  # depth: operators from the root down to this node, itself included
        if depth > MAX_TREE_DEPTH and isinstance(node, (Unary, Binary, Compare)):
            raise ConditionError(
                f"condition too long a chain — expected at most {MAX_TREE_DEPTH} operators one inside "
                "another; split it into several conditions",
                node.col,
                text,
            )
        if isinstance(node, Unary):
            stack.append((node.operand, depth + 1))
        elif isinstance(node, (Binary, Compare)):
            stack.append((node.left, depth + 1))
            stack.append((node.right, depth + 1))


@dataclass
class Namespace:
    """The ids a condition may name, family by family (partner, organisation, …)."""

    ids: Mapping[str, frozenset[str] | set[str]]
    suggest: Callable[[str, Any], str] | None = None  # a checker's budgeted "did you mean" (suggest.py)


def _suggest(word: str, options: Any) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" — did you mean `{close[0]}`?" if close else ""


def check(node: Node, namespace: Namespace | None, text: str) -> str:
    """Type-check a tree and verify every name; returns "number" or "bool"."""
    if isinstance(node, Number):
        return "number"
    if isinstance(node, Name):
        name = ALIASES.get(node.name, node.name)
        if name in ("true", "false"):
            return "bool"
        if name not in VARIABLES:
            hint = _suggest(name, list(VARIABLES) + list(FUNCTIONS))
            if name in FUNCTIONS:
                hint = f" — `{name}` is a function: write `{name}(id)`"
            raise ConditionError(f"unknown name `{node.name}`{hint}", node.col, text)
        return VARIABLES[name]
    if isinstance(node, Call):
        return _check_call(node, namespace, text)
    if isinstance(node, Unary):
        want = "bool" if node.op == "not" else "number"
        _require(node.operand, want, namespace, text)
        return want
    if isinstance(node, Binary):
        want = "bool" if node.op in ("and", "or") else "number"
        _require(node.left, want, namespace, text)
        _require(node.right, want, namespace, text)
        return want
    assert isinstance(node, Compare)
    left = check(node.left, namespace, text)
    right = check(node.right, namespace, text)
    if left != right or (left == "bool" and node.op not in ("==", "!=")):
        raise ConditionError(
            f"cannot compare {left} with {right} using `{node.op}` — expected two numbers", node.col, text
        )
    return "bool"


def _require(node: Node, want: str, namespace: Namespace | None, text: str) -> None:
    got = check(node, namespace, text)
    if got != want:
        example = "a comparison such as `sens >= 40`" if want == "bool" else "a number"
        raise ConditionError(f"expected {example}, got a {got}", node.col, text)


def _check_call(node: Call, namespace: Namespace | None, text: str) -> str:
    if node.func not in FUNCTIONS:
        raise ConditionError(f"unknown function `{node.func}`{_suggest(node.func, FUNCTIONS)}", node.col, text)
    kinds, result = FUNCTIONS[node.func]
    if len(node.args) != len(kinds):
        raise ConditionError(
            f"`{node.func}` takes {len(kinds)} argument(s) ({', '.join(kinds)}) — got {len(node.args)}",
            node.col,
            text,
        )
    if namespace is not None:
        for arg, col, kind in zip(node.args, node.arg_cols, kinds, strict=True):
            known = namespace.ids.get(kind, set())
            if arg not in known:
                hint = (namespace.suggest or _suggest)(arg, known)
                raise ConditionError(f"unknown {kind} `{arg}`{hint}", col, text)
    return result


Evaluator = Callable[[Any], Any]


class Binder(Protocol):
    """How names and calls read a game's state: the rules provide one (`game.rules.reading`), so a
    condition is compiled once into closures that read the session directly."""

    def variable(self, name: str) -> Evaluator: ...

    def call(self, func: str, args: tuple[str, ...]) -> Evaluator: ...


def _compile(node: Node, bind: Binder) -> Evaluator:
    if isinstance(node, Number):
        value = node.value
        return lambda ctx: value
    if isinstance(node, Name):
        name = ALIASES.get(node.name, node.name)
        if name in ("true", "false"):
            flag = name == "true"
            return lambda ctx: flag
        return bind.variable(name)
    if isinstance(node, Call):
        return bind.call(node.func, node.args)
    if isinstance(node, Unary):
        inner = _compile(node.operand, bind)
        if node.op == "not":
            return lambda ctx: not inner(ctx)
        return lambda ctx: -inner(ctx)
    if isinstance(node, Compare):
        return _compile_compare(node, bind)
    assert isinstance(node, Binary)
    return _compile_binary(node, bind)


def _compile_compare(node: Compare, bind: Binder) -> Evaluator:
    """Comparisons with a constant (the usual `sens >= 40`) skip one call per evaluation."""
    left = _compile(node.left, bind)
    if isinstance(node.right, Number):
        value: float = node.right.value
        if value.is_integer():  # levels are ints: int against int is the cheaper comparison, with the same answer
            value = int(value)
        constant: dict[str, Evaluator] = {
            "<": lambda ctx: left(ctx) < value,
            "<=": lambda ctx: left(ctx) <= value,
            ">": lambda ctx: left(ctx) > value,
            ">=": lambda ctx: left(ctx) >= value,
            "==": lambda ctx: left(ctx) == value,
            "!=": lambda ctx: left(ctx) != value,
        }
        return constant[node.op]
    right = _compile(node.right, bind)
    ops: dict[str, Evaluator] = {
        "<": lambda ctx: left(ctx) < right(ctx),
        "<=": lambda ctx: left(ctx) <= right(ctx),
        ">": lambda ctx: left(ctx) > right(ctx),
        ">=": lambda ctx: left(ctx) >= right(ctx),
        "==": lambda ctx: left(ctx) == right(ctx),
        "!=": lambda ctx: left(ctx) != right(ctx),
    }
    return ops[node.op]


def _compile_binary(node: Binary, bind: Binder) -> Evaluator:
    left, right = _compile(node.left, bind), _compile(node.right, bind)
    if node.op == "and":
        return lambda ctx: left(ctx) and right(ctx)
    if node.op == "or":
        return lambda ctx: left(ctx) or right(ctx)
    if node.op == "+":
        return lambda ctx: left(ctx) + right(ctx)
    if node.op == "-":
        return lambda ctx: left(ctx) - right(ctx)
    if node.op == "*":
        return lambda ctx: left(ctx) * right(ctx)

    def divide(ctx: Any) -> float:
        denominator = right(ctx)
        return left(ctx) / denominator if denominator else 0.0

    return divide


def earliest_turn(node: Node) -> float:
    """The turn before which a condition cannot hold, read off its `turn >= k` conjuncts (-inf if none).

    Outside events are usually written `turn >= 6 and …`: the engine skips them before that turn
    without evaluating anything (conditions have no side effects, so the answer is the same).
    """
    if isinstance(node, Binary) and node.op == "and":
        return max(earliest_turn(node.left), earliest_turn(node.right))
    if (
        isinstance(node, Compare)
        and node.op == ">="
        and isinstance(node.left, Name)
        and node.left.name == "turn"
        and isinstance(node.right, Number)
    ):
        return node.right.value
    return float("-inf")


def source_of(node: Node, text: str) -> str:
    """The text a node was parsed from, for explanations (best effort, from its columns)."""
    start = _first_col(node) - 1
    end = _last_col(node, text)
    return text[start:end].strip()


def _first_col(node: Node) -> int:
    if isinstance(node, (Binary, Compare)):
        return _first_col(node.left)
    return node.col


def _last_col(node: Node, text: str) -> int:
    if isinstance(node, (Binary, Compare)):
        return _last_col(node.right, text)
    if isinstance(node, Unary):
        return _last_col(node.operand, text)
    if isinstance(node, Call):
        close = text.find(")", node.arg_cols[-1] - 1)
        return close + 1 if close >= 0 else len(text)
    if isinstance(node, Name):
        return node.col - 1 + len(node.name)
    match = re.match(r"\d+(?:\.\d+)?", text[node.col - 1 :])
    return node.col - 1 + (len(match.group(0)) if match else 1)


@dataclass(frozen=True)
class Fact:
    """One elementary test of a condition and what it gave, for the ending's explanation."""

    text: str
    held: bool
    values: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class _Leaf:
    """One elementary test of a condition, prepared once for `Condition.explain`."""

    text: str  # its source text, with a `not ` per negation above it
    negated: bool  # an odd number of `not` above it
    test: Evaluator
    reads: tuple[tuple[str, Evaluator], ...]  # (name as written, how to read its value now)

    def fact(self, ctx: Any) -> Fact:
        held = bool(self.test(ctx))
        values = tuple([(name, read(ctx)) for name, read in self.reads])
        return Fact(self.text, not held if self.negated else held, values)


class Condition:
    """A parsed and checked condition; `bind` compiles it against what the rules let it read."""

    __slots__ = ("text", "tree", "_leaves")

    def __init__(self, text: str, tree: Node) -> None:
        self.text = text
        self.tree = tree
        self._leaves: tuple[Binder, tuple[_Leaf, ...]] | None = None  # prepared at the first explanation

    def __repr__(self) -> str:
        return f"Condition({self.text!r})"

    def bind(self, bind: Binder) -> Evaluator:
        """Closures that evaluate the condition (truthy or falsy) on whatever `bind` reads from."""
        return _compile(self.tree, bind)

    def explain(self, ctx: Any, bind: Binder) -> list[Fact]:
        """The comparisons and tests this condition is made of, each with its value now."""
        if self._leaves is None or self._leaves[0] is not bind:  # the same every time: worked out once
            leaves: list[_Leaf] = []
            self._collect(self.tree, 0, leaves, bind)
            self._leaves = (bind, tuple(leaves))
        return [leaf.fact(ctx) for leaf in self._leaves[1]]

    def _collect(self, node: Node, negations: int, out: list[_Leaf], bind: Binder) -> None:
        """The leaves under `and`, `or` and `not`, in reading order (each `not` applies to all below it)."""
        if isinstance(node, Binary) and node.op in ("and", "or"):
            self._collect(node.left, negations, out, bind)
            self._collect(node.right, negations, out, bind)
            return
        if isinstance(node, Unary) and node.op == "not":
            self._collect(node.operand, negations + 1, out, bind)
            return
        out.append(
            _Leaf(
                "not " * negations + source_of(node, self.text),
                negations % 2 == 1,
                _compile(node, bind),
                tuple(_readers(node, bind)),
            )
        )


def _readers(node: Node, bind: Binder) -> list[tuple[str, Evaluator]]:
    """The names and calls a node reads, each with how to read its value (for the facts)."""
    if isinstance(node, Name) and node.name not in ("true", "false"):
        return [(node.name, bind.variable(ALIASES.get(node.name, node.name)))]
    if isinstance(node, Call):
        read = bind.call(node.func, node.args)
        return [(f"{node.func}({', '.join(node.args)})", lambda ctx: float(read(ctx)))]
    found: list[tuple[str, Evaluator]] = []
    for child in (getattr(node, "left", None), getattr(node, "right", None), getattr(node, "operand", None)):
        if isinstance(child, Node):
            found.extend(_readers(child, bind))
    return found


def compile_condition(text: str, namespace: Namespace | None = None) -> Condition:
    """Parse, type-check and compile; the whole must be a truth value."""
    tree = parse(text)
    kind = check(tree, namespace, text)
    if kind != "bool":
        raise ConditionError(
            "a condition must be true or false — expected a comparison such as `sens >= 40`, got a number",
            1,
            text,
        )
    return Condition(text, tree)
