"""What a trainer may change at the start of a game (`play --set NAME=VALUE`).

A preview of a late scene needs the gauges and the month it would have; the names accepted here
are the ones the engine's `new_session(gauges=…)` knows.
"""

from __future__ import annotations

from game.errors import PartenairesError
from game.vocabulary.gauges import ALIASES, GAUGES

__all__ = ["SETTABLE", "parse_sets"]

SETTABLE = (*GAUGES, "turn")


def parse_sets(values: list[str]) -> dict[str, int]:
    """`["sens=60", "turn=8"]` → `{"sens": 60, "turn": 8}`, or a sentence saying what is expected."""
    gauges: dict[str, int] = {}
    for item in values:
        name, _, value = item.partition("=")
        name = ALIASES.get(name.strip(), name.strip())
        if name not in SETTABLE or not value.strip().isdigit():
            raise PartenairesError(
                f"--set {item}: expected NAME=NUMBER with a name among {', '.join(GAUGES)} (0 to 100) "
                "and turn (turns already elapsed)"
            )
        gauges[name] = int(value)
    return gauges
