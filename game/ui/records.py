"""The window's door to session records and debrief reports (`game.records.record`, `game.reports.report`).

Imported lazily so the window still plays when those modules are absent:
recording is then skipped and the report button says it is unavailable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.errors import PartenairesError
from game.i18n import language
from game.rules.engine import Engine
from game.rules.session import Session

__all__ = [
    "begin",
    "begin_or_why",
    "latest",
    "describe",
    "resume",
    "report",
    "log_path",
    "available",
    "close",
    "join_class",
]

_class_link: str | None = None  # `play --class URL/CODE`: every game of this window joins that class


def join_class(link: str | None) -> None:
    """Send the games of this window to a class (game/classroom/client.py, a background thread)."""
    global _class_link
    _class_link = link


def _follow(recorder: Any) -> Any:
    """Attach the class client to a record when this window joined a class or the record already had."""
    if recorder is None:
        return recorder
    try:
        from game.classroom.client import Sender, read_link_file

        if _class_link is None and read_link_file(recorder.path) is None:
            return recorder
        sender = Sender(recorder.path, _class_link)
    except (ImportError, ValueError, OSError):
        return recorder  # a wrong link must not keep anyone from playing: the record is kept locally
    recorder.line_listeners.append(sender.wake)
    recorder.class_sender = sender.start()
    return recorder


def available() -> bool:
    try:
        from game.records import record  # noqa: F401
    except ImportError:
        return False
    return True


def begin(engine: Engine, session: Session, folder: Path | None) -> Any | None:
    """Start recording a new game; None when recording is not available (see `begin_or_why`)."""
    return begin_or_why(engine, session, folder)[0]


def begin_or_why(engine: Engine, session: Session, folder: Path | None) -> tuple[Any | None, str]:
    """Start recording a new game: the recorder, or None and why (shown before the first decision)."""
    try:
        from game.records.record import Recorder
    except ImportError:
        return None, ""
    try:
        return _follow(Recorder.begin(engine, session, out=folder)), ""
    except (PartenairesError, OSError) as exc:  # an unwritable records folder must not keep anyone from playing
        return None, str(exc)


def latest(folder: Path | None) -> Path | None:
    """The most recent unfinished session, if any (for "Continue")."""
    try:
        from game.records.record import latest_session
    except ImportError:
        return None
    try:
        return latest_session(folder, unfinished=True)
    except Exception:  # a damaged records folder must not keep the title screen from opening
        return None


def describe(path: Path, lang: str) -> str:
    """`demo — Camille Martin, 3 décisions` for the Continue button's tooltip."""
    try:
        from game.records.record import read_log

        log = read_log(path)
    except Exception:  # a label is not worth an error
        return path.name
    who = log.header.get("trainee") or path.stem
    count = len(log.decisions)
    return f"{log.header.get('scenario', {}).get('id', '?')} — {who}, {language(lang).count(count, 'decision')}"


def resume(path: Path) -> tuple[Engine, Session, Any]:
    from game.records.record import resume as resume_record

    engine, session, recorder = resume_record(path)
    return engine, session, _follow(recorder)


def log_path(recorder: Any | None) -> Path | None:
    if recorder is None:
        return None
    for name in ("path", "log_path", "file"):
        value = getattr(recorder, name, None)
        if value is not None:
            return Path(value)
    return None


def report(recorder: Any | None, lang: str) -> Path:
    """Write the debrief report of a recorded game; raises ImportError when unavailable."""
    from game.reports.report import write_report

    path = log_path(recorder)
    if path is None:
        raise ImportError("no record")
    return Path(write_report(path, out=None, lang=lang))


def close(recorder: Any | None) -> None:
    """Stop recording (the file stays on disk: an unfinished game can be continued)."""
    closing = getattr(recorder, "close", None)
    if callable(closing):
        closing()
    sender = getattr(recorder, "class_sender", None)
    if sender is not None:
        sender.close(0)  # it keeps sending in the background while the window is open, never blocking it
