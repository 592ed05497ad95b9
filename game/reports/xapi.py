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

import json
import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from game.vocabulary.gauges import GAUGES

__all__ = ["VERBS", "ACTIVITY_TYPES", "DEFAULT_BASE", "statements", "write_statements", "validate_statement"]

VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "progressed": "http://adlnet.gov/expapi/verbs/progressed",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "selected": "https://w3id.org/xapi/adb/verbs/selected",
}
ACTIVITY_TYPES = {
    "game": "https://w3id.org/xapi/seriousgames/activity-types/serious-game",
    "question": "http://adlnet.gov/expapi/activities/question",
}
PROGRESS = "https://w3id.org/xapi/seriousgames/extensions/progress"
DEFAULT_BASE = "https://partenaires.invalid/xapi"  # a school sets its own with --xapi-base
_NAMESPACE = uuid.UUID("6f1d2a4e-6a8e-4c55-9a43-2f6a4c0e5b11")  # fixed: same record, same statement ids


def statements(report: dict[str, Any], base: str = DEFAULT_BASE) -> list[dict[str, Any]]:
    """The statements of one session, from its report data (`report.build_report`)."""
    builder = _Builder(report, base.rstrip("/"))
    out = [builder.initialized()]
    for decision in report["decisions"]:
        out.append(builder.selected(decision))
        out.append(builder.progressed(decision))
    if report["ending"] is not None:
        out.append(builder.completed())
    return out


class _Builder:
    def __init__(self, report: dict[str, Any], base: str) -> None:
        self.r = report
        self.base = base
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
        sid = uuid.uuid5(_NAMESPACE, f"{self.session['id']}/{self.count}")
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
        if self.session.get("group"):
            context["extensions"][self.ext("group")] = self.session["group"]
        if parent:
            context["contextActivities"] = {"parent": [self.game()]}
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
        """The trainee as an account on the school's base (no e-mail: nothing personal beyond the name)."""
        name = self.session.get("trainee") or "anonymous"
        return {"objectType": "Agent", "name": name, "account": {"homePage": self.base, "name": name}}

    def game(self) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": self.game_id,
            "definition": {
                "type": ACTIVITY_TYPES["game"],
                "name": {self.lang: self.scenario["title"]},
                "description": {self.lang: self.scenario["summary"]},
            },
        }

    def gauges(self, values: dict[str, int]) -> dict[str, Any]:
        return {self.ext("gauges"): {g: values[g] for g in GAUGES}}

    def initialized(self) -> dict[str, Any]:
        return self._statement("initialized", self.game(), self.session["started_at"])

    def selected(self, d: dict[str, Any]) -> dict[str, Any]:
        scene = {
            "objectType": "Activity",
            "id": f"{self.game_id}/scenes/{d['scene']}",
            "definition": {
                "type": ACTIVITY_TYPES["question"],
                "name": {self.lang: d["scene_title"] or d["scene"]},
                "description": {self.lang: d["scene_text"]},
            },
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
        duration = _duration(self.session["started_at"], self.session["ended_at"])
        if duration:
            result["duration"] = duration
        return self._statement("completed", self.game(), self.session["ended_at"], result)


def _duration(start: str, end: str) -> str | None:
    """ISO 8601 duration between two recorded timestamps (`PT12M5S`), if both are known."""
    try:
        seconds = int((_parse(end) - _parse(start)).total_seconds())
    except (ValueError, TypeError):
        return None
    seconds = max(0, seconds)
    return f"PT{seconds // 3600}H{seconds % 3600 // 60}M{seconds % 60}S"


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def write_statements(report: dict[str, Any], path: Path, base: str = DEFAULT_BASE) -> Path:
    """Write the statements as JSON Lines (one statement per line), atomically."""
    from game.reports.report import atomic_write

    lines = [json.dumps(s, ensure_ascii=False, sort_keys=True) for s in statements(report, base)]
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
    return (
        isinstance(value, dict) and bool(value) and all(_LANG.match(k) and isinstance(v, str) for k, v in value.items())
    )


def _check_actor(actor: Any) -> list[str]:
    account = actor.get("account") if isinstance(actor, dict) else None
    if not isinstance(account, dict) or not _IRI.match(str(account.get("homePage", ""))) or not account.get("name"):
        return ["`actor` needs an account with an IRL homePage and a name"]
    return []


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
    if "completion" in result and not isinstance(result["completion"], bool):
        problems.append("`result.completion` is not a boolean")
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
    for parent in context.get("contextActivities", {}).get("parent", []):
        problems += _check_activity(parent, "context.contextActivities.parent")
    return problems
