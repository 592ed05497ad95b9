"""One game being played: the state of the partnership and everything decided so far.

A Session is the model attached to its scenario's state machine (its `phase`
attribute is the machine's state). It holds plain data only, so it can be
saved as JSON and replayed; the rules of play live in `engine.py`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from game.rules.scoring import (
    capped,
    clamp,
    diminished,
    inscription_gain,
    is_innovation,
    leaver_share,
    paced,
    shielded,
)
from game.rules.state import load_state, saved_state
from game.scenario.model import Effects, Scenario
from game.vocabulary.effects import LEVEL_KINDS
from game.vocabulary.gauges import GAUGES

if TYPE_CHECKING:
    from game.rules.engine import Engine

__all__ = ["Decision", "EventHit", "Session", "Listener", "plan_of", "EffectPlan"]

Listener = Callable[[str, dict[str, Any]], None]


@dataclass
class Decision:
    """One decision, as the reports and the class debrief read it."""

    index: int
    turn: int
    phase: str
    scene: str
    choice: int  # position in the scene's choices; -1 for "let the month pass"
    choice_id: str
    cost: int
    tags: list[str]
    before: dict[str, int]
    after: dict[str, int]
    events: list[str] = field(default_factory=list)
    phase_after: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["tags"], data["events"] = list(self.tags), list(self.events)
        data["before"], data["after"] = dict(self.before), dict(self.after)
        return data


@dataclass
class EventHit:
    """An outside event that struck, with what it actually changed after the pouvoir shield."""

    id: str
    turn: int
    deltas: dict[str, int]


# The level tables an effect moves, in the order they are applied (`EffectPlan.levels` points into them):
# the gauges, then each kind of level of the registry.
_GAUGES = 0
_LEVEL_TABLES = tuple(kind.id for kind in LEVEL_KINDS)
_ENGAGEMENT = 1 + _LEVEL_TABLES.index("engagement")  # who has left the collective no longer moves with it
# What a level's gains obey: nothing special, diminishing returns (sens, identité, engagement), the cap (pouvoir).
_FREE, _DIMINISHING, _CAPPED = range(3)
_GAUGE_RULE = {"sens": _DIMINISHING, "identite": _DIMINISHING, "pouvoir": _CAPPED}


@dataclass(frozen=True)
class EffectPlan:
    """Effects flattened once, with their labels, so applying them in a loop is cheap."""

    # (table, key, delta, label, shielded from outside, rule: _FREE, _DIMINISHING gains or _CAPPED gains)
    levels: tuple[tuple[int, str, int, str, bool, int], ...]
    flags: dict[str, bool]
    invent: tuple[str, ...]
    diffuse: tuple[tuple[str, str, int, str], ...]
    leave: tuple[str, ...]
    inscribe: tuple[tuple[str, str, int, str], ...] = ()


_PLANS: dict[int, tuple[Effects, EffectPlan]] = {}


def plan_of(effects: Effects) -> EffectPlan:
    """The flattened form of effects (cached: the engine also prepares each choice's and event's once)."""
    cached = _PLANS.get(id(effects))
    if cached is not None and cached[0] is effects:
        return cached[1]
    levels = [
        (_GAUGES, g, getattr(effects, g), g, True, _GAUGE_RULE.get(g, _FREE)) for g in GAUGES if getattr(effects, g)
    ]
    for table, kind in enumerate(LEVEL_KINDS, start=1):
        changes: dict[str, int] = getattr(effects, kind.id)
        rule = _DIMINISHING if kind.diminishing else _FREE
        levels += [(table, key, d, f"{kind.id}:{key}", kind.shielded, rule) for key, d in changes.items()]
    plan = EffectPlan(
        tuple(levels),
        dict(effects.flags),
        tuple(effects.invent),
        tuple((i, o, d, f"diffusion:{i}:{o}") for i, orgs in effects.diffuse.items() for o, d in orgs.items()),
        tuple(effects.leave),
        tuple((i, o, d, f"diffusion:{i}:{o}") for i, orgs in effects.inscribe.items() for o, d in orgs.items()),
    )
    if len(_PLANS) > 100_000:  # scenarios reloaded again and again: start afresh
        _PLANS.clear()
    _PLANS[id(effects)] = (effects, plan)
    return plan


@dataclass(frozen=True)
class _Start:
    """A scenario's starting levels, read once: each new session copies these tables."""

    gauges: dict[str, int]
    engagement: dict[str, int]
    active: dict[str, bool]
    awareness: dict[str, int]
    support: dict[str, int]


_STARTS: dict[int, tuple[Scenario, _Start]] = {}


def _start(model: Scenario) -> _Start:
    cached = _STARTS.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    start = _Start(
        {g: getattr(model.gauges, g) for g in GAUGES},
        {p.id: p.engagement for p in model.partners},
        {p.id: True for p in model.partners},
        {o.id: o.hierarchy.awareness for o in model.organisations},
        {o.id: o.hierarchy.support for o in model.organisations},
    )
    if len(_STARTS) > 1000:  # scenarios reloaded again and again: start afresh
        _STARTS.clear()
    _STARTS[id(model)] = (model, start)
    return start


class Session:
    """The state of one game; `phase` is managed by the scenario's transitions Machine."""

    phase: str

    def __init__(self, engine: Engine, seed: int, trainee: str = "", group: str = "", lang: str = "fr") -> None:
        start = _start(engine.book.model)
        self.engine = engine
        self.seed = seed
        self.rng = random.Random(seed)
        self.trainee = trainee
        self.group = group
        self.lang = lang
        self.gauges: dict[str, int] = dict(start.gauges)
        self.engagement: dict[str, int] = dict(start.engagement)
        self.active: dict[str, bool] = dict(start.active)
        self.awareness: dict[str, int] = dict(start.awareness)
        self.support: dict[str, int] = dict(start.support)
        self.diffusion: dict[str, dict[str, int]] = {}
        self.flags: dict[str, bool] = {}
        self.turn = 0
        self.scene = ""
        self.seen: list[str] = []
        self.fired: list[str] = []
        self.history: list[Decision] = []
        self.events: list[EventHit] = []
        self.ending: str | None = None
        self.listeners: list[Listener] = []
        self.last_cause: dict[str, str] = {}

    # -- what conditions read (through game.rules.reading) ---------------------------------------
    def innovated(self, invention: str) -> int:
        """In how many organisations the invention has become an innovation."""
        rules = self.engine.book.model.rules
        count = 0
        for level in self.diffusion.get(invention, {}).values():
            if is_innovation(level, rules):
                count += 1
        return count

    @property
    def turns_left(self) -> int:
        """Turns of funding still to come (never below zero, even after a costly last choice)."""
        left = self.engine.book.model.clock.turns - self.turn
        return left if left > 0 else 0

    @property
    def finished(self) -> bool:
        return self.ending is not None

    # -- changing the state ----------------------------------------------------------------------
    def apply(self, effects: Effects, cause: str, external: bool = False) -> dict[str, int]:
        """Apply effects and return what actually changed (after clamping and the pouvoir shield)."""
        return self.apply_plan(plan_of(effects), cause, external)

    def apply_plan(self, plan: EffectPlan, cause: str, external: bool = False) -> dict[str, int]:
        """`apply` for effects already flattened (the engine prepares each choice's and event's once).

        The paper's rules act here (docs/model.md): gains of sens, identité and engagement diminish near
        the top; pouvoir stops at the collective's own bound; emergent inventions are born only in a
        light frame; appropriation goes at each organisation's pace and inscription is weak without it;
        losses from outside, diffusion included, are larger when pouvoir is low.
        """
        tuning = self.engine.tuning
        pouvoir = self.gauges["pouvoir"]
        changed: dict[str, int] = {}
        tables = (self.gauges, *[getattr(self, name) for name in _LEVEL_TABLES])
        active = self.active
        last_cause = self.last_cause
        for table, key, delta, label, shieldable, rule in plan.levels:  # `_bump`, inlined: every decision runs this
            if table == _ENGAGEMENT and not active[key]:
                continue  # who has left the collective no longer moves with it
            if external and shieldable:
                delta = shielded(delta, pouvoir)
            levels = tables[table]
            before = levels[key]
            if rule == _DIMINISHING and delta > 0:
                delta = diminished(delta, before, tuning.diminishing_from)
            after = before + delta
            if rule == _CAPPED:
                after = capped(before, after, tuning.pouvoir_cap)
            levels[key] = after = 0 if after < 0 else 100 if after > 100 else after
            if after != before:
                changed[label] = after - before  # (each label once per plan: nothing to add to)
                last_cause[label] = cause
        if plan.flags:
            self.flags.update(plan.flags)
        for invention in plan.invent:
            if invention not in self.diffusion:
                if invention in tuning.emergent and self.gauges["pouvoir"] >= tuning.light_frame:
                    changed[f"stifled:{invention}"] = 1  # the frame is too heavy for it to be born
                    continue
                self.diffusion[invention] = {o.id: 0 for o in self.engine.book.model.organisations}
                changed[f"invent:{invention}"] = 1
        pace = tuning.pace
        for invention, org, delta, label in plan.diffuse:
            if invention in self.diffusion:
                delta = shielded(delta, pouvoir) if external else paced(delta, pace[org])
                self._bump(self.diffusion[invention], org, delta, label, changed, cause)
        for invention, org, delta, label in plan.inscribe:
            if invention in self.diffusion:
                levels = self.diffusion[invention]
                if external:
                    delta = shielded(delta, pouvoir)
                else:
                    delta = paced(inscription_gain(delta, levels[org], tuning.appropriation_needed), pace[org])
                self._bump(levels, org, delta, label, changed, cause)
        for partner in plan.leave:
            if self.active.get(partner):
                self._leave(partner)
                changed[f"leave:{partner}"] = 1
        return changed

    def _bump(
        self, table: dict[str, int], key: str, delta: int, label: str, changed: dict[str, int], cause: str
    ) -> None:
        before = table[key]
        after = before + delta
        table[key] = after = 0 if after < 0 else 100 if after > 100 else after
        if after != before:
            changed[label] = changed.get(label, 0) + after - before
            self.last_cause[label] = cause

    def _leave(self, partner: str) -> None:
        """A member who leaves takes with them what their organisation had not yet made its own; the
        lighter the frame (the less pouvoir), the more of it goes (l'institution incertaine)."""
        self.active[partner] = False
        model = self.engine.book.model
        org = next(p.organisation for p in model.partners if p.id == partner)
        colleagues = [p.id for p in model.partners if p.organisation == org and self.active[p.id]]
        if colleagues:
            return
        share = leaver_share(self.engine.tuning.leaver_loss, self.gauges["pouvoir"])
        for levels in self.diffusion.values():
            if not is_innovation(levels[org], model.rules):
                levels[org] = clamp(levels[org] * (1 - share))

    def on_phase_change(self, event: Any) -> None:
        """Called by the machine after a phase transition."""
        if self.listeners:
            self.emit("phase", {"phase": self.phase, "turn": self.turn})

    def emit(self, kind: str, payload: dict[str, Any]) -> None:
        for listener in list(self.listeners):
            listener(kind, payload)

    # -- saving ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The whole state as plain JSON-able data (never pickle)."""
        state = self.rng.getstate()
        return {
            "scenario": self.engine.book.model.id,
            "version": self.engine.book.model.version,
            "digest": self.engine.book.digest,
            "seed": self.seed,
            "rng": [state[0], list(state[1]), state[2]],
            "trainee": self.trainee,
            "group": self.group,
            "lang": self.lang,
            **saved_state(self),
            "history": [d.to_dict() for d in self.history],
            "events": [asdict(e) for e in self.events],
            "ending": self.ending,
            "last_cause": dict(self.last_cause),
        }

    def load_dict(self, data: dict[str, Any]) -> None:
        """Restore what `to_dict` wrote (the engine checks the scenario matches first)."""
        version, internal, gauss = data["rng"]
        self.rng.setstate((version, tuple(internal), gauss))
        for name in ("trainee", "group", "lang", "ending"):
            setattr(self, name, data[name])
        load_state(self, data)
        self.history = [Decision(**d) for d in data["history"]]
        self.events = [EventHit(**e) for e in data["events"]]
        self.last_cause = dict(data.get("last_cause", {}))
