"""The four gauges of the game, declared once.

Sens, identité and pouvoir are the paper's triptych (Lyet 2009: "règle, sens, identité" articulated with
power); cohésion is whether the collective holds, fed by the three and by the partners' engagement. Every
view (window, text mode, reports, tools) takes a gauge's order, colour and print style from here and its name
from the catalogues (`gauge.<id>`), so adding a gauge means adding it here, to the catalogues, to the format
(`game/scenario/model.py`: the starting level and the effect), and to the scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Gauge", "GAUGE_LIST", "GAUGES", "GAUGE", "ALIASES", "TRIPTYCH", "COHESION_SOURCES", "gauge_order"]


@dataclass(frozen=True)
class Gauge:
    id: str  # as written in scenarios and conditions (ASCII)
    spelling: str  # the accented spelling a trainer may write in a condition or `--set`
    colour: tuple[int, int, int]  # the window's and the reports' colour (the high-contrast theme overrides it)
    dash: str  # the report chart's line pattern, readable in grey print
    mark: str  # the report chart's point shape
    feeds_cohesion: bool  # weighed into cohésion's target (the rules' `cohesion_weights`)


GAUGE_LIST: tuple[Gauge, ...] = (
    Gauge("sens", "sens", (52, 116, 160), "", "circle", True),
    Gauge("identite", "identité", (128, 88, 160), "7 4", "square", True),
    Gauge("pouvoir", "pouvoir", (176, 112, 52), "2 3", "diamond", True),
    Gauge("cohesion", "cohésion", (46, 128, 96), "10 3 2 3", "triangle", False),
)

GAUGES: tuple[str, ...] = tuple(g.id for g in GAUGE_LIST)
GAUGE: dict[str, Gauge] = {g.id: g for g in GAUGE_LIST}
ALIASES: dict[str, str] = {g.spelling: g.id for g in GAUGE_LIST if g.spelling != g.id}
# The gauges that choices and events move and that feed cohésion (sens, identité, pouvoir).
TRIPTYCH: tuple[str, ...] = tuple(g.id for g in GAUGE_LIST if g.feeds_cohesion)
# What cohésion's target weighs, in this order: the gauges that feed it, then the partners' engagement.
COHESION_SOURCES: tuple[str, ...] = (*TRIPTYCH, "engagement")


def gauge_order(key: str) -> tuple[int, str]:
    """Sort key that puts the gauges first, in their order, then everything else by name."""
    return (GAUGES.index(key) if key in GAUGE else len(GAUGES), key)
