"""The trainer tools' sub-commands: `explore`, `graph` and `new`.

`game/cli.py` imports this module when it exists and calls `register`, so the
tools stay out of the way of the game itself. Each handler is a thin client of
`explore.py`, `graph.py` and `template.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Callable
from typing import Any

from .errors import PartenairesError

__all__ = ["register"]

Command = Callable[[argparse.Namespace], int]


def register(sub: Any, command: Callable[[str], Callable[[Command], Command]]) -> None:
    exp = sub.add_parser("explore", help="play many automatic games and report balance and coverage")
    exp.add_argument("scenario", help="scenario file or built-in id")
    exp.add_argument("--runs", type=int, default=200, help="games per strategy (default 200)")
    exp.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    exp.add_argument("--strategy", default="all",
                     help="random, sens, identite, pouvoir, diffusion, hierarchy, or all (default); "
                          "several with commas")
    exp.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default 2)")
    exp.add_argument("--json", action="store_true", help="print the report as JSON")
    exp.add_argument("--best", default=None, metavar="ENDING",
                     help="the ending that counts as a win (default: the first end-of-funding ending about "
                          "innovations)")
    exp.add_argument("--cover", action="store_true",
                     help="coverage: try every choice and both outcomes of every condition, list what is never reached")
    exp.add_argument("--max-states", type=int, default=None, help="with --cover: bound of the search")
    command("explore")(cmd_explore)

    graph = sub.add_parser("graph", help="draw the scenario as a diagram (.svg, .dot or .md Mermaid)")
    graph.add_argument("scenario", help="scenario file or built-in id")
    graph.add_argument("-o", "--output", required=True, help="FILE.svg, FILE.dot or FILE.md")
    graph.add_argument("--lang", choices=["fr", "en"], default="fr")
    command("graph")(cmd_graph)

    new = sub.add_parser("new", help="start a new scenario from a commented template")
    new.add_argument("name", help="file to write (NAME.yaml)")
    new.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the template")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    command("new")(cmd_new)

    check = sub.choices.get("check")
    if check is not None:  # bounds of `check --deep` (the search lives in deep.py)
        from .deep import DEFAULT_BUCKET, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STATES
        check.add_argument("--max-states", type=int, default=DEFAULT_MAX_STATES,
                           help=f"--deep: states explored at most (default {DEFAULT_MAX_STATES})")
        check.add_argument("--max-depth", type=int, default=DEFAULT_MAX_DEPTH,
                           help=f"--deep: decisions per game at most (default {DEFAULT_MAX_DEPTH})")
        check.add_argument("--bucket", type=int, default=DEFAULT_BUCKET,
                           help="--deep: group gauge values by this many points (1 = exact, a proof)")


def _strategies(value: str) -> list[str]:
    from .explore import STRATEGIES
    if value == "all":
        return list(STRATEGIES)
    names = [v.strip() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in STRATEGIES:
            raise PartenairesError(f"--strategy {name}: unknown strategy — expected one of "
                                   f"{', '.join(STRATEGIES)} or all")
    return names


def _load(name: str) -> Any:
    from .cli import resolve_scenario
    from .loader import load
    return load(resolve_scenario(name))


def cmd_explore(args: argparse.Namespace) -> int:
    """Exit 0 when there is nothing to fix, 1 when the report has warnings (so it can gate a CI)."""
    from .explore import Progress, explore, format_report
    if args.runs < 1:
        raise PartenairesError(f"--runs {args.runs}: expected a number of games of at least 1")
    book = _load(args.scenario)
    strategies = _strategies(args.strategy)
    if args.best is not None and args.best not in {e.id for e in book.model.endings}:
        raise PartenairesError(f"--best {args.best}: unknown ending — expected one of "
                               + ", ".join(e.id for e in book.model.endings))
    if args.cover:
        from .deep import DEFAULT_MAX_STATES
        from .explore import cover, format_coverage
        result = cover(book, strategies, runs=min(args.runs, 50), seed=args.seed,
                       max_states=args.max_states or DEFAULT_MAX_STATES)
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.json else format_coverage(result))
        return 1 if result.missed else 0
    progress = Progress(args.runs * len(strategies))
    try:
        report = explore(book, strategies, args.runs, args.seed, max(1, args.jobs), progress, args.best)
    finally:
        progress.close()
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
    return 1 if report.warnings else 0


def cmd_graph(args: argparse.Namespace) -> int:
    from .graph import write_graph
    book = _load(args.scenario)
    written = write_graph(book, args.output, args.lang)
    print(f"wrote {written}", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .template import new_scenario
    path = new_scenario(args.name, args.lang, force=args.force)
    print(f"wrote {path} — next: partenaires check {shlex.quote(str(path))}")
    return 0
