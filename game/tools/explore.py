"""Automatic play: many games per strategy, to see whether a scenario is balanced.

A trainer cannot play a scenario a thousand times; this module does, with a
few simple "players" (strategies), and turns the games into figures a trainer
can act on: how often each ending is reached, which scenes and choices are
never met, how the gauges stand when a scene opens, and warnings for
imbalances. Each worker process builds ONE Engine and plays many sessions on
it (the engine attaches a session to its machine and releases it at the end),
so the cost per game stays small.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, TextIO

from game.errors import PartenairesError
from game.i18n import language, t
from game.rules.engine import IDLE_CHOICE, ChoiceView, Engine, SceneView
from game.rules.session import Session
from game.scenario.diagnostics import sentence
from game.scenario.loading import Book, load
from game.scenario.model import Choice, Effects
from game.vocabulary.gauges import GAUGES, TRIPTYCH

__all__ = [
    "STRATEGIES",
    "WEIGHT_NAMES",
    "Weights",
    "WeightsError",
    "parse_weights",
    "weights_strategy",
    "picker",
    "Stats",
    "Report",
    "Warning_",
    "play_games",
    "explore",
    "best_ending",
    "quartiles",
    "Progress",
    "MAX_DECISIONS",
    "STRATEGY_MAX",
    "STRATEGY_MIN",
    "IDLE",
    "Thresholds",
]

MAX_DECISIONS = 500  # a game longer than this is stuck in a loop of free choices; it is stopped
RARE = 0.02  # an ending reached by less than this share of games of every strategy is "almost never" reached
DOMINANT = 0.70  # an ending taking more than this share of random games leaves no room for choices
LEAD = 0.25  # a strategy "wins far more often" when it wins this much more than every other one…
LEAD_RATIO = 2.0  # …and at least this many times as often as the runner-up
STRATEGY_MAX = 1.0  # per strategy, an ending above this share of its games is reported (1.0: never, see below)
STRATEGY_MIN = 0.0  # …and one below this share (0.0: never)
IDLE = 0.10  # more than this share of one strategy's games with a month that has no scene to play is reported


@dataclass(frozen=True)
class Thresholds:
    """The shares `explore` warns at (docs/authoring.md states them; each has its command-line option)."""

    rare: float = RARE  # --rare: X102
    dominant: float = DOMINANT  # --dominant: X103
    most: float = STRATEGY_MAX  # --strategy-max: X107
    least: float = STRATEGY_MIN  # --strategy-min: X108
    idle: float = IDLE  # --idle: X109


Picker = Callable[[Engine, Session, SceneView, random.Random], ChoiceView]


# -- strategies ---------------------------------------------------------------------------------------
def _score_gauge(gauge: str) -> Callable[[Effects], float]:
    return lambda effects: float(getattr(effects, gauge))


def _score_diffusion(effects: Effects) -> float:
    """Spreading inventions: diffusion gained, and creating what can be spread."""
    spread = sum(sum(orgs.values()) for orgs in effects.diffuse.values())
    return spread + 10.0 * len(effects.invent)


def _score_hierarchy(effects: Effects) -> float:
    """Informing and winning over the hierarchies (awareness and support)."""
    return float(sum(effects.awareness.values()) + sum(effects.support.values()))


SCORES: dict[str, Callable[[Effects], float]] = {
    **{gauge: _score_gauge(gauge) for gauge in TRIPTYCH},
    "diffusion": _score_diffusion,
    "hierarchy": _score_hierarchy,
}


def pick_random(engine: Engine, session: Session, view: SceneView, rng: random.Random) -> ChoiceView:
    return view.choices[rng.randrange(len(view.choices))]


def _best(
    engine: Engine, session: Session, view: SceneView, rng: random.Random, value: Callable[[Effects], float]
) -> ChoiceView:
    """The offered choice whose immediate effects score highest; ties broken by the strategy's rng."""
    choices = engine.scenes[view.id].choices
    best: list[ChoiceView] = []
    top = float("-inf")
    for option in view.choices:
        score = value(choices[option.index].effects) if option.index != IDLE_CHOICE else 0.0
        if score > top:
            best, top = [option], score
        elif score == top:
            best.append(option)
    return best[rng.randrange(len(best))] if len(best) > 1 else best[0]


def _greedy(score: Callable[[Effects], float]) -> Picker:
    """The choice whose immediate effects most raise one thing; ties broken by the strategy's rng."""

    def pick(engine: Engine, session: Session, view: SceneView, rng: random.Random) -> ChoiceView:
        return _best(engine, session, view, rng, score)

    return pick


# -- weighted strategies a trainer writes ----------------------------------------------------------------
WEIGHT_NAMES: tuple[str, ...] = (
    "sens",
    "identite",
    "pouvoir",
    "cohesion",
    "engagement",
    "awareness",
    "support",
    "diffusion",
    "invention",
)
WEIGHTS_PREFIX = "weights "


@dataclass(frozen=True)
class Weights:
    """Weights that change with the month: `steps` are (from month, weights), months counted from 1.

    A choice's score is the weighted sum of its immediate effects: each gauge's change; engagement,
    awareness, support and diffusion (appropriation and inscription) summed over partners,
    organisations and inventions; `invention`: the inventions it creates that do not exist yet.
    Before the first step's month every weight is 0 (the choice is drawn at random).
    """

    steps: tuple[tuple[int, tuple[tuple[str, float], ...]], ...]

    def at(self, month: int) -> dict[str, float]:
        current: dict[str, float] = {}
        for start, weights in self.steps:
            if start > month:
                break
            current = dict(weights)
        return current

    def spec(self) -> str:
        """The canonical text of these weights, as `--weights` takes it (one step per space)."""
        return " ".join(
            f"{start}:" + ",".join(f"{name}={weight:g}" for name, weight in weights) for start, weights in self.steps
        )

    def score(self, effects: Effects, session: Session, month: int) -> float:
        weights = self.at(month)
        if not weights:
            return 0.0
        total = 0.0
        for name, weight in weights.items():
            if weight:
                total += weight * _amount(name, effects, session)
        return total


def _amount(name: str, effects: Effects, session: Session) -> float:
    """How much of one weighed thing a choice's effects change."""
    if name in GAUGES:
        return float(getattr(effects, name))
    if name == "engagement":
        return float(sum(effects.engagement.values()))
    if name == "awareness":
        return float(sum(effects.awareness.values()))
    if name == "support":
        return float(sum(effects.support.values()))
    if name == "diffusion":
        spread = sum(sum(orgs.values()) for orgs in effects.diffuse.values())
        return float(spread + sum(sum(orgs.values()) for orgs in _inscribed(effects).values()))
    return float(sum(1 for invention in effects.invent if invention not in session.diffusion))  # invention


def _inscribed(effects: Effects) -> dict[str, dict[str, int]]:
    return getattr(effects, "inscribe", None) or {}


def parse_weights(specs: list[str]) -> Weights:
    """`["1:sens=1,identite=1", "9:diffusion=1"]` as Weights; a WeightsError naming the mistake otherwise."""
    steps: dict[int, tuple[tuple[str, float], ...]] = {}
    for spec in specs:
        text = spec.strip()
        month = 1
        head, sep, rest = text.partition(":")
        if sep:
            try:
                month = int(head.strip())
            except ValueError:
                raise WeightsError.said("cli.weights.month", spec=spec, head=head.strip()) from None
            if month < 1:
                raise WeightsError.said("cli.weights.month_zero", spec=spec, month=month)
            text = rest
        if month in steps:
            raise WeightsError.said("cli.weights.month_twice", spec=spec, month=month)
        pairs: list[tuple[str, float]] = []
        for part in text.split(","):
            part = part.strip()
            if not part:
                continue
            name, eq, value = part.partition("=")
            name = name.strip()
            if name not in WEIGHT_NAMES:
                raise WeightsError.said("cli.weights.name", spec=spec, name=name, names=", ".join(WEIGHT_NAMES))
            if not eq:
                raise WeightsError.said("cli.weights.no_weight", spec=spec, part=part, name=name)
            try:
                weight = float(value)
            except ValueError:
                raise WeightsError.said("cli.weights.not_number", spec=spec, value=value.strip(), name=name) from None
            if weight != weight or weight in (float("inf"), float("-inf")):
                raise WeightsError.said("cli.weights.not_finite", spec=spec, value=value.strip())
            if any(known == name for known, _ in pairs):
                raise WeightsError.said("cli.weights.name_twice", spec=spec, name=name)
            pairs.append((name, weight))
        if not pairs:
            raise WeightsError.said("cli.weights.empty", spec=repr(spec))
        steps[month] = tuple(pairs)
    if not steps:
        raise WeightsError.said("cli.weights.none")
    return Weights(tuple(sorted(steps.items())))


class WeightsError(PartenairesError):
    """A `--weights` spec a person wrote wrongly; the message says what is expected."""


def weighted(weights: Weights) -> Picker:
    """Greedy on the weighted sum of a choice's immediate effects, with the weights of the game's month."""

    def pick(engine: Engine, session: Session, view: SceneView, rng: random.Random) -> ChoiceView:
        month = session.turn + 1
        return _best(engine, session, view, rng, lambda effects: weights.score(effects, session, month))

    return pick


def weights_strategy(specs: list[str]) -> str:
    """The strategy name of a weighted strategy: its canonical spec, which every worker can parse again."""
    return WEIGHTS_PREFIX + parse_weights(specs).spec()


# Built-in weighted strategies. `balanced` is the trainee who nurtures the collective first, then
# works the organisations (hierarchies and colleagues) while keeping the collective alive.
BUILTIN_WEIGHTS: dict[str, str] = {
    "balanced": "1:sens=1,identite=1,engagement=0.2,invention=8 "
    "4:sens=0.6,identite=0.6,engagement=0.1,awareness=0.3,support=0.3,diffusion=1,invention=8",
}

PICKERS: dict[str, Picker] = {
    "random": pick_random,
    **{name: _greedy(s) for name, s in SCORES.items()},
    **{name: weighted(parse_weights(spec.split())) for name, spec in BUILTIN_WEIGHTS.items()},
}
STRATEGIES: tuple[str, ...] = tuple(PICKERS)


_WEIGHTED: dict[str, Picker] = {}


def picker(strategy: str) -> Picker:
    """The picker of a strategy name: a built-in one, or `weights …` as `weights_strategy` names it."""
    found = PICKERS.get(strategy) or _WEIGHTED.get(strategy)
    if found is not None:
        return found
    if strategy.startswith(WEIGHTS_PREFIX):
        found = _WEIGHTED[strategy] = weighted(parse_weights(strategy[len(WEIGHTS_PREFIX) :].split()))
        return found
    raise WeightsError.said("cli.explore.unknown_strategy", strategy=strategy, strategies=", ".join(STRATEGIES))


# -- one game, and the figures of many ------------------------------------------------------------------
@dataclass
class Stats:
    """What many games of one strategy did; plain counters, so workers' results merge by addition."""

    games: int = 0
    decisions: int = 0
    endings: Counter[str] = field(default_factory=Counter)
    scenes: Counter[str] = field(default_factory=Counter)  # games that visited the scene
    offered: Counter[tuple[str, int]] = field(default_factory=Counter)  # (scene, choice index) → times offered
    taken: Counter[tuple[str, int]] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    idle_games: int = 0  # games that passed at least one month with no scene to play
    idle_months: Counter[str] = field(default_factory=Counter)  # phase → months it had no scene to offer
    arrival: dict[tuple[str, str], Counter[int]] = field(default_factory=dict)  # (scene, gauge) → value counts
    stuck: int = 0

    def merge(self, other: Stats) -> None:
        self.games += other.games
        self.decisions += other.decisions
        self.stuck += other.stuck
        self.idle_games += other.idle_games
        for mine, theirs in (
            (self.endings, other.endings),
            (self.idle_months, other.idle_months),
            (self.scenes, other.scenes),
            (self.offered, other.offered),
            (self.taken, other.taken),
            (self.events, other.events),
        ):
            mine.update(theirs)  # type: ignore[arg-type]
        for key, counts in other.arrival.items():
            self.arrival.setdefault(key, Counter()).update(counts)


def _arrive(stats: Stats, session: Session) -> None:
    for gauge in GAUGES:
        key = (session.scene, gauge)
        counts = stats.arrival.get(key)
        if counts is None:
            counts = stats.arrival[key] = Counter()
        counts[session.gauges[gauge]] += 1


def play_one(engine: Engine, strategy: str, seed: int, stats: Stats) -> str | None:
    """Play one game to its end and add it to `stats`; the ending id, or None when stuck in a loop."""
    pick = picker(strategy)
    rng = random.Random(f"{strategy}:{seed}")
    session = engine.new_session(seed)
    visited = {session.scene}
    _arrive(stats, session)
    decisions = idle = 0
    while not session.finished and decisions < MAX_DECISIONS:
        view = engine.view(session)
        for option in view.choices:
            stats.offered[(view.id, option.index)] += 1
        option = pick(engine, session, view, rng)
        stats.taken[(view.id, option.index)] += 1
        outcome = engine.choose(session, option.index)
        decisions += 1
        for hit in outcome.events:
            stats.events[hit.id] += 1
        if outcome.idle:
            idle += outcome.idle
            stats.idle_months[outcome.idle_phase] += outcome.idle
        if not session.finished:
            visited.add(session.scene)
            _arrive(stats, session)
    stats.games += 1
    stats.decisions += decisions
    stats.idle_games += idle > 0
    stats.scenes.update(visited)
    if not session.finished:
        engine.release(session)
        stats.stuck += 1
        return None
    stats.endings[session.ending or ""] += 1
    return session.ending


def play_games(engine: Engine, strategy: str, seeds: Iterable[int]) -> Stats:
    stats = Stats()
    for seed in seeds:
        play_one(engine, strategy, seed, stats)
    return stats


# -- workers -----------------------------------------------------------------------------------------------
_WORKER_ENGINE: Engine | None = None


def _worker_init(path: str) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = Engine(load(path))


def _worker_play(strategy: str, first: int, count: int) -> tuple[str, Stats]:
    assert _WORKER_ENGINE is not None
    return strategy, play_games(_WORKER_ENGINE, strategy, range(first, first + count))


class Progress:
    """A one-line progress bar on a terminal (stderr); silent when the stream is not a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, label: str = "games", force: bool = False) -> None:
        self.total = max(1, total)
        self.done = 0
        # The bar is the game's own text, redrawn with a carriage return: it goes to the terminal itself,
        # not through the command line's `printable` filter (which shows a `\r` from a file as `\x0d`).
        self.stream = stream if stream is not None else getattr(sys.stderr, "inner", sys.stderr)
        self.label = label
        self.enabled = force or bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown = -1

    def advance(self, step: int) -> None:
        self.done += step
        if not self.enabled:
            return
        percent = int(100 * self.done / self.total)
        if percent == self._shown:
            return
        self._shown = percent
        filled = percent * 30 // 100
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {percent:3d}% {self.done}/{self.total} {self.label}"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def _chunks(runs: int, seed: int, jobs: int) -> list[tuple[int, int]]:
    size = max(10, min(250, runs // max(1, jobs * 6)))
    return [(seed + start, min(size, runs - start)) for start in range(0, runs, size)]


def run_strategies(
    book: Book, strategies: list[str], runs: int, seed: int, jobs: int, progress: Progress | None = None
) -> dict[str, Stats]:
    """N games per strategy; seeds seed…seed+N-1, the same for every strategy, so they meet the same luck."""
    results = {name: Stats() for name in strategies}
    tasks = [(name, first, count) for name in strategies for first, count in _chunks(runs, seed, jobs)]
    if jobs <= 1 or book.path is None or len(tasks) == 1:
        engine = Engine(book)
        for name, first, count in tasks:
            results[name].merge(play_games(engine, name, range(first, first + count)))
            if progress:
                progress.advance(count)
        return results
    # fork starts fastest; spawn where fork is missing (Windows) or unsafe (the caller runs threads)
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_init, initargs=(str(book.path),)
    ) as pool:
        futures = {pool.submit(_worker_play, *task): task for task in tasks}
        for future in as_completed(futures):
            name, stats = future.result()
            results[name].merge(stats)
            if progress:
                progress.advance(futures[future][2])
    return results


# -- the report -------------------------------------------------------------------------------------------
def quartiles(counts: Counter[int]) -> list[int]:
    """min, first quartile, median, third quartile, max of values given as value → count."""
    total = sum(counts.values())
    if total == 0:
        return []
    values = sorted(counts)
    marks = [0, total * 0.25, total * 0.5, total * 0.75, total - 1]
    found: list[int] = []
    for mark in marks:
        seen = 0
        for value in values:
            seen += counts[value]
            if seen > mark:
                found.append(value)
                break
    return found


def best_ending(book: Book) -> str | None:
    """The "winning" ending that the dominant-strategy warning is about.

    The paper's success is an invention that became an innovation inside the organisations, so the
    rule is: the first ending checked when the funding ends (`at: end`) whose condition reads
    `innovations` or `innovated(…)`; failing that, the first `at: end` ending in file order. Endings
    at `any` are interruptions (the collective broke up…) and never count as a win. `explore --best`
    names another one.
    """
    finals = [(i, e) for i, e in enumerate(book.model.endings) if e.at == "end"]
    for index, ending in finals:
        condition = book.cond("endings", index, "when")
        if condition is not None and _reads_innovation(condition.tree):
            return ending.id
    return finals[0][1].id if finals else None


def _reads_innovation(node: Any) -> bool:
    from game.scenario.conditions import Call, Name

    if isinstance(node, Name):
        return node.name == "innovations"
    if isinstance(node, Call):
        return node.func == "innovated"
    return any(
        _reads_innovation(getattr(node, part))
        for part in ("left", "right", "operand")
        if getattr(node, part, None) is not None
    )


@dataclass(frozen=True)
class Warning_:
    code: str
    message: str
    where: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "where": self.where}


@dataclass
class Report:
    book: Book
    runs: int
    seed: int
    results: dict[str, Stats]
    warnings: list[Warning_] = field(default_factory=list)
    best: str | None = None

    def where(self, *path: str | int) -> str:
        return str(self.book.source.location(tuple(path)))

    def share(self, strategy: str, ending: str) -> float:
        stats = self.results[strategy]
        return stats.endings[ending] / stats.games if stats.games else 0.0

    def total(self) -> Stats:
        whole = Stats()
        for stats in self.results.values():
            whole.merge(stats)
        return whole

    def unvisited_scenes(self) -> list[tuple[str, str]]:
        whole = self.total()
        return [
            (s.id, self.where("scenes", i, "id"))
            for i, s in enumerate(self.book.model.scenes)
            if not whole.scenes[s.id]
        ]

    def choices(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Choices never offered, and choices offered but never taken (with where they are written)."""
        whole = self.total()
        never_offered: list[dict[str, Any]] = []
        never_taken: list[dict[str, Any]] = []
        for i, scene in enumerate(self.book.model.scenes):
            if not whole.scenes[scene.id]:
                continue  # the whole scene is already reported
            for j, choice in enumerate(scene.choices):
                item = {
                    "scene": scene.id,
                    "choice": choice_label(choice, j),
                    "where": self.where("scenes", i, "choices", j),
                }
                if not whole.offered[(scene.id, j)]:
                    never_offered.append(item)
                elif not whole.taken[(scene.id, j)]:
                    never_taken.append(item)
        return never_offered, never_taken

    def arrivals(self) -> dict[str, dict[str, list[int]]]:
        whole = self.total()
        table: dict[str, dict[str, list[int]]] = {}
        for scene in self.book.model.scenes:
            if whole.scenes[scene.id]:
                table[scene.id] = {g: quartiles(whole.arrival.get((scene.id, g), Counter())) for g in GAUGES}
        return table

    def to_dict(self) -> dict[str, Any]:
        never_offered, never_taken = self.choices()
        return {
            "scenario": self.book.model.id,
            "file": str(self.book.path or self.book.source.file),
            "runs": self.runs,
            "seed": self.seed,
            "best_ending": self.best,
            "strategies": {
                name: {
                    "games": s.games,
                    "decisions": s.decisions,
                    "stuck": s.stuck,
                    "idle_games": s.idle_games,
                    "idle_months": dict(sorted(s.idle_months.items())),
                    "endings": {e.id: s.endings[e.id] for e in self.book.model.endings},
                    "shares": {e.id: round(self.share(name, e.id), 4) for e in self.book.model.endings},
                }
                for name, s in self.results.items()
            },
            "scenes_never_visited": [{"scene": s, "where": w} for s, w in self.unvisited_scenes()],
            "choices_never_offered": never_offered,
            "choices_never_taken": never_taken,
            "arrival": self.arrivals(),
            "warnings": [w.to_dict() for w in self.warnings],
        }


def choice_label(choice: Choice, index: int) -> str:
    return f"{index + 1}" + (f" ({choice.id})" if choice.id else "")


def find_warnings(report: Report, limits: Thresholds | None = None) -> list[Warning_]:
    """The imbalances a trainer should fix before a class plays, at the shares `limits` states."""
    limits = limits or Thresholds()
    rare, dominant = limits.rare, limits.dominant
    book, results = report.book, report.results
    found: list[Warning_] = []
    for i, ending in enumerate(book.model.endings):
        shares = [report.share(name, ending.id) for name in results]
        where = report.where("endings", i, "id")
        if max(shares, default=0.0) == 0.0:
            found.append(Warning_("X101", f"ending `{ending.id}` was never reached, whatever the strategy", where))
        elif max(shares) < rare:
            found.append(
                Warning_(
                    "X102",
                    f"ending `{ending.id}` is almost never reached (at best "
                    f"{max(shares):.1%} of a strategy's games, expected at least {rare:.0%})",
                    where,
                )
            )
    if "random" in results and results["random"].games:
        for i, ending in enumerate(book.model.endings):
            share = report.share("random", ending.id)
            expected = book.model.balance.get(ending.id)
            if expected is not None:
                low, high = expected
                if not low <= share <= high:
                    found.append(
                        Warning_(
                            "X106",
                            f"ending `{ending.id}` takes {share:.0%} of random games, outside the "
                            f"{low:.0%}–{high:.0%} the scenario's `balance` expects",
                            report.where("balance", ending.id),
                        )
                    )
                continue  # the scenario says what share it means this ending to have
            if share > dominant:
                found.append(
                    Warning_(
                        "X103",
                        f"ending `{ending.id}` takes {share:.0%} of random games "
                        f"(expected at most {dominant:.0%}): choices hardly matter",
                        report.where("endings", i, "id"),
                    )
                )
    best = report.best
    if best is not None and len(results) > 1:
        index = next(i for i, e in enumerate(book.model.endings) if e.id == best)
        wins = sorted(((report.share(name, best), name) for name in results), reverse=True)
        (top, leader), (second, _) = wins[0], wins[1]
        if top - second >= LEAD and top >= LEAD_RATIO * second:
            found.append(
                Warning_(
                    "X104",
                    f"strategy `{leader}` wins (ending `{best}`) in {top:.0%} of its games, "
                    f"far more than any other (next best {second:.0%}): a dominant strategy",
                    report.where("endings", index, "id"),
                )
            )
    found.extend(_per_strategy(report, limits.most, limits.least))
    found.extend(_idle_months(report, limits.idle))
    stuck = sum(s.stuck for s in results.values())
    if stuck:
        found.append(
            Warning_(
                "X105",
                f"{stuck} game(s) went on for {MAX_DECISIONS} decisions without an ending: "
                "a loop of choices that cost no time",
            )
        )
    return found


def _per_strategy(report: Report, most: float, least: float) -> list[Warning_]:
    """X107 and X108: an ending that takes more than `most`, or less than `least`, of one strategy's games.

    Off by default (1.0 and 0.0): each pure strategy is meant to lead to the ending that resembles it
    (all on pouvoir: the soulless procedure; docs/authoring.md), so an ending taking all of a strategy's
    games is no fault in itself. A trainer asks for them about the strategies that matter to the scenario
    (`--strategy balanced --strategy-max 90`: a competent player does not always get the same ending).
    Random play is left to X102, X103 and X106; a share within the ending's `balance:` range is what the
    scenario says it means, and is not reported.
    """
    found: list[Warning_] = []
    for i, ending in enumerate(report.book.model.endings):
        low, high = report.book.model.balance.get(ending.id, (1.0, 0.0))  # (no range: nothing is meant)
        for name, stats in report.results.items():
            if name == "random" or not stats.games:
                continue
            share = report.share(name, ending.id)
            if share > most and share > high:
                message = (
                    f"ending `{ending.id}` takes {share:.0%} of strategy `{name}`'s games (expected at most "
                    f"{most:.0%}): this way of playing always ends the same"
                )
                found.append(Warning_("X107", message, report.where("endings", i, "id")))
            elif share < least and share < low:
                message = (
                    f"ending `{ending.id}` takes only {share:.0%} of strategy `{name}`'s games (expected at "
                    f"least {least:.0%}): this way of playing hardly ever gets there"
                )
                found.append(Warning_("X108", message, report.where("endings", i, "id")))
    return found


def _idle_months(report: Report, most: float) -> list[Warning_]:
    """X109: games that pass months on « no scene to play » because the phase has nothing left to offer.

    The months still pass (the funding runs whether the collective meets or not), but the player watches
    the clock and cannot act: a phase whose scenes are all spent or closed by conditions that fail together,
    which `check` sees only in the simple cases (W205). Reported once, for the strategy it strikes most, at
    the phase where it happens most.
    """
    worst = max(((s.idle_games / s.games, name) for name, s in report.results.items() if s.games), default=(0.0, ""))
    share, name = worst
    if share <= most:
        return []
    stats = report.results[name]
    phase = stats.idle_months.most_common(1)[0][0] if stats.idle_months else ""
    index = next((i for i, p in enumerate(report.book.model.phases) if p.id == phase), None)
    where = report.where("phases", index, "id") if index is not None else report.where("phases")
    message = (
        f"{share:.0%} of strategy `{name}`'s games pass months with no scene to play (most of them in phase "
        f"`{phase}`, expected at most {most:.0%} of games): the player can only watch the clock"
    )
    return [Warning_("X109", message, where)]


def explore(
    book: Book,
    strategies: list[str],
    runs: int = 200,
    seed: int = 1,
    jobs: int = 2,
    progress: Progress | None = None,
    best: str | None = None,
    limits: Thresholds | None = None,
) -> Report:
    results = run_strategies(book, strategies, runs, seed, jobs, progress)
    report = Report(book, runs, seed, results, best=best or best_ending(book))
    report.warnings = find_warnings(report, limits)
    return report


# -- text output --------------------------------------------------------------------------------------------
def _percent(share: float, lang: str) -> str:
    """`95%` in English, `95 %` in French (the language's decimal mark and spacing, as in its diagnostics)."""
    text = f"{share:.0%}"
    return text if lang == "en" else text.replace("%", "\u00a0%")


def format_report(report: Report, lang: str = "en") -> str:
    """The report a trainer reads, in their language (`--json` keeps English keys and sentences)."""
    book = report.book
    lines = [
        t(
            "explore.head",
            lang,
            file=report.book.path or book.source.file,
            runs=report.runs,
            first=report.seed,
            last=report.seed + report.runs - 1,
        )
    ]
    endings = [e.id for e in book.model.endings]
    strategy = t("explore.strategy", lang)
    width = max(len(e) for e in endings + [strategy]) + 2
    lines.append("")
    lines.append(t("explore.endings", lang, best=report.best))
    names = max([len(name) + 1 for name in report.results] + [11])
    lines.append("  " + strategy.ljust(names) + "".join(e.rjust(width) for e in endings))
    for name in report.results:
        row = "".join(_percent(report.share(name, e), lang).rjust(width) for e in endings)
        lines.append("  " + name.ljust(names) + row)
    unvisited = report.unvisited_scenes()
    lines.append("")
    lines.append(t("explore.unvisited" if unvisited else "explore.unvisited_none", lang))
    lines.extend("  " + t("explore.scene", lang, where=where, scene=scene) for scene, where in unvisited)
    never_offered, never_taken = report.choices()
    lines.append(t("explore.never_offered" if never_offered else "explore.never_offered_none", lang))
    lines.extend("  " + t("explore.choice", lang, **c) for c in never_offered)
    lines.append(t("explore.never_taken" if never_taken else "explore.never_taken_none", lang))
    lines.extend("  " + t("explore.choice", lang, **c) for c in never_taken)
    lines.append("")
    lines.append(t("explore.arrival", lang))
    for scene, table in report.arrivals().items():
        parts = [f"{g} {'/'.join(str(v) for v in values)}" for g, values in table.items() if values]
        lines.append(f"  {scene}: " + " · ".join(parts))
    lines.append("")
    if report.warnings:
        colon = language(lang).colon
        lines.append(t("explore.warnings", lang, n=len(report.warnings)))
        for warning in report.warnings:
            head = f"{t('diag.warning', lang)} {warning.code}{colon} {sentence(warning.code, warning.message, lang)}"
            lines.append(f"  {warning.where + ': ' if warning.where else ''}{head}")
            lines.append(f"    {t('diag.fix', lang)}{colon} " + t(f"fix.{warning.code}", lang))
    else:
        lines.append(t("explore.no_warning", lang))
    return "\n".join(lines)
