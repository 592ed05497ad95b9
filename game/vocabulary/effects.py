"""The kinds of levels a choice or an event moves besides the gauges, declared once.

Each is a table of levels 0–100 by id (engagement by partner; awareness and support by organisation's
hierarchy): the format has a field of that name in `Effects`, the session a table of that name, the checker
verifies the ids, the narration says the change, and outside events are softened by pouvoir when
`shielded` (what a hierarchy learns is not softened: it is news, not damage). Gains of a `diminishing` kind
shrink near the top (docs/model.md: a partner's engagement, like sens and identité, is never finished).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LevelKind", "LEVEL_KINDS", "LEVEL_KIND"]


@dataclass(frozen=True)
class LevelKind:
    id: str  # the key in a scenario's `effects:`, the session's table, the condition function
    family: str  # what its keys name: "partner" or "organisation"
    shielded: bool  # an outside event's change to it is softened by the collective's pouvoir
    diminishing: bool = False  # its gains shrink above rules.diminishing_from


LEVEL_KINDS: tuple[LevelKind, ...] = (
    LevelKind("engagement", "partner", True, diminishing=True),
    LevelKind("awareness", "organisation", False),
    LevelKind("support", "organisation", True),
)
LEVEL_KIND: dict[str, LevelKind] = {kind.id: kind for kind in LEVEL_KINDS}
