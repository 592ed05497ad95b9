"""The formulas that turn the paper's claims into numbers.

Kept apart from the session so a trainer (and the docs) can read them in one
place: cohésion follows sens, identité, pouvoir and the partners' engagement;
outside events hit harder when pouvoir is low (déficit d'institué); an
invention becomes an innovation only past a diffusion threshold (Alter).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.scenario.model import Rules, Scenario
from game.vocabulary.gauges import COHESION_SOURCES

__all__ = [
    "clamp",
    "normalised_weights",
    "settled_cohesion",
    "shield_factor",
    "shielded",
    "is_innovation",
    "Tuning",
    "diminished",
    "capped",
    "inscription_gain",
    "paced",
    "leaver_share",
    "month_costs",
    "replaced_by_procedure",
]


def clamp(value: float, low: int = 0, high: int = 100) -> int:
    """The nearest whole level within bounds (plain comparisons: this runs after every change)."""
    rounded = round(value)
    return int(low) if rounded < low else int(high) if rounded > high else int(rounded)


def normalised_weights(rules: Rules) -> tuple[float, float, float, float]:
    """The weights of sens, identité, pouvoir and engagement, summing to 1."""
    weights: dict[str, float] = {str(k): v for k, v in rules.cohesion_weights.items()}
    total = sum(weights.values()) or 1.0
    sens, identite, pouvoir, engagement = (weights.get(k, 0.0) / total for k in COHESION_SOURCES)
    return sens, identite, pouvoir, engagement


def settled_cohesion(
    gauges: Mapping[str, int],
    engagement: Mapping[str, int],
    active: Mapping[str, bool],
    weights: tuple[float, float, float, float],
    inertia: float,
) -> int:
    """Cohésion after a change: it moves toward a weighted mean of the gauges and of the engagement of
    those still in the collective, by a share (`inertia`) of the gap: a collective has inertia.

    The engine settles cohésion after every choice and every event, so this runs in the hot loop.
    """
    if all(active.values()):  # everyone is still there (the usual case): summed in C
        total, count = sum(engagement.values()), len(engagement)
    else:
        total = count = 0
        for partner, level in engagement.items():
            if active[partner]:  # who has left no longer counts
                total += level
                count += 1
    mean = total / count if count else 0.0
    w_sens, w_identite, w_pouvoir, w_engagement = weights
    target = (
        w_sens * gauges["sens"] + w_identite * gauges["identite"] + w_pouvoir * gauges["pouvoir"] + w_engagement * mean
    )
    current = gauges["cohesion"]
    return clamp(current + inertia * (target - current))


def shield_factor(pouvoir: int) -> float:
    """×1.5 with no pouvoir, ×1 at 50, ×0.5 at 100: institutional backing absorbs shocks."""
    return 1.5 - pouvoir / 100.0


def shielded(delta: int, pouvoir: int) -> int:
    """A loss from outside scaled by the shield; gains are not."""
    if delta >= 0:
        return delta
    return int(round(delta * shield_factor(pouvoir)))


def is_innovation(diffusion: int, rules: Rules) -> bool:
    return diffusion >= rules.innovation_threshold


# -- the paper's tensions, as numbers (docs/model.md says where each comes from) --------------------------------
@dataclass(frozen=True)
class Tuning:
    """A scenario's rules, read once per engine into what the hot loops need."""

    pouvoir_cap: int
    diminishing_from: int
    light_frame: int
    emergent: frozenset[str]
    pace: dict[str, float]
    appropriation_needed: int
    leaver_loss: float
    break_threshold: int
    procedure_margin: int
    procedure_erosion: int
    upkeep_from: int
    upkeep: int

    @classmethod
    def of(cls, model: Scenario) -> Tuning:
        rules = model.rules
        return cls(
            rules.pouvoir_cap,
            rules.diminishing_from,
            rules.light_frame,
            frozenset(i.id for i in model.inventions if i.emergent),
            {o.id: o.pace for o in model.organisations},
            rules.appropriation_needed,
            rules.leaver_loss,
            rules.break_threshold,
            rules.procedure_margin,
            rules.procedure_erosion,
            rules.upkeep_from,
            rules.upkeep,
        )


def diminished(delta: int, level: int, start: int) -> int:
    """A gain made at `level`: whole below `start`, then shrinking to nothing at 100 (never below 1 point
    while there is room): sens and identité are never finished, but the tenth pleasant meeting adds little."""
    if delta <= 0 or level <= start or start >= 100:
        return delta
    if level >= 100:
        return 0
    scaled = int(round(delta * (100 - level) / (100 - start)))
    return scaled if scaled >= 1 else 1


def capped(before: int, after: int, cap: int) -> int:
    """Pouvoir after a gain: never above the collective's own bound (but a level already above stays)."""
    if after <= before:
        return after
    ceiling = cap if cap > before else before
    return after if after < ceiling else ceiling


def inscription_gain(delta: int, diffusion: int, needed: int) -> int:
    """What a note de service adds: a quarter without appropriation, all of it once colleagues use it."""
    if delta <= 0:
        return delta
    share = 1.0 if needed <= 0 else min(1.0, diffusion / needed)
    return int(round(delta * (0.25 + 0.75 * share)))


def paced(delta: int, pace: float) -> int:
    """A diffusion gain at an organisation's own pace (losses are not slowed)."""
    return int(round(delta * pace)) if delta > 0 else delta


def leaver_share(leaver_loss: float, pouvoir: int) -> float:
    """Share of non-instituted diffusion an organisation loses with its last member: a light frame
    protects nothing (× 1.5 − pouvoir/100, at most all of it)."""
    share = leaver_loss * shield_factor(pouvoir)
    return 1.0 if share > 1.0 else 0.0 if share < 0.0 else share


def month_costs(gauges: Mapping[str, int], tuning: Tuning) -> dict[str, int]:
    """What one month costs sens and identité: the upkeep of a rich collective, and the erosion of a
    collective whose regulation a procedure has replaced (pouvoir far above sens and identité)."""
    costs: dict[str, int] = {}
    if tuning.upkeep and tuning.upkeep_from < 100:
        for gauge in ("sens", "identite"):
            excess = gauges[gauge] - tuning.upkeep_from
            if excess > 0:
                costs[gauge] = -(tuning.upkeep if tuning.upkeep < excess else excess)
    if tuning.procedure_erosion and replaced_by_procedure(gauges, tuning):
        for gauge in ("sens", "identite"):
            costs[gauge] = costs.get(gauge, 0) - tuning.procedure_erosion
    return costs


def replaced_by_procedure(gauges: Mapping[str, int], tuning: Tuning) -> bool:
    """Pouvoir exceeds the mean of sens and identité by more than the margin: procedure regulates."""
    return gauges["pouvoir"] > (gauges["sens"] + gauges["identite"]) / 2 + tuning.procedure_margin
