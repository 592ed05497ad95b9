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
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from statistics import fmean, pstdev
from typing import Any

from game.errors import PartenairesError
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
]

TOP = 5  # how many divergent pairs and singular paths the report lists


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
    """Every figure of the class report, JSON-ready; `out_dir` makes the links to individual reports relative."""
    groups: dict[tuple[str, str], Group] = {}
    for report in reports:
        key = (report["scenario"]["id"], report["scenario"]["digest"])
        groups.setdefault(key, Group(key)).reports.append(report)
    ordered = sorted(groups.values(), key=lambda g: (g.key[0], g.reports[0]["scenario"]["version"], g.key[1]))
    return {
        "lang": lang,
        "count": len(reports),
        "skipped": list(skipped),
        "groups": [group_data(g, out_dir) for g in ordered],
    }


def group_data(group: Group, out_dir: Path | None) -> dict[str, Any]:
    reports = sorted(
        group.reports, key=lambda r: (r["session"]["trainee"].lower(), r["session"]["started_at"], r["session"]["id"])
    )
    first = reports[0]
    singular, pairs = divergence(reports)
    return {
        "scenario": first["scenario"],
        "gauge_names": first["gauge_names"],
        "count": len(reports),
        "finished": sum(1 for r in reports if r["finished"]),
        "endings": endings(reports),
        "scenes": scene_shares(reports),
        "gauges": gauge_series(reports, first["scenario"]["turns"]),
        "pairs": pairs[:TOP],
        "singular": singular[:TOP],
        "roster": [roster_row(r, singular, out_dir) for r in reports],
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
    first_a, first_b = first_choices(a), first_choices(b)
    scenes = set(first_a) | set(first_b)
    differ = sum(
        1 for s in scenes if s not in first_a or s not in first_b or first_a[s]["choice_id"] != first_b[s]["choice_id"]
    )
    choice_part = differ / len(scenes) if scenes else 0.0
    fa, fb = final_gauges(a), final_gauges(b)
    gauge_part = fmean(abs(fa[g] - fb[g]) for g in GAUGES) / 100
    return round((choice_part + gauge_part) / 2, 4)


def divergence(reports: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Sessions by singularity (highest first) and pairs by distance (largest first)."""
    ids = [r["session"]["id"] for r in reports]
    names = {r["session"]["id"]: label(r) for r in reports}
    pairs = []
    totals: dict[str, list[float]] = {i: [] for i in ids}
    for a, b in combinations(reports, 2):
        d = distance(a, b)
        ia, ib = a["session"]["id"], b["session"]["id"]
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
        "singularity": next(x["singularity"] for x in singular if x["id"] == s["id"]),
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


def csv_text(data: dict[str, Any]) -> str:
    """One row per session; a `scene:<id>` column per scene holds the choice taken on its first visit."""
    scene_columns: list[str] = []
    for group in data["groups"]:
        for scene in group["scenes"]:
            if f"scene:{scene['id']}" not in scene_columns:
                scene_columns.append(f"scene:{scene['id']}")
    header = [
        "scenario",
        "scenario_version",
        "session",
        "trainee",
        "group",
        "started_at",
        "lang",
        "seed",
        "finished",
        "ending",
        "turn",
        "decisions",
        *GAUGES,
        "singularity",
        *scene_columns,
    ]
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    for group in data["groups"]:
        for row in group["roster"]:
            values = [
                group["scenario"]["id"],
                group["scenario"]["version"],
                row["id"],
                row["trainee"],
                row["group"],
                row["started_at"],
                row["lang"],
                row["seed"],
                int(row["finished"]),
                row["ending_id"],
                row["turn"],
                row["decisions"],
                *(row["final"][g] for g in GAUGES),
                f"{row['singularity']:.4f}",
                *(row["choices"].get(c.split(":", 1)[1], "") for c in scene_columns),
            ]
            writer.writerow([_cell(v) for v in values])
    return stream.getvalue()


def write_csv(data: dict[str, Any], path: Path) -> Path:
    atomic_write(path, csv_text(data))
    return path
