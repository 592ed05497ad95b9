"""The rules of play, on a `transitions` state machine built once per scenario.

Phases are the machine's states and their `next` entries its transitions,
guarded by the scenario's conditions. Every session is attached to the same
machine as a model, so a thousand automatic games share one machine. The
engine hands out plain views (`SceneView`, `Outcome`) and takes plain choices;
it never imports pygame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transitions import EventData, Machine

from .conditions import Condition, Fact, compile_tree
from .errors import RecordError, SessionError
from .loader import Book
from .model import Choice, Ending, Scene, Text, Tr
from .scoring import cohesion_target, next_cohesion, normalised_weights
from .session import Decision, EventHit, Session, SessionBinder

__all__ = ["Engine", "SceneView", "ChoiceView", "Outcome", "EndingResult", "IDLE_CHOICE"]

ENDED = "__ended__"
IDLE_CHOICE = -1
IDLE_TEXT = Tr(fr="Laisser passer le mois sans réunir le collectif.",
               en="Let the month pass without gathering the collective.")
IDLE_FEEDBACK = Tr(fr="Rien n'a été décidé ce mois-ci ; le temps du financement, lui, a continué de courir.",
                   en="Nothing was decided this month; the funding time, however, kept running.")


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
    changes: dict[str, int]
    events: list[EventHit] = field(default_factory=list)
    phase_from: str = ""
    phase_to: str = ""
    idle: int = 0  # months that passed with no scene to play
    ending: EndingResult | None = None


_BINDER = SessionBinder()


def _test(condition: Condition | None) -> Callable[[Session], Any] | None:
    """The raw evaluator of a condition (truthy or falsy), for the hot loops."""
    if condition is None:
        return None
    if isinstance(condition, Condition):
        return compile_tree(condition.tree, _BINDER)
    return condition  # a wrapped condition (coverage) is called as it is


class Engine:
    """Builds the phase machine for one scenario and runs sessions on it."""

    def __init__(self, book: Book) -> None:
        self.book = book
        model = book.model
        self.scenes: dict[str, Scene] = {s.id: s for s in model.scenes}
        self.scene_index: dict[str, int] = {s.id: i for i, s in enumerate(model.scenes)}
        self.by_phase: dict[str, list[Scene]] = {}
        for scene in model.scenes:
            self.by_phase.setdefault(scene.phase, []).append(scene)
        self.phases = {p.id: p for p in model.phases}
        self.scene_when = {s.id: _test(book.cond("scenes", i, "when")) for i, s in enumerate(model.scenes)}
        self.choice_when = {s.id: [_test(book.cond("scenes", i, "choices", j, "when")) for j in range(len(s.choices))]
                            for i, s in enumerate(model.scenes)}
        self.event_when = [_test(book.cond("events", i, "when")) for i in range(len(model.events))]
        self.ending_when = [book.cond("endings", i, "when") for i in range(len(model.endings))]
        self.events_by_phase = {p.id: [(i, e) for i, e in enumerate(model.events) if not e.phases or p.id in e.phases]
                                for p in model.phases}
        self.weights = normalised_weights(model.rules)
        self.drawable = {phase: [(sc, sc.once, self.scene_when[sc.id]) for sc in scenes if sc.draw]
                         for phase, scenes in self.by_phase.items()}
        self._views: dict[tuple[str, str, tuple[int, ...]], SceneView] = {}
        self.any_endings = [(i, e, _test(self.ending_when[i])) for i, e in enumerate(model.endings) if e.at == "any"]
        self.guards: dict[str, list[Any]] = {}
        self.machine = Machine(model=None, states=[p.id for p in model.phases] + [ENDED],
                               initial=model.phases[0].id, auto_transitions=False, send_event=True,
                               model_attribute="phase")
        for p_index, phase in enumerate(model.phases):
            for t_index, transition in enumerate(phase.next):
                guard = book.cond("phases", p_index, "next", t_index, "when")
                assert guard is not None
                test = _test(guard)  # compiled once: the engine's pre-check and the machine's guard share it
                self.guards.setdefault(phase.id, []).append(test)
                self.machine.add_transition("advance", phase.id, transition.to,
                                            conditions=[self._guard(test)], after="on_phase_change")

    @staticmethod
    def _guard(condition: Any) -> Any:
        def check(event: EventData) -> bool:
            return bool(condition(event.model))
        return check

    # -- sessions ------------------------------------------------------------------------------
    def new_session(self, seed: int = 0, trainee: str = "", group: str = "", lang: str = "fr",
                    start: str | None = None, gauges: dict[str, int] | None = None) -> Session:
        """A fresh game; `start` and `gauges` let trainers try a scene directly."""
        session = Session(self, seed, trainee, group, lang)
        self.machine.add_model(session, initial=self.book.model.phases[0].id)
        if gauges:
            levels = {k: v for k, v in gauges.items() if k != "turn"}
            session.gauges.update({k: max(0, min(100, int(v))) for k, v in levels.items()})
            if "turn" in gauges:
                session.turn = max(0, min(int(gauges["turn"]), self.book.model.clock.turns - 1))
        if start is not None:
            if start not in self.scenes:
                raise SessionError(f"unknown scene `{start}`")
            self._set_phase(session, self.scenes[start].phase)
            self._enter(session, start)
        else:
            self._enter(session, self._first_scene(session))
        return session

    def _set_phase(self, session: Session, phase: str) -> None:
        self.machine.set_state(phase, model=session)

    def release(self, session: Session) -> None:
        """Detach a session from the shared machine (automatic games call it when done)."""
        if session in self.machine.models:
            self.machine.remove_model(session)

    def restore(self, data: dict[str, Any]) -> Session:
        """A session from `Session.to_dict`, refused if its scenario changed since."""
        if data.get("digest") != self.book.digest:
            raise RecordError("this save was made with another version of the scenario "
                              f"(`{data.get('scenario')}` {data.get('version')}); it cannot be resumed")
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
        offered = tuple(self.offered(session))
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
            choices.append(ChoiceView(i, len(choices) + 1, choice.id or str(i + 1), choice.text,
                                      choice.cost, tuple(choice.tags)))
        if not choices:
            choices.append(ChoiceView(IDLE_CHOICE, 1, "idle", IDLE_TEXT, 1, ()))
        return SceneView(scene.id, phase, scene.title, scene.text, scene.speaker, tuple(choices))

    def _is_offered(self, session: Session, index: int) -> bool:
        """One choice's condition only (the idle choice exists when none is offered)."""
        whens = self.choice_when[session.scene]
        if index == IDLE_CHOICE:
            return not self.offered(session)
        if not 0 <= index < len(whens):
            return False
        when = whens[index]
        return when is None or bool(when(session))

    def offered(self, session: Session) -> list[int]:
        """Positions of the current scene's choices whose conditions hold (empty: a trap)."""
        return [i for i, when in enumerate(self.choice_when[session.scene]) if when is None or when(session)]

    # -- playing ---------------------------------------------------------------------------------------
    def choose(self, session: Session, index: int) -> Outcome:
        """Take a choice by its position in the scene (as `ChoiceView.index`)."""
        if session.finished:
            raise SessionError("the game is over")
        if not self._is_offered(session, index):
            raise SessionError(f"choice {index} is not offered in scene `{session.scene}`")
        scene = self.scenes[session.scene]
        choice = scene.choices[index] if index != IDLE_CHOICE else None
        before = dict(session.gauges)
        changes = session.apply(choice.effects, f"{scene.id}#{index + 1}") if choice else {}
        cost = choice.cost if choice else 1
        turn_before = session.turn
        session.turn = min(session.turn + cost, self.book.model.clock.turns)
        self._settle_cohesion(session, changes)
        choice_id = "idle" if choice is None else (choice.id or str(index + 1))
        decision = Decision(len(session.history), turn_before, session.phase, scene.id, index, choice_id, cost,
                            list(choice.tags) if choice else [], before, {})
        session.history.append(decision)
        outcome = Outcome(decision, choice.feedback if choice else IDLE_FEEDBACK, changes)
        self._after(session, outcome, choice, scene)
        decision.after = dict(session.gauges)
        decision.phase_after = session.phase if not session.finished else decision.phase
        decision.events = [e.id for e in outcome.events]
        if session.listeners:
            session.emit("decision", decision.to_dict())
        if outcome.ending:
            session.emit("ending", {"ending": outcome.ending.id, "turn": session.turn})
        return outcome

    def _after(self, session: Session, outcome: Outcome, choice: Choice | None, scene: Scene) -> None:
        if self._end_if_any(session, outcome):
            return
        if session.turns_left <= 0:
            self._end(session, outcome, at_end=True)
            return
        outcome.phase_from = session.phase
        self._advance(session)
        outcome.phase_to = session.phase
        if outcome.decision.cost > 0:
            self._strike(session, outcome, outcome.decision.cost)
            if self._end_if_any(session, outcome):
                return
        following = self._next_scene(session, choice, scene)
        self._enter_or_idle(session, outcome, following)

    def _enter_or_idle(self, session: Session, outcome: Outcome, following: str | None) -> None:
        """With no scene to play, months pass until one can be drawn or the funding ends."""
        while following is None:
            session.turn += 1
            outcome.idle += 1
            if session.turns_left <= 0:
                self._end(session, outcome, at_end=True)
                return
            self._advance(session)
            outcome.phase_to = session.phase
            self._strike(session, outcome, 1)
            if self._end_if_any(session, outcome):
                return
            following = self._next_scene(session, None, None)
        self._enter(session, following)

    def _settle_cohesion(self, session: Session, changes: dict[str, int]) -> None:
        active = session.active
        engaged = [v for p, v in session.engagement.items() if active[p]]
        gauges = session.gauges
        target = cohesion_target(gauges, engaged, self.book.model.rules, self.weights)
        before = gauges["cohesion"]
        gauges["cohesion"] = next_cohesion(before, target, self.book.model.rules)
        drift = session.gauges["cohesion"] - before
        if drift:
            changes["cohesion"] = changes.get("cohesion", 0) + drift
            session.last_cause.setdefault("cohesion", "")

    def _advance(self, session: Session) -> bool:
        """Let the machine move the phase if a transition's condition holds."""
        for guard in self.guards.get(session.phase, ()):
            if guard(session):
                break
        else:
            return False
        before = session.phase
        session.advance()  # type: ignore[attr-defined]
        return session.phase != before

    def _strike(self, session: Session, outcome: Outcome, turns: int) -> None:
        """Outside events: each eligible one may strike, more likely when more time passed."""
        limit = self.book.model.rules.max_events_per_turn
        hits = 0
        fired = session.fired
        for index, event in self.events_by_phase.get(session.phase, ()):
            if hits >= limit:
                break
            if event.once and event.id in fired:
                continue
            condition = self.event_when[index]
            if condition is not None and not condition(session):
                continue
            chance = event.probability if turns <= 1 else 1 - (1 - event.probability) ** turns
            if session.rng.random() >= chance:
                continue
            deltas = session.apply(event.effects, f"event:{event.id}", external=event.external)
            self._settle_cohesion(session, deltas)
            hit = EventHit(event.id, session.turn, deltas)
            session.fired.append(event.id)
            session.events.append(hit)
            outcome.events.append(hit)
            session.emit("event", {"event": event.id, "turn": session.turn, "deltas": deltas})
            hits += 1

    def _next_scene(self, session: Session, choice: Choice | None, scene: Scene | None) -> str | None:
        """A fixed `next` first (a story continues); then the phase's opening scene if not yet
        played; then a draw."""
        fixed = (choice.next if choice else None) or (scene.next if scene else None)
        if fixed is not None:
            return fixed
        start = self.phases[session.phase].start
        if start is not None and start not in session.seen:
            return start
        return self._draw(session)

    def _draw(self, session: Session) -> str | None:
        """Draw among the phase's scenes whose conditions hold (weighted, seeded)."""
        pool: list[Scene] = []
        seen = set(session.seen)
        for scene, once, condition in self.drawable.get(session.phase, ()):
            if once and scene.id in seen:
                continue
            if condition is None or condition(session):
                pool.append(scene)
        if not pool:
            return None
        total = sum(s.weight for s in pool)
        pick = session.rng.random() * total
        for scene in pool:
            pick -= scene.weight
            if pick < 0:
                return scene.id
        return pool[-1].id

    def _first_scene(self, session: Session) -> str:
        model = self.book.model
        first = model.start or model.phases[0].start or self._draw(session)
        if first is None:
            raise SessionError("the scenario has no scene to start with")
        return first

    def _enter(self, session: Session, scene: str) -> None:
        session.scene = scene
        if scene not in session.seen:
            session.seen.append(scene)

    # -- endings ---------------------------------------------------------------------------------------------
    def _end_if_any(self, session: Session, outcome: Outcome) -> bool:
        for index, ending, condition in self.any_endings:
            if condition is None or condition(session):
                self._close(session, outcome, index, ending)
                return True
        return False

    def _end(self, session: Session, outcome: Outcome, at_end: bool) -> None:
        for index, ending in enumerate(self.book.model.endings):
            condition = self.ending_when[index]
            if condition is None or condition(session):
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
        index = next(i for i, e in enumerate(self.book.model.endings) if e.id == session.ending)
        ending = self.book.model.endings[index]
        condition = self.book.cond("endings", index, "when")
        facts = tuple(condition.explain(session)) if condition is not None else ()
        innovations = {inv: [o for o, _ in sorted(levels.items()) if session.innovated(inv) and
                             levels[o] >= self.book.model.rules.innovation_threshold]
                       for inv, levels in session.diffusion.items()}
        evaporated = tuple(inv for inv, orgs in innovations.items() if not orgs)
        return EndingResult(ending.id, ending.title, ending.explanation, tuple(ending.questions), facts,
                            innovations, evaporated)
