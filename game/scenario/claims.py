"""What an ending's explanation says about a gauge's level, where a sentence says it with a number.

An explanation is shown to the trainee as the reason of their ending; « la cohésion est passée sous 25 »
over a condition `cohesion < 30` teaches a wrong threshold. Words are not conditions, so only the plain
shape is read: a gauge's name, then within a few words « sous / au-dessus de / below / above / ≥ … » and
a number. Anything else (« le sens s'est perdu ») says nothing the checker can compare, and is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from game.i18n import LANGUAGES
from game.scenario import conditions as cond
from game.vocabulary.gauges import ALIASES, GAUGE_LIST

__all__ = ["Claim", "Test", "claims", "tests", "agrees"]

_BELOW = (
    r"sous|en[ -]dessous d[e']|au[ -]dessous d[e']|inférieure? à|moins d[e']|below|under|less than|lower than"
    r"|<=?|≤"
)
_ABOVE = r"au[ -]dessus d[e']|supérieure? à|plus d[e']|au moins|above|more than|at least|greater than|>=?|≥"
# A number followed by one of these counts something else than a level (« plus de 3 partenaires »).
_COUNTED = (
    r"mois|months?|ans|years?|semaines|weeks|jours|days|fois|times|partenaires?|partners?|membres?|members?"
    r"|personnes?|people|inventions?|organisations?|organizations?|scènes?|scenes?"
)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def _names() -> dict[str, str]:
    """Each way a text can name a gauge (its id, its spelling, its name in each language) → its id."""
    names: dict[str, str] = {}
    for gauge in GAUGE_LIST:
        words = {gauge.id, gauge.spelling} | {lang.messages[f"gauge.{gauge.id}"] for lang in LANGUAGES.values()}
        names.update({_plain(word): gauge.id for word in words})
    return names


_NAMES = _names()
_CLAIM = re.compile(
    rf"\b(?P<gauge>{'|'.join(sorted(map(re.escape, _NAMES), key=len, reverse=True))})\b"
    rf"[^.;:!?\n\d]{{0,40}}?(?<![\w])(?P<op>{_plain(_BELOW)}|{_plain(_ABOVE)})(?![\w])"
    rf"[^.;:!?\n\d]{{0,25}}?(?P<number>\d+)(?!\d|[,.]\d)(?!\s*(?:{_plain(_COUNTED)})\b)",
)
_BELOW_RE = re.compile(rf"^(?:{_plain(_BELOW)})$")


@dataclass(frozen=True)
class Claim:
    """« cohésion sous 25 »: the gauge, whether the text says below (`<`) or above (`>`), the number, the words."""

    gauge: str
    side: str
    number: int
    words: str


@dataclass(frozen=True)
class Test:
    """A comparison of a gauge with a number in a condition, the gauge on the left (`cohesion < 25`)."""

    gauge: str
    op: str
    number: float

    def __str__(self) -> str:
        return f"{self.gauge} {self.op} {self.number:g}"


def claims(text: str) -> list[Claim]:
    """The claims of a text, in reading order (matched without accents or capitals; words as written)."""
    plain = _plain(text)
    if len(plain) != len(text):  # a letter that decomposes into more than one: read the text as is
        plain = text.lower()
    found = []
    for match in _CLAIM.finditer(plain):
        side = "<" if _BELOW_RE.match(match.group("op")) else ">"
        found.append(
            Claim(_NAMES[match.group("gauge")], side, int(match.group("number")), text[match.start() : match.end()])
        )
    return found


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def tests(node: cond.Node) -> list[Test]:
    """Every comparison of a gauge with a number anywhere in a condition."""
    if isinstance(node, cond.Compare):
        left, right, op = node.left, node.right, node.op
        if isinstance(left, cond.Number) and isinstance(right, cond.Name):
            left, right, op = right, left, _FLIP[op]
        if isinstance(left, cond.Name) and isinstance(right, cond.Number):
            gauge = ALIASES.get(left.name, left.name)
            if gauge in {g.id for g in GAUGE_LIST}:
                return [Test(gauge, op, right.value)]
        return []
    found: list[Test] = []
    for part in ("left", "right", "operand"):
        child = getattr(node, part, None)
        if isinstance(child, cond.Node):
            found.extend(tests(child))
    return found


def agrees(claim: Claim, test: Test) -> bool:
    """Whether a comparison says what the text says: the same side, the same number (a `<=` one below counts)."""
    if test.op in ("<", "<="):
        return claim.side == "<" and abs(test.number - claim.number) <= 1
    if test.op in (">", ">="):
        return claim.side == ">" and abs(test.number - claim.number) <= 1
    return test.op == "==" and test.number == claim.number
