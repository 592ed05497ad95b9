"""Session records: every game written as it is played, so nothing is lost and the debrief can replay it.

A record is an append-only JSON Lines file. The first line is the header (which
scenario, exactly — id, version and content digest — the seed, who plays, the
language, a session UUID); then one line per decision, written, flushed and
fsynced the moment the engine reports it. Outside events and phase changes are
written too, for people reading the file, but only the choices matter: the
engine is deterministic, so the header's seed plus the choices give back the
whole session (`resume`, the reports).

A crash or a kill can only cut the line being written; `read_log` skips such a
truncated last line with a warning, and `resume` trims it before appending.
Corruption anywhere else means the file was tampered with: it is refused.

This module never imports pygame: the window, the text mode and the reports
all use it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import platformdirs

from game import __version__
from game.errors import RecordError, ScenarioError, SessionError
from game.i18n import CODES
from game.records.lock import Busy, RecordLock, is_locked
from game.rules.engine import Engine, Outcome
from game.rules.start import MAX_SET_DIGITS, SETTABLE, settable
from game.safeio import check_regular, describe_os_error, printable, read_limited
from game.scenario.catalogue import builtin_scenarios
from game.scenario.loading import Book, load

if TYPE_CHECKING:
    from game.rules.session import Session

__all__ = [
    "FORMAT",
    "FORMATS",
    "MAX_RECORD_BYTES",
    "Log",
    "Recorder",
    "sessions_folder",
    "read_log",
    "latest_session",
    "resume",
    "load_book",
    "replay_log",
    "now",
]

FORMAT = "partenaires-session/2"  # /2: `set` carries every `--set` (the turn too); /1 had `gauges`
FORMATS = ("partenaires-session/1", FORMAT)
MAX_RECORD_BYTES = 16 * 1024 * 1024  # a 60-decision game is about 40 KB; read whole, so bounded
MAX_JSON_DEPTH = 32  # no line of a record nests deeper than 4 levels


def now() -> str:
    """UTC time to the millisecond, as ISO 8601: precise enough to order a quick game's decisions in xAPI."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def utc_offset() -> int:
    """This machine's offset from UTC, in minutes: the header keeps it so reports show the local time
    of the game wherever they are rebuilt."""
    offset = datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def sessions_folder() -> Path:
    """Where sessions go by default: the user's data folder, never the working directory."""
    folder = platformdirs.user_data_path("partenaires") / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- reading ---------------------------------------------------------------------------------------------
@dataclass
class Log:
    """A session record as read back: the header, the decisions in order, and the ending if reached."""

    path: Path
    header: dict[str, Any]
    decisions: list[dict[str, Any]] = field(default_factory=list)
    ending: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    good_size: int = 0  # bytes up to the end of the last readable line (where appending resumes)
    cut_line: int = 0  # the number of a cut last line that was skipped (0: none)
    resumed: list[dict[str, Any]] = field(default_factory=list)  # each `resumed` line (when, after how many decisions)

    @property
    def choices(self) -> list[int]:
        return [int(d["choice"]) for d in self.decisions]

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def session_id(self) -> str:
        return str(self.header.get("session_id", ""))

    @property
    def who(self) -> dict[str, Any]:
        """The arguments of `engine.new_session` besides the seed, as recorded."""
        h = self.header
        return {
            "trainee": h.get("trainee", ""),
            "group": h.get("group", ""),
            "lang": h.get("lang", "fr"),
            "start": h.get("start"),
            "gauges": self.start_set or None,
        }

    @property
    def start_set(self) -> dict[str, int]:
        """What `--set` changed at the start (`set` since format /2, `gauges` in /1 records)."""
        values = self.header.get("set") if "set" in self.header else self.header.get("gauges")
        return dict(values or {})


def read_log(path: str | Path) -> Log:
    """Read a record; a cut last line is skipped with a warning, damage elsewhere raises RecordError."""
    file = Path(path)
    try:
        raw = read_limited(file, MAX_RECORD_BYTES)
    except OSError as exc:
        raise RecordError(f"cannot read the session record {describe_os_error(exc)}") from None
    lines = raw.split(b"\n")
    log: Log | None = None
    offset = 0
    for number, line in enumerate(lines, start=1):
        last = number == len(lines) or (number == len(lines) - 1 and lines[-1] == b"")
        end = offset + len(line) + (0 if number == len(lines) else 1)
        if line.strip():
            entry = _parse_line(file, number, line, last, log)
            if entry is None:  # a cut last line
                break
            if log is None:
                log = _header(file, entry)
            else:
                _add(log, file, number, entry)
        if log is not None:
            log.good_size = end
        offset = end
    if log is None:
        raise RecordError(f"{file}: empty session record (no header line)")
    return log


def _parse_line(file: Path, number: int, line: bytes, last: bool, log: Log | None) -> dict[str, Any] | None:
    try:
        if _depth(line) > MAX_JSON_DEPTH:
            raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels deep")
        entry = json.loads(line.decode("utf-8"))
        if not isinstance(entry, dict):
            raise ValueError("not an object")
        return entry
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        if last and log is not None:
            log.cut_line = number
            log.warnings.append(
                f"{file}:{number}: the last line is cut or damaged and was skipped "
                f"(the game was probably interrupted while writing it)"
            )
            return None
        raise RecordError(
            f"{file}:{number}: damaged line in the session record — expected one JSON object per line ({exc})"
        ) from None


def _depth(line: bytes) -> int:
    """The deepest bracket nesting of a JSON line, counted without parsing (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in line:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _header(file: Path, entry: dict[str, Any]) -> Log:
    if entry.get("type") != "header" or entry.get("format") not in FORMATS:
        got = entry.get("format") or entry.get("type")
        raise RecordError(
            f"{file}:1: not a Partenaires session record — expected a header line with "
            f"format `{FORMAT}`, got {printable(repr(got)[:80], one_line=True)}"
        )
    for problem in _header_problems(entry):
        raise RecordError(f"{file}:1: damaged header — {problem}")
    return Log(file, entry)


def _shown(value: Any) -> str:
    """A value quoted in a message: short, printable, and never a 5,000-digit number."""
    if _is_int(value) and abs(value) >= 10**18:
        return "a very large number"
    return printable(repr(value)[:80], one_line=True)


def _kind_of(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _header_problems(h: dict[str, Any]) -> list[str]:
    """Every field the game reads from a header, checked for its type (a tampered file says where)."""
    problems = []

    def expect(name: str, ok: bool, wanted: str, value: Any) -> None:
        if not ok:
            problems.append(f"`{name}` expected {wanted}, got {printable(_kind_of(value), one_line=True)}")

    for key in ("scenario", "seed"):
        if key not in h:
            problems.append(f"the header has no `{key}`")
    if problems:
        return problems
    scenario = h["scenario"]
    expect("scenario", isinstance(scenario, dict), "an object", scenario)
    if isinstance(scenario, dict):
        for key in ("id", "digest"):
            expect(f"scenario.{key}", isinstance(scenario.get(key), str), "text", scenario.get(key))
        path = scenario.get("path")
        expect("scenario.path", path is None or isinstance(path, str), "text", path)
        version = scenario.get("version")
        expect("scenario.version", version is None or isinstance(version, (str, int, float)), "text", version)
    expect("seed", _is_int(h["seed"]), "a whole number", h["seed"])
    for key in ("trainee", "group", "session_id", "started_at"):
        expect(key, isinstance(h.get(key, ""), str), "text", h.get(key))
    offset = h.get("utc_offset", 0)  # added in format /2 without a new version: older headers have none
    expect("utc_offset", _is_int(offset) and -18 * 60 <= offset <= 18 * 60, "minutes from UTC (−1080 to 1080)", offset)
    expect("lang", h.get("lang", "fr") in CODES, "one of " + ", ".join(CODES), h.get("lang"))
    app = h.get("app", {})
    fine_app = isinstance(app, dict) and all(isinstance(app.get(k, ""), str) for k in ("name", "version"))
    expect("app", fine_app, "an object with a text `name` and `version`", app)
    expect("start", h.get("start") is None or isinstance(h.get("start"), str), "a scene id", h.get("start"))
    settings = h.get("set") if "set" in h else h.get("gauges")
    names = SETTABLE if "set" in h else SETTABLE[:-1]
    fine = settings is None or (
        isinstance(settings, dict)
        and all(
            (k in names or ("set" in h and settable(k))) and _is_int(v) and 0 <= v < 10**MAX_SET_DIGITS
            for k, v in settings.items()
        )
    )
    expect("set" if "set" in h else "gauges", fine, "names among " + ", ".join(names) + " with whole numbers", settings)
    return problems


def _add(log: Log, file: Path, number: int, entry: dict[str, Any]) -> None:
    kind = entry.get("type")
    if log.ending is not None and kind in ("decision", "ending"):
        raise RecordError(f"{file}:{number}: a {kind} after the ending")
    if kind == "decision":
        if not _is_int(entry.get("choice")) or not isinstance(entry.get("scene"), str):
            raise RecordError(
                f"{file}:{number}: damaged decision — expected a whole `choice` and a `scene` id, "
                f"got {_kind_of(entry.get('choice'))} and {_kind_of(entry.get('scene'))}"
            )
        if not _is_int(entry.get("index")) or entry.get("index") != len(log.decisions):
            raise RecordError(
                f"{file}:{number}: decision out of order — expected decision "
                f"{len(log.decisions)}, got {_shown(entry.get('index'))}"
            )
        log.decisions.append(entry)
    elif kind == "ending":
        log.ending = entry
    elif kind in ("event", "phase"):
        log.events.append(entry)
    elif kind == "resumed" and isinstance(entry.get("at"), str):
        log.resumed.append(entry)  # the reports count the pause apart from the play
    # other kinds (future additions) are information for people only


def latest_session(folder: str | Path | None = None, unfinished: bool = True) -> Path | None:
    """The most recently written record in a folder (default: the user's), unfinished ones only by default."""
    where = Path(folder) if folder is not None else sessions_folder()
    candidates = sorted(_dated(where), reverse=True)
    for _, path in candidates:
        try:
            log = read_log(path)
        except RecordError:
            continue
        if is_locked(path):  # another game is writing it
            continue
        if not (unfinished and log.finished):
            return path
    return None


def _dated(folder: Path) -> list[tuple[tuple[int, str], Path]]:
    """The folder's records with their time of last write (a file that vanished meanwhile is skipped)."""
    found = []
    for path in folder.glob("*.jsonl"):
        try:
            found.append(((path.stat().st_mtime_ns, path.name), path))
        except OSError:
            continue
    return found


# -- writing ---------------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    """A file-name-safe version of a trainee's name (accents dropped, nothing else kept)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned[:32]


def _target(out: str | Path | None, scenario_id: str, trainee: str, stamp: str, sid: str) -> Path:
    """`out` is a .jsonl file, or a folder in which a fresh, readable name is made."""
    name = "-".join(p for p in (stamp, scenario_id, _slug(trainee), sid[:8]) if p) + ".jsonl"
    if out is None:
        return sessions_folder() / name
    target = Path(out)
    if target.suffix == ".jsonl":
        _make_folder(target.parent)
        return target
    _make_folder(target)
    return target / name


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RecordError(f"cannot create the sessions folder {describe_os_error(exc)}") from None


def _busy(path: Path) -> RecordError:
    return RecordError(
        f"{path}: another game is writing this session record right now — finish or close it first "
        "(two games writing one record would mix their decisions)"
    )


class Recorder:
    """Writes one session's record as it is played; attach with `begin`, or `resume` an old one.

    It holds the record's lock (one writer per record) from before its first write to `close`.
    """

    def __init__(
        self, path: Path, session: Session, stream: IO[str], session_id: str, lock: RecordLock | None = None
    ) -> None:
        self.path = path
        self.session = session
        self.session_id = session_id
        self._stream: IO[str] | None = stream
        self._lock = lock
        # Told about each line once it is written and flushed (fsynced for decisions and endings), with its
        # bytes: the class client sends the record on from there (game/classroom/client.py).
        self.line_listeners: list[Callable[[bytes], None]] = []
        session.listeners.append(self._on)

    @classmethod
    def begin(
        cls, engine: Engine, session: Session, out: str | Path | None = None, setup: dict[str, Any] | None = None
    ) -> Recorder:
        """Create the record, write its header (and any decision already taken), then follow the session.

        `setup` is what changed the start (`{"start": scene, "set": {...}}`, from `--start` and
        `--set`); without it, it is read from the session. A record that cannot be written is
        refused here, before the first decision.
        """
        session_id = str(uuid.uuid4())
        started = now()
        stamp = started[:19].replace("-", "").replace(":", "").replace("T", "-")  # to the second in the name
        path = _target(out, engine.book.model.id, session.trainee, stamp, session_id)
        try:
            stream = open(path, "x", encoding="utf-8", newline="\n")
        except FileExistsError:
            raise RecordError(
                f"{path}: a file already exists there — use --resume to go on with a session "
                "record, or choose another --out"
            ) from None
        except OSError as exc:
            raise RecordError(f"cannot create the session record {describe_os_error(exc)}") from None
        try:
            lock = RecordLock(path)
        except Busy:
            stream.close()
            raise _busy(path) from None
        except OSError as exc:
            stream.close()
            raise RecordError(f"cannot create the session record {describe_os_error(exc)}") from None
        recorder = cls(path, session, stream, session_id, lock)
        try:
            recorder._write(header_for(engine, session, session_id, started, setup), sync=True)
            for decision in session.history:
                recorder._write({"type": "decision", **decision.to_dict(), "at": started}, sync=True)
        except RecordError:
            recorder.close()
            path.unlink(missing_ok=True)  # a header cut by a full disk is no record
            raise
        return recorder

    def _on(self, kind: str, payload: dict[str, Any]) -> None:
        """A session listener: every decision is on disk before the next scene is shown."""
        entry: dict[str, Any] = {"type": kind, **payload, "at": now()}
        if kind in ("event", "phase"):
            entry["decision"] = len(self.session.history) - 1
        self._write(entry, sync=kind in ("decision", "ending"))

    def _write(self, entry: dict[str, Any], sync: bool) -> None:
        """One line, flushed (and fsynced when it matters); a full disk or a lost drive is a RecordError."""
        if self._stream is None:
            return
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            self._stream.write(line)
            self._stream.flush()
            if sync:
                os.fsync(self._stream.fileno())
        except OSError as exc:
            exc.filename = exc.filename or str(self.path)
            raise RecordError(
                f"cannot write the session record {describe_os_error(exc)} — the game stops here; "
                "the decisions before this one are kept"
            ) from None
        for listener in list(self.line_listeners):
            listener(line.encode("utf-8"))

    def close(self) -> None:
        """Stop following the session, close the file and let another writer in (safe to call twice)."""
        if self._on in self.session.listeners:
            self.session.listeners.remove(self._on)
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError:
                pass  # what could not be flushed was already reported by `_write`
            self._stream = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def header_for(
    engine: Engine, session: Session, session_id: str, started: str, setup: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The first line: enough to find the exact scenario again and replay the session.

    Everything that changes the start of a game is here (`start`, and `set` for every
    `--set`, the turn included): without it a replay would start elsewhere.
    """
    book = engine.book
    initial = {g: getattr(book.model.gauges, g) for g in session.gauges}
    if setup is None:
        setup = {"start": _start_scene(engine, session), "set": _start_gauges(engine, session, initial)}
    return {
        "type": "header",
        "format": FORMAT,
        "session_id": session_id,
        "scenario": {
            "id": book.model.id,
            "version": book.model.version,
            "digest": book.digest,
            "path": str(book.path.resolve()) if book.path else None,
        },
        "seed": session.seed,
        "trainee": session.trainee,
        "group": session.group,
        "lang": session.lang,
        "start": setup.get("start"),
        "set": {k: int(v) for k, v in (setup.get("set") or {}).items()},
        "started_at": started,
        "utc_offset": utc_offset(),
        "app": {"name": "partenaires", "version": __version__},
    }


def _start_scene(engine: Engine, session: Session) -> str | None:
    """The scene a trainer started at by hand (`--start`), if it is not where a new game begins."""
    first = session.history[0].scene if session.history else session.scene
    probe = engine.new_session(session.seed, lang=session.lang)
    engine.release(probe)
    return None if probe.scene == first else first


def _start_gauges(engine: Engine, session: Session, initial: dict[str, int]) -> dict[str, int]:
    """Gauges and turn a trainer set by hand (`--set`), read from the first decision or the current state."""
    first = session.history[0].before if session.history else session.gauges
    changed = {g: v for g, v in first.items() if v != initial.get(g)}
    turn = session.history[0].turn if session.history else session.turn
    probe = engine.new_session(session.seed, lang=session.lang, gauges=changed or None)
    engine.release(probe)
    if turn != probe.turn:
        changed["turn"] = turn
    return changed


# -- resuming --------------------------------------------------------------------------------------------
def load_book(log: Log, book: Book | None = None) -> Book:
    """The record's scenario: the one given, the file it was played from, or a built-in with that id.

    Refused when its content changed since (the digest differs): the same choices
    could then lead elsewhere, and the report would tell a story that did not happen.
    """
    wanted = log.header["scenario"]
    if book is None:
        book = _find_book(log)
    if book.model.id != wanted.get("id") or book.digest != wanted.get("digest"):
        raise RecordError(
            f"{log.path}: this session was played on scenario `{wanted.get('id')}` "
            f"version {wanted.get('version')}, and that file has changed since (its content "
            "no longer matches the record); it cannot be replayed — use the scenario file "
            "as it was then"
        )
    return book


def _find_book(log: Log) -> Book:
    wanted = log.header["scenario"]
    candidates: list[Path] = []
    if wanted.get("path"):
        candidates.append(Path(wanted["path"]))
    candidates += [p for p in builtin_scenarios() if p.stem == wanted.get("id")]
    candidates += [p for p in builtin_scenarios() if p.stem != wanted.get("id")]
    fallback: Book | None = None
    for path in candidates:
        if not path.exists():
            continue
        try:
            book = load(path)
        except ScenarioError:
            continue
        if book.model.id == wanted.get("id"):
            if book.digest == wanted.get("digest"):
                return book
            fallback = fallback or book
    if fallback is not None:
        return fallback  # load_book refuses it with the digest message
    raise RecordError(
        f"{log.path}: cannot find scenario `{wanted.get('id')}` (looked at "
        f"{wanted.get('path') or 'no recorded path'} and the built-in scenarios) — "
        "give the scenario file"
    )


def replay_log(log: Log, book: Book | None = None, outcomes: list[Outcome] | None = None) -> tuple[Engine, Session]:
    """Play the recorded choices again and check the game went the same way.

    `outcomes`, when given, receives what each decision did (the reports show it).
    """
    engine = Engine(load_book(log, book))
    try:
        session = engine.new_session(int(log.header["seed"]), **log.who)
    except (SessionError, ValueError, TypeError) as exc:
        raise RecordError(
            f"{log.path}:1: the header's start cannot be played on this scenario ({printable(exc, one_line=True)})"
        ) from None
    try:
        for index in log.choices:
            if session.finished:
                break
            outcome = engine.choose(session, index)
            if outcomes is not None:
                outcomes.append(outcome)
    except SessionError as exc:
        raise RecordError(
            f"{log.path}: the recorded choices cannot be replayed ({printable(exc, one_line=True)})"
        ) from None
    _check_replay(log, session)
    return engine, session


def _check_replay(log: Log, session: Session) -> None:
    if len(session.history) != len(log.decisions):
        raise RecordError(
            f"{log.path}: the game ended after {len(session.history)} decision(s) on replay, "
            f"but the record has {len(log.decisions)}"
        )
    for decision, entry in zip(session.history, log.decisions, strict=True):
        if decision.scene != entry.get("scene") or decision.after != entry.get("after"):
            raise RecordError(
                f"{log.path}: decision {decision.index + 1} does not replay the same way "
                f"(scene {_shown(entry.get('scene'))} recorded, `{decision.scene}` replayed)"
            )
    if log.finished and not session.finished:  # never append after an ending the replay does not reach
        raise RecordError(
            f"{log.path}: the record ends the game, but its decisions do not reach an ending on replay "
            "(the start of the game was not recorded, or the file was edited)"
        )


def resume(path: str | Path, book: Book | None = None) -> tuple[Engine, Session, Recorder]:
    """Go on with a recorded session from its last decision, appending to the same file.

    The record's lock is taken before it is read: another game writing it is refused with a
    sentence, and nothing can be appended between the replay and this game's first line.
    """
    file = Path(path)
    try:
        check_regular(file, MAX_RECORD_BYTES)
        lock = RecordLock(file)
    except Busy:
        raise _busy(file) from None
    except OSError as exc:
        raise RecordError(f"cannot open the session record {describe_os_error(exc)}") from None
    try:
        log = read_log(file)
        engine, session = replay_log(log, book)
        stream = _reopen(log)
    except BaseException:
        lock.release()
        raise
    recorder = Recorder(log.path, session, stream, log.session_id, lock)
    if not session.finished:
        try:
            recorder._write({"type": "resumed", "at": now(), "decisions": len(log.decisions)}, sync=True)
        except RecordError:
            recorder.close()
            raise
    return engine, session, recorder


def _reopen(log: Log) -> IO[str]:
    """The record opened for appending, a cut last line trimmed first."""
    try:
        with open(log.path, "r+b") as handle:
            if log.good_size < os.fstat(handle.fileno()).st_size:  # trim a cut last line
                handle.truncate(log.good_size)
                handle.flush()
                os.fsync(handle.fileno())
            if log.good_size:
                handle.seek(log.good_size - 1)
                if handle.read(1) != b"\n":
                    handle.seek(log.good_size)
                    handle.write(b"\n")
        return open(log.path, "a", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise RecordError(f"cannot append to the session record {describe_os_error(exc)}") from None
