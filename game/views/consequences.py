"""What a decision did, told so a trainee can see why: the consequences of one step, by cause.

An `Outcome` says what changed; a player needs to see it the way the gauges show it. So the step is told in
this order, the same in the window and the text mode:

1. the **net** change of each gauge over the whole step — exactly what the gauges now show;
2. each **outside event** that struck, with what it did (often the real cause of a fall);
3. what the **choice** did, grouped: gauges, people, hierarchies, and each invention's spread in one line
   ("Fiche de liaison : +15 dans 5 organisations");
4. what the **months** cost by themselves (the upkeep of a rich collective, procedure replacing it).

Zero changes are never shown; every number carries its sign.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from game.i18n import format_delta, gauge_name, language, t
from game.rules.engine import Outcome
from game.scenario.loading import Book
from game.scenario.model import tr
from game.views.narration import invention_name, org_short, partner_name
from game.vocabulary.effects import LEVEL_KIND
from game.vocabulary.gauges import GAUGES

__all__ = ["Change", "Cause", "Consequences", "consequences", "grouped_changes"]


@dataclass(frozen=True)
class Change:
    """One line: what moved, in words, and its sign (for the arrow a view draws beside it)."""

    text: str
    rising: bool
    gauge: bool = False  # a gauge's change (the net line already says it when nothing else moved that gauge)


@dataclass(frozen=True)
class Cause:
    """An outside event, the choice, or the months: a title (events), a text, and what it changed."""

    kind: str  # "event", "choice" or "months"
    title: str
    text: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Consequences:
    net: tuple[Change, ...]  # each gauge's change over the whole step, equal to what the gauge shows
    causes: tuple[Cause, ...] = field(default=())  # events first, then the choice, then the months

    @property
    def single_cause(self) -> bool:
        """Only the choice moved the gauges: its gauge lines would repeat the net ones."""
        return not any(change.gauge for cause in self.causes if cause.kind != "choice" for change in cause.changes)


def consequences(book: Book, outcome: Outcome, lang: str) -> Consequences:
    before, after = outcome.decision.before, outcome.decision.after or outcome.decision.before
    net = tuple(
        Change(f"{gauge_name(g, lang)} {format_delta(after[g] - before[g])}", after[g] > before[g])
        for g in GAUGES
        if after.get(g, 0) != before.get(g, 0)
    )
    causes: list[Cause] = []
    for hit in outcome.events:
        event = next((e for e in book.model.events if e.id == hit.id), None)
        if event is not None:
            text = tr(event.text, lang).strip()
            causes.append(Cause("event", tr(event.title, lang), text, grouped_changes(book, hit.deltas, lang)))
    feedback = tr(outcome.feedback, lang).strip() if outcome.feedback is not None else ""
    causes.append(Cause("choice", "", feedback, grouped_changes(book, outcome.changes, lang)))
    if outcome.costs:
        causes.append(
            Cause("months", "", _months_text(book, outcome, lang), grouped_changes(book, outcome.costs, lang))
        )
    return Consequences(net, tuple(causes))


def _months_text(book: Book, outcome: Outcome, lang: str) -> str:
    """Why time alone moved the gauges: a rich collective's upkeep, or procedure replacing its regulation."""
    key = "rule_procedure" if outcome.costs_cause == "procedure" else "rule_upkeep"
    return t(key, lang, level=book.model.rules.upkeep_from).strip("()")


def grouped_changes(book: Book, changes: dict[str, int], lang: str) -> tuple[Change, ...]:
    """Changes grouped for reading, a line per group: the gauges; each kind of level (engagement by person,
    each hierarchy's awareness and support); who left; each new invention; each invention's spread."""
    lines: list[Change] = []
    gauges = [(g, changes[g]) for g in GAUGES if changes.get(g)]
    if gauges:
        parts = [f"{gauge_name(g, lang)} {format_delta(d)}" for g, d in gauges]
        lines.append(Change(" · ".join(parts), sum(d for _, d in gauges) > 0, gauge=True))
    levels: dict[str, list[tuple[str, int]]] = defaultdict(list)
    spread: dict[str, dict[str, int]] = defaultdict(dict)
    for label in sorted(changes):
        kind, _, rest = label.partition(":")
        delta = changes[label]
        if kind in LEVEL_KIND and delta:
            levels[kind].append((rest, delta))
        elif kind == "diffusion":
            invention, _, org = rest.partition(":")
            spread[invention][org] = delta
        elif kind == "leave":
            lines.append(Change(t("leave", lang, name=partner_name(book, rest)), False))
        elif kind == "invent":
            lines.append(Change(t("invent", lang, name=invention_name(book, rest, lang)), True))
    for kind, moved in levels.items():
        lines.append(_level_line(book, kind, moved, lang))
    for invention, by_org in spread.items():
        lines += _spread_lines(book, invention, by_org, lang)
    return tuple(lines)


def _level_line(book: Book, kind: str, moved: list[tuple[str, int]], lang: str) -> Change:
    """« Engagement : Marie Perrin +5 · Samuel Girard +5 »."""
    family = LEVEL_KIND[kind].family
    names = [(partner_name(book, key) if family == "partner" else org_short(book, key), d) for key, d in moved]
    parts = " · ".join(f"{name} {format_delta(d)}" for name, d in names)
    return Change(f"{t('levels.' + kind, lang)}{language(lang).colon} {parts}", sum(d for _, d in moved) > 0)


def _spread_lines(book: Book, invention: str, by_org: dict[str, int], lang: str) -> list[Change]:
    """One line per invention: "+15 dans 5 organisations" when all moved alike, else each organisation."""
    moved = {org: d for org, d in by_org.items() if d}
    if not moved:
        return []
    name = language(lang).quote(invention_name(book, invention, lang))
    values = set(moved.values())
    if len(values) == 1 and len(moved) > 1:
        delta = values.pop()
        where = t("spread_in", lang, n=len(moved))
        return [Change(f"{name}{language(lang).colon} {format_delta(delta)} {where}", delta > 0)]
    parts = [f"{format_delta(d)} ({org_short(book, org)})" for org, d in sorted(moved.items())]
    rising = sum(moved.values()) > 0
    return [Change(f"{name}{language(lang).colon} {', '.join(parts)}", rising)]
