"""Learning records: a session as xAPI statements, following the xAPI serious-games profile.

The profile (e-UCM / RAGE, https://github.com/e-ucm/xapi-seriousgames) models a
game as a *completable* (initialized → progressed → completed) and each
decision as an *alternative* that the player *selected*. So one session gives:

- `initialized` the serious game, when the session started;
- for each decision, `selected` on the scene (a question), with the choice's id
  in `result.response` and the four gauges after it in `result.extensions`,
  then `progressed` on the game with the share of the funding time used;
- `completed` the game with the ending's id, when an ending was reached.

Every statement carries the session's UUID in `context.registration`, so a
learning record store groups them. Statement ids are derived from the session
and the position (UUID 5): exporting the same record twice gives the same
statements, which a store deduplicates. Nothing is sent anywhere: this module
writes JSON Lines, and a school decides what to do with them.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from game.vocabulary.gauges import GAUGES

__all__ = [
    "VERBS",
    "ACTIVITY_TYPES",
    "DEFAULT_BASE",
    "PROFILE",
    "statements",
    "write_statements",
    "validate_statement",
    "check_base",
    "play_seconds",
]

VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "progressed": "http://adlnet.gov/expapi/verbs/progressed",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "selected": "https://w3id.org/xapi/adb/verbs/selected",
    "suspended": "http://adlnet.gov/expapi/verbs/suspended",
    "resumed": "http://adlnet.gov/expapi/verbs/resumed",
}
PROFILE = "https://w3id.org/xapi/seriousgames"  # named in contextActivities.category, as profiles ask
ACTIVITY_TYPES = {
    "game": "https://w3id.org/xapi/seriousgames/activity-types/serious-game",
    "question": "http://adlnet.gov/expapi/activities/question",
}
PROGRESS = "https://w3id.org/xapi/seriousgames/extensions/progress"
DEFAULT_BASE = "https://partenaires.invalid/xapi"  # a school sets its own with --xapi-base
_PROFILE_TYPE = "http://adlnet.gov/expapi/activities/profile"
_NAMESPACE = uuid.UUID("6f1d2a4e-6a8e-4c55-9a43-2f6a4c0e5b11")  # fixed: same record, same statement ids


def check_base(base: str) -> str:
    """The base IRI of a school, or PartenairesError: an absolute http(s) IRI with a host, no space,
    no query or fragment (activity ids and extension keys are built on it)."""
    from urllib.parse import urlsplit

    from game.errors import PartenairesError

    wrong = f"--xapi-base {base!r}: expected an IRI such as https://lrs.my-school.fr/partenaires"
    if any(ord(c) <= 0x20 or c in '<>"{}|\\^`' or 0x7F <= ord(c) <= 0x9F for c in base):
        raise PartenairesError(wrong + " — it holds a space or a character an IRI cannot")
    try:
        parts = urlsplit(base)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise PartenairesError(wrong) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PartenairesError(wrong + " — it must start with https:// and name a host")
    if parts.query or parts.fragment or "#" in base or "?" in base:
        raise PartenairesError(wrong + " — without ? or #")
    return base.rstrip("/")


def statements(report: dict[str, Any], base: str = DEFAULT_BASE, pseudonym: bool = False) -> list[dict[str, Any]]:
    """The statements of one session, from its report data (`report.build_report`).

    A resumed game says `suspended` (when its last decision before the pause was taken) and
    `resumed` (when it was taken up again); a game left unfinished ends with `suspended`.
    `pseudonym` keeps the trainee's name out of the statements (see `_Builder.actor`).
    """
    builder = _Builder(report, base.rstrip("/"), pseudonym)
    out = [builder.initialized()]
    pauses = {
        int(r["decisions"]): r["at"] for r in report["session"].get("resumed", []) if r.get("decisions") is not None
    }
    for decision in report["decisions"]:
        if decision["index"] in pauses and decision["index"] > 0:
            out.append(builder.suspended(report["decisions"][decision["index"] - 1]["at"]))
            out.append(builder.resumed(pauses[decision["index"]]))
        out.append(builder.selected(decision))
        out.append(builder.progressed(decision))
    if report["ending"] is not None:
        out.append(builder.completed())
    elif report["decisions"]:
        out.append(builder.suspended(report["decisions"][-1]["at"], final=True))
    return out


def play_seconds(report: dict[str, Any], until: str | None = None) -> int | None:
    """Seconds of play from the start to `until` (default: the end), pauses left out.

    A pause runs from the last decision before a `resumed` line (or the start) to that line.
    """
    session = report["session"]
    end = until or session["ended_at"]
    try:
        total = (_parse(end) - _parse(session["started_at"])).total_seconds()
        stamps = [session["started_at"]] + [d["at"] for d in report["decisions"]]
        for pause in session.get("resumed", []):
            count = pause.get("decisions")
            if count is None or _parse(pause["at"]) > _parse(end):
                continue
            last = stamps[min(int(count), len(stamps) - 1)]
            total -= max(0.0, (_parse(pause["at"]) - _parse(last)).total_seconds())
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return max(0, int(total))


class _Builder:
    def __init__(self, report: dict[str, Any], base: str, pseudonym: bool = False) -> None:
        self.r = report
        self.base = base
        self.pseudonym = pseudonym
        self.lang = report["lang"]
        self.session = report["session"]
        self.scenario = report["scenario"]
        self.game_id = f"{base}/scenarios/{self.scenario['id']}"
        self.count = 0

    def ext(self, name: str) -> str:
        return f"{self.base}/extensions/{name}"

    def _statement(
        self, verb: str, obj: dict[str, Any], timestamp: str, result: dict[str, Any] | None = None, parent: bool = False
    ) -> dict[str, Any]:
        sid = uuid.uuid5(_NAMESPACE, f"{self.base}/{self.session['id']}/{self.count}")  # another base, other ids
        self.count += 1
        context: dict[str, Any] = {
            "registration": self.session["id"],
            "language": self.lang,
            "platform": f"Partenaires {self.session['app'].get('version', '')}".strip(),
            "extensions": {
                self.ext("scenario-version"): self.scenario["version"],
                self.ext("scenario-digest"): self.scenario["digest"],
                self.ext("seed"): self.session["seed"],
            },
        }
        if self.session.get("group") and not self.pseudonym:
            context["extensions"][self.ext("group")] = self.session["group"]
        context["contextActivities"] = {
            "category": [{"objectType": "Activity", "id": PROFILE, "definition": {"type": _PROFILE_TYPE}}]
        }
        if parent:
            context["contextActivities"]["parent"] = [self.game()]
        statement: dict[str, Any] = {
            "id": str(sid),
            "actor": self.actor(),
            "verb": {"id": VERBS[verb], "display": {"en": verb}},
            "object": obj,
            "context": context,
            "timestamp": timestamp or self.session["started_at"],
        }
        if result is not None:
            statement["result"] = result
        return statement

    def actor(self) -> dict[str, Any]:
        """The trainee as an account on the school's base; its name is never the display name alone.

        The account is the session's (`name#session-id`): two trainees named Léa, or every anonymous
        game, never merge into one learner. With `pseudonym`, the trainee's name stays out of the
        record store (as the GDPR asks): the account is a digest of the base and the session id, which
        only who holds the session records can link back to a name.
        """
        session_id = self.session["id"]
        if self.pseudonym:
            digest = hashlib.sha256(f"{self.base}/{session_id}".encode()).hexdigest()[:20]
            return {"objectType": "Agent", "account": {"homePage": self.base, "name": f"learner-{digest}"}}
        name = self.session.get("trainee") or "anonymous"
        return {"objectType": "Agent", "name": name, "account": {"homePage": self.base, "name": f"{name}#{session_id}"}}

    def definition(self, kind: str, name: str, description: str) -> dict[str, Any]:
        """An activity definition; an empty text gives no map (a strict store refuses an empty one)."""
        out: dict[str, Any] = {"type": ACTIVITY_TYPES[kind]}
        if name.strip():
            out["name"] = {self.lang: name}
        if description.strip():
            out["description"] = {self.lang: description}
        return out

    def game(self) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": self.game_id,
            "definition": self.definition("game", self.scenario["title"], self.scenario["summary"]),
        }

    def gauges(self, values: dict[str, int]) -> dict[str, Any]:
        return {self.ext("gauges"): {g: values[g] for g in GAUGES}}

    def initialized(self) -> dict[str, Any]:
        return self._statement("initialized", self.game(), self.session["started_at"])

    def selected(self, d: dict[str, Any]) -> dict[str, Any]:
        scene = {
            "objectType": "Activity",
            "id": f"{self.game_id}/scenes/{d['scene']}",
            "definition": self.definition("question", d["scene_title"] or d["scene"], d["scene_text"]),
        }
        extensions = self.gauges(d["after"])
        extensions[self.ext("choice-text")] = d["choice_text"]
        extensions[self.ext("concepts")] = [t["id"] for t in d["tags"]]
        extensions[self.ext("turn")] = d["turn"]
        return self._statement(
            "selected", scene, d["at"], {"response": d["choice_id"], "extensions": extensions}, parent=True
        )

    def progressed(self, d: dict[str, Any]) -> dict[str, Any]:
        turns = max(1, int(self.scenario["turns"]))
        progress = round(min(1.0, (d["turn"] + d["cost"] + d["idle"]) / turns), 4)
        extensions = {PROGRESS: progress, **self.gauges(d["after"])}
        return self._statement("progressed", self.game(), d["at"], {"extensions": extensions})

    def completed(self) -> dict[str, Any]:
        ending = self.r["ending"]
        last = self.r["decisions"][-1]["after"] if self.r["decisions"] else {}
        result: dict[str, Any] = {
            "completion": True,
            "response": ending["id"],
            "extensions": {PROGRESS: 1, self.ext("ending-title"): ending["title"]},
        }
        if last:
            result["extensions"].update(self.gauges(last))
        if last:
            # where a gradebook looks: the mean of the four gauges at the end, 0–100 (not a verdict)
            raw = round(sum(last[g] for g in GAUGES) / len(GAUGES), 2)
            result["score"] = {"raw": raw, "min": 0, "max": 100, "scaled": round(raw / 100, 4)}
        if ending.get("success") is not None:  # only when the scenario declares it (no single right answer)
            result["success"] = bool(ending["success"])
        seconds = play_seconds(self.r)
        if seconds is not None:
            result["duration"] = _duration(seconds)
        return self._statement("completed", self.game(), self.session["ended_at"], result)

    def suspended(self, at: str, final: bool = False) -> dict[str, Any]:
        """The game paused (or left unfinished) after its last decision; the play time so far."""
        result: dict[str, Any] = {"completion": False} if final else {}
        seconds = play_seconds(self.r, at)
        if seconds is not None:
            result["duration"] = _duration(seconds)
        return self._statement("suspended", self.game(), at, result or None)

    def resumed(self, at: str) -> dict[str, Any]:
        return self._statement("resumed", self.game(), at)


def _duration(seconds: int) -> str:
    """ISO 8601 duration (`PT0H12M5S`)."""
    return f"PT{seconds // 3600}H{seconds % 3600 // 60}M{seconds % 60}S"


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def write_statements(report: dict[str, Any], path: Path, base: str = DEFAULT_BASE, pseudonym: bool = False) -> Path:
    """Write the statements as JSON Lines (one statement per line), atomically."""
    from game.reports.report import atomic_write

    lines = [json.dumps(s, ensure_ascii=False, sort_keys=True) for s in statements(report, base, pseudonym)]
    atomic_write(path, "\n".join(lines) + "\n")
    return path


# -- structure checks (what a learning record store would refuse) ----------------------------------------
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
_LANG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
_DURATION = re.compile(r"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


def validate_statement(s: dict[str, Any]) -> list[str]:
    """The structural problems of one statement against xAPI 1.0.3 (empty when it is well formed)."""
    problems: list[str] = []
    for key in ("id", "actor", "verb", "object", "timestamp"):
        if key not in s:
            problems.append(f"missing `{key}`")
    if problems:
        return problems
    if not _UUID.match(s["id"]):
        problems.append("`id` is not a UUID")
    if not _STAMP.match(s["timestamp"]):
        problems.append("`timestamp` is not ISO 8601 with a time zone")
    problems += _check_actor(s["actor"])
    if not _IRI.match(s["verb"].get("id", "")) or not _langmap(s["verb"].get("display", {})):
        problems.append("`verb` needs an IRI id and a language map display")
    problems += _check_activity(s["object"], "object")
    problems += _check_result(s.get("result"))
    problems += _check_context(s.get("context"))
    return problems


def _langmap(value: Any) -> bool:
    """A non-empty language map of non-empty texts (a strict store refuses an empty one)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_LANG.match(k) and isinstance(v, str) and v.strip() for k, v in value.items())
    )


def _check_actor(actor: Any) -> list[str]:
    if not isinstance(actor, dict):
        return ["`actor` is not an Agent"]
    account = actor.get("account")
    problems = []
    if sum(k in actor for k in ("mbox", "mbox_sha1sum", "openid", "account")) != 1:
        problems.append("`actor` needs exactly one identifier")
    if not isinstance(account, dict) or not _IRI.match(str(account.get("homePage", ""))) or not account.get("name"):
        problems.append("`actor` needs an account with an IRL homePage and a name")
    elif account.get("name") == actor.get("name"):
        problems.append("`actor.account.name` is the display name alone: two trainees of that name would merge")
    return problems


def _check_activity(activity: Any, where: str) -> list[str]:
    if not isinstance(activity, dict) or activity.get("objectType", "Activity") != "Activity":
        return [f"`{where}` is not an Activity"]
    problems = [] if _IRI.match(str(activity.get("id", ""))) else [f"`{where}.id` is not an IRI"]
    definition = activity.get("definition", {})
    if not _IRI.match(str(definition.get("type", ""))):
        problems.append(f"`{where}.definition.type` is not an IRI")
    for key in ("name", "description"):
        if key in definition and not _langmap(definition[key]):
            problems.append(f"`{where}.definition.{key}` is not a language map")
    return problems


def _check_result(result: Any) -> list[str]:
    if result is None:
        return []
    problems = []
    if "response" in result and not isinstance(result["response"], str):
        problems.append("`result.response` is not a string")
    if "extensions" in result and not all(_IRI.match(k) for k in result["extensions"]):
        problems.append("a `result.extensions` key is not an IRI")
    if "duration" in result and not _DURATION.match(result["duration"]):
        problems.append("`result.duration` is not an ISO 8601 duration")
    for key in ("completion", "success"):
        if key in result and not isinstance(result[key], bool):
            problems.append(f"`result.{key}` is not a boolean")
    score = result.get("score")
    if score is not None:
        scaled, raw = score.get("scaled"), score.get("raw")
        low, high = score.get("min"), score.get("max")
        if scaled is not None and not (isinstance(scaled, (int, float)) and -1 <= scaled <= 1):
            problems.append("`result.score.scaled` is not between -1 and 1")
        if low is not None and high is not None and not low < high:
            problems.append("`result.score.min` is not below `max`")
        if raw is not None and low is not None and high is not None and not low <= raw <= high:
            problems.append("`result.score.raw` is not between `min` and `max`")
    return problems


def _check_context(context: Any) -> list[str]:
    if context is None:
        return []
    problems = []
    if "registration" in context and not _UUID.match(str(context["registration"])):
        problems.append("`context.registration` is not a UUID")
    if "language" in context and not _LANG.match(str(context["language"])):
        problems.append("`context.language` is not a language tag")
    if "extensions" in context and not all(_IRI.match(k) for k in context["extensions"]):
        problems.append("a `context.extensions` key is not an IRI")
    for kind, activities in context.get("contextActivities", {}).items():
        if kind not in ("parent", "grouping", "category", "other"):
            problems.append(f"`context.contextActivities.{kind}` is not a context activity kind")
        for activity in activities if isinstance(activities, list) else [activities]:
            problems += _check_activity(activity, f"context.contextActivities.{kind}")
    return problems
