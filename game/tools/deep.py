"""`check --deep`: search the game's states to prove which endings can be reached, and find traps.

The search plays the real engine, not a copy of its rules: every decision is
taken from a saved state, and the session's random generator is replaced by an
*oracle* that answers each random test both ways. An outside event either
fires or not; a drawn scene can be any scene of the pool. So a state's
successors are every (choice × random branch) the engine allows, each with its
probability. States are compared on everything a rule can read (phase, scene,
turn, gauges, engagement, hierarchies, diffusion, flags, scenes seen, events
fired); gauges can be grouped into buckets to bound the search.

Within its bounds the search is exhaustive, breadth-first: an ending it never
meets cannot be reached (a proof when the search completed with exact gauges),
and the first path it finds to an ending is a shortest one. That path is then
replayed with real seeds until one reproduces its random branches, so a trainer
can paste it into `printf '…' | partenaires play --text FILE --seed S`.
"""

from __future__ import annotations

import argparse
import shlex
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.rules.engine import IDLE_CHOICE, Engine
from game.rules.session import Session
from game.rules.state import Snapshot, part_of, restore, snapshot, state_key
from game.scenario.loading import Book
from game.vocabulary.gauges import TRIPTYCH

__all__ = [
    "deep_check",
    "Search",
    "SearchResult",
    "Oracle",
    "Path",
    "Step",
    "find_seed",
    "DEFAULT_MAX_STATES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_BUCKET",
    "DEFAULT_SEEDS",
    "format_deep",
]

DEFAULT_MAX_STATES = 20_000
DEFAULT_MAX_DEPTH = 200
DEFAULT_BUCKET = 1
DEFAULT_SEEDS = 3000
DEFAULT_GAMES = 200  # per strategy, when the search is bounded


# -- the oracle: a random generator that answers both ways ------------------------------------------------
class _Draw:
    """One call to `random()`: a number in [low, high) that narrows as the engine compares it."""

    __slots__ = ("low", "high")

    def __init__(self) -> None:
        self.low, self.high = 0.0, 1.0


class Probe:
    """`scale * r + shift` for a drawn r; comparing it is a branch point the oracle decides."""

    __slots__ = ("oracle", "draw", "scale", "shift")

    def __init__(self, oracle: Oracle, draw: _Draw, scale: float = 1.0, shift: float = 0.0) -> None:
        self.oracle, self.draw, self.scale, self.shift = oracle, draw, scale, shift

    def _affine(self, scale: float, shift: float) -> Probe:
        return Probe(self.oracle, self.draw, scale, shift)

    def __mul__(self, k: float) -> Probe:
        return self._affine(self.scale * k, self.shift * k)

    __rmul__ = __mul__

    def __truediv__(self, k: float) -> Probe:
        return self._affine(self.scale / k, self.shift / k)

    def __add__(self, k: float) -> Probe:
        return self._affine(self.scale, self.shift + k)

    __radd__ = __add__

    def __sub__(self, k: float) -> Probe:
        return self._affine(self.scale, self.shift - k)

    def __rsub__(self, k: float) -> Probe:
        return self._affine(-self.scale, k - self.shift)

    def __neg__(self) -> Probe:
        return self._affine(-self.scale, -self.shift)

    def _below(self, k: float) -> bool:
        """Is `scale * r + shift < k`?"""
        if self.scale == 0:
            return self.shift < k
        threshold = (k - self.shift) / self.scale
        below = self.oracle.decide(self.draw, threshold)  # r < threshold
        return below if self.scale > 0 else not below

    def __lt__(self, k: float) -> bool:
        return self._below(k)

    __le__ = __lt__  # r is continuous: equality has no weight

    def __ge__(self, k: float) -> bool:
        return not self._below(k)

    __gt__ = __ge__

    def __float__(self) -> float:
        raise TypeError(
            "the deep check follows random numbers only through comparisons; the engine used one as a plain number"
        )


@dataclass
class _Point:
    taken: bool
    other_possible: bool


class Oracle:
    """Stands for `session.rng` during the search; `script` fixes the answers of the first branch points."""

    def __init__(self, script: Sequence[bool] = ()) -> None:
        self.script = script
        self.points: list[_Point] = []
        self.probability = 1.0

    def random(self) -> Probe:
        return Probe(self, _Draw())

    def decide(self, draw: _Draw, threshold: float) -> bool:
        width = draw.high - draw.low
        can_below = draw.low < threshold
        can_above = threshold < draw.high
        if not (can_below and can_above):
            return can_below
        cut = threshold - draw.low
        position = len(self.points)
        if position < len(self.script):
            below = self.script[position]
        else:
            below = cut >= width - cut  # the likelier answer first
        self.points.append(_Point(below, True))
        self.probability *= (cut if below else width - cut) / width
        if below:
            draw.high = threshold
        else:
            draw.low = threshold
        return below

    def choice(self, seq: Sequence[Any]) -> Any:
        r = self.random()
        for i in range(len(seq) - 1):
            if r < (i + 1) / len(seq):
                return seq[i]
        return seq[-1]

    def randrange(self, n: int) -> int:
        return int(self.choice(range(n)))

    def branches(self) -> Iterator[tuple[bool, ...]]:
        """Scripts for the branch points this run met beyond its script, with the other answer."""
        taken = tuple(p.taken for p in self.points)
        for i in range(len(self.script), len(self.points)):
            if self.points[i].other_possible:
                yield taken[:i] + (not taken[i],)


# -- states ---------------------------------------------------------------------------------------------------
class _Scratch:
    """One session attached to the engine's machine, loaded with each state in turn."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = engine.new_session(0)

    def load(self, snap: Snapshot, rng: Any) -> Session:
        s = self.session
        if s.finished or s not in self.engine.machine.models:
            s = self.session = self.engine.new_session(0)
        restore(s, snap)
        s.history, s.events, s.last_cause, s.ending = [], [], {}, None
        s.rng = rng
        return s


# -- paths ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One decision on a path: what the player typed, and what chance then did."""

    scene: str
    number: int  # as typed in `play --text`
    index: int  # position in the scene's choices (-1: "let the month pass")
    choice_id: str
    events: tuple[str, ...]
    following: str  # next scene, or the ending's id when `ending` is True
    ending: bool
    probability: float


@dataclass
class Path:
    first: str
    first_probability: float
    steps: list[Step]

    @property
    def probability(self) -> float:
        p = self.first_probability
        for step in self.steps:
            p *= step.probability
        return p

    def numbers(self) -> list[int]:
        return [s.number for s in self.steps]

    def describe(self) -> str:
        parts = [self.first]
        for step in self.steps:
            text = f"{step.number}"
            if step.index == IDLE_CHOICE:
                text += " (let the month pass)"
            elif step.choice_id != str(step.index + 1):
                text += f" ({step.choice_id})"
            if step.events:
                text += " [event " + ", ".join(step.events) + "]"
            parts.append(text)
            parts.append(("ending " if step.ending else "") + step.following)
        return " → ".join(parts)


@dataclass
class _Node:
    parent: int
    step: Step | None
    first: str
    probability: float
    depth: int


# -- the search ------------------------------------------------------------------------------------------------
@dataclass
class SearchResult:
    states: int
    complete: bool
    max_states: int
    max_depth: int
    bucket: int
    endings: dict[str, Path] = field(default_factory=dict)
    traps: dict[str, Path] = field(default_factory=dict)
    scenes: set[str] = field(default_factory=set)
    deepest: int = 0

    @property
    def exact(self) -> bool:
        return self.complete and self.bucket == 1


Visit = Callable[[Session, Any], None]


class Search:
    """Breadth-first search over (choice × random branch) from the start of the game."""

    def __init__(
        self,
        engine: Engine,
        max_states: int = DEFAULT_MAX_STATES,
        max_depth: int = DEFAULT_MAX_DEPTH,
        bucket: int = DEFAULT_BUCKET,
        on_outcome: Visit | None = None,
    ) -> None:
        self.engine = engine
        self.max_states = max_states
        self.max_depth = max_depth
        self.bucket = max(1, bucket)
        self.on_outcome = on_outcome
        self.scratch = _Scratch(engine)
        self.nodes: list[_Node] = []
        self.seen: set[tuple[Any, ...]] = set()  # the keys of every state met

    def roots(self) -> Iterator[tuple[str, float, Snapshot]]:
        """The first scene, and every scene the first draw could give when the scenario fixes none."""
        base = self.engine.new_session(0)
        start = snapshot(base)
        self.engine.release(base)
        pending: list[tuple[bool, ...]] = [()]
        while pending:
            oracle = Oracle(pending.pop())
            s = self.scratch.load(start, oracle)
            s.scene, s.seen = "", []
            first = self.engine.enter_first_scene(s)
            pending.extend(oracle.branches())
            yield first, oracle.probability, snapshot(s)

    def successors(self, snap: Snapshot, index: int) -> Iterator[tuple[Any, float, Snapshot | None, Session]]:
        """Every way a choice can turn out: (outcome, probability, next state or None at an ending, session)."""
        pending: list[tuple[bool, ...]] = [()]
        while pending:
            oracle = Oracle(pending.pop())
            s = self.scratch.load(snap, oracle)
            outcome = self.engine.choose(s, index)
            pending.extend(oracle.branches())
            yield outcome, oracle.probability, (None if s.finished else snapshot(s)), s

    def path(self, node: int, last: Step | None = None) -> Path:
        steps: list[Step] = [last] if last else []
        while self.nodes[node].step is not None:
            steps.append(self.nodes[node].step)  # type: ignore[arg-type]
            node = self.nodes[node].parent
        steps.reverse()
        root = self.nodes[node]
        return Path(root.first, root.probability, steps)

    def run(self) -> SearchResult:
        result = SearchResult(0, True, self.max_states, self.max_depth, self.bucket)
        seen = self.seen = set()
        queue: deque[tuple[int, Snapshot]] = deque()
        for first, probability, snap in self.roots():
            key = state_key(snap, self.bucket)
            if key not in seen:
                seen.add(key)
                self.nodes.append(_Node(-1, None, first, probability, 0))
                queue.append((len(self.nodes) - 1, snap))
        while queue:
            node, snap = queue.popleft()
            depth = self.nodes[node].depth
            result.deepest = max(result.deepest, depth)
            session = self.scratch.load(snap, None)
            result.scenes.add(session.scene)
            view = self.engine.view(session)
            if view.choices[0].index == IDLE_CHOICE and session.scene not in result.traps:
                result.traps[session.scene] = self.path(node)
            if depth >= self.max_depth:
                result.complete = False
                continue
            for option in view.choices:
                for outcome, probability, following, s in self.successors(snap, option.index):
                    if self.on_outcome is not None:
                        self.on_outcome(s, outcome)
                    events = tuple(hit.id for hit in outcome.events)
                    if following is None:
                        ending = s.ending or ""
                        step = Step(view.id, option.number, option.index, option.id, events, ending, True, probability)
                        self._keep_ending(result, ending, node, step)
                        continue
                    key = state_key(following, self.bucket)
                    if key in seen:
                        continue
                    if len(seen) >= self.max_states:
                        result.complete = False  # bound hit: stop here, what is left is not explored
                        result.states = len(seen)
                        return result
                    seen.add(key)
                    step = Step(
                        view.id,
                        option.number,
                        option.index,
                        option.id,
                        events,
                        part_of(following, "scene"),
                        False,
                        probability,
                    )
                    parent = self.nodes[node]
                    self.nodes.append(_Node(node, step, parent.first, parent.probability * probability, depth + 1))
                    queue.append((len(self.nodes) - 1, following))
        result.states = len(seen)
        return result

    def _keep_ending(self, result: SearchResult, ending: str, node: int, step: Step) -> None:
        """The shortest path; among the shortest, the likeliest (easier to reproduce with a seed)."""
        found = result.endings.get(ending)
        candidate = self.path(node, step)
        if found is None or (len(candidate.steps) == len(found.steps) and candidate.probability > found.probability):
            result.endings[ending] = candidate


# -- reproducing a path with a real seed ------------------------------------------------------------------------
def follows(engine: Engine, seed: int, path: Path, start: str | None = None) -> bool:
    """Does typing the path's numbers with this seed give the same scenes, events and ending?"""
    session = engine.new_session(seed, start=start)
    try:
        if session.scene != path.first:
            return False
        for step in path.steps:
            view = engine.view(session)
            if step.number > len(view.choices) or view.choices[step.number - 1].index != step.index:
                return False
            outcome = engine.choose(session, step.index)
            if tuple(hit.id for hit in outcome.events) != step.events:
                return False
            reached = session.ending if step.ending else session.scene
            if reached != step.following:
                return False
        return True
    finally:
        engine.release(session)


def find_seed(engine: Engine, path: Path, tries: int = DEFAULT_SEEDS, first: int = 1) -> int | None:
    for seed in range(first, first + tries):
        if follows(engine, seed, path):
            return seed
    return None


# -- witness games: when the search is bounded, real games show what can be reached ------------------------------
@dataclass
class Witness:
    """A real game (seed + numbers typed) that reaches an ending or a trap; pasteable as it is."""

    seed: int
    strategy: str
    numbers: list[int]
    scenes: list[str]


def witness_games(engine: Engine, runs: int = 200, seed: int = 1) -> tuple[dict[str, Witness], dict[str, Witness]]:
    """The shortest game found for each ending, and the first one trapped in each scene."""
    import random as _random

    from game.tools.explore import MAX_DECISIONS, PICKERS

    endings: dict[str, Witness] = {}
    traps: dict[str, Witness] = {}
    for strategy, pick in PICKERS.items():
        for game_seed in range(seed, seed + runs):
            rng = _random.Random(f"{strategy}:{game_seed}")
            session = engine.new_session(game_seed)
            numbers: list[int] = []
            scenes = [session.scene]
            while not session.finished and len(numbers) < MAX_DECISIONS:
                view = engine.view(session)
                if view.choices[0].index == IDLE_CHOICE and session.scene not in traps:
                    traps[session.scene] = Witness(game_seed, strategy, list(numbers), list(scenes))
                option = pick(engine, session, view, rng)
                numbers.append(option.number)
                engine.choose(session, option.index)
                scenes.append(session.ending if session.finished else session.scene)
            if not session.finished:
                engine.release(session)
                continue
            found = endings.get(session.ending or "")
            if found is None or len(numbers) < len(found.numbers):
                endings[session.ending or ""] = Witness(game_seed, strategy, numbers, scenes)
    return endings, traps


def replays_to(engine: Engine, witness: Witness) -> str | None:
    """Type the witness's numbers with its seed, as `play --text` would: where does the game end?"""
    session = engine.new_session(witness.seed)
    for number in witness.numbers:
        if session.finished:
            break
        view = engine.view(session)
        engine.choose(session, view.choices[number - 1].index)
    engine.release(session)
    return session.ending if session.finished else session.scene


# -- a proof without the search: how far each gauge can go at all ------------------------------------------------
def gauge_bounds(book: Book) -> dict[str, tuple[float, float]]:
    """Sound limits of sens, identité and pouvoir over a whole game, from the effects and the clock.

    A decision of cost c moves a gauge by at most its delta, i.e. delta/c per month; over the funding
    (plus the overrun of the last decision) no mix of decisions can beat the best rate. Each outside
    event adds its own effect once (or every month when it is not `once`); losses from outside can be
    up to 1.5 times larger (the pouvoir shield). Each month may also cost sens and identité their upkeep
    and the procedure's erosion; pouvoir never grows past `pouvoir_cap`. Diminishing returns only shrink
    gains, so the rise stays an upper bound. A gauge that a choice costing no time can move is
    left unbounded (free choices can repeat). Cohésion is computed by the engine: not bounded here.
    """
    model = book.model
    turns = model.clock.turns
    choices = [c for scene in model.scenes for c in scene.choices]
    longest = max([c.cost for c in choices] + [1])
    bounds: dict[str, tuple[float, float]] = {}
    for gauge in TRIPTYCH:
        deltas = [(getattr(c.effects, gauge), c.cost) for c in choices]
        if any(cost == 0 and delta for delta, cost in deltas):
            continue
        rise = max([d / c for d, c in deltas if d > 0] + [0.0]) * (turns - 1 + longest)
        fall = max([-d / c for d, c in deltas if d < 0] + [0.0]) * (turns - 1 + longest)
        for event in model.events:
            delta = getattr(event.effects, gauge)
            times = 1 if event.once else turns
            if delta > 0:
                rise += delta * times
            elif delta < 0:
                fall += -delta * times * (1.5 if event.external else 1.0)
        if gauge in ("sens", "identite"):  # what each month may cost (upkeep, a procedure that replaced the collective)
            fall += (model.rules.upkeep + model.rules.procedure_erosion) * (turns + longest)
        start = getattr(model.gauges, gauge)
        high = min(100.0, start + rise)
        if gauge == "pouvoir":  # the collective's own pouvoir never grows past its bound
            high = min(high, float(max(start, model.rules.pouvoir_cap)))
        bounds[gauge] = (max(0.0, start - fall), high)
    return bounds


def bounded_out(book: Book, index: int, bounds: dict[str, tuple[float, float]]) -> bool:
    """True when the ending's condition cannot hold within the gauges' limits (a proof)."""
    from game.scenario.checks import satisfiable

    condition = book.cond("endings", index, "when")
    return condition is not None and not satisfiable(condition.tree, bounds)


# -- the report ----------------------------------------------------------------------------------------------
@dataclass
class Finding:
    where: str
    severity: str
    code: str
    message: str
    detail: list[str] = field(default_factory=list)

    def format(self) -> str:
        head = f"{self.where}: {self.severity} {self.code}: {self.message}"
        return "\n".join([head] + [f"    {line}" for line in self.detail])


def _replay_lines(engine: Engine, path: Path, file: str, seeds: int) -> list[str]:
    numbers = "".join(f"{n}\\n" for n in path.numbers())
    seed = find_seed(engine, path, seeds) if path.steps or path.first else None
    lines = [f"path: {path.describe()}"]
    if seed is not None:
        lines.append(f"replay: printf '{numbers}' | partenaires play --text {shlex.quote(file)} --seed {seed}")
    else:
        lines.append(
            f"choices: printf '{numbers}' (chance of these random branches {path.probability:.2%}; "
            f"no seed among the first {seeds} reproduces them)"
        )
    return lines


def _witness_lines(engine: Engine, witness: Witness, file: str) -> list[str]:
    numbers = "".join(f"{n}\\n" for n in witness.numbers)
    return [
        f"path: {' → '.join(witness.scenes)} (a `{witness.strategy}` game; no search proved it shortest)",
        f"replay: printf '{numbers}' | partenaires play --text {shlex.quote(file)} --seed {witness.seed}",
    ]


def deep_findings(
    book: Book, result: SearchResult, engine: Engine, seeds: int = DEFAULT_SEEDS, games: int = DEFAULT_GAMES
) -> list[Finding]:
    file = str(book.path or book.source.file)
    found: list[Finding] = []
    model = book.model
    scene_index = {s.id: i for i, s in enumerate(model.scenes)}
    limits = gauge_bounds(book)
    witnesses: dict[str, Witness] = {}
    trapped: dict[str, Witness] = {}
    if not result.complete and games > 0:
        witnesses, trapped = witness_games(engine, games)
    for i, ending in enumerate(model.endings):
        where = str(book.source.location(("endings", i, "id")))
        path = result.endings.get(ending.id)
        witness = witnesses.get(ending.id)
        if path is not None:
            found.append(
                Finding(
                    where,
                    "info",
                    "D100",
                    f"ending `{ending.id}` can be reached in {len(path.steps)} choice(s)",
                    _replay_lines(engine, path, file, seeds),
                )
            )
        elif witness is not None and replays_to(engine, witness) == ending.id:
            found.append(
                Finding(
                    where,
                    "info",
                    "D100",
                    f"ending `{ending.id}` can be reached in {len(witness.numbers)} choice(s)",
                    _witness_lines(engine, witness, file),
                )
            )
        elif result.exact:
            found.append(
                Finding(
                    where,
                    "error",
                    "D101",
                    f"ending `{ending.id}` can never be reached — proven over all {result.states} states of the game",
                )
            )
        elif bounded_out(book, i, limits):
            span = ", ".join(f"{g} {int(low)}…{int(high)}" for g, (low, high) in limits.items())
            found.append(
                Finding(
                    where,
                    "error",
                    "D101",
                    f"ending `{ending.id}` can never be reached — proven: "
                    f"`{ending.when}` cannot hold when the gauges can only range over {span} "
                    "(from the starting values, the effects and the clock)",
                )
            )
        else:
            found.append(
                Finding(
                    where,
                    "error",
                    "D102",
                    f"ending `{ending.id}` was not reached within the bounds "
                    "(not a proof: raise --max-states or lower --bucket)",
                )
            )
    trap_message = (
        "can trap the player: none of its choices is available, the game can only offer « let the month pass »"
    )
    for scene, path in sorted(result.traps.items(), key=lambda item: scene_index.get(item[0], 0)):
        where = str(book.source.location(("scenes", scene_index[scene], "choices")))
        found.append(
            Finding(where, "error", "D201", f"scene `{scene}` {trap_message}", _replay_lines(engine, path, file, seeds))
        )
    for scene, witness in sorted(trapped.items(), key=lambda item: scene_index.get(item[0], 0)):
        if scene not in result.traps:
            where = str(book.source.location(("scenes", scene_index[scene], "choices")))
            found.append(
                Finding(
                    where, "error", "D201", f"scene `{scene}` {trap_message}", _witness_lines(engine, witness, file)
                )
            )
    played = result.scenes | {s for w in list(witnesses.values()) + list(trapped.values()) for s in w.scenes}
    for i, unplayed in enumerate(model.scenes):
        if unplayed.id not in played and result.complete:
            where = str(book.source.location(("scenes", i, "id")))
            proof = "proven" if result.exact else "with gauges grouped in buckets"
            found.append(Finding(where, "warning", "D301", f"scene `{unplayed.id}` is never played ({proof})"))
    return found


def bounds_line(result: SearchResult) -> str:
    gauges = "exact gauges" if result.bucket == 1 else f"gauges grouped in buckets of {result.bucket} points"
    status = "complete" if result.complete else "INCOMPLETE (a bound was hit)"
    return (
        f"deep check: {result.states} states explored (bounds: at most {result.max_states} states, "
        f"{result.max_depth} decisions; {gauges}; every outside event fires or not, every draw) — {status}"
    )


def format_deep(book: Book, result: SearchResult, findings: list[Finding]) -> str:
    lines = [bounds_line(result)]
    if not result.complete:
        lines.append(
            f"the search could not cover the whole game: endings and traps below also come from "
            f"{DEFAULT_GAMES} automatic games per strategy (what they miss is not proven unreachable)"
        )
    return "\n".join(lines + [f.format() for f in findings])


def run_search(
    book: Book, max_states: int = DEFAULT_MAX_STATES, max_depth: int = DEFAULT_MAX_DEPTH, bucket: int = DEFAULT_BUCKET
) -> tuple[Engine, SearchResult]:
    engine = Engine(book)
    return engine, Search(engine, max_states, max_depth, bucket).run()


def deep_check(book: Book, args: argparse.Namespace) -> bool:
    """Print the deep check's findings; True when there is a problem (an ending not reached, a trap)."""
    max_states = getattr(args, "max_states", None) or DEFAULT_MAX_STATES
    max_depth = getattr(args, "max_depth", None) or DEFAULT_MAX_DEPTH
    bucket = getattr(args, "bucket", None) or DEFAULT_BUCKET
    engine, result = run_search(book, max_states, max_depth, bucket)
    findings = deep_findings(book, result, engine)
    print(format_deep(book, result, findings))
    return any(f.severity == "error" for f in findings)
