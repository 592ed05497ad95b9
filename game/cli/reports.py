"""The `report` and `debrief` sub-commands.

partenaires report SESSION.jsonl [-o report.html] [--lang en] [--xapi]
partenaires debrief SESSIONS… [-o class.html] [--csv class.csv] [--csv-dialect plain] [--json class.json] [--lang fr]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.errors import RecordError
from game.i18n import CODES, DEFAULT

if TYPE_CHECKING:
    from game.scenario.loading import Book

__all__ = ["add_commands", "cmd_report", "cmd_debrief"]


def add_commands(subparsers: Any) -> None:
    report = subparsers.add_parser("report", help="write the debrief report of a recorded session")
    report.add_argument("session", help="the session record (.jsonl)")
    report.add_argument("-o", "--out", default=None, help="report file (.html) or folder; default: next to the record")
    report.add_argument("--lang", choices=CODES, default=None, help="language (default: the session's)")
    report.add_argument("--scenario", default=None, help="the scenario file, if it moved since the game")
    report.add_argument("--xapi", action="store_true", help="also write the session as xAPI statements (.xapi.jsonl)")
    report.add_argument(
        "--xapi-base", default=None, metavar="IRI", help="base IRI of the activities and extensions (your school's)"
    )
    report.add_argument(
        "--xapi-pseudonym",
        action="store_true",
        help="keep names out of the statements: the learner is a pseudonymous id (link it back with the records)",
    )
    report.add_argument(
        "--class", dest="class_dir", default=None, metavar="DIR", help="the class's records, for 'you and the class'"
    )
    report.set_defaults(run=cmd_report)

    debrief = subparsers.add_parser("debrief", help="the class debrief over many session records")
    debrief.add_argument("sessions", nargs="+", help="session records (.jsonl) or folders of them")
    debrief.add_argument("-o", "--out", default="class.html", help="class report file (default: class.html)")
    debrief.add_argument(
        "--csv", default=None, help="also write one row per session as CSV (one file per scenario when several)"
    )
    debrief.add_argument(
        "--csv-dialect",
        choices=("excel-fr", "plain"),
        default="excel-fr",
        help="excel-fr (default): opens in a French Excel (BOM, `;`, decimal comma, labels); plain: RFC 4180, ids",
    )
    debrief.add_argument("--json", default=None, help="also write the class figures as data (JSON)")
    debrief.add_argument(
        "--sheets", default=None, help="also write every trainee's one-page trainer sheet in one printable page"
    )
    debrief.add_argument(
        "--lang", choices=CODES, default=None, help="language (default: the one most sessions were played in)"
    )
    debrief.set_defaults(run=cmd_debrief)


def _book(name: str | None) -> Book | None:
    if not name:
        return None
    from game.scenario.catalogue import resolve_scenario
    from game.scenario.loading import load

    return load(resolve_scenario(name))


def _classmates(folder: str | None, log: Path, lang: str | None) -> list[dict[str, Any]] | None:
    """The class's report data for "you and the class" (the session itself left out), or None."""
    if not folder:
        return None
    from game.reports.debrief import collect_logs, load_sessions

    paths = [p for p in collect_logs([folder]) if p != log.resolve()]
    reports, skipped = load_sessions(paths, lang)
    for reason in skipped:
        print(f"  left out: {reason}", file=sys.stderr)
    return reports


def cmd_report(args: argparse.Namespace) -> int:
    from game.reports.report import build_report, report_paths, write_report

    log = Path(args.session)
    book = _book(args.scenario)
    if args.xapi:
        from game.reports.xapi import DEFAULT_BASE, check_base

        check_base(args.xapi_base or DEFAULT_BASE)  # refused before anything is written
    classmates = _classmates(args.class_dir, log, args.lang)
    html = write_report(log, args.out, args.lang, book, classmates)
    from game.records.record import read_log

    for warning in read_log(log).warnings:  # as the docs say: a cut record is said on the terminal too
        print(f"warning: {warning}", file=sys.stderr)
    print(html)
    print(html.with_suffix(".json"))
    if args.xapi:
        from game.reports.xapi import DEFAULT_BASE, check_base, write_statements

        data = build_report(log, args.lang, book)
        target = report_paths(log, args.out)[0].with_suffix(".xapi.jsonl")
        base = check_base(args.xapi_base or DEFAULT_BASE)
        print(write_statements(data, target, base, args.xapi_pseudonym))
    return 0


def _majority_lang(paths: list[Path]) -> str:
    from game.records.record import read_log

    langs: Counter[str] = Counter()
    for path in paths:
        try:
            langs[str(read_log(path).header.get("lang", "fr"))] += 1
        except RecordError:
            continue
    if not langs:
        return "fr"
    return max(sorted(langs), key=lambda lang: (langs[lang], lang == DEFAULT))


def cmd_debrief(args: argparse.Namespace) -> int:
    from game.reports.debrief import (
        class_data,
        collect_logs,
        load_sessions,
        write_class_report,
        write_csv,
        write_json,
        write_sheets,
    )

    paths = collect_logs(args.sessions)
    lang = args.lang or _majority_lang(paths)
    reports, skipped = load_sessions(paths, lang)
    if not reports:
        raise RecordError("no session could be read:\n  " + "\n  ".join(skipped))
    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        out = out / "class.html"
    data = class_data(reports, skipped, lang, out.resolve().parent)
    print(write_class_report(data, out))
    if args.csv:
        for path in write_csv(data, Path(args.csv), args.csv_dialect):
            print(path)
    if args.json:
        print(write_json(data, Path(args.json)))
    if args.sheets:
        print(write_sheets(reports, Path(args.sheets), lang))
    for warning in data["warnings"]:
        print(f"  {warning}")
    groups = ", ".join(f"{g['scenario']['id']} ({g['count']})" for g in data["groups"])
    print(f"{data['count']} session(s): {groups}" + (f"; {len(skipped)} left out" if skipped else ""))
    for reason in skipped:
        print(f"  left out: {reason}")
    return 0
