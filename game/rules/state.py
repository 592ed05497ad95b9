"""The state of a game that the rules read, declared once.

A session's copies (the window's foresight, the deep search's snapshots), the deep search's keys (what tells
two states apart), its saves (`Session.to_dict`) and a save fitted to an edited scenario (F5 in the window) all
derive from `STATE` below. A field added to the game is added here, with its kind, and every one of them
follows: a field missed by the deep search would make its proof silently wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.scenario.loading import Book

__all__ = [
    "Part",
    "STATE",
    "Snapshot",
    "part_of",
    "snapshot",
    "restore",
    "state_key",
    "saved_state",
    "load_state",
    "fit_state",
    "carried_over",
]

Snapshot = tuple[Any, ...]


class Kind:
    """How one kind of value is copied, compared in the deep search, restored and fitted to new ids."""

    def copy(self, value: Any) -> Any:
        return value

    def key(self, value: Any, bucket: int) -> Any:
        return value

    def load(self, current: Any, saved: Any) -> Any:
        """The restored value (`current` is the new session's own start value)."""
        return self.copy(saved)

    def fit(self, value: Any, ids: set[str], inner: set[str]) -> Any:
        return value


class Levels(Kind):
    """Values 0–100 by id (gauges, engagement, awareness, support); the deep search may group them."""

    def copy(self, value: dict[str, Any]) -> dict[str, Any]:
        return dict(value)

    def key(self, value: dict[str, Any], bucket: int) -> tuple[Any, ...]:
        return tuple(v // bucket for v in value.values()) if bucket > 1 else tuple(value.values())

    def load(self, current: dict[str, Any], saved: dict[str, Any]) -> dict[str, Any]:
        return {**current, **{k: v for k, v in saved.items() if k in current}}

    def fit(self, value: dict[str, Any], ids: set[str], inner: set[str]) -> dict[str, Any]:
        return {k: v for k, v in value.items() if k in ids}


class Switches(Levels):
    """True/false by a fixed set of ids (who is still in the collective)."""

    def key(self, value: dict[str, Any], bucket: int) -> tuple[Any, ...]:
        return tuple(value.values())


class Flags(Kind):
    """Markers a scenario sets freely: only those that are set tell states apart."""

    def copy(self, value: dict[str, bool]) -> dict[str, bool]:
        return dict(value)

    def key(self, value: dict[str, bool], bucket: int) -> frozenset[str]:
        return frozenset(k for k, v in value.items() if v)


class Spread(Kind):
    """Levels by invention then organisation (diffusion); an invention is there once it is created."""

    def copy(self, value: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
        return {k: dict(v) for k, v in value.items()}

    def key(self, value: dict[str, dict[str, int]], bucket: int) -> tuple[Any, ...]:
        return tuple(sorted((k, LEVELS.key(v, bucket)) for k, v in value.items()))

    def fit(self, value: dict[str, dict[str, int]], ids: set[str], inner: set[str]) -> dict[str, dict[str, int]]:
        return {k: {o: levels.get(o, 0) for o in sorted(inner)} for k, levels in value.items() if k in ids}


class Trail(Kind):
    """Ids met in order (scenes seen, events fired); rules only ask whether an id is in it."""

    def copy(self, value: list[str]) -> list[str]:
        return list(value)

    def key(self, value: list[str], bucket: int) -> frozenset[str]:
        return frozenset(value)


SCALAR, LEVELS, SWITCHES, FLAGS, SPREAD, TRAIL = Kind(), Levels(), Switches(), Flags(), Spread(), Trail()


@dataclass(frozen=True)
class Part:
    """One field of the state: its attribute name on the session, its kind, and what its keys are ids of."""

    name: str
    kind: Kind
    ids: str = ""  # "partners", "organisations" or "inventions": what an edited scenario may have removed


STATE: tuple[Part, ...] = (
    Part("phase", SCALAR),
    Part("scene", SCALAR),
    Part("turn", SCALAR),
    Part("gauges", LEVELS),
    Part("engagement", LEVELS, "partners"),
    Part("active", SWITCHES, "partners"),
    Part("awareness", LEVELS, "organisations"),
    Part("support", LEVELS, "organisations"),
    Part("diffusion", SPREAD, "inventions"),
    Part("flags", FLAGS),
    Part("seen", TRAIL),
    Part("fired", TRAIL),
)


_POSITION = {part.name: i for i, part in enumerate(STATE)}


def part_of(snap: Snapshot, name: str) -> Any:
    """One field of a snapshot, by name."""
    return snap[_POSITION[name]]


def snapshot(session: Any) -> Snapshot:
    """A copy of everything the rules read, detached from the session."""
    return tuple(part.kind.copy(getattr(session, part.name)) for part in STATE)


def restore(session: Any, snap: Snapshot) -> None:
    for part, value in zip(STATE, snap, strict=True):
        setattr(session, part.name, part.kind.copy(value))


def state_key(snap: Snapshot, bucket: int = 1) -> tuple[Any, ...]:
    """What tells two states apart for the deep search; gauge-like values grouped by `bucket`."""
    return tuple(part.kind.key(value, bucket) for part, value in zip(STATE, snap, strict=True))


def saved_state(session: Any) -> dict[str, Any]:
    """The state as plain JSON-able data, by field name."""
    return {part.name: part.kind.copy(getattr(session, part.name)) for part in STATE}


def load_state(session: Any, data: dict[str, Any]) -> None:
    """Restore what `saved_state` wrote (the machine's `phase` included)."""
    for part in STATE:
        setattr(session, part.name, part.kind.load(getattr(session, part.name, None), data[part.name]))


def fit_state(data: dict[str, Any], ids: Mapping[str, Iterable[str]]) -> dict[str, Any]:
    """A saved state fitted to a scenario whose partners, organisations or inventions changed."""
    organisations = set(ids.get("organisations", ()))
    fitted = dict(data)
    for part in STATE:
        if part.ids:
            fitted[part.name] = part.kind.fit(data[part.name], set(ids.get(part.ids, ())), organisations)
    return fitted


def carried_over(data: dict[str, Any], book: Book) -> dict[str, Any] | None:
    """A save (`Session.to_dict`) fitted to an edited scenario (F5 in the window, `--watch` in the terminal),
    or None when its scene or phase is gone."""
    model = book.model
    if data["scene"] not in {s.id for s in model.scenes} or data["phase"] not in {p.id for p in model.phases}:
        return None
    ids = {
        "partners": [p.id for p in model.partners],
        "organisations": [o.id for o in model.organisations],
        "inventions": [i.id for i in model.inventions],
    }
    return {**fit_state(data, ids), "digest": book.digest}
