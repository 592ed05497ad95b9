"""How many months each phase lasts and how many of them its scenes can fill, read off the file alone.

The engine draws a phase's scenes until none is left, then lets months pass with « Aucune scène à jouer »
(`Engine._idle`); a repeatable scene fills the gaps, and a repeatable scene drawn month after month bores
the players. Both depend on figures written in the file: the turn at which a phase begins and the turn at
which it is certainly over (its `turn >= N` moves), the costs of its scenes' choices, which scenes are
played once and which are guarded. This module works them out where the file decides them, and says
nothing where it does not (a phase left on `seen(…)` or a flag has no length known in advance).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.scenario import conditions as cond
from game.scenario.model import Scenario, Scene

__all__ = ["Span", "Supply", "phase_spans", "certain_chain", "supply", "assume_seen", "conjuncts"]

Tree = Callable[[tuple[str | int, ...]], cond.Node | None]
"""The compiled condition at a path of the file (None when there is none or it did not compile)."""


@dataclass(frozen=True)
class Span:
    """The months a phase can last: from the earliest turn it can begin to the turn it is certainly over."""

    first: int
    last: int

    @property
    def months(self) -> int:
        return self.last - self.first


@dataclass(frozen=True)
class Supply:
    """What a phase's scenes played once can fill: the scenes and their months (each at its longest choice)."""

    scenes: tuple[str, ...]
    months: int


def _turn_at_least(node: cond.Node | None) -> int | None:
    """N for a condition that is exactly `turn >= N` (the move certainly happens from that turn on)."""
    if (
        isinstance(node, cond.Compare)
        and node.op == ">="
        and isinstance(node.left, cond.Name)
        and node.left.name == "turn"
        and isinstance(node.right, cond.Number)
    ):
        return int(node.right.value)
    return None


def phase_spans(model: Scenario, tree: Tree) -> dict[str, Span]:
    """The span of each phase whose beginning and end the clock decides; other phases are left out.

    A phase begins at the first turn its incoming moves allow when every one of them is written
    `turn >= N` alone (the first phase at turn 0); it is certainly over at its earliest move written so,
    or at the end of the funding when it has no move. A move that also reads something else (`seen(…)`,
    a flag, a gauge) leaves its phase out: when it begins or ends is decided in play, and a length
    counted from the earliest turn it allows could be longer than any game makes it.
    """
    turns = model.clock.turns
    first: dict[str, int | None] = {model.phases[0].id: 0}
    for p_index, phase in enumerate(model.phases):
        for t_index, move in enumerate(phase.next):
            if move.to == model.phases[0].id:
                continue  # (a move back to the first phase: the game still begins there at turn 0)
            at = _turn_at_least(tree(("phases", p_index, "next", t_index, "when")))
            known = first.get(move.to, turns + 1)
            first[move.to] = None if at is None or known is None else min(known, at)
    spans: dict[str, Span] = {}
    for p_index, phase in enumerate(model.phases):
        begins = first.get(phase.id)
        if begins is None:
            continue
        if not phase.next:
            last: int | None = turns
        else:
            ends = [_turn_at_least(tree(("phases", p_index, "next", t, "when"))) for t in range(len(phase.next))]
            known_ends = [end for end in ends if end is not None]
            last = min(known_ends) if known_ends else None
        if last is not None and min(last, turns) > begins:
            spans[phase.id] = Span(begins, min(last, turns))
    return spans


def _follows(scene: Scene) -> set[str]:
    """The scenes a scene's choices lead to by a fixed `next` (a choice's own, else the scene's)."""
    return {target for target in (c.next or scene.next for c in scene.choices) if target is not None}


def certain_chain(model: Scenario, phase: str) -> tuple[str, ...]:
    """The phase's opening scene and the scenes every one of its choices then leads to, in order:
    they have all been seen by the time the phase draws its first scene."""
    by_id = {s.id: s for s in model.scenes}
    start = next((p.start for p in model.phases if p.id == phase), None)
    chain: list[str] = []
    current = by_id.get(start) if start is not None else None
    while current is not None and current.id not in chain:
        chain.append(current.id)
        targets = {c.next or current.next for c in current.choices}
        following = targets.pop() if len(targets) == 1 else None
        current = by_id.get(following) if following is not None else None
    return tuple(chain)


def supply(model: Scenario, phase: str, playable: Callable[[int, Scene], bool]) -> Supply:
    """The scenes played once that a phase can give — its opening scene, the drawable ones `playable`
    accepts, and those they lead to by `next` — and the months they fill at most (each at its longest
    choice)."""
    by_id = {s.id: s for s in model.scenes}
    start = next((p.start for p in model.phases if p.id == phase), None)
    chosen: list[str] = [start] if start in by_id else []
    for index, scene in enumerate(model.scenes):
        if scene.phase == phase and scene.draw and scene.once and scene.id not in chosen and playable(index, scene):
            chosen.append(scene.id)
    for scene_id in chosen:  # (the list grows while it is read: the targets' targets are followed too)
        for target in sorted(_follows(by_id[scene_id])):
            if target in by_id and target not in chosen and by_id[target].once:
                chosen.append(target)
    return Supply(tuple(chosen), sum(max(c.cost for c in by_id[s].choices) for s in chosen))


def assume_seen(node: cond.Node, seen: tuple[str, ...]) -> cond.Node:
    """The condition with `seen(x)` replaced by `true` for the scenes certainly seen already."""
    if isinstance(node, cond.Call) and node.func == "seen" and node.args and node.args[0] in seen:
        return cond.Name(node.col, "true")
    if isinstance(node, cond.Binary):
        return cond.Binary(node.col, node.op, assume_seen(node.left, seen), assume_seen(node.right, seen))
    if isinstance(node, cond.Unary):
        operand = assume_seen(node.operand, seen)
        if node.op == "not" and isinstance(operand, cond.Name) and operand.name == "true":
            return cond.Name(node.col, "false")
        return cond.Unary(node.col, node.op, operand)
    return node


def conjuncts(text: str) -> frozenset[str]:
    """The parts of a condition joined by a top-level `and`, spaces normalised: `a and b` holds whenever
    a condition holding every one of its parts does (`invented(x) and sens >= 40` implies `sens >= 40`)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for word in text.replace("(", " ( ").replace(")", " ) ").split():
        depth += word == "("
        depth -= word == ")"
        if word == "and" and depth == 0:
            parts.append(" ".join(current))
            current = []
        else:
            current.append(word)
    parts.append(" ".join(current))
    return frozenset(part for part in parts if part)
