"""The scenario format, version 1, as validated data.

These models are the single description of the format: the loader validates
against them, `partenaires schema` turns them into a JSON Schema for editors,
and the engine reads them. Field descriptions end up in the schema, so they are
written for trainers.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from game.i18n import CODES
from game.vocabulary.gauges import COHESION_SOURCES

__all__ = [
    "Lang",
    "Tr",
    "Text",
    "tr",
    "Effects",
    "Choice",
    "Scene",
    "Transition",
    "Phase",
    "Event",
    "Ending",
    "Hierarchy",
    "Organisation",
    "Partner",
    "Invention",
    "Player",
    "Gauges",
    "Clock",
    "Rules",
    "Scenario",
]

Lang = Literal["fr", "en"]
assert get_args(Lang) == CODES, "the format knows every language the game has a catalogue for"
CohesionSource = Literal["sens", "identite", "pouvoir", "engagement"]
assert get_args(CohesionSource) == COHESION_SOURCES, "the format names what cohésion weighs, in the registry's order"


def _default_cohesion_weights() -> dict[CohesionSource, float]:
    return {"sens": 0.3, "identite": 0.3, "pouvoir": 0.15, "engagement": 0.25}


def _both_languages() -> list[Lang]:
    return list(get_args(Lang))


Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z_][A-Za-z0-9_\-]*$",
        max_length=64,
        description="An identifier: letters, digits, `_` or `-`, starting with a letter.",
    ),
]
Level = Annotated[int, Field(ge=0, le=100, description="A level from 0 to 100.")]
Delta = Annotated[int, Field(ge=-100, le=100, description="A change from -100 to +100.")]
Condition = Annotated[
    str, Field(min_length=1, max_length=2000, description="A condition, e.g. `sens >= 40 and not flag(charte)`.")
]


class _Strict(BaseModel):
    # allow_inf_nan=False: a text such as `nan` or `1e999` would pass as a float and break every computation
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False)


class Tr(_Strict):
    """A text in each of the game's languages side by side (one field per catalogue in `game.i18n`)."""

    fr: str | None = Field(default=None, description="French text.")
    en: str | None = Field(default=None, description="English text.")


Text = str | Tr


def tr(text: Text | None, lang: str = "fr") -> str:
    """The text in a language, falling back to the other one so nothing is ever blank."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    chosen = getattr(text, lang, None)
    if chosen is not None:
        return str(chosen)
    return next((str(getattr(text, code)) for code in CODES if getattr(text, code, None) is not None), "")


class Effects(_Strict):
    """What a choice or an event changes. Gauge values are added (+5, -10)."""

    sens: Delta = 0
    identite: Delta = 0
    pouvoir: Delta = 0
    cohesion: Delta = 0
    engagement: dict[str, Delta] = Field(default_factory=dict, description="Partner id → change of engagement.")
    awareness: dict[str, Delta] = Field(
        default_factory=dict, description="Organisation id → change of its hierarchy's awareness."
    )
    support: dict[str, Delta] = Field(
        default_factory=dict, description="Organisation id → change of its hierarchy's support."
    )
    flags: dict[str, bool] = Field(default_factory=dict, description="Flags to set (true) or clear (false).")
    invent: list[str] = Field(default_factory=list, description="Inventions the collective creates.")
    diffuse: dict[str, dict[str, Delta]] = Field(
        default_factory=dict,
        description="Invention id → organisation id → appropriation by colleagues there (× the organisation's pace).",
    )
    inscribe: dict[str, dict[str, Delta]] = Field(
        default_factory=dict,
        description="Invention id → organisation id → inscription in its procedures (a note de service): "
        "weak where colleagues have not appropriated the invention yet (see rules.appropriation_needed).",
    )
    leave: list[str] = Field(default_factory=list, description="Partners who leave the collective.")


class Choice(_Strict):
    id: Id | None = Field(default=None, description="Optional id; defaults to the choice's number.")
    text: Text
    when: Condition | None = Field(default=None, description="The choice is offered only when this holds.")
    cost: int = Field(default=1, ge=0, le=12, description="Time cost, in turns of the funding clock.")
    effects: Effects = Field(default_factory=Effects)
    tags: list[str] = Field(default_factory=list, description="Concepts of the paper this choice illustrates.")
    feedback: Text | None = Field(default=None, description="What happened and why, shown after the choice.")
    next: Id | None = Field(default=None, description="The scene that follows; otherwise one is drawn.")


class Scene(_Strict):
    id: Id
    phase: Id = Field(description="The phase this scene belongs to.")
    title: Text | None = None
    text: Text
    speaker: Id | None = Field(default=None, description="The partner who speaks in this scene.")
    when: Condition | None = Field(default=None, description="The scene can be drawn only when this holds.")
    weight: float = Field(default=1.0, gt=0, le=1000, description="Relative chance of being drawn.")
    once: bool = Field(default=True, description="A drawn scene is played at most once.")
    draw: bool = Field(default=True, description="false: never drawn, reached only through a `next`.")
    next: Id | None = Field(default=None, description="Default next scene for choices without `next`.")
    choices: list[Choice] = Field(min_length=1, max_length=9)


class Transition(_Strict):
    to: Id = Field(description="The phase to move to.")
    when: Condition = Field(description="The move happens as soon as this holds, after a decision.")


class Phase(_Strict):
    id: Id
    name: Text
    description: Text | None = None
    start: Id | None = Field(default=None, description="Scene played first when the phase begins.")
    next: list[Transition] = Field(default_factory=list)


class Event(_Strict):
    """Something decided elsewhere that hits the partnership (budget cut, new director…)."""

    id: Id
    title: Text
    text: Text
    when: Condition | None = None
    probability: float = Field(default=0.2, ge=0, le=1, description="Chance per turn when `when` holds.")
    phases: list[Id] = Field(default_factory=list, description="Phases it can happen in (all if empty).")
    once: bool = True
    external: bool = Field(default=True, description="Hits harder when pouvoir is low (déficit d'institué).")
    effects: Effects = Field(default_factory=Effects)
    tags: list[str] = Field(default_factory=list)


class Ending(_Strict):
    id: Id
    title: Text
    when: Condition | None = Field(default=None, description="The ending is reached when this holds.")
    at: Literal["end", "any", "break"] = Field(
        default="end",
        description="`end`: checked when the funding ends; `any`: checked after every decision; `break`: "
        "reached as soon as cohésion falls below rules.break_threshold (no `when`).",
    )
    explanation: Text = Field(description="Why this ending was reached, in the terms of the paper.")
    questions: list[Text] = Field(default_factory=list, description="Questions for the debrief.")
    tags: list[str] = Field(default_factory=list)
    success: bool | None = Field(
        default=None,
        description="Only for learning records (xAPI `result.success`); leave it out to keep no single right answer.",
    )


class Hierarchy(_Strict):
    title: Text = Field(description="Who decides, e.g. « Directrice du CCAS ».")
    awareness: Level = Field(default=20, description="How much it knows of what the collective negotiates.")
    support: Level = Field(default=50, description="How much it backs its agent's work in the partnership.")
    stakes: Text | None = Field(default=None, description="What it defends (territory, prerogatives…).")


class Organisation(_Strict):
    id: Id
    name: Text
    short: str = Field(max_length=16, description="Short name shown on the table, e.g. `CG71`.")
    colour: str | None = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$")
    hierarchy: Hierarchy
    pace: float = Field(
        default=1.0, ge=0.2, le=2.0, description="Its own pace of appropriation: diffusion gains there are × pace."
    )


class Partner(_Strict):
    id: Id
    name: str
    organisation: Id
    role: Text
    logic: Text = Field(description="Professional logic: what this partner cares about and how they speak.")
    engagement: Level = 50
    portrait: str | None = Field(default=None, description="Optional image, relative to the scenario folder.")


class Invention(_Strict):
    id: Id
    name: Text
    description: Text | None = None
    emergent: bool = Field(
        default=False,
        description="Born of the collective's margin of manoeuvre: it can only be created while the frame is "
        "light (pouvoir below rules.light_frame) — l'institution incertaine.",
    )


class Player(_Strict):
    role: Text
    organisation: Id
    name: Text | None = None


class Gauges(_Strict):
    sens: Level = 50
    identite: Level = 50
    pouvoir: Level = 50
    cohesion: Level = 50


class Clock(_Strict):
    turns: int = Field(ge=1, le=120, description="Turns of funding before the action ends.")
    unit: Text = Field(default_factory=lambda: Tr(fr="mois", en="month"))


class Rules(_Strict):
    """How cohésion and innovations are computed; the defaults follow the game brief."""

    cohesion_weights: dict[CohesionSource, float] = Field(default_factory=_default_cohesion_weights)
    cohesion_inertia: float = Field(
        default=0.4, ge=0, le=1, description="Share of the gap to its target that cohésion closes each decision."
    )
    innovation_threshold: Level = Field(default=60, description="Diffusion at which an invention is an innovation.")
    max_events_per_turn: int = Field(default=1, ge=0, le=5)
    leaver_loss: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of non-instituted diffusion lost when an organisation's last member leaves "
        "(× 1.5 − pouvoir/100: a light frame protects nothing).",
    )
    break_threshold: Level = Field(
        default=25, description="The collective breaks up (the `at: break` ending) as soon as cohésion is below this."
    )
    pouvoir_cap: Level = Field(
        default=70, description="The collective's own pouvoir never rises above this (occultation du pouvoir)."
    )
    light_frame: Level = Field(
        default=45, description="Emergent inventions can only be born while pouvoir is below this."
    )
    procedure_margin: int = Field(
        default=25,
        ge=0,
        le=100,
        description="When pouvoir exceeds the mean of sens and identité by more than this, the procedure "
        "replaces the collective's regulation…",
    )
    procedure_erosion: int = Field(
        default=2, ge=0, le=20, description="…and sens and identité each lose this much every month."
    )
    diminishing_from: Level = Field(
        default=60, description="Gains of sens, identité and engagement shrink above this level (100: never)."
    )
    upkeep_from: Level = Field(
        default=70, description="Each month, sens and identité above this level lose `upkeep` (100: never)."
    )
    upkeep: int = Field(default=2, ge=0, le=20, description="Monthly cost of keeping a rich collective.")
    appropriation_needed: Level = Field(
        default=30, description="Diffusion at which an inscription in procedures (`inscribe`) works in full."
    )


class Scenario(_Strict):
    """A whole scenario file."""

    format: Literal[1] = Field(description="Format version; this is format 1.")
    id: Id
    version: str = "1.0"
    title: Text
    summary: Text
    authors: list[str] = Field(default_factory=list)
    languages: list[Lang] = Field(default_factory=_both_languages, min_length=1)
    duration: int | None = Field(default=None, ge=1, le=600, description="Expected minutes of play.")
    player: Player
    gauges: Gauges = Field(default_factory=Gauges)
    clock: Clock
    rules: Rules = Field(default_factory=Rules)
    organisations: list[Organisation] = Field(min_length=1)
    partners: list[Partner] = Field(min_length=1)
    inventions: list[Invention] = Field(default_factory=list)
    phases: list[Phase] = Field(min_length=1)
    start: Id | None = Field(default=None, description="First scene; defaults to the first phase's start.")
    scenes: list[Scene] = Field(min_length=1)
    events: list[Event] = Field(default_factory=list)
    endings: list[Ending] = Field(min_length=1)
    balance: dict[Id, Annotated[list[Annotated[float, Field(ge=0, le=1)]], Field(min_length=2, max_length=2)]] = Field(
        default_factory=dict,
        description="Ending id → [lowest, highest] share of random games the scenario is meant to give it; "
        "`explore` warns when a share falls outside, and not when it is what the scenario intends.",
    )
