"""What a trainer may change at the start of a game (`play --set NAME=VALUE`).

A preview of a late scene needs the gauges and the month it would have; the names accepted here
are the ones the engine's `new_session(gauges=…)` knows.
"""

from __future__ import annotations

from game.errors import PartenairesError
from game.safeio import printable
from game.vocabulary.gauges import ALIASES, GAUGES

__all__ = ["SETTABLE", "MAX_SET_DIGITS", "parse_sets"]

SETTABLE = (*GAUGES, "turn")
MAX_SET_DIGITS = 6  # values are clamped by the engine; more digits is a typing mistake, never converted


def parse_sets(values: list[str]) -> dict[str, int]:
    """`["sens=60", "turn=8"]` → `{"sens": 60, "turn": 8}`, or a sentence saying what is expected."""
    gauges: dict[str, int] = {}
    for item in values:
        name, _, value = item.partition("=")
        name = ALIASES.get(name.strip(), name.strip())
        number = value.strip()
        if name not in SETTABLE or not (number.isascii() and number.isdecimal()) or len(number) > MAX_SET_DIGITS:
            raise PartenairesError(
                f"--set {printable(item[:40], one_line=True)}: expected NAME=NUMBER with a name among "
                f"{', '.join(GAUGES)} (0 to 100) and turn (turns already elapsed)"
            )
        gauges[name] = int(number)
    return gauges
