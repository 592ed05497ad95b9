"""The rules of play, on a `transitions` state machine built once per scenario.

Phases are the machine's states and their `next` entries its transitions,
guarded by the scenario's conditions. Every session is attached to the same
machine as a model, so a thousand automatic games share one machine. The
engine hands out plain views (`SceneView`, `Outcome`) and takes plain choices;
it never imports pygame.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transitions import EventData, Machine
from transitions.core import listify

from game.errors import RecordError, SessionError
from game.rules.reading import READER
from game.rules.scoring import Tuning, month_costs, normalised_weights, replaced_by_procedure, settled_cohesion
from game.rules.session import Decision, EffectPlan, EventHit, Session, plan_of
from game.scenario.conditions import Condition, Evaluator, Fact, earliest_turn
from game.scenario.loading import Book
from game.scenario.model import Ending, Event, Scene, Text, Tr

__all__ = ["Engine", "SceneView", "ChoiceView", "Outcome", "EndingResult", "IDLE_CHOICE", "Observer"]

ENDED = "__ended__"
IDLE_CHOICE = -1
IDLE_TEXT = Tr(
    fr="Laisser passer le mois sans réunir le collectif.", en="Let the month pass without gathering the collective."
)
IDLE_FEEDBACK = Tr(
    fr="Rien n'a été décidé ce mois-ci ; le temps du financement, lui, a continué de courir.",
    en="Nothing was decided this month; the funding time, however, kept running.",
)


@dataclass(frozen=True)
class ChoiceView:
    index: int  # position in the scene's choices (IDLE_CHOICE for the built-in "let the month pass")
    number: int  # what the player types or presses, from 1
    id: str
    text: Text
    cost: int
    tags: tuple[str, ...]


@dataclass(frozen=True)
class SceneView:
    id: str
    phase: str
    title: Text | None
    text: Text
    speaker: str | None
    choices: tuple[ChoiceView, ...]


@dataclass(frozen=True)
class EndingResult:
    id: str
    title: Text
    explanation: Text
    questions: tuple[Text, ...]
    facts: tuple[Fact, ...]
    innovations: dict[str, list[str]]  # invention → organisations where it became an innovation
    evaporated: tuple[str, ...]


@dataclass
class Outcome:
    """What a decision did, for the views to show before the next scene."""

    decision: Decision
    feedback: Text | None
    changes: dict[str, int]  # what the choice did (cohésion's response included)
    events: list[EventHit] = field(default_factory=list)
    costs: dict[str, int] = field(default_factory=dict)  # what the months that passed cost by themselves
    costs_cause: str = ""  # "upkeep" (a rich collective's) or "procedure" (replacing its regulation)
    phase_from: str = ""
    phase_to: str = ""
    idle: int = 0  # months that passed with no scene to play
    idle_phase: str = ""  # the phase that had no scene to offer
    ending: EndingResult | None = None


Observer = Callable[[Condition, Evaluator], Evaluator]
"""Sees each condition as the engine compiles it and may wrap its evaluator (coverage records outcomes)."""


class PhaseMachine(Machine):
    """The `transitions` Machine of one scenario, shared by every session played on it.

    `Machine.add_model` binds conveniences onto each model (`trigger`, `advance`, `may_advance`, an
    `is_phase_<state>` per state) and looks for `on_enter_<state>` methods on it: at every new game,
    this cost more than all the decisions of a short scenario, for names nothing here reads. Attaching
    a session only registers it and sets its phase; the engine fires `advance` through the machine's
    event, so the guards and the `on_phase_change` callback run exactly as before.
    """

    def add_model(self, model: Any, initial: Any = None) -> None:
        for mod in listify(model):
            if mod not in self.models:
                self.set_state(self.initial if initial is None else initial, model=mod)  # type: ignore[arg-type]
                self.models.append(mod)


@dataclass(frozen=True, slots=True)
class _Play:
    """A choice (or the idle month) with what playing it needs, worked out once per engine."""

    index: int
    id: str
    cost: int
    tags: tuple[str, ...]
    plan: EffectPlan | None  # its effects, flattened once; None: nothing to apply (the idle month)
    cause: str  # what `last_cause` names for the changes it makes
    feedback: Text | None
    next: str | None  # the fixed next scene (the choice's, else the scene's); None: one is drawn


@dataclass(frozen=True, slots=True)
class _SceneRules:
    """A scene's choices, their conditions, and those conditions fused into one `offer` function."""

    scene: Scene
    plays: tuple[_Play, ...]
    idle: _Play
    tests: tuple[Callable[[Session], Any] | None, ...]
    offer: Callable[[Session], tuple[int, ...]]  # positions of the choices whose conditions hold now


@dataclass(frozen=True, slots=True)
class _EventRule:
    """An outside event with its compiled condition and the label of what it changes."""

    id: str
    once: bool
    when: Callable[[Session], Any] | None
    due: float  # no need to evaluate `when` before this turn (see `earliest_turn`)
    probability: float
    plan: EffectPlan  # its effects, flattened once
    cause: str
    external: bool


def _offer(tests: tuple[Callable[[Session], Any] | None, ...]) -> Callable[[Session], tuple[int, ...]]:
    """One function for all of a scene's choice conditions; most scenes have none, and then the
    answer is a constant."""
    if all(test is None for test in tests):
        every = tuple(range(len(tests)))
        return lambda session: every
    numbered = tuple(enumerate(tests))

    def offer(session: Session) -> tuple[int, ...]:
        offered = []
        for index, test in numbered:
            if test is None or test(session):
                offered.append(index)
        return tuple(offered)

    return offer


def _scene_rules(book: Book, position: int, scene: Scene, bind: Callable[..., Any]) -> _SceneRules:
    plays = tuple(
        _Play(
            i,
            choice.id or str(i + 1),
            choice.cost,
            tuple(choice.tags),
            plan_of(choice.effects),
            f"{scene.id}#{i + 1}",
            choice.feedback,
            choice.next or scene.next,
        )
        for i, choice in enumerate(scene.choices)
    )
    idle = _Play(IDLE_CHOICE, "idle", 1, (), None, "", IDLE_FEEDBACK, scene.next)
    tests = tuple(bind(book.cond("scenes", position, "choices", j, "when")) for j in range(len(scene.choices)))
    return _SceneRules(scene, plays, idle, tests, _offer(tests))


class Engine:
    """Builds the phase machine for one scenario and runs sessions on it.

    Everything a decision needs from the scenario (compiled conditions, effects, labels) is worked
    out here once, so that thousands of automatic games only read prepared tables.
    """

    def __init__(self, book: Book, observe: Observer | None = None) -> None:
        self.book = book
        self._observe = observe
        model = book.model
        self.scenes: dict[str, Scene] = {s.id: s for s in model.scenes}
        self.scene_index: dict[str, int] = {s.id: i for i, s in enumerate(model.scenes)}
        self.by_phase: dict[str, list[Scene]] = {}
        for scene in model.scenes:
            self.by_phase.setdefault(scene.phase, []).append(scene)
        self.phases = {p.id: p for p in model.phases}
        self.weights = normalised_weights(model.rules)
        self._turns = model.clock.turns
        self._inertia = model.rules.cohesion_inertia
        self._max_events = model.rules.max_events_per_turn
        self._rules = {s.id: _scene_rules(book, i, s, self._bind) for i, s in enumerate(model.scenes)}
        scene_when = {s.id: self._bind(book.cond("scenes", i, "when")) for i, s in enumerate(model.scenes)}
        self._drawable = {
            phase: [(sc.id, sc.once, scene_when[sc.id], sc.weight) for sc in scenes if sc.draw]
            for phase, scenes in self.by_phase.items()
        }
        events = [self._event_rule(i, e) for i, e in enumerate(model.events)]
        self._events_by_phase = {
            p.id: [event for event, e in zip(events, model.events, strict=True) if not e.phases or p.id in e.phases]
            for p in model.phases
        }
        self._views: dict[tuple[str, str, tuple[int, ...]], SceneView] = {}
        self._ending_when = [book.cond("endings", i, "when") for i in range(len(model.endings))]
        self._ending_index: dict[str, int] = {}
        for i, ending in enumerate(model.endings):
            self._ending_index.setdefault(ending.id, i)
        self.tuning = Tuning.of(model)
        self._ending_tests = [
            self._break_test(self._bind(condition)) if e.at == "break" else self._bind(condition)
            for e, condition in zip(model.endings, self._ending_when, strict=True)
        ]
        self._any_endings = [
            (i, e, self._ending_tests[i]) for i, e in enumerate(model.endings) if e.at in ("any", "break")
        ]
        self.guards: dict[str, list[Any]] = {}
        self.machine = PhaseMachine(
            model=None,
            states=[p.id for p in model.phases] + [ENDED],
            initial=model.phases[0].id,
            auto_transitions=False,
            send_event=True,
            model_attribute="phase",
        )
        for p_index, phase in enumerate(model.phases):
            for t_index, transition in enumerate(phase.next):
                guard = book.cond("phases", p_index, "next", t_index, "when")
                assert guard is not None
                test = self._bind(guard)  # compiled once: the engine's pre-check and the machine's guard share it
                self.guards.setdefault(phase.id, []).append(test)
                self.machine.add_transition(
                    "advance", phase.id, transition.to, conditions=[self._guard(test)], after="on_phase_change"
                )
        self._advance_event = self.machine.events.get("advance")  # None when no phase leads anywhere

    def _break_test(self, extra: Callable[[Session], Any] | None) -> Callable[[Session], Any]:
        """The one break rule: cohésion below the scenario's threshold — or the ending's own `when`, another
        way for the collective to break (too few members left around the table…)."""
        threshold = self.tuning.break_threshold
        if extra is None:
            return lambda session: session.gauges["cohesion"] < threshold
        return lambda session: session.gauges["cohesion"] < threshold or extra(session)

    def _event_rule(self, index: int, event: Event) -> _EventRule:
        condition = self.book.cond("events", index, "when")
        # an observer (coverage) must see every evaluation: no shortcut for it
        due = earliest_turn(condition.tree) if condition is not None and self._observe is None else float("-inf")
        return _EventRule(
            event.id,
            event.once,
            self._bind(condition),
            due,
            event.probability,
            plan_of(event.effects),
            f"event:{event.id}",
            event.external,
        )

    def _bind(self, condition: Condition | None) -> Evaluator | None:
        """A condition compiled against the session's state, seen by the observer when there is one."""
        if condition is None:
            return None
        evaluator = condition.bind(READER)
        return evaluator if self._observe is None else self._observe(condition, evaluator)

    @staticmethod
    def _guard(condition: Any) -> Any:
        def check(event: EventData) -> bool:
            return bool(condition(event.model))

        return check

    # -- sessions ------------------------------------------------------------------------------
    def new_session(
        self,
        seed: int = 0,
        trainee: str = "",
        group: str = "",
        lang: str = "fr",
        start: str | None = None,
        gauges: dict[str, int] | None = None,
    ) -> Session:
        """A fresh game; `start` and `gauges` let trainers try a scene directly."""
        session = Session(self, seed, trainee, group, lang)
        self.machine.add_model(session)
        if gauges:
            levels = {k: v for k, v in gauges.items() if k != "turn" and "." not in k}
            session.gauges.update({k: max(0, min(100, int(v))) for k, v in levels.items()})
            if "turn" in gauges:
                session.turn = max(0, min(int(gauges["turn"]), self._turns - 1))
            self._apply_sets(session, {k: int(v) for k, v in gauges.items() if "." in k})
        if start is not None:
            if start not in self.scenes:
                close = difflib.get_close_matches(start, list(self.scenes), n=1, cutoff=0.5)
                if close:
                    raise SessionError.said("cli.start.unknown_close", scene=start, close=close[0])
                raise SessionError.said("cli.start.unknown", scene=start)
            self._set_phase(session, self.scenes[start].phase)
            self._enter(session, start)
        else:
            self.enter_first_scene(session)
        return session

    def _apply_sets(self, session: Session, values: dict[str, int]) -> None:
        """`--set engagement.karim=70`, `flag.cas=1`, `diffusion.fiche.ccas=40`…: a preview of a later moment."""
        model = self.book.model
        orgs = [o.id for o in model.organisations]
        known = {
            "engagement": [p.id for p in model.partners],
            "awareness": orgs,
            "support": orgs,
            "invention": [i.id for i in model.inventions],
        }
        for name, value in sorted(values.items()):
            head, _, rest = name.partition(".")
            level = max(0, min(100, value))
            if head == "flag":
                session.flags[rest] = bool(value)
                continue
            if head == "diffusion":
                invention, _, org = rest.partition(".")
                self._known(name, invention, known["invention"])
                self._known(name, org, orgs)
                session.diffusion.setdefault(invention, dict.fromkeys(orgs, 0))[org] = level
                continue
            self._known(name, rest, known[head])
            if head == "invention":
                if value:
                    session.diffusion.setdefault(rest, dict.fromkeys(orgs, 0))
                else:
                    session.diffusion.pop(rest, None)
            else:
                getattr(session, head)[rest] = level

    @staticmethod
    def _known(name: str, value: str, ids: list[str]) -> None:
        if value not in ids:
            close = difflib.get_close_matches(value, ids, n=1)
            if close:
                raise SessionError.said("cli.set.unknown_close", name=name, value=value, close=close[0])
            raise SessionError.said("cli.set.unknown", name=name, value=value, ids=", ".join(ids))

    def _set_phase(self, session: Session, phase: str) -> None:
        self.machine.set_state(phase, model=session)

    def release(self, session: Session) -> None:
        """Detach a session from the shared machine (automatic games call it when done)."""
        if session in self.machine.models:
            self.machine.remove_model(session)

    def restore(self, data: dict[str, Any]) -> Session:
        """A session from `Session.to_dict`, refused if its scenario changed since."""
        if data.get("digest") != self.book.digest:
            raise RecordError(
                "this save was made with another version of the scenario "
                f"(`{data.get('scenario')}` {data.get('version')}); it cannot be resumed"
            )
        session = Session(self, data["seed"])
        self.machine.add_model(session, initial=data["phase"])
        session.load_dict(data)
        return session

    def replay(self, seed: int, choices: list[int], **who: Any) -> Session:
        """Play the same choices again: same scenario, seed and choices give the same session."""
        session = self.new_session(seed, **who)
        for index in choices:
            if session.finished:
                break
            self.choose(session, index)
        return session

    # -- what the player sees ------------------------------------------------------------------------
    def view(self, session: Session) -> SceneView:
        """What the player sees now; views are immutable, so equal ones are shared."""
        offered = self._rules[session.scene].offer(session)
        key = (session.scene, session.phase, offered)
        cached = self._views.get(key)
        if cached is None:
            cached = self._views[key] = self._build_view(session.scene, session.phase, offered)
        return cached

    def _build_view(self, scene_id: str, phase: str, offered: tuple[int, ...]) -> SceneView:
        scene = self.scenes[scene_id]
        choices: list[ChoiceView] = []
        for i in offered:
            choice = scene.choices[i]
            choices.append(
                ChoiceView(i, len(choices) + 1, choice.id or str(i + 1), choice.text, choice.cost, tuple(choice.tags))
            )
        if not choices:
            choices.append(ChoiceView(IDLE_CHOICE, 1, "idle", IDLE_TEXT, 1, ()))
        return SceneView(scene.id, phase, scene.title, scene.text, scene.speaker, tuple(choices))

    def _is_offered(self, rules: _SceneRules, session: Session, index: int) -> bool:
        """One choice's condition only (the idle choice exists when none is offered)."""
        if index == IDLE_CHOICE:
            return not rules.offer(session)
        if not 0 <= index < len(rules.tests):
            return False
        test = rules.tests[index]
        return test is None or bool(test(session))

    def offered(self, session: Session) -> list[int]:
        """Positions of the current scene's choices whose conditions hold (empty: a trap)."""
        return list(self._rules[session.scene].offer(session))

    # -- playing ---------------------------------------------------------------------------------------
    def choose(self, session: Session, index: int) -> Outcome:
        """Take a choice by its position in the scene (as `ChoiceView.index`)."""
        if session.ending is not None:
            raise SessionError("the game is over")
        rules = self._rules[session.scene]
        if not self._is_offered(rules, session, index):
            raise SessionError(f"choice {index} is not offered in scene `{session.scene}`")
        play = rules.idle if index == IDLE_CHOICE else rules.plays[index]
        before = dict(session.gauges)
        changes = session.apply_plan(play.plan, play.cause) if play.plan is not None else {}
        turn_before = session.turn
        session.turn = turn_before + play.cost if turn_before + play.cost < self._turns else self._turns
        costs: dict[str, int] = {}
        cause = self._months(session, session.turn - turn_before, costs)
        self._settle_cohesion(session, changes)
        decision = Decision(
            len(session.history),
            turn_before,
            session.phase,
            rules.scene.id,
            index,
            play.id,
            play.cost,
            list(play.tags),
            before,
            {},
        )
        session.history.append(decision)
        outcome = Outcome(decision, play.feedback, changes, costs=costs, costs_cause=cause)
        self._after(session, outcome, play)
        decision.after = dict(session.gauges)
        decision.phase_after = session.phase if session.ending is None else decision.phase
        decision.events = [e.id for e in outcome.events] if outcome.events else []
        if session.listeners:  # (nobody listens in automatic games: no payloads to build)
            session.emit("decision", decision.to_dict())
            if outcome.ending:
                session.emit("ending", {"ending": outcome.ending.id, "turn": session.turn})
        return outcome

    def _after(self, session: Session, outcome: Outcome, play: _Play) -> None:
        if self._end_if_any(session, outcome):
            return
        if session.turn >= self._turns:  # no turns left
            self._end(session, outcome)
            return
        outcome.phase_from = session.phase
        self._advance(session)
        outcome.phase_to = session.phase
        if play.cost > 0:
            self._strike(session, outcome, play.cost)
            # the `any` endings were just checked: only an event or a new phase can change their answer now
            changed = outcome.events or outcome.phase_to != outcome.phase_from
            if changed and self._end_if_any(session, outcome):
                return
        following = self._next_scene(session, play.next)
        if following is None:
            self._idle(session, outcome)
        else:
            self._enter(session, following)

    def _idle(self, session: Session, outcome: Outcome) -> None:
        """With no scene to play, months pass until one can be drawn or the funding ends."""
        following: str | None = None
        outcome.idle_phase = session.phase
        while following is None:
            session.turn += 1
            outcome.idle += 1
            costs: dict[str, int] = {}
            cause = self._months(session, 1, costs)
            if costs:
                outcome.costs_cause = cause
                self._settle_cohesion(session, costs)
                for label, delta in costs.items():
                    outcome.costs[label] = outcome.costs.get(label, 0) + delta
            if session.turn >= self._turns:  # no turns left
                self._end(session, outcome)
                return
            self._advance(session)
            outcome.phase_to = session.phase
            self._strike(session, outcome, 1)
            if self._end_if_any(session, outcome):
                return
            following = self._next_scene(session, None)
        self._enter(session, following)

    def _months(self, session: Session, months: int, changes: dict[str, int]) -> str:
        """What each month that passes costs: keeping a rich collective, and a collective whose
        regulation the procedure replaced (docs/model.md). Returns which it was ("" when nothing)."""
        gauges = session.gauges
        tuning = self.tuning
        cause = ""
        for _ in range(months):
            costs = month_costs(gauges, tuning)
            if not costs:
                return cause
            procedure = replaced_by_procedure(gauges, tuning)
            cause = "procedure" if procedure else "upkeep"
            for gauge, delta in costs.items():
                before = gauges[gauge]
                after = gauges[gauge] = before + delta if before + delta > 0 else 0
                if after != before:
                    changes[gauge] = changes.get(gauge, 0) + after - before
                    session.last_cause[gauge] = "rule:procedure" if procedure else "rule:upkeep"
        return cause

    def _settle_cohesion(self, session: Session, changes: dict[str, int]) -> None:
        gauges = session.gauges
        before = gauges["cohesion"]
        after = gauges["cohesion"] = settled_cohesion(
            gauges, session.engagement, session.active, self.weights, self._inertia
        )
        if after != before:
            changes["cohesion"] = changes.get("cohesion", 0) + after - before
            session.last_cause.setdefault("cohesion", "")

    def _advance(self, session: Session) -> bool:
        """Let the machine move the phase if a transition's condition holds."""
        for guard in self.guards.get(session.phase, ()):
            if guard(session):
                break
        else:
            return False
        before = session.phase
        assert self._advance_event is not None  # a guard held, so a transition (and its event) exists
        self._advance_event.trigger(session)
        return session.phase != before

    def _strike(self, session: Session, outcome: Outcome, turns: int) -> None:
        """Outside events: each eligible one may strike, more likely when more time passed."""
        limit = self._max_events
        hits = 0
        fired = session.fired
        turn = session.turn
        for event in self._events_by_phase.get(session.phase, ()):
            if hits >= limit:
                break
            if turn < event.due or (event.once and event.id in fired):
                continue
            when = event.when
            if when is not None and not when(session):
                continue
            chance = event.probability if turns <= 1 else 1 - (1 - event.probability) ** turns
            if session.rng.random() >= chance:
                continue
            self._hit(session, outcome, event)
            hits += 1

    def _hit(self, session: Session, outcome: Outcome, event: _EventRule) -> None:
        deltas = session.apply_plan(event.plan, event.cause, external=event.external)
        self._settle_cohesion(session, deltas)
        hit = EventHit(event.id, session.turn, deltas)
        session.fired.append(event.id)
        session.events.append(hit)
        outcome.events.append(hit)
        if session.listeners:
            session.emit("event", {"event": event.id, "turn": session.turn, "deltas": deltas})

    def _next_scene(self, session: Session, fixed: str | None) -> str | None:
        """A fixed `next` first (a story continues); then the phase's opening scene if not yet
        played; then a draw."""
        if fixed is not None:
            return fixed
        start = self.phases[session.phase].start
        if start is not None and start not in session.seen:
            return start
        return self._draw(session)

    def _draw(self, session: Session) -> str | None:
        """Draw among the phase's scenes whose conditions hold (weighted, seeded)."""
        pool: list[str] = []
        weights: list[float] = []
        seen = set(session.seen)
        for scene_id, once, condition, weight in self._drawable.get(session.phase, ()):
            if once and scene_id in seen:
                continue
            if condition is None or condition(session):
                pool.append(scene_id)
                weights.append(weight)
        if not pool:
            return None
        pick = session.rng.random() * sum(weights)
        for scene_id, weight in zip(pool, weights, strict=True):  # (the deep check's rng follows these very operations)
            pick -= weight
            if pick < 0:
                return scene_id
        return pool[-1]

    def enter_first_scene(self, session: Session) -> str:
        """Open the game: the scenario's first scene, or the first draw of the first phase's pool."""
        model = self.book.model
        first = model.start or model.phases[0].start or self._draw(session)
        if first is None:
            raise SessionError("the scenario has no scene to start with")
        self._enter(session, first)
        return first

    def _enter(self, session: Session, scene: str) -> None:
        session.scene = scene
        if scene not in session.seen:
            session.seen.append(scene)

    # -- endings ---------------------------------------------------------------------------------------------
    def _end_if_any(self, session: Session, outcome: Outcome) -> bool:
        for index, ending, condition in self._any_endings:
            if condition is None or condition(session):
                self._close(session, outcome, index, ending)
                return True
        return False

    def _end(self, session: Session, outcome: Outcome) -> None:
        for index, ending in enumerate(self.book.model.endings):
            test = self._ending_tests[index]
            if test is None or test(session):
                self._close(session, outcome, index, ending)
                return
        raise SessionError("no ending holds")  # the checker requires a fallback ending

    def _close(self, session: Session, outcome: Outcome, index: int, ending: Ending) -> None:
        session.ending = ending.id
        self.machine.set_state(ENDED, model=session)  # the end is not a phase: no guard, no callback
        outcome.ending = self.result(session)
        self.release(session)

    def result(self, session: Session) -> EndingResult:
        """The ending reached, why (the facts of its condition now) and what survived."""
        if session.ending is None:
            raise SessionError("the game is not over")
        index = self._ending_index[session.ending]
        ending = self.book.model.endings[index]
        condition = self._ending_when[index]
        facts = tuple(condition.explain(session, READER)) if condition is not None else ()
        if ending.at == "break":
            cohesion, threshold = session.gauges["cohesion"], self.tuning.break_threshold
            facts = (Fact(f"cohesion < {threshold}", cohesion < threshold, (("cohesion", cohesion),)), *facts)
        threshold = self.book.model.rules.innovation_threshold
        innovations: dict[str, list[str]] = {}
        for inv, levels in session.diffusion.items():
            innovated = session.innovated(inv)
            innovations[inv] = [o for o, _ in sorted(levels.items()) if innovated and levels[o] >= threshold]
        evaporated = tuple(inv for inv, orgs in innovations.items() if not orgs)
        return EndingResult(
            ending.id, ending.title, ending.explanation, tuple(ending.questions), facts, innovations, evaporated
        )
