"""The window's door to session records and debrief reports (`game.records.record`, `game.reports.report`).

Imported lazily so the window still plays when those modules are absent:
recording is then skipped and the report button says it is unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.errors import PartenairesError
from game.rules.engine import Engine
from game.rules.session import Session

__all__ = [
    "Saved",
    "begin",
    "begin_or_why",
    "unfinished",
    "resume",
    "report",
    "log_path",
    "available",
    "close",
    "join_class",
    "class_link",
]

_class_link: str | None = None  # `play --class URL/CODE`: every game of this window joins that class


def join_class(link: str | None) -> None:
    """Send the games of this window to a class (game/classroom/client.py, a background thread)."""
    global _class_link
    _class_link = link


def class_link() -> str | None:
    """The class this window's games are sent to, if any."""
    return _class_link


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


@dataclass(frozen=True)
class Saved:
    """An unfinished game on disk, as the Continue list shows it: who, which scenario, which month."""

    path: Path
    trainee: str
    scenario: str  # the scenario's id (the window puts its title in its place when it knows it)
    month: int  # the month the game stands at, counted from 1
    decisions: int


def unfinished(folder: Path | None, limit: int = 12) -> list[Saved]:
    """The unfinished games of a records folder, the most recently played first (damaged ones left out)."""
    try:
        from game.records.record import is_locked, read_log, sessions_folder
    except ImportError:
        return []
    try:
        where = folder if folder is not None else sessions_folder()
        paths = sorted(where.glob("*.jsonl"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    except OSError:
        return []
    found: list[Saved] = []
    for path in paths:
        try:
            log = read_log(path)
        except Exception:  # a damaged record is left out of the list, never a reason to fail
            continue
        if log.finished or is_locked(path):  # ended, or another game is writing it
            continue
        ends = [int(d.get("turn", 0)) + int(d.get("cost", 1)) for d in log.decisions]
        ends += [int(e.get("turn", 0)) for e in log.events if e.get("type") == "event"]
        scenario = log.header.get("scenario") or {}
        found.append(
            Saved(
                path,
                str(log.header.get("trainee") or ""),
                str(scenario.get("id", "?") if isinstance(scenario, dict) else "?"),
                max(ends, default=0) + 1,
                len(log.decisions),
            )
        )
        if len(found) >= limit:
            break
    return found


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


def open_file(path: Path) -> bool:
    """Show a local file with the system's viewer (a browser for the HTML report); False when none could."""
    import webbrowser

    try:
        return bool(webbrowser.open(path.resolve().as_uri()))
    except Exception:  # no viewer, no display: the caller says where the file is
        return False


def close(recorder: Any | None) -> None:
    """Stop recording (the file stays on disk: an unfinished game can be continued)."""
    closing = getattr(recorder, "close", None)
    if callable(closing):
        closing()
    sender = getattr(recorder, "class_sender", None)
    if sender is not None:
        sender.close(0)  # it keeps sending in the background while the window is open, never blocking it
