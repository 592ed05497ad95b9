"""Turning points: the one definition the reports, the class debrief and the ending screen share.

A turning point is a decision the trainer can ask about. Two things make one:

- a **milestone of the paper** happened in its move: an invention was born or became an innovation
  in an organisation, a hierarchy learnt (its awareness reached `LEARNT`) or turned (its support went
  below `TURNED_AGAINST` or reached `TURNED_FOR`), a partner left, the collective nearly broke
  (cohésion fell within `NEAR_BREAK` of the scenario's break threshold);
- or the **choice itself** moved the four gauges a lot.

What the trainee chose and what struck from outside are kept apart: an outside event in the same
move is credited to the event, never to the choice. The choice's part is everything the move
changed minus what the outside events changed (the month's upkeep and cohésion's drift stay with
the choice: they are the time the choice took). Milestones are ranked first (a choice that made an
innovation matters more than a large swing), then the choice's own swing, then the earlier decision.

The functions read plain data (`Step`), so the window can call them on the live session's history
as well as the reports on a replayed record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.vocabulary.gauges import GAUGES

__all__ = [
    "LEARNT",
    "TURNED_AGAINST",
    "TURNED_FOR",
    "NEAR_BREAK",
    "TURNING_POINTS",
    "MILESTONE_CONCEPT",
    "Step",
    "Milestone",
    "milestones",
    "split_deltas",
    "rank",
    "choice_swing",
    "as_dict",
]

TURNING_POINTS = 3  # how many the report dwells on
LEARNT = 50  # a hierarchy's awareness from which it knows what the collective negotiates
TURNED_AGAINST = 35  # support below this: the hierarchy turned against its agent's work
TURNED_FOR = 65  # support from this: the hierarchy turned to back it
NEAR_BREAK = 10  # cohésion within this of the break threshold: the collective nearly broke

MILESTONE_CONCEPT = {
    "invented": "invention_innovation",
    "innovation": "invention_innovation",
    "learnt": "hierarchies_peripheriques",
    "turned_against": "hierarchies_peripheriques",
    "turned_for": "hierarchies_peripheriques",
    "left": "identites",
    "near_break": "collectif_regulateur",
}


@dataclass(frozen=True)
class Step:
    """One decision as turning points read it: the choice's changes, then each outside event's."""

    index: int
    choice: dict[str, int]  # labels as in Outcome.changes (`sens`, `diffusion:inv:org`, `leave:p`…)
    events: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # (event id, its changes)


@dataclass(frozen=True)
class Milestone:
    """A milestone of the paper, where it came from (`choice` or `event`) and what it is about."""

    kind: str  # a key of MILESTONE_CONCEPT
    source: str  # "choice" or "event"
    subject: str  # the invention, organisation or partner id ("" for the collective)
    where: str = ""  # the organisation, for an innovation
    event: str = ""  # the event's id when an event did it

    @property
    def concept(self) -> str:
        return MILESTONE_CONCEPT[self.kind]


def split_deltas(step: Step) -> tuple[dict[str, int], dict[str, int]]:
    """The four gauges' changes of the choice and of the outside events, apart."""
    choice = {g: step.choice.get(g, 0) for g in GAUGES}
    events = {g: sum(changes.get(g, 0) for _, changes in step.events) for g in GAUGES}
    return choice, events


def milestones(steps: list[Step], start: dict[str, int], threshold: int, break_at: int) -> list[list[Milestone]]:
    """Each step's milestones, by replaying the levels from `start` (label → level at the start).

    `start` holds every level a milestone reads: the gauges, `awareness:org`, `support:org` and
    `diffusion:inv:org`; levels not given start at 0.
    """
    levels = dict(start)
    found: list[list[Milestone]] = []
    for step in steps:
        here: list[Milestone] = []
        parts = [("choice", "", step.choice)] + [("event", ev, ch) for ev, ch in step.events]
        for source, event, changes in parts:
            for label in sorted(changes):
                kind, _, rest = label.partition(":")
                delta = changes[label]
                if kind == "invent":
                    here.append(Milestone("invented", source, rest, event=event))
                    continue
                if kind == "leave":
                    here.append(Milestone("left", source, rest, event=event))
                    continue
                before = levels.get(label, 0)
                after = levels[label] = before + delta
                milestone = _crossing(kind, rest, before, after, threshold, break_at)
                if milestone is not None:
                    kind_, subject, where = milestone
                    here.append(Milestone(kind_, source, subject, where, event))
        found.append(here)
    return found


def _crossing(
    kind: str, rest: str, before: int, after: int, threshold: int, break_at: int
) -> tuple[str, str, str] | None:
    """The milestone a level's change crossed into, if any: (kind, subject, where)."""
    if kind == "diffusion" and before < threshold <= after:
        invention, _, org = rest.partition(":")
        return "innovation", invention, org
    if kind == "awareness" and before < LEARNT <= after:
        return "learnt", rest, ""
    if kind == "support" and before >= TURNED_AGAINST > after:
        return "turned_against", rest, ""
    if kind == "support" and before < TURNED_FOR <= after:
        return "turned_for", rest, ""
    if kind == "cohesion" and before >= break_at + NEAR_BREAK > after >= break_at:
        return "near_break", "", ""
    return None


def choice_swing(step: Step) -> int:
    """How much the choice itself (not the outside events of its move) moved the four gauges."""
    return sum(abs(v) for v in split_deltas(step)[0].values())


def rank(steps: list[Step], found: list[list[Milestone]], count: int = TURNING_POINTS) -> list[int]:
    """Indexes (into `steps`) of the turning points, most telling first.

    A step counts when its choice moved something or a milestone happened in its move; those with a
    milestone brought about by the choice come first, then those with a milestone an event brought,
    then by the choice's swing, then the earlier step.
    """

    def key(i: int) -> tuple[int, int, int]:
        own = any(m.source == "choice" for m in found[i])
        any_ = bool(found[i])
        return (0 if own else 1 if any_ else 2, -choice_swing(steps[i]), i)

    candidates = [i for i, s in enumerate(steps) if found[i] or choice_swing(s) > 0]
    return sorted(candidates, key=key)[:count]


def as_dict(milestone: Milestone) -> dict[str, Any]:
    """A milestone as JSON-ready data."""
    return {
        "kind": milestone.kind,
        "source": milestone.source,
        "subject": milestone.subject,
        "where": milestone.where,
        "event": milestone.event,
        "concept": milestone.concept,
    }
