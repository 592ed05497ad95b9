"""`play --text --watch`: the scenario reloads when its file is saved, as F5 does in the window.

Before each scene the file's size and modification time are compared with the last read; when they
changed, the scenario is checked again. A refused file changes nothing (its errors are shown, with what to
do, and the game goes on with the version it had). An accepted one replaces the running version: the game in
progress goes on at the same scene with the same state (fitted to partners, organisations and inventions
that were removed), or starts again at the beginning when its scene or phase is gone. The record of the old
version is closed and a new record begins beside it, since a record belongs to one version of a scenario.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.i18n import t
from game.records.record import Recorder
from game.rules.engine import Engine
from game.rules.session import Session
from game.rules.state import carried_over
from game.scenario.diagnostics import render
from game.scenario.loading import check

__all__ = ["Watch"]


@dataclass
class Watch:
    """Follows one scenario file; `poll` returns the new engine and session after a save, else None."""

    path: Path
    recorder: Recorder
    say: Callable[[str], None]
    stamp: tuple[int, int] = (0, 0)

    def __post_init__(self) -> None:
        self.stamp = self._stamp()

    def _stamp(self) -> tuple[int, int]:
        try:
            info = self.path.stat()
        except OSError:
            return self.stamp
        return info.st_mtime_ns, info.st_size

    def poll(self, engine: Engine, session: Session) -> tuple[Engine, Session] | None:
        stamp = self._stamp()
        if stamp == self.stamp:
            return None
        self.stamp = stamp
        lang = session.lang
        book, found = check(self.path)
        if book is None:
            self.say(t("watch.refused", lang))
            for diagnostic in found:
                if diagnostic.severity == "error":
                    self.say(render(diagnostic, lang))
            return None
        if book.digest == engine.book.digest:  # saved without a change: nothing to reload
            return None
        new_engine = Engine(book)
        data = carried_over(session.to_dict(), book)
        engine.release(session)
        if data is None:
            gone = session.scene
            new = new_engine.new_session(session.seed, session.trainee, session.group, lang)
            self.say(t("watch.restarted", lang, scene=gone))
        else:
            new = new_engine.restore(data)
            self.say(t("watch.reloaded", lang))
        folder = self.recorder.path.parent
        self.recorder.close()
        self.recorder = Recorder.begin(new_engine, new, folder)
        self.say(t("record", lang, path=self.recorder.path))
        return new_engine, new
