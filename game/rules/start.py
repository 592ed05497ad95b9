"""What a trainer may change at the start of a game (`play --set NAME=VALUE`).

A preview of a late scene needs the state it would have: the gauges and the month, and also the
flags, the inventions and their spread, each partner's engagement and each hierarchy's awareness and
support. The names accepted here are the ones the engine's `new_session(gauges=…)` knows:

    sens=60  turn=8                        a gauge (0 to 100), the turns already elapsed
    engagement.karim=70                    a partner's engagement (0 to 100)
    awareness.ccas=50  support.ccas=30     a hierarchy's awareness or support (0 to 100)
    flag.cas=1                             a flag (1 set, 0 unset)
    invention.fiche=1                      an invention created (1) or not (0)
    diffusion.fiche.ccas=40                an invention's spread in an organisation (creates it)

The ids are checked against the scenario when the game starts (with a "did you mean").
"""

from __future__ import annotations

import re

from game.errors import PartenairesError
from game.safeio import printable
from game.vocabulary.gauges import ALIASES, GAUGES

__all__ = ["SETTABLE", "PER_ID", "MAX_SET_DIGITS", "parse_sets", "settable"]

SETTABLE = (*GAUGES, "turn")
PER_ID = {"engagement": 1, "awareness": 1, "support": 1, "flag": 1, "invention": 1, "diffusion": 2}  # ids after
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
MAX_SET_DIGITS = 6  # values are clamped by the engine; more digits is a typing mistake, never converted


def settable(name: str) -> bool:
    """Whether a `--set` name (as a record's header carries it) has a known shape: a gauge, `turn`, `kind.id…`."""
    if name in SETTABLE:
        return True
    head, *ids = name.split(".")
    return PER_ID.get(head) == len(ids) and all(_ID.match(part) for part in ids)


def parse_sets(values: list[str]) -> dict[str, int]:
    """`["sens=60", "turn=8", "flag.cas=1"]` → `{"sens": 60, "turn": 8, "flag.cas": 1}`, or what is expected."""
    gauges: dict[str, int] = {}
    for item in values:
        name, _, value = item.partition("=")
        name = ALIASES.get(name.strip(), name.strip())
        number = value.strip()
        if number.lower() in ("true", "false") and name.startswith(("flag.", "invention.")):
            number = "1" if number.lower() == "true" else "0"
        if not settable(name) or not (number.isascii() and number.isdecimal()) or len(number) > MAX_SET_DIGITS:
            raise PartenairesError.said(
                "cli.set.expected", item=printable(item[:40], one_line=True), gauges=", ".join(GAUGES)
            )
        gauges[name] = int(number)
    return gauges
