"""What travels between a game and the class server, and how the server checks it.

A game's log on the server is the list of its record's lines, numbered from 0 (the header).
Everything is keyed by (game, line number), so sending twice is harmless and a game that was
away sends from where the server says it stopped:

    POST /api/classes/{code}/games      {"header": "<line 0>"}            → 201 {"game", "seat", "secret", "have"}
    POST /api/games/{game}/lines        {"from": n, "lines": ["…", …]}    → 200 {"have": n + len(lines)}
                                        (Authorization: Bearer <secret>; an empty list asks for `have`)

A game is a log with seats: a solo game has one seat, `player`. Each seat holds its own secret
and every line remembers which seat wrote it, so a table of several trainees (and a
facilitator's actions) can later share one log, and the views below can be made per seat.

This module is pure standard library: the game imports it to join a class without the server's
dependencies, and the server uses the same checks.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

__all__ = [
    "MAX_BODY",
    "MAX_LINE",
    "MAX_BATCH",
    "MAX_NAME",
    "SOLO_SEAT",
    "BadInput",
    "new_class_code",
    "normal_code",
    "new_secret",
    "new_token",
    "check_header",
    "check_lines",
    "check_name",
    "parse_body",
    "fold",
    "empty_view",
    "split_link",
]

MAX_BODY = 1 << 20  # bytes of one request body
MAX_LINE = 64 << 10  # bytes of one record line
MAX_BATCH = 256  # lines in one request
MAX_NAME = 200  # characters of a class, trainee or group name
SOLO_SEAT = "player"

_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed by students
_CODE_GROUPS = 4
_SESSION_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_SCENARIO_ID = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")


class BadInput(ValueError):
    """Input the server refuses, with the HTTP status to answer and a sentence for the client."""

    def __init__(self, message: str, status: int = 400, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.extra = extra


def new_class_code() -> str:
    """A class code: 4 groups of 4 letters, about 79 bits (read on a projector, not guessable)."""
    letters = "".join(secrets.choice(_CODE_LETTERS) for _ in range(4 * _CODE_GROUPS))
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def normal_code(code: str) -> str:
    """A code as typed (lower case, spaces, no dashes) in its canonical form; '' if it cannot be one."""
    letters = re.sub(r"[\s-]", "", code.upper())
    if len(letters) != 4 * _CODE_GROUPS or any(c not in _CODE_LETTERS for c in letters):
        return ""
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def new_secret() -> str:
    """A game's secret: only it can append to its own log."""
    return secrets.token_urlsafe(32)


def new_token() -> str:
    """The trainer's token, when `class serve` makes one."""
    return secrets.token_urlsafe(18)


def parse_body(raw: bytes) -> dict[str, Any]:
    """A request body: one JSON object, within the size limit."""
    if len(raw) > MAX_BODY:
        raise BadInput(f"request body too large — at most {MAX_BODY} bytes", 413)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadInput("the body is not JSON (UTF-8)") from None
    if not isinstance(data, dict):
        raise BadInput("the body must be a JSON object")
    return data


def check_name(value: Any, what: str) -> str:
    """A name (class, trainee, group): a text of at most MAX_NAME characters that UTF-8 can hold."""
    if not isinstance(value, str) or len(value) > MAX_NAME or not _utf8(value):
        raise BadInput(f"`{what}` must be a text of at most {MAX_NAME} characters", 422)
    return value


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (`"\\ud800"` in JSON): no database would store it
        return False
    return True


def _line_object(text: Any, number: int) -> dict[str, Any]:
    if not isinstance(text, str):
        raise BadInput(f"line {number}: expected a text, got {type(text).__name__}", 422)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_LINE:
        raise BadInput(f"line {number}: longer than {MAX_LINE} bytes", 413)
    if "\n" in text or "\r" in text:
        raise BadInput(f"line {number}: a record line holds no line break", 422)
    try:
        text.encode("utf-8")
        entry = json.loads(text)
    except (UnicodeEncodeError, ValueError):
        raise BadInput(f"line {number}: not a JSON record line", 422) from None
    if not isinstance(entry, dict) or not isinstance(entry.get("type"), str):
        raise BadInput(f"line {number}: a record line is a JSON object with a `type`", 422)
    return entry


def check_header(text: Any, digests: list[str] | None = None) -> dict[str, Any]:
    """The record's first line, as the game wrote it: a session header for an allowed scenario."""
    header = _line_object(text, 0)
    if header["type"] != "header" or not str(header.get("format", "")).startswith("partenaires-session/"):
        raise BadInput("line 0 must be a Partenaires session header", 422)
    if not isinstance(header.get("session_id"), str) or not _SESSION_ID.match(header["session_id"]):
        raise BadInput("the header's `session_id` is not a session id", 422)
    scenario = header.get("scenario")
    if not isinstance(scenario, dict) or not _SCENARIO_ID.match(str(scenario.get("id", ""))):
        raise BadInput("the header's `scenario.id` is missing or malformed", 422)
    if not isinstance(scenario.get("digest"), str) or not _DIGEST.match(scenario["digest"]):
        raise BadInput("the header's `scenario.digest` is not a SHA-256 digest", 422)
    if digests and scenario["digest"] not in digests:
        raise BadInput(
            f"this class plays other scenarios — `{scenario['id']}` with this content is not one of them "
            "(check the scenario file, or ask the trainer)",
            422,
        )
    for key in ("trainee", "group"):
        check_name(header.get(key, ""), key)
    if not isinstance(header.get("seed"), int):
        raise BadInput("the header's `seed` must be a whole number", 422)
    return header


def check_lines(lines: Any, start: int) -> list[dict[str, Any]]:
    """A batch of lines to append from line `start` (≥ 1: line 0 is the header, sent on joining)."""
    if not isinstance(start, int) or isinstance(start, bool) or start < 1:
        raise BadInput("`from` must be a line number ≥ 1", 422)
    if not isinstance(lines, list):
        raise BadInput("`lines` must be a list of texts", 422)
    if len(lines) > MAX_BATCH:
        raise BadInput(f"at most {MAX_BATCH} lines per request", 413)
    entries = [_line_object(text, start + i) for i, text in enumerate(lines)]
    if any(e["type"] == "header" for e in entries):
        raise BadInput("a header can only be line 0", 422)
    return entries


# -- the dashboard's view of a game ----------------------------------------------------------------------
def empty_view(header: dict[str, Any]) -> dict[str, Any]:
    """What the dashboard shows of a game that has only joined."""
    return {
        "trainee": header.get("trainee", ""),
        "group": header.get("group", ""),
        "scenario": header["scenario"]["id"],
        "lang": header.get("lang", "fr"),
        "decisions": 0,
        "month": 0,
        "phase": "",
        "gauges": {},
        "ending": None,
        "resumed": 0,
    }


def fold(view: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """The view after one more line; lines of kinds it does not know leave it as it was."""
    kind = entry.get("type")
    if kind == "decision":
        view["decisions"] = int(entry.get("index", view["decisions"])) + 1
        view["month"] = _int(entry.get("turn")) + _int(entry.get("cost"))
        view["phase"] = str(entry.get("phase_after") or entry.get("phase") or view["phase"])
        if isinstance(entry.get("after"), dict):
            view["gauges"] = {str(k): _int(v) for k, v in entry["after"].items()}
    elif kind == "phase":
        view["phase"] = str(entry.get("phase", view["phase"]))
    elif kind == "ending":
        view["ending"] = str(entry.get("ending", ""))
        view["month"] = _int(entry.get("turn", view["month"]))
    elif kind == "resumed":
        view["resumed"] += 1
    return view


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


def split_link(link: str) -> tuple[str, str]:
    """`http://HOST:PORT/CODE` → (server address, class code); raises ValueError for anything else."""
    match = re.match(r"^(https?://[^/\s]+)/+([A-Za-z0-9 -]+)/?$", link.strip())
    code = normal_code(match.group(2)) if match else ""
    if not match or not code:
        raise ValueError(
            f"{link!r} is not a class link — expected http://HOST:PORT/CODE, e.g. http://10.0.0.5:8765/ABCD-EFGH-JKMN-PQRS"
        )
    return match.group(1), code
