"""`partenaires check` (and `--deep`) and `partenaires schema`: what a trainer runs while writing."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from game.i18n import CODES

if TYPE_CHECKING:
    from game.errors import Diagnostic

__all__ = ["add_commands", "cmd_check", "cmd_schema", "print_diagnostics"]


def add_commands(sub: Any) -> None:
    chk = sub.add_parser("check", help="check scenario files and report every mistake")
    chk.add_argument("files", nargs="+")
    chk.add_argument("--quiet", "-q", action="store_true", help="errors only, no warnings")
    chk.add_argument(
        "--lang",
        choices=CODES,
        default=None,
        help="language of the messages (default: the system's, then the scenario's)",
    )
    chk.add_argument("--deep", action="store_true", help="search the state space for reachable endings and traps")
    chk.add_argument("--max-states", type=int, default=None, help="--deep: states explored at most")
    chk.add_argument("--max-depth", type=int, default=None, help="--deep: decisions per game at most")
    chk.add_argument(
        "--bucket", type=int, default=None, help="--deep: group gauge values by this many points (1 = exact, a proof)"
    )
    chk.set_defaults(run=cmd_check)
    schema = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.set_defaults(run=cmd_schema)


def print_diagnostics(found: list[Diagnostic], stream: TextIO | None = None, lang: str | None = None) -> None:
    """Each diagnostic in the trainer's language, followed by what to do about it."""
    from game.scenario.diagnostics import choose_language, render

    out = stream or sys.stdout
    chosen = choose_language(lang)
    for diagnostic in found:
        print(render(diagnostic, chosen), file=out)


def cmd_check(args: argparse.Namespace) -> int:
    from game.i18n import t
    from game.scenario.catalogue import resolve_scenario
    from game.scenario.diagnostics import choose_language
    from game.scenario.loading import check
    from game.tools.deep import deep_check

    failed = False
    for name in args.files:
        path = resolve_scenario(name)
        book, found = check(path)
        lang = choose_language(args.lang, book.model.languages if book is not None else ())
        print_diagnostics([d for d in found if d.severity == "error" or not args.quiet], lang=lang)
        errors = sum(1 for d in found if d.severity == "error")
        warnings = len(found) - errors
        if errors:
            failed = True
            print(t("diag.summary_failed", lang, file=path, errors=errors, warnings=warnings))
        else:
            print(t("diag.summary_ok", lang, file=path, warnings=warnings))
        if book is not None and args.deep:
            failed = deep_check(book, args, lang) or failed
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema import scenario_schema

    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0
