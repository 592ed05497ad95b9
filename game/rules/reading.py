"""What a condition reads in a game, defined once.

The condition language (`game.scenario.conditions`) names variables and functions; this module says how each
reads a session. Every condition is compiled against `READER` — the engine's choices, scenes, events, phase
moves and endings, the explanation of an ending, the reports — so there is one evaluator of the session's
state, and the closures it makes read the session's tables directly (the engine's hot loops run them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.scenario.conditions import FUNCTIONS, VARIABLES
from game.vocabulary.gauges import GAUGES

if TYPE_CHECKING:
    from game.rules.session import Session

__all__ = ["READER", "SessionReader"]

Read = Callable[[Any], Any]


def _gauge(name: str) -> Read:
    return lambda s: s.gauges[name]


def _innovations(s: Session) -> int:
    return sum(1 for invention in s.diffusion if s.innovated(invention) > 0)


_VARIABLES: dict[str, Read] = {
    **{g: _gauge(g) for g in GAUGES},
    "turn": lambda s: s.turn,
    "turns_left": lambda s: s.turns_left,
    "inventions": lambda s: len(s.diffusion),
    "innovations": _innovations,
    "present": lambda s: sum(s.active.values()),
}


def _one(func: str, first: str) -> Read:
    """A call with one id, as a closure over that id (the common case in the hot loops)."""
    readers: dict[str, Read] = {
        "engagement": lambda s: s.engagement[first] if s.active[first] else 0,
        "active": lambda s: s.active[first],
        "awareness": lambda s: s.awareness[first],
        "support": lambda s: s.support[first],
        "invented": lambda s: first in s.diffusion,
        "innovated": lambda s: s.innovated(first),
        "flag": lambda s: s.flags.get(first, False),
        "seen": lambda s: first in s.seen,
        "phase": lambda s: s.phase == first,
    }
    return readers[func]


def _diffusion(invention: str, organisation: str) -> Read:
    return lambda s: s.diffusion.get(invention, {}).get(organisation, 0)


class SessionReader:
    """The binder the rules give the condition language: names and calls → closures over a session."""

    def variable(self, name: str) -> Read:
        return _VARIABLES[name]

    def call(self, func: str, args: tuple[str, ...]) -> Read:
        if func == "diffusion":
            return _diffusion(args[0], args[1])
        return _one(func, args[0])


READER = SessionReader()

assert set(_VARIABLES) == set(VARIABLES), "every variable of the condition language is read here"
assert all(len(kinds) == 1 or name == "diffusion" for name, (kinds, _) in FUNCTIONS.items())
