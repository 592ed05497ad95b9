"""Put the engine's plain results into words, the same way in every view.

The text mode, the window and the reports all need to say "Sens +8,
engagement of Marie −5, Karim leaves the collective"; this is the one place
that knows how.
"""

from __future__ import annotations

from game.errors import ConditionError
from game.i18n import format_delta, gauge_name, language, t
from game.scenario.conditions import ALIASES, FUNCTIONS, Binary, Call, Compare, Fact, Name, Node, Number, Unary, parse
from game.scenario.loading import Book
from game.scenario.model import tr
from game.vocabulary.effects import LEVEL_KIND
from game.vocabulary.gauges import GAUGE, gauge_order

__all__ = [
    "describe_change",
    "describe_changes",
    "describe_condition_fact",
    "partner_name",
    "org_short",
    "invention_name",
]


def partner_name(book: Book, partner: str) -> str:
    return next((p.name for p in book.model.partners if p.id == partner), partner)


def org_short(book: Book, org: str) -> str:
    return next((o.short for o in book.model.organisations if o.id == org), org)


def invention_name(book: Book, invention: str, lang: str) -> str:
    return next((tr(i.name, lang) for i in book.model.inventions if i.id == invention), invention)


def describe_change(book: Book, label: str, delta: int, lang: str) -> str:
    """One entry of an Outcome's `changes`, as a short phrase."""
    kind, _, rest = label.partition(":")
    if kind in GAUGE:
        return f"{gauge_name(kind, lang)} {format_delta(delta)}"
    if kind in LEVEL_KIND:
        name = partner_name(book, rest) if LEVEL_KIND[kind].family == "partner" else org_short(book, rest)
        return t(f"change.{kind}", lang, x=name, of_x=language(lang).of(name)) + f" {format_delta(delta)}"
    if kind == "diffusion":
        invention, _, org = rest.partition(":")
        name = language(lang).quote(invention_name(book, invention, lang))
        return t("change.diffusion", lang, x=name, y=org_short(book, org)) + f" {format_delta(delta)}"
    if kind == "invent":
        return t("invent", lang, name=invention_name(book, rest, lang))
    if kind == "leave":
        return t("leave", lang, name=partner_name(book, rest))
    if kind == "stifled":
        return t("stifled", lang, name=invention_name(book, rest, lang), frame=book.model.rules.light_frame)
    return f"{label} {format_delta(delta)}"


def describe_changes(book: Book, changes: dict[str, int], lang: str) -> list[str]:
    keys = sorted(changes, key=gauge_order)
    return [describe_change(book, k, changes[k], lang) for k in keys]


# -- "why this ending", in words ------------------------------------------------------------------------

_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠"}
_OPPOSITE = {">=": "<", "<=": ">", ">": "≤", "<": "≥", "==": "≠", "!=": "="}
_OPPOSITE_OP = {">=": "<", "<=": ">", ">": "<=", "<": ">=", "==": "!=", "!=": "=="}


def describe_condition_fact(book: Book | None, fact: Fact, lang: str) -> str:
    """One fact of an ending's condition as a trainee reads it, with the values it read and its verdict.

    `cohesion >= 40` with cohesion at 60 becomes « Cohésion ≥ 40 (ici : 60) : vrai »; ids of
    partners, organisations, inventions, scenes and phases become their names (`book` gives them;
    without it the ids stay). The window, the text mode and the reports all say it this way.
    """
    verdict = t("held", lang) if fact.held else t("not_held", lang)
    colon = language(lang).colon
    text = fact.text
    missing = text.count(")") - text.count("(")  # a fragment cut from `(a + b) / 2 >= 40` lost a bracket
    try:
        node = parse("(" * missing + text + ")" * -missing)
    except ConditionError:  # best effort: a fragment that no longer parses is shown as written
        values = ", ".join(f"{name} = {value:g}" for name, value in fact.values)
        detail = f" ({values})" if values else ""
        text = fact.text
        for code in (">=", "<=", "!=", "=="):
            text = text.replace(code, _SIGNS[code])
        return f"{text}{detail}{colon} {verdict}"
    words = _Words(book, lang)
    sentence = words.statement(node)
    shown = words.values(fact.values)
    detail = f" ({t('here', lang, values=shown)})" if shown else ""
    return f"{_capital(sentence)}{detail}{colon} {verdict}"


def _is_sum(node: Node) -> bool:
    return isinstance(node, Binary) and node.op in ("+", "-")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Words:
    """Turns a parsed condition fragment into words for one scenario and language."""

    def __init__(self, book: Book | None, lang: str) -> None:
        self.book = book
        self.language = language(lang)
        self.lang = self.language.code

    # -- names of things ----------------------------------------------------------------------------
    def thing(self, func: str, position: int, ident: str) -> str:
        """The name of the thing an argument designates (the id itself without a book)."""
        book, lang = self.book, self.lang
        if book is None:
            return ident
        family = FUNCTIONS[func][0][position] if func in FUNCTIONS else ""
        if family == "partner":
            return partner_name(book, ident)
        if family == "organisation":
            return org_short(book, ident)
        if family == "invention":
            return invention_name(book, ident, lang)
        if family == "scene":
            scene = next((s for s in book.model.scenes if s.id == ident), None)
            return tr(scene.title, lang) if scene is not None and scene.title is not None else ident
        if family == "phase":
            phase = next((p for p in book.model.phases if p.id == ident), None)
            return tr(phase.name, lang) if phase is not None else ident
        return ident.replace("_", " ")

    def variable(self, name: str) -> str:
        name = ALIASES.get(name, name)
        if name in GAUGE:
            return gauge_name(name, self.lang)
        if f"reads.{name}" in self.language.messages:
            return t(f"reads.{name}", self.lang, units=self.units())
        if name in ("true", "false"):
            return t("held" if name == "true" else "not_held", self.lang)
        return name

    def units(self) -> str:
        """The clock's unit in the plural, without a number: `mois`, `months`."""
        unit = tr(self.book.model.clock.unit, self.lang) if self.book is not None else t("month", self.lang)
        return self.language.pluralize(unit)

    # -- expressions --------------------------------------------------------------------------------
    def statement(self, node: Node, negated: bool = False) -> str:
        """A truth: a comparison, a yes/no function, `not`, or and/or of those."""
        if isinstance(node, Unary) and node.op == "not":
            return self.statement(node.operand, not negated)
        if isinstance(node, Compare):
            op = _OPPOSITE_OP[node.op] if negated else node.op
            return f"{self.amount(node.left)} {_SIGNS[op]} {self.amount(node.right)}"
        if isinstance(node, Call) and f"holds.{node.func}" in self.language.messages:
            names = [self.thing(node.func, i, a) for i, a in enumerate(node.args)]
            if node.func != "active":  # a person is named as is; a thing is quoted
                names = [self.language.quote(name) for name in names]
            key = f"holds_not.{node.func}" if negated else f"holds.{node.func}"
            return t(key, self.lang, x=names[0], y=names[-1])
        no = t("word.not", self.lang)
        if isinstance(node, Binary) and node.op in ("and", "or"):
            text = f"{self.statement(node.left)} {t('word.' + node.op, self.lang)} {self.statement(node.right)}"
            return f"{no} ({text})" if negated else text
        text = self.amount(node)
        return f"{no} {text}" if negated else text

    def amount(self, node: Node) -> str:
        """A number: a gauge, a count, a function's value, a constant or a sum of those."""
        if isinstance(node, Number):
            return f"{node.value:g}"
        if isinstance(node, Name):
            return self.variable(node.name)
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Unary):
            return f"−{self.amount(node.operand)}" if node.op == "-" else self.statement(node)
        if isinstance(node, Binary):
            if node.op in ("and", "or"):
                return self.statement(node)
            total = self.total(node)
            if total is not None:
                return total
            sign = {"+": "+", "-": "−", "*": "×", "/": "÷"}.get(node.op, node.op)
            left, right = self.amount(node.left), self.amount(node.right)
            if node.op in ("*", "/"):  # keep the grouping that the words would lose
                left = f"({left})" if _is_sum(node.left) else left
                right = f"({right})" if _is_sum(node.right) or isinstance(node.right, Binary) else right
            elif node.op == "-" and _is_sum(node.right):
                right = f"({right})"
            return f"{left} {sign} {right}"
        if isinstance(node, Compare):
            return self.statement(node)
        return "?"

    def call(self, node: Call) -> str:
        names = [self.thing(node.func, i, a) for i, a in enumerate(node.args)]
        if node.func == "innovated":
            return t("reads.innovated", self.lang, x=self.language.quote(names[0]))
        if f"change.{node.func}" in self.language.messages:
            x = names[0] if node.func != "diffusion" else self.language.quote(names[0])
            return t(f"change.{node.func}", self.lang, x=x, of_x=self.language.of(names[0]), y=names[-1])
        return self.statement(node)

    def total(self, node: Binary) -> str | None:
        """`innovated(a) + innovated(b) + …` read once: organisations where A, B or C became an innovation."""
        terms: list[Node] = []
        stack: list[Node] = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, Binary) and item.op == "+":
                stack += [item.right, item.left]
            else:
                terms.append(item)
        calls = [x for x in terms if isinstance(x, Call) and x.func == "innovated"]
        if len(calls) != len(terms):
            return None
        names = [self.language.quote(self.thing("innovated", 0, x.args[0])) for x in calls]
        return t("reads.total_innovated", self.lang, list=self.language.join(names, "or"))

    def values(self, values: tuple[tuple[str, float], ...]) -> str:
        """What the fact read, skipping yes/no values (the verdict already says them)."""
        read: list[tuple[Node | str, float]] = []
        for name, value in values:
            try:
                node: Node | str = parse(name)
            except ConditionError:
                node = name
            if isinstance(node, Call) and FUNCTIONS.get(node.func, ((), ""))[1] == "bool":
                continue
            read.append((node, value))
        nodes = [(n, v) for n, v in read if isinstance(n, Node)]
        shown = (self.short_values(nodes) if len(nodes) == len(read) else None) or [
            (n if isinstance(n, str) else self.amount(n), v) for n, v in read
        ]
        if len(shown) == 1:
            return f"{shown[0][1]:g}"
        return ", ".join(f"{_capital(label)} = {value:g}" for label, value in shown)

    def short_values(self, nodes: list[tuple[Node, float]]) -> list[tuple[str, float]] | None:
        """Several readings of one function (`innovated(a)`, `innovated(b)`) named by their argument alone."""
        if len(nodes) < 2 or not all(isinstance(n, Call) and len(n.args) == 1 for n, _ in nodes):
            return None
        funcs = {n.func for n, _ in nodes if isinstance(n, Call)}
        if len(funcs) != 1:
            return None
        func = funcs.pop()
        quote = self.language.quote if FUNCTIONS[func][0][0] == "invention" else str
        return [(quote(self.thing(func, 0, n.args[0])), v) for n, v in nodes if isinstance(n, Call)]
