"""Coverage (`explore --cover`), as ChoiceScript's quicktest: what a scenario never reaches.

Two sources, in this order: the deep check's breadth-first search (every choice from every state,
every outside event fired or not, every draw), bounded by a number of states, then automatic games
of every strategy for what lies beyond that bound, then games steered to the choices never taken.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.i18n import t
from game.rules.engine import Engine
from game.rules.session import Session
from game.scenario.conditions import Condition, Evaluator
from game.scenario.loading import Book
from game.tools.deep import Search
from game.tools.explore import MAX_DECISIONS, PICKERS, STRATEGIES, Picker, choice_label, pick_random

__all__ = ["Coverage", "cover", "format_coverage"]


class _Outcomes:
    """The answers each condition gave, through the engine's observer hook (both outcomes are targets)."""

    def __init__(self) -> None:
        self.by_condition: dict[int, set[bool]] = {}

    def __call__(self, condition: Condition, evaluator: Evaluator) -> Evaluator:
        seen = self.by_condition.setdefault(id(condition), set())

        def observed(session: Any) -> Any:
            value = evaluator(session)
            seen.add(bool(value))
            return value

        return observed


@dataclass
class Coverage:
    book: Book
    states: int
    complete: bool
    games: int
    missed: list[tuple[Any, str]] = field(default_factory=list)  # (Location, what was never reached)
    targets: int = 0
    reasons: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # each `missed` as (key, fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.book.model.id,
            "file": str(self.book.path or self.book.source.file),
            "states": self.states,
            "search_complete": self.complete,
            "games": self.games,
            "targets": self.targets,
            "covered": self.targets - len(self.missed),
            "missed": [{"where": str(where), "line": where.line, "what": what} for where, what in self.missed],
        }


def cover(
    book: Book, strategies: list[str] | None = None, runs: int = 50, seed: int = 1, max_states: int = 50_000
) -> Coverage:
    """Try every choice, both outcomes of every condition, every event and ending; list what was never met.

    Two sources: the deep check's breadth-first search (every choice from every state, every outside
    event fired or not, every draw), bounded by `max_states`, then automatic games of every strategy
    for what lies beyond that bound.
    """
    outcomes = _Outcomes()
    engine = Engine(book, observe=outcomes)
    taken: set[tuple[str, int]] = set()
    fired: set[str] = set()
    ended: set[str] = set()

    def visit(session: Session, outcome: Any) -> None:
        taken.add((outcome.decision.scene, outcome.decision.choice))
        fired.update(hit.id for hit in outcome.events)
        if outcome.ending is not None:
            ended.add(outcome.ending.id)

    result = Search(engine, max_states=max_states, on_outcome=visit).run()
    visited = set(result.scenes)
    games = 0
    offered: dict[tuple[str, int], tuple[int, list[int]]] = {}  # choice → a game (seed, prefix) offering it
    for name in strategies or list(STRATEGIES):
        for game_seed in range(seed, seed + runs):
            games += 1
            _cover_game(
                engine,
                PICKERS[name],
                random.Random(f"{name}:{game_seed}"),
                game_seed,
                [],
                None,
                visited,
                visit,
                offered,
            )
    # directed: replay the start of a game that was offered a choice never taken, and take it
    for (scene, index), (game_seed, prefix) in sorted(offered.items()):
        if (scene, index) not in taken:
            games += 1
            _cover_game(
                engine,
                pick_random,
                random.Random(f"cover:{game_seed}"),
                game_seed,
                prefix,
                index,
                visited,
                visit,
                offered,
            )
    found = Coverage(book, result.states, result.complete, games)
    _collect_missed(found, outcomes, visited, taken, fired, ended)
    return found


def _cover_game(
    engine: Engine,
    pick: Picker,
    rng: random.Random,
    seed: int,
    prefix: list[int],
    target: int | None,
    visited: set[str],
    visit: Callable[[Session, Any], None],
    offered: dict[tuple[str, int], tuple[int, list[int]]],
) -> None:
    """One game: `prefix` (choice indexes) replayed, then `target` taken, then `pick` to the end."""
    session = engine.new_session(seed)
    played: list[int] = []
    while not session.finished and len(played) < MAX_DECISIONS:
        visited.add(session.scene)
        view = engine.view(session)
        if len(played) < len(prefix):
            index = prefix[len(played)]
        elif len(played) == len(prefix) and target is not None:
            index = target
        else:
            for option in view.choices:
                offered.setdefault((view.id, option.index), (seed, list(played)))
            index = pick(engine, session, view, rng).index
        played.append(index)
        visit(session, engine.choose(session, index))
    if not session.finished:
        engine.release(session)


def _collect_missed(
    found: Coverage,
    outcomes: _Outcomes,
    visited: set[str],
    taken: set[tuple[str, int]],
    fired: set[str],
    ended: set[str],
) -> None:
    book = found.book
    model = book.model
    where = book.source.location
    missed: list[tuple[Any, str, dict[str, str]]] = []  # (Location, catalogue key, fields)
    targets = 0
    for i, scene in enumerate(model.scenes):
        targets += 1 + len(scene.choices)
        if scene.id not in visited:
            missed.append((where(("scenes", i, "id")), "cover.scene", {"id": scene.id}))
            continue
        for j, choice in enumerate(scene.choices):
            if (scene.id, j) not in taken:
                fields = {"label": choice_label(choice, j), "id": scene.id}
                missed.append((where(("scenes", i, "choices", j)), "cover.choice", fields))
    for k, event in enumerate(model.events):
        targets += 1
        if event.id not in fired:
            missed.append((where(("events", k, "id")), "cover.event", {"id": event.id}))
    for k, ending in enumerate(model.endings):
        targets += 1
        if ending.id not in ended:
            missed.append((where(("endings", k, "id")), "cover.ending", {"id": ending.id}))
    for path, condition in book.conditions.items():
        targets += 2
        answers = outcomes.by_condition.get(id(condition), set())
        if not answers:
            missed.append((where(path), "cover.untested", {"text": condition.text}))
        else:
            for value in (True, False):
                if value not in answers:
                    missed.append((where(path), f"cover.never_{str(value).lower()}", {"text": condition.text}))
    missed.sort(key=lambda item: (item[0].line, item[0].col))
    found.missed = [(place, t(key, "en", **fields)) for place, key, fields in missed]
    found.reasons = [(key, fields) for _, key, fields in missed]
    found.targets = targets


def format_coverage(found: Coverage, lang: str = "en") -> str:
    """What was never reached, in the trainer's language (`--json` keeps the English sentences)."""
    lines = [
        t(
            "cover.head",
            lang,
            file=found.book.path or found.book.source.file,
            states=found.states,
            status=t("cover.complete" if found.complete else "cover.bounded", lang),
            games=found.games,
        ),
        t("cover.covered", lang, covered=found.targets - len(found.missed), targets=found.targets),
    ]
    if not found.missed:
        lines.append(t("cover.all", lang))
    else:
        lines.append(t("cover.missed", lang))
        said = [t(key, lang, **fields) for key, fields in found.reasons]
        if len(said) != len(found.missed):  # a Coverage made by hand: its English sentences
            said = [what for _, what in found.missed]
        lines.extend(f"  {where}: {what}" for (where, _), what in zip(found.missed, said, strict=True))
    return "\n".join(lines)
