"""The over-approximation behind `check --deep`'s unreachability proofs.

Every value the real game can take is covered: a game's state is abstracted, per (phase, scene, month), into
an *interval* for each level (gauges, engagement, awareness, support, diffusion) and for each yes/no fact
(who is still there, what was invented, flags, scenes seen, events fired: 0…1 means "maybe"). Each step of
the engine (`Engine.choose`: the effects, the months' costs, the cohésion settling, the endings, the phase
moves, the outside events, the draw, the idle months) is replayed on these intervals with the engine's own
arithmetic (`game.rules.scoring`), taking the image of every value an interval holds; every random draw and
every event is taken both ways. Conditions are evaluated in three values (true, false, maybe) on the same
intervals. States met at the same (phase, scene, month) are joined (the hull of their intervals), and a place
updated again and again is *widened* (a bound that keeps moving goes to its extreme), so the search always
ends. What this search never reaches, no real game reaches: that is the proof the deep check gives for an
ending or a scene it calls unreachable.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from game.rules.engine import Engine
from game.rules.scoring import capped, diminished, inscription_gain, leaver_share, paced, shielded
from game.rules.session import EffectPlan, plan_of
from game.scenario import conditions as cond
from game.scenario.loading import Book
from game.vocabulary.effects import LEVEL_KINDS
from game.vocabulary.gauges import GAUGES

__all__ = ["AbstractResult", "Interval", "AState", "abstract_search", "covers", "WIDEN_AFTER", "IDLE", "MAX_STEPS"]

Interval = tuple[float, float]
AState = dict[str, Interval]
Place = tuple[str, str, int]  # phase, scene, turn
TRUE: Interval = (1, 1)
FALSE: Interval = (0, 0)
MAYBE: Interval = (0, 1)
WIDEN_AFTER = 12  # joins at one place before its moving bounds are widened
IDLE = "⟳idle"  # the place of a month passing with no scene to play (not a scene of the scenario)
MAX_STEPS = 200_000  # places processed at most; beyond, the over-approximation proves nothing
_TABLES = ("gauge", *(kind.id for kind in LEVEL_KINDS))
_RULE_FREE, _RULE_DIMINISHING, _RULE_CAPPED = range(3)


def hull(a: Interval, b: Interval) -> Interval:
    return (a[0] if a[0] < b[0] else b[0], a[1] if a[1] > b[1] else b[1])


def join(a: AState, b: AState) -> AState:
    """The hull of two states (both carry every key: the start state names them all)."""
    out = dict(a)
    for key, value in b.items():
        mine = out[key]
        if mine is not value and mine != value:
            out[key] = (
                mine[0] if mine[0] < value[0] else value[0],
                mine[1] if mine[1] > value[1] else value[1],
            )
    return out


def widened_join(old: AState, new: AState) -> AState | None:
    """The join of `new` into `old`, or None when `old` already holds it (the common case, so no copy)."""
    for key, value in new.items():
        mine = old[key]
        if mine is value or (mine[0] <= value[0] and value[1] <= mine[1]):
            continue
        return join(old, new)
    return None


def _maybe_true(v: Interval) -> bool:
    return v[1] > 0


def _surely_true(v: Interval) -> bool:
    return v[0] > 0


# -- conditions in three values ------------------------------------------------------------------------------
class _Abstract:
    """Evaluates a condition tree on an abstract state: numbers become intervals, truth becomes 0…1."""

    def __init__(self, engine: Engine) -> None:
        model = engine.book.model
        self.turns = model.clock.turns
        self.threshold = model.rules.innovation_threshold
        self.inventions = [i.id for i in model.inventions]
        self.organisations = [o.id for o in model.organisations]
        self.partners = [p.id for p in model.partners]

    def innovated(self, st: AState, invention: str) -> Interval:
        low = high = 0
        for org in self.organisations:
            lo, hi = st[f"diffusion:{invention}:{org}"]
            low += lo >= self.threshold
            high += hi >= self.threshold
        return (low, high)

    def variable(self, name: str, st: AState, place: Place) -> Interval:
        if name in GAUGES:
            return st[f"gauge:{name}"]
        if name == "turn":
            return (place[2], place[2])
        if name == "turns_left":
            left = max(0, self.turns - place[2])
            return (left, left)
        if name == "inventions":
            return _sum(st[f"invented:{i}"] for i in self.inventions)
        if name == "innovations":
            return _sum(_min1(self.innovated(st, i)) for i in self.inventions)
        if name == "present":
            return _sum(st[f"active:{p}"] for p in self.partners)
        raise KeyError(name)

    def call(self, func: str, args: tuple[str, ...], st: AState, place: Place) -> Interval:
        first = args[0]
        if func == "engagement":
            level, active = st[f"engagement:{first}"], st[f"active:{first}"]
            if active == TRUE:
                return level
            return (0, 0) if active == FALSE else hull(level, (0, 0))
        if func in ("awareness", "support", "active", "invented"):
            return st[f"{func}:{first}"]
        if func == "diffusion":
            return st[f"diffusion:{first}:{args[1]}"]
        if func == "innovated":
            return self.innovated(st, first)
        if func == "flag":
            return st.get(f"flag:{first}", FALSE)
        if func == "seen":
            return st.get(f"seen:{first}", FALSE)
        if func == "phase":
            return TRUE if place[0] == first else FALSE
        raise KeyError(func)

    def value(self, node: cond.Node, st: AState, place: Place) -> Interval:
        if isinstance(node, cond.Number):
            return (node.value, node.value)
        if isinstance(node, cond.Name):
            name = cond.ALIASES.get(node.name, node.name)
            if name in ("true", "false"):
                return TRUE if name == "true" else FALSE
            return self.variable(name, st, place)
        if isinstance(node, cond.Call):
            return self.call(node.func, node.args, st, place)
        if isinstance(node, cond.Unary):
            inner = self.value(node.operand, st, place)
            if node.op == "not":
                return (1 - inner[1], 1 - inner[0])
            return (-inner[1], -inner[0])
        if isinstance(node, cond.Compare):
            return _compare(node.op, self.value(node.left, st, place), self.value(node.right, st, place))
        assert isinstance(node, cond.Binary)
        left = self.value(node.left, st, place)
        if node.op == "and":
            return FALSE if left == FALSE else _and(left, self.value(node.right, st, place))
        if node.op == "or":
            return TRUE if left == TRUE else _or(left, self.value(node.right, st, place))
        right = self.value(node.right, st, place)
        return _arith(node.op, left, right)

    def holds(self, condition: cond.Condition | None, st: AState, place: Place) -> Interval:
        """TRUE, FALSE or MAYBE (no condition: TRUE)."""
        if condition is None:
            return TRUE
        v = self.value(condition.tree, st, place)
        return (1 if v[0] > 0 else 0, 1 if v[1] > 0 else 0)


def _sum(values: Iterable[Interval]) -> Interval:
    low = high = 0.0
    for lo, hi in values:
        low += lo
        high += hi
    return (low, high)


def _min1(v: Interval) -> Interval:
    return (min(1, v[0]), min(1, v[1]))


def _truth(v: Interval) -> Interval:
    """A value read as true/false: 0 is false, anything else true."""
    lo, hi = v
    if lo == hi == 0:
        return FALSE
    if lo > 0 or hi < 0:
        return TRUE
    return MAYBE


def _and(a: Interval, b: Interval) -> Interval:
    a, b = _truth(a), _truth(b)
    return (min(a[0], b[0]), min(a[1], b[1]))


def _or(a: Interval, b: Interval) -> Interval:
    a, b = _truth(a), _truth(b)
    return (max(a[0], b[0]), max(a[1], b[1]))


def _compare(op: str, a: Interval, b: Interval) -> Interval:
    (al, ah), (bl, bh) = a, b
    if op == "<":
        return TRUE if ah < bl else FALSE if al >= bh else MAYBE
    if op == "<=":
        return TRUE if ah <= bl else FALSE if al > bh else MAYBE
    if op == ">":
        return TRUE if al > bh else FALSE if ah <= bl else MAYBE
    if op == ">=":
        return TRUE if al >= bh else FALSE if ah < bl else MAYBE
    if op == "==":
        return TRUE if al == ah == bl == bh else FALSE if ah < bl or bh < al else MAYBE
    return FALSE if al == ah == bl == bh else TRUE if ah < bl or bh < al else MAYBE


def _arith(op: str, a: Interval, b: Interval) -> Interval:
    (al, ah), (bl, bh) = a, b
    if op == "+":
        return (al + bl, ah + bh)
    if op == "-":
        return (al - bh, ah - bl)
    if op == "*":
        products = (al * bl, al * bh, ah * bl, ah * bh)
        return (min(products), max(products))
    # division: `left / right if right else 0`
    if bl <= 0 <= bh:
        if bl == bh == 0:
            return (0, 0)
        return (float("-inf"), float("inf"))
    quotients = (al / bl, al / bh, ah / bl, ah / bh)
    return (min(quotients), max(quotients))


# -- the engine's arithmetic on intervals ----------------------------------------------------------------------
def _ints(v: Interval) -> range:
    return range(int(v[0]), int(v[1]) + 1)


def _image(f: Callable[[int], int], v: Interval) -> Interval:
    """The smallest interval holding f(x) for every whole x in v (levels are whole numbers 0–100)."""
    values = [f(x) for x in _ints(v)]
    return (min(values), max(values))


def _clamp(x: int) -> int:
    return 0 if x < 0 else 100 if x > 100 else x


@lru_cache(maxsize=200_000)
def _level_image(before: Interval, delta: int, rule: int, start: int, cap: int) -> Interval:
    def f(level: int) -> int:
        d = diminished(delta, level, start) if rule == _RULE_DIMINISHING and delta > 0 else delta
        after = level + d
        if rule == _RULE_CAPPED:
            after = capped(level, after, cap)
        return _clamp(after)

    return _image(f, before)


def _deltas(delta: int, pouvoir: Interval) -> set[int]:
    """The extreme deltas an outside change can have within the pouvoir interval: the shield is monotone in
    pouvoir, and every level's image is monotone in the delta, so the two ends bound every case between."""
    return {shielded(delta, int(pouvoir[0])), shielded(delta, int(pouvoir[1]))}


@dataclass
class AbstractResult:
    """What the over-approximation reached: an ending or a scene absent from it is unreachable."""

    endings: set[str] = field(default_factory=set)
    scenes: set[str] = field(default_factory=set)
    places: dict[Place, AState] = field(default_factory=dict)
    steps: int = 0
    complete: bool = True  # False: the step budget ran out; then nothing absent from it is proven unreachable


class _Machine:
    """`Engine.choose` and what follows it, on abstract states."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.book = book = engine.book
        self.model = model = book.model
        self.tuning = engine.tuning
        self.turns = model.clock.turns
        self.eval = _Abstract(engine)
        self.inertia = model.rules.cohesion_inertia
        self.weights = engine.weights
        self.organisations = [o.id for o in model.organisations]
        self.org_of = {p.id: p.organisation for p in model.partners}
        self.partners = [p.id for p in model.partners]
        self.scene_cond = {s.id: book.cond("scenes", i, "when") for i, s in enumerate(model.scenes)}
        self.choice_cond = {
            s.id: [book.cond("scenes", i, "choices", j, "when") for j in range(len(s.choices))]
            for i, s in enumerate(model.scenes)
        }
        self.plans = {s.id: [plan_of(c.effects) for c in s.choices] for s in model.scenes}
        self.ending_cond = [book.cond("endings", i, "when") for i in range(len(model.endings))]
        self.transitions = {
            p.id: [(t.to, book.cond("phases", i, "next", j, "when")) for j, t in enumerate(p.next)]
            for i, p in enumerate(model.phases)
        }
        self.phase_start = {p.id: p.start for p in model.phases}
        self.events = {
            p.id: [
                (e, book.cond("events", k, "when"), plan_of(e.effects))
                for k, e in enumerate(model.events)
                if not e.phases or p.id in e.phases
            ]
            for p in model.phases
        }
        self.drawable = {p.id: [s for s in model.scenes if s.phase == p.id and s.draw] for p in model.phases}

    # -- the start ---------------------------------------------------------------------------------------
    def start_state(self) -> AState:
        m = self.model
        st: AState = {f"gauge:{g}": (getattr(m.gauges, g), getattr(m.gauges, g)) for g in GAUGES}
        for p in m.partners:
            st[f"engagement:{p.id}"] = (p.engagement, p.engagement)
            st[f"active:{p.id}"] = TRUE
        for o in m.organisations:
            st[f"awareness:{o.id}"] = (o.hierarchy.awareness, o.hierarchy.awareness)
            st[f"support:{o.id}"] = (o.hierarchy.support, o.hierarchy.support)
        for i in m.inventions:
            st[f"invented:{i.id}"] = FALSE
            for o in m.organisations:
                st[f"diffusion:{i.id}:{o.id}"] = (0, 0)
        for s in m.scenes:
            st[f"seen:{s.id}"] = FALSE
        for e in m.events:
            st[f"fired:{e.id}"] = FALSE
            st.update({f"flag:{flag}": FALSE for flag in e.effects.flags})
        for s in m.scenes:
            for c in s.choices:
                st.update({f"flag:{flag}": FALSE for flag in c.effects.flags})
        return st

    def roots(self) -> Iterator[tuple[Place, AState]]:
        st = self.start_state()
        phase = self.model.phases[0].id
        first = self.model.start or self.model.phases[0].start
        scenes = [first] if first else [s for s, _ in self.draw(phase, 0, st)]  # (no scene: the engine refuses)
        for scene in scenes:
            if scene is not None:
                yield (phase, scene, 0), {**st, f"seen:{scene}": TRUE}

    # -- one decision ----------------------------------------------------------------------------------------
    def offered(self, place: Place, st: AState) -> list[int]:
        """Choices that may be offered; -1 (the idle month) when every choice may be unavailable."""
        tests = [self.eval.holds(c, st, place) for c in self.choice_cond[place[1]]]
        indices = [i for i, v in enumerate(tests) if _maybe_true(v)]
        if not any(_surely_true(v) for v in tests):
            indices.append(-1)
        return indices

    def choose(self, place: Place, st: AState, index: int) -> Iterator[tuple[str, Place | None, AState]]:
        """Every (ending, None, state) or ("", next place, state) the decision can lead to."""
        phase, scene_id, turn = place
        scene = self.engine.scenes[scene_id]
        if index == -1:
            cost, fixed, plan = 1, scene.next, None
        else:
            choice = scene.choices[index]
            cost, fixed, plan = choice.cost, choice.next or scene.next, self.plans[scene_id][index]
        if plan is not None:
            st = self.apply(st, plan, external=False)
        after = min(turn + cost, self.turns)
        st = self.months(st, after - turn)
        st = self.settle(st)
        place = (phase, scene_id, after)
        yield from self.after(place, st, cost, fixed)

    def after(
        self, place: Place, st: AState, cost: int, fixed: str | None
    ) -> Iterator[tuple[str, Place | None, AState]]:
        endings, st_go = self.any_endings(place, st)
        yield from endings
        if st_go is None:
            return
        if place[2] >= self.turns:
            yield from self.end(place, st_go)
            return
        for moved, st_moved in self.advance(place, st_go):
            states = [(moved, st_moved)]
            if cost > 0:
                struck = self.strike(moved, st_moved, cost)
                endings, st_left = self.any_endings(moved, struck)
                yield from endings
                if st_left is None:
                    continue
                states = [(moved, st_left)]
            for where, state in states:
                yield from self.next_scene(where, state, fixed)

    def next_scene(self, place: Place, st: AState, fixed: str | None) -> Iterator[tuple[str, Place | None, AState]]:
        phase, _, turn = place
        if fixed is not None:
            yield "", (phase, fixed, turn), {**st, f"seen:{fixed}": TRUE}
            return
        start = self.phase_start[phase]
        seen_start = st.get(f"seen:{start}", FALSE) if start else TRUE
        if start is not None and seen_start != TRUE:
            yield "", (phase, start, turn), {**st, f"seen:{start}": TRUE}
            if seen_start == FALSE:
                return
        empty = False
        for scene, may_be_empty in self.draw(phase, turn, st):
            if scene is None:
                empty = may_be_empty
            else:
                yield "", (phase, scene, turn), {**st, f"seen:{scene}": TRUE}
        if empty:
            yield "", (phase, IDLE, turn), st  # the idle months go through the fixpoint too (joined, bounded)

    def draw(self, phase: str, turn: int, st: AState) -> Iterator[tuple[str | None, bool]]:
        """Scenes the draw may give; last (None, whether the pool may be empty)."""
        surely = False
        place = (phase, "", turn)
        for scene in self.drawable.get(phase, ()):
            seen = st.get(f"seen:{scene.id}", FALSE)
            if scene.once and seen == TRUE:
                continue
            v = self.eval.holds(self.scene_cond[scene.id], st, place)
            if _maybe_true(v):
                yield scene.id, False
                if _surely_true(v) and (not scene.once or seen == FALSE):
                    surely = True
        yield None, not surely

    def idle(self, place: Place, st: AState) -> Iterator[tuple[str, Place | None, AState]]:
        """No scene to play: a month passes, then a scene is drawn or the idle month goes on (`Engine._idle`)."""
        phase, scene, turn = place
        turn += 1
        costs_may, costs_surely = self.month_costs_possible(st)
        paid = self.months(st, 1)
        if costs_may:
            settled = self.settle(paid)
            st = settled if costs_surely else join(paid, settled)
        else:
            st = paid
        here = (phase, scene, turn)
        if turn >= self.turns:
            yield from self.end(here, st)
            return
        for moved, st_moved in self.advance(here, st):
            struck = self.strike(moved, st_moved, 1)
            endings, st_left = self.any_endings(moved, struck)
            yield from endings
            if st_left is None:
                continue
            for found, where, state in self.next_scene_or_empty(moved, st_left):
                if found is None:
                    yield "", (where[0], IDLE, where[2]), state
                else:
                    yield "", where, state

    def next_scene_or_empty(self, place: Place, st: AState) -> Iterator[tuple[str | None, Place, AState]]:
        phase, _, turn = place
        start = self.phase_start[phase]
        seen_start = st.get(f"seen:{start}", FALSE) if start else TRUE
        if start is not None and seen_start != TRUE:
            yield "", (phase, start, turn), {**st, f"seen:{start}": TRUE}
            if seen_start == FALSE:
                return
        for scene, may_be_empty in self.draw(phase, turn, st):
            if scene is None:
                if may_be_empty:
                    yield None, place, st
            else:
                yield "", (phase, scene, turn), {**st, f"seen:{scene}": TRUE}

    # -- endings ---------------------------------------------------------------------------------------------
    def _ending_holds(self, index: int, st: AState, place: Place) -> Interval:
        ending = self.model.endings[index]
        v = self.eval.holds(self.ending_cond[index], st, place)
        if ending.at == "break":
            c = st["gauge:cohesion"]
            threshold = self.tuning.break_threshold
            broken = TRUE if c[1] < threshold else FALSE if c[0] >= threshold else MAYBE
            extra = FALSE if self.ending_cond[index] is None else v
            return (max(broken[0], extra[0]), max(broken[1], extra[1]))
        return v

    def any_endings(self, place: Place, st: AState) -> tuple[list[tuple[str, Place | None, AState]], AState | None]:
        found: list[tuple[str, Place | None, AState]] = []
        for index, ending in enumerate(self.model.endings):
            if ending.at not in ("any", "break"):
                continue
            v = self._ending_holds(index, st, place)
            if _maybe_true(v):
                found.append((ending.id, None, st))
            if _surely_true(v):
                return found, None
        return found, st

    def end(self, place: Place, st: AState) -> Iterator[tuple[str, Place | None, AState]]:
        for index, ending in enumerate(self.model.endings):
            v = self._ending_holds(index, st, place)
            if _maybe_true(v):
                yield ending.id, None, st
            if _surely_true(v):
                return

    # -- phases and events -----------------------------------------------------------------------------------
    def advance(self, place: Place, st: AState) -> Iterator[tuple[Place, AState]]:
        phase, scene, turn = place
        for to, condition in self.transitions.get(phase, ()):
            v = self.eval.holds(condition, st, place)
            if _maybe_true(v):
                yield (to, scene, turn), st
            if _surely_true(v):
                return
        yield place, st

    def strike(self, place: Place, st: AState, months: int) -> AState:
        """Each eligible event fires or not (joined): more than the engine allows, never less."""
        for event, condition, plan in self.events.get(place[0], ()):
            if event.probability <= 0:
                continue
            if event.once and st[f"fired:{event.id}"] == TRUE:
                continue
            if not _maybe_true(self.eval.holds(condition, st, place)):
                continue
            hit = self.settle(self.apply(st, plan, external=event.external))
            hit[f"fired:{event.id}"] = TRUE
            st = join(st, hit)
        return st

    # -- effects -------------------------------------------------------------------------------------------
    def apply(self, st: AState, plan: EffectPlan, external: bool) -> AState:
        st = dict(st)
        tuning = self.tuning
        pouvoir = st["gauge:pouvoir"]
        for table, key, delta, _label, shieldable, rule in plan.levels:
            name = f"{_TABLES[table]}:{key}"
            before = st[name]
            deltas = _deltas(delta, pouvoir) if external and shieldable else {delta}
            after = before
            first = True
            for d in deltas:
                image = _level_image(before, d, rule, tuning.diminishing_from, tuning.pouvoir_cap)
                after = image if first else hull(after, image)
                first = False
            if _TABLES[table] == "engagement":
                active = st[f"active:{key}"]
                if active == FALSE:
                    continue
                if active != TRUE:
                    after = hull(after, before)
            st[name] = after
        for flag, value in plan.flags.items():
            st[f"flag:{flag}"] = TRUE if value else FALSE
        for invention in plan.invent:
            invented = st[f"invented:{invention}"]
            if invented == TRUE:
                continue
            p = st["gauge:pouvoir"]
            born, stifled = True, False
            if invention in tuning.emergent:
                born = p[0] < tuning.light_frame
                stifled = p[1] >= tuning.light_frame
            if born:
                st[f"invented:{invention}"] = (invented[0] if stifled else 1, 1)
        for invention, org, delta, _label in plan.diffuse:
            if external:
                fixed = _deltas(delta, pouvoir)
            else:
                fixed = {paced(delta, tuning.pace[org])}
            self._spread(st, invention, org, partial(_constant, fixed))
        for invention, org, delta, _label in plan.inscribe:
            if external:
                self._spread(st, invention, org, partial(_constant, _deltas(delta, pouvoir)))
            else:
                gain = partial(_inscription, delta, tuning.pace[org], tuning.appropriation_needed)
                self._spread(st, invention, org, gain)
        for partner in plan.leave:
            self._leave(st, partner)
        return st

    def _spread(self, st: AState, invention: str, org: str, deltas: Callable[[int], set[int]]) -> None:
        invented = st[f"invented:{invention}"]
        if invented == FALSE:
            return
        name = f"diffusion:{invention}:{org}"
        before = st[name]
        values = [_clamp(level + d) for level in _ints(before) for d in deltas(level)]
        after = (min(values), max(values))
        st[name] = after if invented == TRUE else hull(after, before)

    def _leave(self, st: AState, partner: str) -> None:
        active = st[f"active:{partner}"]
        if active == FALSE:
            return
        st[f"active:{partner}"] = FALSE
        org = self.org_of[partner]
        colleagues = [st[f"active:{p}"] for p in self.partners if p != partner and self.org_of[p] == org]
        if any(c == TRUE for c in colleagues):
            return
        pouvoir = st["gauge:pouvoir"]
        threshold = self.model.rules.innovation_threshold
        loss = self.tuning.leaver_loss
        for invention in self.eval.inventions:
            name = f"diffusion:{invention}:{org}"
            lo, hi = st[name]

            def f(level: float, p: float) -> float:
                if level >= threshold:
                    return level
                share = leaver_share(loss, int(p))
                return round(level * (1 - share))

            st[name] = hull((lo, hi), (f(lo, pouvoir[0]), f(hi, pouvoir[1])))

    # -- months and cohésion --------------------------------------------------------------------------------
    def _procedure(self, st: AState) -> Interval:
        p, s, i = st["gauge:pouvoir"], st["gauge:sens"], st["gauge:identite"]
        margin = self.tuning.procedure_margin
        surely = p[0] > (s[1] + i[1]) / 2 + margin
        maybe = p[1] > (s[0] + i[0]) / 2 + margin
        return TRUE if surely else MAYBE if maybe else FALSE

    def month_costs_possible(self, st: AState) -> tuple[bool, bool]:
        t = self.tuning
        upkeep = t.upkeep and t.upkeep_from < 100
        proc = self._procedure(st) if t.procedure_erosion else FALSE
        may = proc[1] > 0 or bool(upkeep and any(st[f"gauge:{g}"][1] > t.upkeep_from for g in ("sens", "identite")))
        surely = proc[0] > 0 or bool(upkeep and any(st[f"gauge:{g}"][0] > t.upkeep_from for g in ("sens", "identite")))
        return may, surely

    def months(self, st: AState, months: int) -> AState:
        t = self.tuning
        for _ in range(months):
            may, _surely = self.month_costs_possible(st)
            if not may:
                return st
            proc = self._procedure(st) if t.procedure_erosion else FALSE
            st = dict(st)
            for gauge in ("sens", "identite"):
                images = []
                for erode in {proc[0], proc[1]}:

                    def f(level: int, erode: float = erode) -> int:
                        cost = 0
                        if t.upkeep and t.upkeep_from < 100:
                            excess = level - t.upkeep_from
                            if excess > 0:
                                cost -= t.upkeep if t.upkeep < excess else excess
                        if erode:
                            cost -= t.procedure_erosion
                        return max(0, level + cost)

                    images.append(_image(f, st[f"gauge:{gauge}"]))
                st[f"gauge:{gauge}"] = images[0] if len(images) == 1 else hull(images[0], images[1])
        return st

    def settle(self, st: AState) -> AState:
        """Cohésion moves toward its target; monotone in every input, so the ends give the image."""
        actives = [(st[f"active:{p}"], st[f"engagement:{p}"]) for p in self.partners]
        if all(a == TRUE for a, _ in actives):
            n = len(actives)
            mean = (sum(e[0] for _, e in actives) / n, sum(e[1] for _, e in actives) / n) if n else (0.0, 0.0)
        else:
            maybe = [e for a, e in actives if a != FALSE]
            low = min((e[0] for e in maybe), default=0.0)
            high = max((e[1] for e in maybe), default=0.0)
            if not any(a == TRUE for a, _ in actives):
                low = min(low, 0.0)
            mean = (low, high)
        w_s, w_i, w_p, w_e = self.weights
        s, i, p, c = (st[f"gauge:{g}"] for g in ("sens", "identite", "pouvoir", "cohesion"))
        k = self.inertia

        def settled(end: int) -> int:
            """The lowest (end 0) or highest (end 1) cohésion: each input at the end its weight's sign asks for
            (a weight may be negative; the total may be zero)."""
            target = 0.0
            for weight, value in ((w_s, s), (w_i, i), (w_p, p), (w_e, mean)):
                target += weight * value[end if weight >= 0 else 1 - end]
            current = c[end]
            return _clamp(round(current + k * (target - current)))

        out = dict(st)
        out["gauge:cohesion"] = (settled(0), settled(1))
        return out


def _constant(deltas: set[int], level: int) -> set[int]:
    return deltas


def _inscription(delta: int, pace: float, needed: int, level: int) -> set[int]:
    """A note de service's gain at this level of appropriation, at the organisation's pace (`Session.apply_plan`)."""
    return {paced(inscription_gain(delta, level, needed), pace)}


_TOPS: dict[str, int] = {}


def _top(key: str) -> int:
    top = _TOPS.get(key)
    if top is None:
        top = _TOPS[key] = 1 if key.split(":", 1)[0] in ("active", "invented", "flag", "seen", "fired") else 100
    return top


def _widen(old: AState, new: AState) -> AState:
    """A bound that moved goes to its extreme (0, or the top: 100 for a level, 1 for yes/no)."""
    out = dict(new)
    for key, value in new.items():
        before = old[key]
        if value is before or value == before:
            continue
        lo, hi = value
        out[key] = (0 if lo < before[0] else lo, _top(key) if hi > before[1] else hi)
    return out


def abstract_search(book: Book, engine: Engine | None = None, max_steps: int = MAX_STEPS) -> AbstractResult:
    """The fixpoint over (phase, scene, month): every ending and scene some real game may reach."""
    engine = engine or Engine(book)
    machine = _Machine(engine)
    result = AbstractResult()
    places = result.places
    updates: dict[Place, int] = {}
    queue: deque[Place] = deque()
    queued: set[Place] = set()

    def merge(place: Place, st: AState) -> None:
        old = places.get(place)
        if old is None:
            places[place] = st
        else:
            joined = widened_join(old, st)
            if joined is None:
                return
            updates[place] = updates.get(place, 0) + 1
            places[place] = _widen(old, joined) if updates[place] > WIDEN_AFTER else joined
        if place not in queued:
            queued.add(place)
            queue.append(place)

    for place, st in machine.roots():
        merge(place, st)
    while queue:
        if result.steps >= max_steps:
            result.complete = False
            break
        place = queue.popleft()
        queued.discard(place)
        st = places[place]
        result.steps += 1
        if place[1] == IDLE:
            for ending, following, after in machine.idle(place, st):
                if following is None:
                    result.endings.add(ending)
                else:
                    merge(following, after)
            continue
        result.scenes.add(place[1])
        for index in machine.offered(place, st):
            for ending, following, after in machine.choose(place, st, index):
                if following is None:
                    result.endings.add(ending)
                else:
                    merge(following, after)
    return result


def covers(result: AbstractResult, place: Place, values: dict[str, float]) -> list[str]:
    """The keys of a concrete state (flat, as `AState`) that fall outside the abstract state at its place."""
    st = result.places.get(place)
    if st is None:
        return ["<place not reached>"]
    return [k for k, v in values.items() if not (st.get(k, FALSE)[0] <= v <= st.get(k, FALSE)[1])]
