"""The end-of-game report a trainer leads the debrief from, rebuilt from a session record.

The report is never taken from the live game: it replays the record (seed and
choices) on the exact scenario the header names, so the same record always
gives the same report, byte for byte, and a record played on a scenario that
changed since is refused rather than misreported.

`build_report` gathers plain, JSON-ready data in the session's language;
`write_report` renders it as one self-contained HTML page (inline SVG, inline
CSS, no network) beside the same data as JSON. The page follows the phases of
a PEARLS debrief: reactions, description, analysis, summary.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from game.errors import RecordError
from game.i18n import CODES, format_delta, gauge_name, language, t, units
from game.records.record import Log, read_log, replay_log
from game.reports import turning
from game.reports.words import reflection_prompts
from game.rules.engine import IDLE_CHOICE, Engine, Outcome
from game.rules.reading import READER
from game.rules.session import Session
from game.safeio import write_atomic
from game.scenario.loading import Book
from game.scenario.model import tr
from game.views.narration import describe_changes, describe_condition_fact, invention_name, org_short, partner_name
from game.vocabulary.concepts import CONCEPTS, REFERENCES
from game.vocabulary.gauges import GAUGES

__all__ = [
    "REPORT_FORMAT",
    "build_report",
    "write_report",
    "render_report",
    "atomic_write",
    "TURNING_POINTS",
    "swing",
    "curve_axis",
]

REPORT_FORMAT = "partenaires-report/1"
TURNING_POINTS = turning.TURNING_POINTS  # how many turning points the report dwells on


def build_report(log_path: str | Path, lang: str | None = None, book: Book | None = None) -> dict[str, Any]:
    """The report's data, in the session's language unless `lang` says otherwise; JSON-serialisable."""
    log = read_log(log_path)
    outcomes: list[Outcome] = []
    engine, session = replay_log(log, book, outcomes)
    language = lang or log.header.get("lang") or "fr"
    if language not in CODES:
        raise RecordError(f"unknown language `{language}` — expected one of {', '.join(CODES)}")
    return ReportBuilder(log, engine, session, outcomes, language).build()


class ReportBuilder:
    """Turns a replayed session into the report's sections; one method per section."""

    def __init__(self, log: Log, engine: Engine, session: Session, outcomes: list[Outcome], lang: str) -> None:
        self.log = log
        self.engine = engine
        self.book = engine.book
        self.model = engine.book.model
        self.session = session
        self.outcomes = outcomes
        self.lang = lang
        self.fresh = engine.new_session(int(log.header["seed"]), **{**log.who, "lang": lang})
        engine.release(self.fresh)

    def build(self) -> dict[str, Any]:
        decisions = self.decisions()
        turning_points = self.turning_points(decisions)
        curve = self.curve(decisions)
        curve["turning"] = [tp["number"] for tp in turning_points]
        curve["phases"] = [
            {"x": x, "name": row["new_phase"]}
            for row, x in zip(decisions, [p["x"] for p in curve["points"][1:]], strict=True)
            if row["new_phase"]
        ]
        return {
            "path_summary": path_summary(decisions),
            "sheet_questions": sheet_questions(self.ending(), turning_points),
            "format": REPORT_FORMAT,
            "lang": self.lang,
            "session": self.session_info(),
            "scenario": self.scenario_info(),
            "gauge_names": {g: gauge_name(g, self.lang) for g in GAUGES},
            "finished": self.session.finished,
            "ending": self.ending(),
            "curve": curve,
            "decisions": decisions,
            "turning_points": turning_points,
            "partners": self.partners(),
            "hierarchies": self.hierarchies(),
            "inventions": self.inventions(decisions),
            "glossary": self.glossary(decisions),
            "prompts": reflection_prompts(self.lang),
            "warnings": self.warnings(),
        }

    def warnings(self) -> list[str]:
        """What the trainer should know about the record, in the report's language (no parser text)."""
        if self.log.cut_line:
            return [t("report.cut_line", self.lang, line=self.log.cut_line, file=self.log.path.name)]
        return []

    # -- who, what, when ------------------------------------------------------------------------------
    def session_info(self) -> dict[str, Any]:
        h = self.log.header
        ended = self.log.ending.get("at") if self.log.ending else None
        last = self.log.decisions[-1].get("at") if self.log.decisions else None
        return {
            "id": self.log.session_id,
            "trainee": h.get("trainee", ""),
            "group": h.get("group", ""),
            "started_at": h.get("started_at", ""),
            "ended_at": ended or last or "",
            "utc_offset": h.get("utc_offset"),
            "started_local": local_time(h.get("started_at", ""), h.get("utc_offset")),
            "resumed": [
                {"at": r["at"], "decisions": r.get("decisions")}
                for r in self.log.resumed
                if isinstance(r.get("at"), str)
            ],
            "seed": h.get("seed"),
            "played_lang": h.get("lang", "fr"),
            "start": h.get("start"),
            "start_gauges": self.log.start_set,
            "app": {"name": "partenaires", "version": "", **h.get("app", {})},  # an older or sparse header
            "log": self.log.path.name,
            "decision_count": len(self.log.decisions),
            "turn": self.session.turn,
        }

    def scenario_info(self) -> dict[str, Any]:
        m = self.model
        return {
            "id": m.id,
            "version": m.version,
            "digest": self.book.digest,
            "title": tr(m.title, self.lang),
            "summary": tr(m.summary, self.lang),
            "role": tr(m.player.role, self.lang),
            "turns": m.clock.turns,
            "unit": tr(m.clock.unit, self.lang),
            "units_label": units(m.clock.turns, tr(m.clock.unit, self.lang), self.lang),
            "threshold": m.rules.innovation_threshold,
        }

    # -- the ending and why -------------------------------------------------------------------------------
    def ending(self) -> dict[str, Any] | None:
        if not self.session.finished:
            return None
        result = self.engine.result(self.session)
        return {
            "id": result.id,
            "title": tr(result.title, self.lang),
            "explanation": tr(result.explanation, self.lang),
            "facts": [self.fact(f) for f in result.facts],
            "questions": [tr(q, self.lang) for q in result.questions],
            "others": self.other_endings(result.id),
            "turn": self.session.turn,
            "turn_text": self.duration(self.session.turn),
            "success": next((e.success for e in self.model.endings if e.id == result.id), None),
        }

    def fact(self, fact: Any) -> dict[str, Any]:
        return {
            "text": fact.text,
            "held": fact.held,
            "values": {k: v for k, v in fact.values},
            "sentence": describe_condition_fact(self.book, fact, self.lang),
        }

    def other_endings(self, reached: str) -> list[dict[str, Any]]:
        """Why not the others, in words: an ending whose condition did not hold says which parts failed; one
        whose condition held too says that the scenario checks the reached ending first, or that the reached
        ending came before it was checked (no condition code: a trainee reads this)."""
        endings = self.model.endings
        at = next(i for i, e in enumerate(endings) if e.id == reached)
        first = language(self.lang).quote(tr(endings[at].title, self.lang))
        others = []
        for index, ending in enumerate(endings):
            condition = self.book.cond("endings", index, "when")
            if ending.id == reached or condition is None:
                continue
            held = bool(condition.bind(READER)(self.session))
            if not held:
                verdict = t("report.other_not_held", self.lang)
            elif index > at and not (ending.at == "end" and endings[at].at != "end"):
                verdict = t("report.other_checked_first", self.lang, first=first)
            else:
                verdict = t("report.other_came_first", self.lang, first=first)
            others.append(
                {
                    "id": ending.id,
                    "title": tr(ending.title, self.lang),
                    "held": held,
                    "verdict": verdict,
                    "facts": [] if held else [self.fact(f) for f in condition.explain(self.session, READER)],
                }
            )
        return others

    # -- what was decided ----------------------------------------------------------------------------------
    def decisions(self) -> list[dict[str, Any]]:
        rows = []
        for decision, outcome, entry in zip(self.session.history, self.outcomes, self.log.decisions, strict=True):
            scene = self.engine.scenes[decision.scene]
            choice = scene.choices[decision.choice] if decision.choice != IDLE_CHOICE else None
            rows.append(
                {
                    "index": decision.index,
                    "number": decision.index + 1,
                    "turn": decision.turn,
                    "cost": decision.cost,
                    "cost_text": self.duration(decision.cost),
                    "at": entry.get("at", ""),
                    "phase": decision.phase,
                    "phase_name": self.phase_name(decision.phase),
                    "phase_after": decision.phase_after,
                    "scene": scene.id,
                    "scene_title": tr(scene.title, self.lang) if scene.title is not None else "",
                    "scene_text": tr(scene.text, self.lang).strip(),
                    "speaker": partner_name(self.book, scene.speaker) if scene.speaker else "",
                    "choice": decision.choice,
                    "choice_id": decision.choice_id,
                    "choice_text": tr(choice.text, self.lang) if choice else t("report.idle_choice", self.lang),
                    "options": [
                        {"id": c.id or str(i + 1), "index": i, "text": tr(c.text, self.lang)}
                        for i, c in enumerate(scene.choices)
                    ],
                    "tags": [self.tag(t) for t in decision.tags],
                    "feedback": tr(outcome.feedback, self.lang).strip() if outcome.feedback is not None else "",
                    "before": dict(decision.before),
                    "after": dict(decision.after),
                    "deltas": {g: decision.after[g] - decision.before[g] for g in GAUGES},
                    "changes": describe_changes(self.book, outcome.changes, self.lang),
                    "invented": [k.split(":", 1)[1] for k in outcome.changes if k.startswith("invent:")],
                    "events": [self.event(hit) for hit in outcome.events],
                    "idle": outcome.idle,
                    "idle_text": self.duration(outcome.idle) if outcome.idle else "",
                    "new_phase": self.phase_name(outcome.phase_to)
                    if outcome.phase_to and outcome.phase_to != outcome.phase_from
                    else "",
                    "swing": swing(decision.before, decision.after),
                }
            )
        self.steps = [
            turning.Step(row["index"], dict(outcome.changes), [(hit.id, dict(hit.deltas)) for hit in outcome.events])
            for row, outcome in zip(rows, self.outcomes, strict=True)
        ]
        for row, step in zip(rows, self.steps, strict=True):
            row["choice_deltas"], row["event_deltas"] = turning.split_deltas(step)
        return rows

    # -- the turning points (game/reports/turning.py) -------------------------------------------------------
    def start_levels(self, decisions: list[dict[str, Any]]) -> dict[str, int]:
        """Every level a milestone reads, at the start of the game."""
        levels: dict[str, int] = dict(decisions[0]["before"] if decisions else self.fresh.gauges)
        for org in self.fresh.awareness:
            levels[f"awareness:{org}"] = self.fresh.awareness[org]
            levels[f"support:{org}"] = self.fresh.support[org]
        for invention, per_org in self.fresh.diffusion.items():
            for org, level in per_org.items():
                levels[f"diffusion:{invention}:{org}"] = level
        return levels

    def turning_points(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The turning points' cards: what the choice did, what events did, the milestones, a concept, a question."""
        rules = self.model.rules
        found = turning.milestones(
            self.steps, self.start_levels(decisions), rules.innovation_threshold, rules.break_threshold
        )
        cards = []
        for i in turning.rank(self.steps, found):
            row = decisions[i]
            marks = [self.milestone(m, row) for m in found[i]]
            main = max(GAUGES, key=lambda g: (abs(row["choice_deltas"][g]), -GAUGES.index(g)))
            concept = found[i][0].concept if found[i] else (row["tags"][0]["id"] if row["tags"] else "")
            if found[i]:
                question = t(f"report.tpq.{found[i][0].kind}", self.lang)
            elif any(row["event_deltas"].values()):
                question = t("report.tpq.event", self.lang)
            else:
                question = t("report.tpq.choice", self.lang)
            cards.append(
                {
                    "number": row["number"],
                    "index": row["index"],
                    "swing": turning.choice_swing(self.steps[i]),
                    "main": main,
                    "main_delta": format_delta(row["choice_deltas"][main]),
                    "choice_text": row["choice_text"],
                    "scene_title": row["scene_title"],
                    "deltas": row["choice_deltas"],
                    "event_deltas": row["event_deltas"],
                    "events": [e["title"] for e in row["events"]],
                    "milestones": marks,
                    "concept": self.tag(concept) if concept else None,
                    "question": question,
                    "turn": row["turn"],
                }
            )
        return cards

    def milestone(self, m: turning.Milestone, row: dict[str, Any]) -> dict[str, Any]:
        """A milestone as the card says it, with where it came from."""
        if m.kind in ("invented", "innovation"):
            name = language(self.lang).quote(invention_name(self.book, m.subject, self.lang))
        elif m.kind == "left":
            name = partner_name(self.book, m.subject)
        else:
            name = org_short(self.book, m.subject) if m.subject else ""
        text = t(
            f"report.tp.{m.kind}",
            self.lang,
            name=name,
            of_name=language(self.lang).of(name),
            where=org_short(self.book, m.where) if m.where else "",
        )
        if m.source == "event":
            title = next((e["title"] for e in row["events"] if e["id"] == m.event), m.event)
            text += " " + t("report.tp_by_event", self.lang, event=title)
        return {**turning.as_dict(m), "text": text}

    def phase_name(self, phase: str) -> str:
        return tr(self.engine.phases[phase].name, self.lang) if phase in self.engine.phases else phase

    def tag(self, tag: str) -> dict[str, str]:
        concept = CONCEPTS.get(tag)
        return {"id": tag, "name": concept.name[self.lang] if concept else tag}

    def event(self, hit: Any) -> dict[str, Any]:
        event = next(e for e in self.model.events if e.id == hit.id)
        return {
            "id": hit.id,
            "turn": hit.turn,
            "title": tr(event.title, self.lang),
            "text": tr(event.text, self.lang).strip(),
            "changes": describe_changes(self.book, hit.deltas, self.lang),
        }

    def duration(self, turns: int) -> str:
        return units(turns, tr(self.model.clock.unit, self.lang), self.lang)

    # -- the curves ----------------------------------------------------------------------------------------
    def curve(self, decisions: list[dict[str, Any]]) -> dict[str, Any]:
        """Points of the four gauges: the start, then after each decision (see `curve_axis`)."""
        start = decisions[0]["before"] if decisions else dict(self.session.gauges)
        bounds, xs = curve_axis(decisions, self.model.clock.turns)
        points = [{"x": 0.0, "turn": 0, "decision": None, "events": 0, **start}]
        for row, x in zip(decisions, xs, strict=True):
            points.append(
                {
                    "x": x,
                    "turn": row["turn"] + row["cost"],
                    "decision": row["number"],
                    "events": len(row["events"]),
                    **row["after"],
                }
            )
        return {"turns": self.model.clock.turns, "bounds": bounds, "span": bounds[-1], "points": points}

    # -- the partnership at the end ---------------------------------------------------------------------------
    def partners(self) -> list[dict[str, Any]]:
        return [
            {
                "id": p.id,
                "name": p.name,
                "organisation": org_short(self.book, p.organisation),
                "role": tr(p.role, self.lang),
                "logic": tr(p.logic, self.lang),
                "start": self.fresh.engagement[p.id],
                "end": self.session.engagement[p.id],
                "active": self.session.active[p.id],
            }
            for p in self.model.partners
        ]

    def hierarchies(self) -> list[dict[str, Any]]:
        return [
            {
                "id": o.id,
                "short": o.short,
                "name": tr(o.name, self.lang),
                "title": tr(o.hierarchy.title, self.lang),
                "colour": o.colour or "",
                "awareness_start": self.fresh.awareness[o.id],
                "awareness": self.session.awareness[o.id],
                "support_start": self.fresh.support[o.id],
                "support": self.session.support[o.id],
            }
            for o in self.model.organisations
        ]

    def inventions(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        threshold = self.model.rules.innovation_threshold
        result = self.engine.result(self.session) if self.session.finished else None
        rows = []
        for invention in self.model.inventions:
            if invention.id not in self.session.diffusion:
                continue
            levels = self.session.diffusion[invention.id]
            innovated = sorted(o for o, v in levels.items() if v >= threshold and self.session.innovated(invention.id))
            if result is not None:
                status = "innovation" if result.innovations.get(invention.id) else "evaporated"
            else:
                status = "innovation" if innovated else "in_progress"
            rows.append(
                {
                    "id": invention.id,
                    "name": invention_name(self.book, invention.id, self.lang),
                    "description": tr(invention.description, self.lang) if invention.description else "",
                    "born": _born(invention.id, decisions),
                    "status": status,
                    "diffusion": [
                        {"org": o, "short": org_short(self.book, o), "level": levels[o], "innovation": o in innovated}
                        for o in levels
                    ],
                }
            )
        return rows

    # -- the concepts ------------------------------------------------------------------------------------------
    def glossary(self, decisions: list[dict[str, Any]]) -> dict[str, Any]:
        """The concepts this session's decisions illustrate, with the references to cite."""
        used: dict[str, list[int]] = {}
        for row in decisions:
            for tag in row["tags"]:
                used.setdefault(tag["id"], []).append(row["number"])
        concepts = [
            {
                "id": c,
                "name": CONCEPTS[c].name[self.lang],
                "definition": CONCEPTS[c].definition[self.lang],
                "cite": CONCEPTS[c].cite,
                "section": CONCEPTS[c].section,
                "decisions": used[c],
            }
            for c in CONCEPTS
            if c in used
        ]
        cites = {CONCEPTS[c].cite for c in used if c in CONCEPTS}
        keys = ["lyet2009"] + sorted(cites - {"lyet2009"})  # the seed first; its sections are where to read
        return {"concepts": concepts, "references": [{"key": k, "text": self._reference(k)} for k in keys]}

    def _reference(self, key: str) -> str:
        """A reference as the report's language writes it: the French works are cited « Paris : PUF » in
        French and "Paris: PUF" in English (no space before the colon outside French typography)."""
        text = REFERENCES[key]
        return text if self.lang == "fr" else text.replace(" : ", ": ")


def path_summary(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The path in a few lines, for the trainer sheet: one line per stretch of a phase."""
    path: list[dict[str, Any]] = []
    for row in decisions:
        if not path or path[-1]["phase"] != row["phase"]:
            path.append({"phase": row["phase"], "name": row["phase_name"], "from": row["turn"] + 1, "decisions": 0})
            path[-1]["invented"] = []
        path[-1]["decisions"] += 1
        path[-1]["to"] = row["turn"] + 1
        path[-1]["invented"] += row["invented"]
    return path


def sheet_questions(ending: dict[str, Any] | None, points: list[dict[str, Any]], count: int = 3) -> list[str]:
    """Three questions for the trainer sheet: the turning points' first, then the ending's."""
    asked: list[str] = []
    for text in [p["question"] for p in points] + (ending["questions"] if ending else []):
        if text and text not in asked:
            asked.append(text)
    return asked[:count]


def local_time(stamp: str, offset: int | None) -> str:
    """A recorded UTC time as the clock of the machine that played showed it (`2026-11-25 15:12 (UTC+01:00)`).

    The offset comes from the record, not from the machine building the report: a rebuild is
    identical anywhere. Records without one (older) are shown in UTC.
    """
    from datetime import UTC, datetime, timedelta, timezone

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return stamp or ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    minutes = offset if isinstance(offset, int) and not isinstance(offset, bool) else 0
    local = moment.astimezone(timezone(timedelta(minutes=minutes)))
    sign = "+" if minutes >= 0 else "-"
    zone = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if minutes else "UTC"
    return f"{local:%Y-%m-%d %H:%M} ({zone})"


def _born(invention: str, decisions: list[dict[str, Any]]) -> int | None:
    """The number of the decision that created an invention."""
    for row in decisions:
        if invention in row["invented"]:
            return int(row["number"])
    return None


def swing(before: dict[str, int], after: dict[str, int]) -> int:
    """How much a decision moved the partnership: the sum of the four gauges' absolute changes.

    It counts what followed the choice in the same move (cohesion's drift, an
    outside event), since that is what the trainee lived as the consequence.
    """
    return sum(abs(after[g] - before[g]) for g in GAUGES)


def curve_axis(decisions: list[dict[str, Any]], turns: int) -> tuple[list[float], list[float]]:
    """The time axis of the curves: month boundaries (a true axis: one unit a month), and where each
    decision sits on it — in the month it starts, as the timeline says, the decisions of a month
    spread evenly inside it (a decision after the end of the funding sits in the last month)."""
    per_month = Counter(min(d["turn"], turns - 1) for d in decisions)
    bounds = [float(m) for m in range(turns + 1)]
    xs: list[float] = []
    rank: Counter[int] = Counter()
    for row in decisions:
        month = min(row["turn"], turns - 1)
        rank[month] += 1
        xs.append(round(month + rank[month] / (per_month[month] + 1), 3))
    return bounds, xs


# -- writing -------------------------------------------------------------------------------------------------
def render_report(data: dict[str, Any]) -> str:
    """The report's HTML page (autoescaped jinja2 template, inline SVG)."""
    from game.reports.html import render

    return render("report.html.j2", data)


def atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing (see `game.safeio.write_atomic`)."""
    write_atomic(path, text)


def report_paths(log_path: Path, out: str | Path | None) -> tuple[Path, Path]:
    """report.html and its .json: next to the log by default, or where `out` says (file or folder)."""
    if out is None:
        html = log_path.with_suffix(".html")
    else:
        target = Path(out)
        html = target if target.suffix.lower() in (".html", ".htm") else target / (log_path.stem + ".html")
    return html, html.with_suffix(".json")


def you_and_the_class(data: dict[str, Any], classmates: list[dict[str, Any]]) -> dict[str, Any]:
    """Where this trainee's choices stand among the class's (same scenario, same content; duplicates once).

    For each scene the trainee played (first visit), how many classmates played it, how many of them
    chose the same, and the choice most of them took. A game quit before any decision is not one of
    the "other games": it has no choice to compare.
    """
    me = data["session"]["id"]
    digest = data["scenario"]["digest"]
    others = {
        r["session"]["id"]: r
        for r in classmates
        if r["scenario"]["digest"] == digest and r["session"]["id"] != me and r["decisions"]
    }
    firsts: list[dict[str, dict[str, Any]]] = []
    for report in others.values():
        seen: dict[str, dict[str, Any]] = {}
        for d in report["decisions"]:
            seen.setdefault(d["scene"], d)
        firsts.append(seen)
    rows, done = [], set()
    for d in data["decisions"]:
        if d["scene"] in done:
            continue
        done.add(d["scene"])
        taken = Counter(f[d["scene"]]["choice_id"] for f in firsts if d["scene"] in f)
        texts = {f[d["scene"]]["choice_id"]: f[d["scene"]]["choice_text"] for f in firsts if d["scene"] in f}
        played = sum(taken.values())
        top = min(taken.items(), key=lambda kv: (-kv[1], kv[0])) if taken else None
        rows.append(
            {
                "number": d["number"],
                "scene": d["scene"],
                "scene_title": d["scene_title"] or d["scene_text"][:80],
                "choice_text": d["choice_text"],
                "played": played,
                "same": taken.get(d["choice_id"], 0),
                "top_text": texts[top[0]] if top else "",
                "top_count": top[1] if top else 0,
            }
        )
    endings = Counter(r["ending"]["title"] for r in others.values() if r["ending"])
    return {
        "count": len(others),
        "scenes": rows,
        "endings": [{"title": k, "count": n} for k, n in sorted(endings.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


def write_report(
    log_path: str | Path,
    out: str | Path | None = None,
    lang: str | None = None,
    book: Book | None = None,
    classmates: list[dict[str, Any]] | None = None,
) -> Path:
    """Write the HTML report and the same data as JSON, atomically; returns the HTML's path.

    `classmates` (the class's report data) adds "you and the class".
    """
    data = build_report(log_path, lang, book)
    if classmates is not None:
        data["class"] = you_and_the_class(data, classmates)
    html, json_path = report_paths(Path(log_path), out)
    atomic_write(json_path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    atomic_write(html, render_report(data))
    return html
