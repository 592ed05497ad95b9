"""The formulas that turn the paper's claims into numbers.

Kept apart from the session so a trainer (and the docs) can read them in one
place: cohésion follows sens, identité, pouvoir and the partners' engagement;
outside events hit harder when pouvoir is low (déficit d'institué); an
invention becomes an innovation only past a diffusion threshold (Alter).
"""

from __future__ import annotations

from collections.abc import Mapping

from game.scenario.model import Rules
from game.vocabulary.gauges import COHESION_SOURCES

__all__ = ["clamp", "normalised_weights", "settled_cohesion", "shield_factor", "shielded", "is_innovation"]


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
