"""One game in the window: engine, session and recorder, plus what the views remember.

The screens talk to a Match, never to the rules directly: it takes a choice,
keeps the last change of every gauge (for "what moved it"), and reloads the
scenario from disk for trainers (F5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.errors import Diagnostic
from game.rules.engine import Engine, Outcome, SceneView
from game.rules.session import Session
from game.rules.state import carried_over
from game.scenario.loading import Book, check
from game.ui import records

__all__ = ["Match", "Reload"]


@dataclass
class Reload:
    """What F5 did: `errors` when the new file is refused, `restarted` when the scene vanished."""

    errors: list[Diagnostic] = field(default_factory=list)
    restarted: str | None = None


class Match:
    def __init__(
        self, engine: Engine, session: Session, recorder: Any | None = None, folder: Path | None = None
    ) -> None:
        self.engine = engine
        self.folder = folder
        self.session = session
        self.recorder = recorder
        self.last_delta: dict[str, int] = {}
        self.not_recorded = ""  # why the game is not being recorded, when it should be

    @classmethod
    def new(
        cls, book: Book, seed: int, trainee: str, group: str, lang: str, record: bool, folder: Path | None
    ) -> Match:
        engine = Engine(book)
        session = engine.new_session(seed, trainee, group, lang)
        recorder, why = records.begin_or_why(engine, session, folder) if record else (None, "")
        match = cls(engine, session, recorder, folder)
        match.not_recorded = why
        return match

    @property
    def book(self) -> Book:
        return self.engine.book

    def view(self) -> SceneView:
        return self.engine.view(self.session)

    def choose(self, index: int) -> Outcome:
        outcome = self.engine.choose(self.session, index)
        self.last_delta.update(outcome.changes)
        self.last_delta.update(outcome.costs)
        for hit in outcome.events:
            self.last_delta.update(hit.deltas)
        return outcome

    def foresee(self, index: int) -> tuple[Outcome, Session]:
        """What choosing `index` would do, played on a copy of the session (same seed state, so the same
        draws): the play screen prepares the feedback ahead while the player reads. Nothing is recorded;
        the copy is returned detached, to be read only."""
        copy = self.engine.restore(self.session.to_dict())
        try:
            return self.engine.choose(copy, index), copy
        finally:
            self.engine.release(copy)

    def close(self) -> None:
        records.close(self.recorder)

    def reload(self) -> Reload:
        """Read the scenario again; keep the session if its scene still exists."""
        path = self.book.path
        if path is None:
            return Reload()
        book, found = check(path)
        if book is None:
            return Reload(errors=[d for d in found if d.severity == "error"])
        engine = Engine(book)
        data = carried_over(self.session.to_dict(), book)
        self.engine.release(self.session)
        records.close(self.recorder)
        if data is None:
            gone = self.session.scene
            session = engine.new_session(self.session.seed, self.session.trainee, self.session.group, self.session.lang)
            result = Reload(restarted=gone)
        else:
            session = engine.restore(data)
            result = Reload()
        self.engine, self.session = engine, session
        self.recorder = records.begin(engine, session, self.folder) if self.recorder is not None else None
        return result
