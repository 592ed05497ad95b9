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

from game.i18n import language, t
from game.rules.engine import IDLE_CHOICE, Engine
from game.rules.reading import READER
from game.rules.session import Session
from game.rules.state import Snapshot, part_of, restore, snapshot, state_key
from game.scenario import conditions as cond
from game.scenario.diagnostics import sentence
from game.scenario.loading import Book
from game.tools.abstract import MAX_STEPS, AbstractResult, abstract_search
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
DEFAULT_GAMES = 200  # per strategy at most, when the search is bounded (they stop once everything is found)
DEFAULT_PROOF_STATES = 4000  # the exact search in `check --deep`: its paths are the shortest; games do the rest


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

    def describe(self, lang: str = "en") -> str:
        parts = [self.first]
        for step in self.steps:
            text = f"{step.number}"
            if step.index == IDLE_CHOICE:
                text += t("deep.idle", lang)
            elif step.choice_id != str(step.index + 1):
                text += f" ({step.choice_id})"
            if step.events:
                text += t("deep.events", lang, events=", ".join(step.events))
            parts.append(text)
            parts.append((t("deep.ending", lang) if step.ending else "") + step.following)
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
    scene_paths: dict[str, Path] = field(default_factory=dict)  # the first (shortest) way to each scene met
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
            if session.scene not in result.scenes:
                result.scenes.add(session.scene)
                result.scene_paths[session.scene] = self.path(node)
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


# -- witness games: real seeded games show what can be reached ---------------------------------------------------
@dataclass
class Witness:
    """A real game (seed + numbers typed) that reaches an ending, a scene or a trap; pasteable as it is."""

    seed: int
    strategy: str
    numbers: list[int]
    scenes: list[str]


def witness_games(
    engine: Engine, runs: int = 200, seed: int = 1, wanted: set[str] | None = None
) -> tuple[dict[str, Witness], dict[str, Witness], dict[str, Witness]]:
    """The shortest game found for each ending, the first one trapped in each scene, and the first game
    through each scene. Strategies take turns, game after game; with `wanted` (ending and scene ids), the
    games stop as soon as every one of them was met."""
    import random as _random

    from game.tools.explore import MAX_DECISIONS, PICKERS

    endings: dict[str, Witness] = {}
    traps: dict[str, Witness] = {}
    scenes: dict[str, Witness] = {}
    missing = set(wanted) if wanted is not None else None
    for game_seed in range(seed, seed + runs):
        for strategy, pick in PICKERS.items():
            if missing is not None and not missing:
                return endings, traps, scenes
            rng = _random.Random(f"{strategy}:{game_seed}")
            session = engine.new_session(game_seed)
            numbers: list[int] = []
            played = [session.scene]
            while not session.finished and len(numbers) < MAX_DECISIONS:
                view = engine.view(session)
                if view.choices[0].index == IDLE_CHOICE and session.scene not in traps:
                    traps[session.scene] = Witness(game_seed, strategy, list(numbers), list(played))
                option = pick(engine, session, view, rng)
                numbers.append(option.number)
                engine.choose(session, option.index)
                played.append(session.ending if session.finished else session.scene)
            if not session.finished:
                engine.release(session)
                continue
            for position, scene in enumerate(played[:-1]):
                if scene not in scenes:
                    scenes[scene] = Witness(game_seed, strategy, numbers[:position], played[: position + 1])
            found = endings.get(session.ending or "")
            if found is None or len(numbers) < len(found.numbers):
                endings[session.ending or ""] = Witness(game_seed, strategy, numbers, played)
            if missing is not None:
                missing -= set(played[:-1]) | {f"ending:{session.ending}"}
    return endings, traps, scenes


# -- guided games: real games steered toward an ending nobody reached yet ---------------------------------------
def _number(node: cond.Node, session: Session) -> float:
    """A condition's sub-expression read on a real session (through the one reader, `READER`)."""
    if isinstance(node, cond.Number):
        return node.value
    if isinstance(node, cond.Name):
        name = cond.ALIASES.get(node.name, node.name)
        if name in ("true", "false"):
            return 1.0 if name == "true" else 0.0
        return float(READER.variable(name)(session))
    if isinstance(node, cond.Call):
        return float(READER.call(node.func, node.args)(session))
    if isinstance(node, cond.Unary):
        inner = _number(node.operand, session)
        return float(not inner) if node.op == "not" else -inner
    if isinstance(node, cond.Compare):
        return 1.0 if _distance(node, session) == 0 else 0.0
    assert isinstance(node, cond.Binary)
    if node.op in ("and", "or"):
        return 1.0 if _distance(node, session) == 0 else 0.0
    left, right = _number(node.left, session), _number(node.right, session)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return left / right if right else 0.0


_FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def _distance(node: cond.Node, session: Session, negated: bool = False) -> float:
    """How far a session is from making a condition hold (0: it holds): what a guided game lowers."""
    if isinstance(node, cond.Unary) and node.op == "not":
        return _distance(node.operand, session, not negated)
    if isinstance(node, cond.Binary) and node.op in ("and", "or"):
        both = (node.op == "and") != negated
        left, right = _distance(node.left, session, negated), _distance(node.right, session, negated)
        return left + right if both else min(left, right)
    if isinstance(node, cond.Compare):
        op = _FLIP[node.op] if negated else node.op
        a, b = _number(node.left, session), _number(node.right, session)
        gap = {
            "<": a - b + 1,
            "<=": a - b,
            ">": b - a + 1,
            ">=": b - a,
            "==": abs(a - b),
            "!=": 1.0 if a == b else 0.0,
        }[op]
        return gap if gap > 0 else 0.0
    holds = bool(_number(node, session))
    return 0.0 if holds != negated else 10.0


def guided_games(engine: Engine, wanted: set[str], runs: int = 60, seed: int = 1) -> dict[str, Witness]:
    """Real seeded games that steer toward each wanted ending: at each decision, every offered choice is tried
    on a copy of the game (same random generator state, so the copy sees what chance will do) and the one that
    brings the ending's condition closest is taken (a random one now and then). Each game found replays as it is."""
    import random as _random

    book = engine.book
    model = book.model
    threshold = engine.tuning.break_threshold
    found: dict[str, Witness] = {}
    scratch = _Scratch(engine)
    for index, ending in enumerate(model.endings):
        if ending.id not in wanted:
            continue
        condition = book.cond("endings", index, "when")

        def distance(session: Session, condition: cond.Condition | None = condition, at: str = ending.at) -> float:
            own = 0.0 if condition is None else _distance(condition.tree, session)
            if at != "break":
                return own
            broken = max(0.0, session.gauges["cohesion"] - threshold + 1)
            return broken if condition is None else min(broken, own)

        for game_seed in range(seed, seed + runs):
            rng = _random.Random(f"guided:{ending.id}:{game_seed}")
            session = engine.new_session(game_seed)
            numbers: list[int] = []
            played = [session.scene]
            while not session.finished and len(numbers) < 200:
                view = engine.view(session)
                options = list(view.choices)
                if rng.random() < 0.15:
                    option = rng.choice(options)
                else:
                    scores = []
                    for candidate in options:
                        copy = _random.Random()
                        copy.setstate(session.rng.getstate())
                        trial = scratch.load(snapshot(session), copy)
                        engine.choose(trial, candidate.index)
                        if trial.finished:
                            score = 0.0 if trial.ending == ending.id else 1e9
                        else:
                            score = distance(trial)
                        scores.append((score, rng.random(), candidate))
                    option = min(scores, key=lambda item: (item[0], item[1]))[2]
                numbers.append(option.number)
                engine.choose(session, option.index)
                played.append(session.ending if session.finished else session.scene)
            if not session.finished:
                engine.release(session)
            elif session.ending == ending.id:
                found[ending.id] = Witness(game_seed, "guided", numbers, played)
                break
    return found


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
Said = Callable[[str], list[str]]  # a finding's detail lines in a language


@dataclass
class Finding:
    where: str
    severity: str
    code: str
    message: str  # in English, as `--json`-like readers and the tests take it; `format` says it in a language
    detail: list[str] = field(default_factory=list)
    said: Said | None = None  # the detail in another language (the same lines as `detail` in English)

    def format(self, lang: str = "en") -> str:
        colon = language(lang).colon
        word = t(f"diag.{self.severity}", lang)
        head = f"{self.where}: {word} {self.code}{colon} {sentence(self.code, self.message, lang)}"
        detail = self.said(lang) if self.said is not None else self.detail
        return "\n".join([head] + [f"    {line}" for line in detail])


def _decimal(value: float, pattern: str, lang: str) -> str:
    """A number (`{:.2%}`, `{:.1f}`) with the language's decimal mark, and a no-break space before `%` in French."""
    text = format(value, pattern).replace(".", language(lang).decimal)
    return text if lang == "en" else text.replace("%", "\u00a0%")


def _replay_lines(engine: Engine, path: Path, file: str, seeds: int) -> Said:
    numbers = "".join(f"{n}\\n" for n in path.numbers())
    seed = find_seed(engine, path, seeds) if path.steps or path.first else None

    def said(lang: str) -> list[str]:
        lines = [t("deep.path", lang, path=path.describe(lang))]
        if seed is not None:
            lines.append(t("deep.replay", lang, numbers=numbers, file=shlex.quote(file), seed=seed))
        else:
            chance = _decimal(path.probability, ".2%", lang)
            lines.append(t("deep.choices", lang, numbers=numbers, chance=chance, seeds=seeds))
        return lines

    return said


def _witness_lines(engine: Engine, witness: Witness, file: str) -> Said:
    numbers = "".join(f"{n}\\n" for n in witness.numbers)

    def said(lang: str) -> list[str]:
        return [
            t("deep.witness", lang, scenes=" → ".join(witness.scenes), strategy=witness.strategy),
            t("deep.replay", lang, numbers=numbers, file=shlex.quote(file), seed=witness.seed),
        ]

    return said


def _finding(where: str, severity: str, code: str, message: str, said: Said | None = None) -> Finding:
    return Finding(where, severity, code, message, said("en") if said is not None else [], said)


@dataclass
class Proof:
    """What `check --deep` decided, ending by ending and scene by scene.

    One-sided on each side: *reachable* means a concrete path replays in the real engine (a seed and the
    numbers typed); *unreachable* means the over-approximating search (`game.tools.abstract`), which covers
    every value the real game can take, never reaches it (or the exact search, complete, never met it).
    COMPLETE when every ending and every scene is one or the other.
    """

    search: SearchResult
    abstract: AbstractResult
    endings: dict[str, str]  # id → "reachable", "unreachable" or "unknown"
    scenes: dict[str, str]
    findings: list[Finding]
    games: int
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return all(v != "unknown" for v in (*self.endings.values(), *self.scenes.values()))

    def count(self, table: dict[str, str], status: str) -> int:
        return sum(1 for v in table.values() if v == status)


def prove(
    book: Book,
    max_states: int = DEFAULT_PROOF_STATES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    bucket: int = DEFAULT_BUCKET,
    seeds: int = DEFAULT_SEEDS,
    games: int = DEFAULT_GAMES,
    max_steps: int = MAX_STEPS,
) -> Proof:
    """Decide every ending and scene: replayed paths for what is reachable, the over-approximation for the rest."""
    import time

    started = time.perf_counter()
    engine = Engine(book)
    abstract = abstract_search(book, engine, max_steps)
    search = Search(engine, max_states, max_depth, bucket).run()
    model = book.model
    file = str(book.path or book.source.file)
    wanted = {f"ending:{e}" for e in abstract.endings - set(search.endings)}
    wanted |= {s for s in abstract.scenes if s not in search.scenes}
    if search.exact:
        wanted = set()
    ending_games: dict[str, Witness] = {}
    trap_games: dict[str, Witness] = {}
    scene_games: dict[str, Witness] = {}
    played = 0
    if wanted and games > 0:
        ending_games, trap_games, scene_games = witness_games(engine, games, wanted=wanted)
        played = games
        missing = {w.split(":", 1)[1] for w in wanted if w.startswith("ending:")} - set(ending_games)
        if missing:
            ending_games.update(guided_games(engine, missing))
    found: list[Finding] = []
    endings: dict[str, str] = {}
    scenes: dict[str, str] = {}
    limits = gauge_bounds(book)
    scene_index = {s.id: i for i, s in enumerate(model.scenes)}
    for i, ending in enumerate(model.endings):
        where = str(book.source.location(("endings", i, "id")))
        path = search.endings.get(ending.id)
        witness = ending_games.get(ending.id)
        said = _replay_lines(engine, path, file, seeds) if path is not None else None
        seeded = said is not None and any(line.startswith("replay:") for line in said("en"))
        if path is not None and (seeded or witness is None):
            endings[ending.id] = "reachable"
            message = f"ending `{ending.id}` can be reached in {len(path.steps)} choice(s)"
            found.append(_finding(where, "info", "D100", message, said))
        elif witness is not None and replays_to(engine, witness) == ending.id:
            endings[ending.id] = "reachable"
            message = f"ending `{ending.id}` can be reached in {len(witness.numbers)} choice(s)"
            found.append(_finding(where, "info", "D100", message, _witness_lines(engine, witness, file)))
        elif (ending.id not in abstract.endings and abstract.complete) or search.exact:
            endings[ending.id] = "unreachable"
            how = (
                f"proven over all {search.states} states of the game"
                if search.exact
                else "proven: no game can meet its condition, even counting every value the gauges and levels "
                "can take (an over-approximation of every game)"
            )
            found.append(Finding(where, "error", "D101", f"ending `{ending.id}` can never be reached — {how}"))
        elif bounded_out(book, i, limits):
            endings[ending.id] = "unreachable"
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
            endings[ending.id] = "unknown"
            found.append(
                Finding(
                    where,
                    "warning",
                    "D102",
                    f"ending `{ending.id}` is not decided: no game found reaches it "
                    f"({search.states} states searched, {played} games per strategy), and the over-approximation "
                    "cannot rule it out (raise --max-states to search further)",
                )
            )
    trap_message = (
        "can trap the player: none of its choices is available, the game can only offer « let the month pass »"
    )
    for scene, path in sorted(search.traps.items(), key=lambda item: scene_index.get(item[0], 0)):
        where = str(book.source.location(("scenes", scene_index[scene], "choices")))
        found.append(
            _finding(
                where, "error", "D201", f"scene `{scene}` {trap_message}", _replay_lines(engine, path, file, seeds)
            )
        )
    for scene, witness in sorted(trap_games.items(), key=lambda item: scene_index.get(item[0], 0)):
        if scene not in search.traps:
            where = str(book.source.location(("scenes", scene_index[scene], "choices")))
            found.append(
                _finding(
                    where, "error", "D201", f"scene `{scene}` {trap_message}", _witness_lines(engine, witness, file)
                )
            )
    for i, unplayed in enumerate(model.scenes):
        where = str(book.source.location(("scenes", i, "id")))
        if unplayed.id in scene_games and replays_to_scene(engine, scene_games[unplayed.id]):
            scenes[unplayed.id] = "reachable"
        elif unplayed.id in search.scene_paths and _seeded(engine, search.scene_paths[unplayed.id], seeds):
            scenes[unplayed.id] = "reachable"
        elif (unplayed.id not in abstract.scenes and abstract.complete) or (
            search.exact and unplayed.id not in search.scenes
        ):
            scenes[unplayed.id] = "unreachable"
            found.append(Finding(where, "warning", "D301", f"scene `{unplayed.id}` is never played (proven)"))
        else:
            scenes[unplayed.id] = "unknown"
            found.append(
                Finding(
                    where,
                    "warning",
                    "D302",
                    f"scene `{unplayed.id}` is not decided: no game found plays it, and the over-approximation "
                    "cannot rule it out",
                )
            )
    return Proof(search, abstract, endings, scenes, found, played, time.perf_counter() - started)


def _seeded(engine: Engine, path: Path, seeds: int) -> bool:
    """Does a real seed reproduce this path (so the scene it leads to is reached by a real game)?"""
    return find_seed(engine, path, seeds) is not None


def replays_to_scene(engine: Engine, witness: Witness) -> bool:
    """Typing the witness's numbers with its seed leads to the scene it names last."""
    return replays_to(engine, witness) == witness.scenes[-1]


def status_line(proof: Proof, lang: str = "en") -> str:
    result = proof.search
    e, s = proof.endings, proof.scenes
    decided = t(
        "deep.decided",
        lang,
        endings=proof.count(e, "reachable"),
        unreachable=proof.count(e, "unreachable"),
        scenes=proof.count(s, "reachable"),
        unplayed=proof.count(s, "unreachable"),
    )
    undecided = proof.count(e, "unknown") + proof.count(s, "unknown")
    status = t("deep.complete", lang) if proof.complete else t("deep.incomplete", lang, n=undecided)
    gauges = t("deep.exact", lang) if result.bucket == 1 else t("deep.buckets", lang, n=result.bucket)
    return t(
        "deep.status",
        lang,
        status=status,
        decided=decided,
        places=len(proof.abstract.places),
        states=result.states,
        search=t("deep.complete_search" if result.complete else "deep.bounded_search", lang),
        max_states=result.max_states,
        max_depth=result.max_depth,
        gauges=gauges,
        games=t("deep.games", lang, n=proof.games) if proof.games else "",
        seconds=_decimal(proof.seconds, ".1f", lang),
    )


def format_deep(proof: Proof, lang: str = "en") -> str:
    """The deep check's report in the trainer's language (the findings keep their English `message`)."""
    return "\n".join([status_line(proof, lang)] + [f.format(lang) for f in proof.findings])


def run_search(
    book: Book, max_states: int = DEFAULT_MAX_STATES, max_depth: int = DEFAULT_MAX_DEPTH, bucket: int = DEFAULT_BUCKET
) -> tuple[Engine, SearchResult]:
    """The exact search alone (what `explore --cover` and the tests read)."""
    engine = Engine(book)
    return engine, Search(engine, max_states, max_depth, bucket).run()


def deep_check(book: Book, args: argparse.Namespace, lang: str = "en") -> bool:
    """Print the deep check's findings; True when there is a problem (an unreachable ending, a trap).

    An ending or a scene the check could not decide is a warning: the search was bounded, nothing was
    found wrong.
    """
    max_states = getattr(args, "max_states", None) or DEFAULT_PROOF_STATES
    max_depth = getattr(args, "max_depth", None) or DEFAULT_MAX_DEPTH
    bucket = getattr(args, "bucket", None) or DEFAULT_BUCKET
    proof = prove(book, max_states, max_depth, bucket)
    print(format_deep(proof, lang))
    return any(f.severity == "error" for f in proof.findings)
