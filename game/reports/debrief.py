"""The class debrief: many session records read together, grouped per scenario.

For each scenario (exactly: same id and same content digest) it gives the
distribution of endings, the share of each choice in each scene, the mean and
spread of each gauge turn by turn, and the trainees whose paths diverge most —
the figures a trainer puts on the projector to start the collective debrief.
Every record is replayed (`report.build_report`), so a record whose scenario
changed since is left out with the reason, never misreported.

Definitions (also printed in the report):

- *value of a gauge at turn t*: the gauge once t turns have passed, i.e. after
  the last decision landing at or before t (its turn + its cost); the start
  value before any; a finished session keeps its final values.
- *spread*: the population standard deviation across the sessions.
- *share of a choice in a scene*: among the sessions that played the scene,
  the share whose first visit of that scene ended in that choice.
- *distance between two paths*: ½ × (share of the scenes, among those either
  played, where their choices differ — a scene played by only one counts as a
  difference) + ½ × (mean absolute difference of the four final gauges / 100).
  0 means identical paths, 1 entirely different. A path's *singularity* is its
  mean distance to the other paths of the same scenario.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from statistics import fmean, pstdev
from typing import Any

from game.errors import PartenairesError
from game.i18n import language, t
from game.reports.links import file_link
from game.reports.report import atomic_write, build_report
from game.safeio import describe_os_error
from game.vocabulary.gauges import GAUGES

__all__ = [
    "collect_logs",
    "load_sessions",
    "class_data",
    "distance",
    "write_class_report",
    "write_csv",
    "gauge_at",
    "TOP",
    "CLASS_FORMAT",
    "CSV_DIALECTS",
    "csv_text",
    "csv_paths",
    "write_json",
    "write_sheets",
    "dilemmas",
    "status",
]

TOP = 5  # how many divergent pairs and singular paths the report lists
CLASS_FORMAT = "partenaires-class/1"


def collect_logs(items: Iterable[str | Path]) -> list[Path]:
    """Session records from files and folders (a folder's .jsonl files, its sub-folders included)."""
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.jsonl") if not p.name.endswith(".xapi.jsonl"))
        elif path.exists():
            found.append(path)
        else:
            raise PartenairesError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise PartenairesError("no session record (.jsonl) found in " + ", ".join(str(i) for i in items))
    return unique


def load_sessions(paths: Sequence[Path], lang: str | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Each record's report data, and the records left out with why (unreadable, scenario changed…)."""
    reports, skipped = [], []
    for path in paths:
        try:
            data = build_report(path, lang)
        except (PartenairesError, OSError) as exc:  # one bad record is left out with its reason, never fatal
            skipped.append(describe_os_error(exc) if isinstance(exc, OSError) else str(exc))
            continue
        data["path"] = str(path)
        reports.append(data)
    return reports, skipped


@dataclass
class Group:
    """The sessions of one scenario (id + digest)."""

    key: tuple[str, str]
    reports: list[dict[str, Any]] = field(default_factory=list)


def class_data(
    reports: Sequence[dict[str, Any]], skipped: Sequence[str] = (), lang: str = "fr", out_dir: Path | None = None
) -> dict[str, Any]:
    """Every figure of the class report, JSON-ready; `out_dir` makes the links to individual reports relative.

    A session recorded twice (the same session id in two files: a copy, a record resumed elsewhere)
    is counted once, the record that went furthest kept, with a warning.
    """
    unique, warnings = deduplicate(reports, lang)
    groups: dict[tuple[str, str], Group] = {}
    for report in unique:
        key = (report["scenario"]["id"], report["scenario"]["digest"])
        groups.setdefault(key, Group(key)).reports.append(report)
    ordered = sorted(groups.values(), key=lambda g: (g.key[0], g.reports[0]["scenario"]["version"], g.key[1]))
    return {
        "format": CLASS_FORMAT,
        "lang": lang,
        "count": len(unique),
        "skipped": list(skipped),
        "warnings": warnings,
        "groups": [group_data(g, out_dir, lang) for g in ordered],
    }


def deduplicate(reports: Sequence[dict[str, Any]], lang: str) -> tuple[list[dict[str, Any]], list[str]]:
    """One report per session id (the one with the most decisions, then a finished one), and the warnings."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        by_id.setdefault(report["session"]["id"], []).append(report)
    unique, warnings = [], []
    for session_id, copies in by_id.items():
        best = max(copies, key=lambda r: (r["session"]["decision_count"], r["finished"]))
        unique.append(best)
        if len(copies) > 1:
            files = [Path(r.get("path", r["session"]["log"])).name for r in copies]
            warnings.append(
                t("report.duplicate", lang, id=session_id[:8], n=len(copies), files=", ".join(sorted(files)))
            )
    return unique, warnings


def status(report: dict[str, Any]) -> str:
    """`finished`, `unfinished` (quit before the end) or `empty` (quit before any decision)."""
    if report["finished"]:
        return "finished"
    return "empty" if not report["session"]["decision_count"] else "unfinished"


def group_data(group: Group, out_dir: Path | None, lang: str = "fr") -> dict[str, Any]:
    """One scenario's figures. Averages, curves and singularity read the finished games only."""
    reports = sorted(
        group.reports, key=lambda r: (r["session"]["trainee"].lower(), r["session"]["started_at"], r["session"]["id"])
    )
    first = reports[0]
    done = [r for r in reports if status(r) == "finished"]
    played = [r for r in reports if status(r) != "empty"]
    singular, pairs = divergence(done)
    turns = first["scenario"]["turns"]
    return {
        "scenario": first["scenario"],
        "gauge_names": first["gauge_names"],
        "count": len(reports),
        "finished": len(done),
        "unfinished": sum(1 for r in reports if status(r) == "unfinished"),
        "empty": sum(1 for r in reports if status(r) == "empty"),
        "endings": endings(done),
        "scenes": scene_shares(played),
        "gauges": gauge_series(done, turns) if done else None,
        "by_group": compare(done, lambda r: r["session"]["group"], lambda r: r["session"]["group"], turns),
        "by_ending": compare(done, lambda r: r["ending"]["id"], lambda r: r["ending"]["title"], turns),
        "dilemmas": dilemmas(played, lang),
        "outcomes": outcomes(done),
        "pairs": pairs[:TOP],
        "singular": singular[:TOP],
        "roster": [roster_row(r, singular, out_dir) for r in reports],
    }


# -- comparisons: per trainee group, per ending --------------------------------------------------------------
def compare(reports: Sequence[dict[str, Any]], key: Any, title: Any, turns: int) -> list[dict[str, Any]]:
    """The finished games split by `key` (a group, an ending): count, endings, final gauges, mean curves."""
    parts: dict[str, list[dict[str, Any]]] = {}
    for report in reports:
        parts.setdefault(key(report) or "", []).append(report)
    rows = []
    for name in sorted(parts):
        members = parts[name]
        series = gauge_series(members, turns)
        rows.append(
            {
                "key": name,
                "title": title(members[0]),
                "count": len(members),
                "endings": endings(members),
                "final": {g: round(fmean(final_gauges(r)[g] for r in members), 2) for g in GAUGES},
                "curves": {g: [p["mean"] for p in series[g]] for g in GAUGES},
            }
        )
    return rows


# -- the discussion guide ------------------------------------------------------------------------------------
def dilemmas(reports: Sequence[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The scenes with a choice to make, most split first, every option shown (chosen by nobody too).

    *Split* = 1 − the share of the most chosen option: 0 when everyone chose alike. For each option
    chosen by someone, the ending most of its choosers (among the finished) reached, as "4 in 5".
    """
    scenes: dict[str, dict[str, Any]] = {}
    for report in reports:
        for scene, decision in first_choices(report).items():
            options = decision.get("options", [])
            if len(options) < 2:
                continue
            entry = scenes.setdefault(
                scene,
                {
                    "id": scene,
                    "title": decision["scene_title"],
                    "text": decision["scene_text"],
                    "played": 0,
                    "options": {o["id"]: {**o, "count": 0, "endings": Counter()} for o in options},
                },
            )
            entry["played"] += 1
            option = entry["options"].setdefault(
                decision["choice_id"],
                {
                    "id": decision["choice_id"],
                    "index": decision["choice"],
                    "text": decision["choice_text"],
                    "count": 0,
                    "endings": Counter(),
                },
            )
            option["count"] += 1
            if report["ending"]:
                option["endings"][report["ending"]["id"]] += 1
    titles = {r["ending"]["id"]: r["ending"]["title"] for r in reports if r["ending"]}
    rows = []
    for entry in scenes.values():
        options = []
        for o in sorted(entry["options"].values(), key=lambda o: (o["index"] if o["index"] >= 0 else 99, o["id"])):
            ends: Counter[str] = o.pop("endings")
            top = min(ends.items(), key=lambda kv: (-kv[1], kv[0])) if ends else None
            options.append(
                {
                    **o,
                    "share": o["count"] / entry["played"],
                    "finished": sum(ends.values()),
                    "top_ending": top[0] if top else "",
                    "top_ending_title": titles.get(top[0], "") if top else "",
                    "top_ending_count": top[1] if top else 0,
                }
            )
        split = round(1 - max(o["share"] for o in options), 4)
        rows.append({**entry, "options": options, "split": split, "questions": questions(entry, options, lang)})
    rows.sort(key=lambda d: (-d["split"], -d["played"], d["id"]))
    return rows


def questions(entry: dict[str, Any], options: list[dict[str, Any]], lang: str) -> list[str]:
    """Questions to open the discussion of a dilemma, in the report's language."""
    quote = language(lang).quote
    asked = []
    chosen = sorted((o for o in options if o["count"]), key=lambda o: -o["count"])
    if len(chosen) >= 2:
        asked.append(t("report.dq_split", lang, a=quote(chosen[0]["text"]), b=quote(chosen[1]["text"])))
    elif chosen:
        asked.append(t("report.dq_all", lang, a=quote(chosen[0]["text"])))
    for option in options:
        if not option["count"]:
            asked.append(t("report.dq_nobody", lang, a=quote(option["text"])))
    return asked


# -- the paper's outcomes for the class ------------------------------------------------------------------------
def outcomes(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Which inventions became innovations where, how aware each hierarchy became, who left, concepts met."""
    inventions: dict[str, dict[str, Any]] = {}
    hierarchies: dict[str, dict[str, Any]] = {}
    partners: dict[str, dict[str, Any]] = {}
    concepts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for report in reports:
        for inv in report["inventions"]:
            row = inventions.setdefault(
                inv["id"], {"id": inv["id"], "name": inv["name"], "born": 0, "innovation": 0, "where": Counter()}
            )
            row["born"] += 1
            row["innovation"] += inv["status"] == "innovation"
            for d in inv["diffusion"]:
                row["where"][d["short"]] += bool(d["innovation"])
        for h in report["hierarchies"]:
            row = hierarchies.setdefault(h["id"], {"id": h["id"], "short": h["short"], "awareness": [], "support": []})
            row["awareness"].append(h["awareness"])
            row["support"].append(h["support"])
        for p in report["partners"]:
            row = partners.setdefault(p["id"], {"id": p["id"], "name": p["name"], "left": 0})
            row["left"] += not p["active"]
        for c in report["glossary"]["concepts"]:
            concepts[c["id"]] += len(c["decisions"])
            names[c["id"]] = c["name"]
    return {
        "sessions": len(reports),
        "inventions": [
            {**row, "where": dict(sorted(row["where"].items()))}
            for row in sorted(inventions.values(), key=lambda r: r["id"])
        ],
        "hierarchies": [
            {
                "id": h["id"],
                "short": h["short"],
                "awareness": round(fmean(h["awareness"]), 2),
                "support": round(fmean(h["support"]), 2),
            }
            for h in hierarchies.values()
        ],
        "partners": list(partners.values()),
        "concepts": [
            {"id": c, "name": names[c], "count": n} for c, n in sorted(concepts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }


# -- endings ---------------------------------------------------------------------------------------------
def endings(reports: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each ending reached (and the unfinished games), with its count and share, most frequent first."""
    titles = {r["ending"]["id"]: r["ending"]["title"] for r in reports if r["ending"]}
    counts = Counter(r["ending"]["id"] if r["ending"] else "" for r in reports)
    rows = [{"id": e, "title": titles.get(e, ""), "count": n, "share": n / len(reports)} for e, n in counts.items()]
    return sorted(rows, key=lambda row: (-row["count"], row["id"] == "", row["id"]))


# -- choices per scene --------------------------------------------------------------------------------------
def first_choices(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Scene id → the decision taken on its first visit."""
    firsts: dict[str, dict[str, Any]] = {}
    for decision in report["decisions"]:
        firsts.setdefault(decision["scene"], decision)
    return firsts


def scene_shares(reports: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each scene played by someone, in the order first met, the share of each choice."""
    scenes: dict[str, dict[str, Any]] = {}
    for report in reports:
        for scene, decision in first_choices(report).items():
            entry = scenes.setdefault(
                scene,
                {
                    "id": scene,
                    "title": decision["scene_title"],
                    "text": decision["scene_text"],
                    "played": 0,
                    "choices": {},
                },
            )
            entry["played"] += 1
            choice = entry["choices"].setdefault(
                decision["choice_id"],
                {"id": decision["choice_id"], "index": decision["choice"], "text": decision["choice_text"], "count": 0},
            )
            choice["count"] += 1
    rows = []
    for entry in scenes.values():
        choices = sorted(entry["choices"].values(), key=lambda c: (c["index"] if c["index"] >= 0 else 99, c["id"]))
        for choice in choices:
            choice["share"] = choice["count"] / entry["played"]
        rows.append({**entry, "choices": choices})
    return rows


# -- gauges over time ------------------------------------------------------------------------------------------
def gauge_at(report: dict[str, Any], turn: int) -> dict[str, int]:
    """The gauges once `turn` turns have passed (see the module docstring)."""
    decisions = report["decisions"]
    if not decisions:
        return {g: int(report["curve"]["points"][0][g]) for g in GAUGES}
    values = decisions[0]["before"]
    for decision in decisions:
        if decision["turn"] + decision["cost"] > turn:
            break
        values = decision["after"]
    return {g: values[g] for g in GAUGES}


def gauge_series(reports: Sequence[dict[str, Any]], turns: int) -> dict[str, list[dict[str, float]]]:
    """Per gauge, per turn from 0 to the end of funding: mean, spread (population sd), min, max."""
    series: dict[str, list[dict[str, float]]] = {g: [] for g in GAUGES}
    for turn in range(turns + 1):
        values = [gauge_at(r, turn) for r in reports]
        for gauge in GAUGES:
            column = [v[gauge] for v in values]
            series[gauge].append(
                {
                    "turn": turn,
                    "mean": round(fmean(column), 2),
                    "sd": round(pstdev(column), 2),
                    "min": min(column),
                    "max": max(column),
                }
            )
    return series


# -- divergence -------------------------------------------------------------------------------------------------
def final_gauges(report: dict[str, Any]) -> dict[str, int]:
    points = report["curve"]["points"]
    return {g: int(points[-1][g]) for g in GAUGES}


def distance(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How far apart two paths are, from 0 (same choices, same final gauges) to 1 (see module docstring)."""
    return _distance(_path(a), _path(b))


def _path(report: dict[str, Any]) -> tuple[dict[str, str], dict[str, int]]:
    """What `distance` compares: scene → choice id on the first visit, and the final gauges."""
    return {s: d["choice_id"] for s, d in first_choices(report).items()}, final_gauges(report)


def _distance(a: tuple[dict[str, str], dict[str, int]], b: tuple[dict[str, str], dict[str, int]]) -> float:
    (first_a, fa), (first_b, fb) = a, b
    scenes = first_a.keys() | first_b.keys()
    differ = sum(1 for s in scenes if first_a.get(s) is None or first_a.get(s) != first_b.get(s))
    choice_part = differ / len(scenes) if scenes else 0.0
    gauge_part = fmean(abs(fa[g] - fb[g]) for g in GAUGES) / 100
    return round((choice_part + gauge_part) / 2, 4)


def divergence(reports: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Sessions by singularity (highest first) and pairs by distance (largest first)."""
    ids = [r["session"]["id"] for r in reports]
    names = {r["session"]["id"]: label(r) for r in reports}
    paths = {r["session"]["id"]: _path(r) for r in reports}  # once per session, not once per pair
    pairs = []
    totals: dict[str, list[float]] = {i: [] for i in ids}
    for ia, ib in combinations(ids, 2):
        d = _distance(paths[ia], paths[ib])
        totals[ia].append(d)
        totals[ib].append(d)
        pairs.append({"a": ia, "b": ib, "a_name": names[ia], "b_name": names[ib], "distance": d})
    pairs.sort(key=lambda p: (-p["distance"], p["a_name"], p["b_name"]))
    singular = [
        {"id": i, "name": names[i], "singularity": round(fmean(totals[i]), 4) if totals[i] else 0.0} for i in ids
    ]
    singular.sort(key=lambda s: (-s["singularity"], s["name"]))
    return singular, pairs


def label(report: dict[str, Any]) -> str:
    """How a session is named in the class report: the trainee (and group), or its short id."""
    s = report["session"]
    name = s["trainee"] or s["id"][:8]
    return f"{name} ({s['group']})" if s["group"] else name


def roster_row(report: dict[str, Any], singular: list[dict[str, Any]], out_dir: Path | None) -> dict[str, Any]:
    s = report["session"]
    html = Path(report["path"]).with_suffix(".html")
    link = ""
    if html.exists():
        link = file_link(html, out_dir)
    return {
        "id": s["id"],
        "name": label(report),
        "trainee": s["trainee"],
        "group": s["group"],
        "started_at": s["started_at"],
        "started_local": s.get("started_local", s["started_at"]),
        "lang": s["played_lang"],
        "seed": s["seed"],
        "ending": report["ending"]["title"] if report["ending"] else "",
        "ending_id": report["ending"]["id"] if report["ending"] else "",
        "finished": report["finished"],
        "turn": s["turn"],
        "decisions": s["decision_count"],
        "final": final_gauges(report),
        "link": link,
        "path": report["path"],
        "status": status(report),
        "singularity": next((x["singularity"] for x in singular if x["id"] == s["id"]), None),
        "choices": {scene: d["choice_id"] for scene, d in first_choices(report).items()},
    }


# -- writing ------------------------------------------------------------------------------------------------------
def write_class_report(data: dict[str, Any], path: Path) -> Path:
    from game.reports.html import render

    atomic_write(path, render("class.html.j2", data))
    return path


_FORMULA_AFTER = re.compile(r"(^|[,;\t])( *)(?=[=+\-@|%])")


def _cell(value: Any) -> Any:
    """Keep spreadsheets from running a trainee's name as a formula, whatever they split on.

    A spreadsheet may split on `,` or `;` (French locales), and not every one honours quotes, so
    every piece of a text that follows a separator is a cell to it: `b;=1+1` must be neutralised
    (`b;'=1+1`) as well as `=1+1` (`'=1+1`). Line breaks inside a cell become spaces (a lone
    carriage return starts a new row in some readers), and `csv_text` quotes every text cell.
    """
    if not isinstance(value, str):
        return value
    text = " ".join(value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n"))
    return _FORMULA_AFTER.sub(r"\1\2'", text)


CSV_DIALECTS = ("excel-fr", "plain")
_CSV_COLUMNS = ("scenario", "scenario_version", "session", "trainee", "group", "started_at", "lang", "seed")
_CSV_AFTER = ("status", "ending", "turn", "decisions", *GAUGES, "singularity")


def csv_text(group: dict[str, Any], lang: str = "fr", dialect: str = "excel-fr") -> str:
    """One scenario's sessions, one row each; then a column per scene with the choice of its first visit.

    `excel-fr` opens by double-click in a French Excel: `;` between cells, decimal comma, labels
    (the ending's title, the choice's text, the scene's title) rather than ids, and headers in the
    report's language (the file is written with a BOM, see `write_csv`). `plain` is RFC 4180 for
    scripts: `,`, decimal point, ids and the English column names.
    """
    plain = dialect == "plain"
    scenes = group["scenes"]
    options = {s["id"]: {c["id"]: c["text"] for c in s["choices"]} for s in scenes}
    if plain:
        scene_heads = [f"scene:{s['id']}" for s in scenes]
        heads = [*_CSV_COLUMNS, *_CSV_AFTER, *scene_heads]
    else:
        seen: Counter[str] = Counter()
        scene_heads = []
        for scene in scenes:
            title = scene["title"] or _short(scene["text"])
            seen[title] += 1
            scene_heads.append(title if seen[title] == 1 else f"{title} ({seen[title]})")
        heads = [t(f"report.csv.{c}", lang) for c in (*_CSV_COLUMNS, *_CSV_AFTER)] + scene_heads
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter="," if plain else ";", lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(heads)
    for row in group["roster"]:
        singularity = "" if row["singularity"] is None else f"{row['singularity']:.4f}"
        values = [
            group["scenario"]["id"] if plain else group["scenario"]["title"],
            group["scenario"]["version"],
            row["id"],
            row["trainee"],
            row["group"],
            row["started_at"] if plain else row.get("started_local", row["started_at"]),
            row["lang"],
            row["seed"],
            row["status"] if plain else t(f"report.status.{row['status']}", lang),
            row["ending_id"] if plain else row["ending"],
            row["turn"],
            row["decisions"],
            *(row["final"][g] for g in GAUGES),
            singularity if plain else singularity.replace(".", ","),
        ]
        for scene in scenes:
            choice = row["choices"].get(scene["id"], "")
            values.append(choice if plain or not choice else options[scene["id"]].get(choice, choice))
        writer.writerow([_cell(v) for v in values])
    return stream.getvalue()


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def csv_paths(data: dict[str, Any], path: Path) -> list[Path]:
    """One file per scenario: `path` itself for one scenario, else `STEM-SCENARIO[-VERSION].csv` beside it."""
    groups = data["groups"]
    if len(groups) == 1:
        return [path]
    ids = Counter(g["scenario"]["id"] for g in groups)
    names = []
    for g in groups:
        sc = g["scenario"]
        suffix = sc["id"] if ids[sc["id"]] == 1 else f"{sc['id']}-{sc['version']}-{sc['digest'][:8]}"
        names.append(path.with_name(f"{path.stem}-{suffix}{path.suffix or '.csv'}"))
    return names


def write_sheets(reports: Sequence[dict[str, Any]], path: Path, lang: str) -> Path:
    """Every trainee's one-page trainer sheet in one printable page (duplicates once), by group then name."""
    from game.reports.html import render

    unique, _ = deduplicate(reports, lang)
    ordered = sorted(
        unique, key=lambda r: (r["session"]["group"].lower(), r["session"]["trainee"].lower(), r["session"]["id"])
    )
    atomic_write(path, render("sheets.html.j2", {"lang": lang, "sheets": ordered}))
    return path


def write_json(data: dict[str, Any], path: Path) -> Path:
    """The class figures as data (`format: partenaires-class/1`), for a trainer's own tools and for tests."""
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


def write_csv(data: dict[str, Any], path: Path, dialect: str = "excel-fr") -> list[Path]:
    """Write one CSV per scenario (see `csv_text`; `excel-fr` starts with a UTF-8 BOM); returns the paths."""
    written = []
    for group, target in zip(data["groups"], csv_paths(data, path), strict=True):
        text = csv_text(group, data["lang"], dialect)
        atomic_write(target, text if dialect == "plain" else "\ufeff" + text)
        written.append(target)
    return written
