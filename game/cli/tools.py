"""The trainer tools' sub-commands: `explore`, `graph` and `new`.

Each handler is a thin client of `game.tools` (explore, graph, template).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from typing import Any

from game.errors import PartenairesError
from game.i18n import CODES

__all__ = ["add_commands"]


def add_commands(sub: Any) -> None:
    exp = sub.add_parser("explore", help="play many automatic games and report balance and coverage")
    exp.add_argument("scenario", help="scenario file or built-in id")
    exp.add_argument("--runs", type=int, default=200, help="games per strategy (default 200)")
    exp.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    exp.add_argument(
        "--strategy",
        default=None,
        help="random, sens, identite, pouvoir, diffusion, hierarchy, balanced, or all (default without "
        "--weights); several with commas",
    )
    exp.add_argument(
        "--weights",
        action="append",
        default=None,
        metavar="[FROM_MONTH:]NAME=W,…",
        help="one more strategy, greedy on the weighted sum of a choice's immediate effects; repeat with a "
        "later FROM_MONTH to change the weights during the game (names: sens, identite, pouvoir, cohesion, "
        "engagement, awareness, support, diffusion, invention), e.g. --weights 1:sens=1,identite=1 "
        "--weights 9:diffusion=1,awareness=0.5,support=0.5",
    )
    exp.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default 2)")
    exp.add_argument("--json", action="store_true", help="print the report as JSON")
    exp.add_argument(
        "--lang",
        choices=CODES,
        default=None,
        help="language of the report (default: the system's, then the scenario's; --json stays in English)",
    )
    exp.add_argument(
        "--rare",
        type=float,
        default=2.0,
        metavar="PCT",
        help="warn when an ending gets under PCT %% of every strategy's games (2)",
    )
    exp.add_argument(
        "--dominant",
        type=float,
        default=70.0,
        metavar="PCT",
        help="warn when an ending takes over PCT %% of random games (70)",
    )
    exp.add_argument(
        "--strategy-max",
        type=float,
        default=100.0,
        metavar="PCT",
        help="warn when an ending takes over PCT %% of one strategy's games, random aside, unless the ending's "
        "`balance:` range allows it (100: off, a pure strategy is meant to end the same way)",
    )
    exp.add_argument(
        "--strategy-min",
        type=float,
        default=0.0,
        metavar="PCT",
        help="warn when an ending gets under PCT %% of one strategy's games, random aside, unless the ending's "
        "`balance:` range allows it (0: off)",
    )
    exp.add_argument(
        "--idle",
        type=float,
        default=10.0,
        metavar="PCT",
        help="warn when over PCT %% of one strategy's games pass a month with no scene to play (10)",
    )
    exp.add_argument(
        "--best",
        default=None,
        metavar="ENDING",
        help="the ending that counts as a win (default: the first end-of-funding ending about innovations)",
    )
    exp.add_argument(
        "--cover",
        action="store_true",
        help="coverage: try every choice and both outcomes of every condition, list what is never reached",
    )
    exp.add_argument("--max-states", type=int, default=None, help="with --cover: bound of the search")
    exp.set_defaults(run=cmd_explore)

    graph = sub.add_parser("graph", help="draw the scenario as a diagram (.svg, .dot or .md Mermaid)")
    graph.add_argument("scenario", help="scenario file or built-in id")
    graph.add_argument("-o", "--output", required=True, help="FILE.svg, FILE.dot or FILE.md")
    graph.add_argument(
        "--lang",
        choices=CODES,
        default=None,
        help="language of the diagram and the messages (default: the system's, then the scenario's)",
    )
    graph.set_defaults(run=cmd_graph)

    new = sub.add_parser("new", help="start a new scenario from a commented template")
    new.add_argument("name", help="file to write (NAME.yaml)")
    new.add_argument(
        "--lang",
        choices=CODES,
        default=None,
        help="language of the template and the messages (default: the system's, else French)",
    )
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=cmd_new)


def _strategies(value: str | None, weights: list[str] | None = None) -> list[str]:
    """The strategies to play: `--strategy` (all by default, none by default beside `--weights`) and
    the weighted one `--weights` describes."""
    from game.tools.explore import STRATEGIES, weights_strategy

    extra = [weights_strategy(weights)] if weights else []
    if value is None:
        return extra or list(STRATEGIES)
    if value == "all":
        return list(STRATEGIES) + extra
    names = [v.strip() for v in value.split(",") if v.strip()]
    for name in names:
        if name not in STRATEGIES:
            raise PartenairesError.said("cli.explore.strategy", name=name, strategies=", ".join(STRATEGIES))
    return names + extra


def _load(name: str) -> Any:
    from game.scenario.catalogue import resolve_scenario
    from game.scenario.loading import load

    return load(resolve_scenario(name))


def cmd_explore(args: argparse.Namespace) -> int:
    """Exit 0 when there is nothing to fix, 1 when the report has warnings (so it can gate a CI).

    The scenario is read first: a mistake in the options is said in the report's language, which may be the
    scenario's."""
    from game.i18n import t
    from game.scenario.diagnostics import choose_language
    from game.tools.explore import Progress, Thresholds, explore, format_report

    book = _load(args.scenario)
    lang = args.said_in = choose_language(args.lang, book.model.languages)
    if args.runs < 1:
        raise PartenairesError.said("cli.explore.runs", runs=args.runs)
    for name in ("rare", "dominant", "strategy_max", "strategy_min", "idle"):
        if not 0 <= getattr(args, name) <= 100:
            raise PartenairesError.said("cli.explore.share", name=name.replace("_", "-"), value=getattr(args, name))
    strategies = _strategies(args.strategy, args.weights)
    if args.best is not None and args.best not in {e.id for e in book.model.endings}:
        endings = ", ".join(e.id for e in book.model.endings)
        raise PartenairesError.said("cli.explore.best", best=args.best, endings=endings)
    if args.cover:
        from game.tools.coverage import cover, format_coverage
        from game.tools.deep import DEFAULT_MAX_STATES

        result = cover(
            book, strategies, runs=min(args.runs, 50), seed=args.seed, max_states=args.max_states or DEFAULT_MAX_STATES
        )
        print(
            json.dumps(result.to_dict(), indent=2, ensure_ascii=False) if args.json else format_coverage(result, lang)
        )
        return 1 if result.missed else 0
    progress = Progress(args.runs * len(strategies), label=t("cli.explore.games", lang))
    try:
        report = explore(
            book,
            strategies,
            args.runs,
            args.seed,
            max(1, args.jobs),
            progress,
            args.best,
            Thresholds(
                args.rare / 100, args.dominant / 100, args.strategy_max / 100, args.strategy_min / 100, args.idle / 100
            ),
        )
    finally:
        progress.close()
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_report(report, lang))
    return 1 if report.warnings else 0


def cmd_graph(args: argparse.Namespace) -> int:
    from game.i18n import t
    from game.scenario.diagnostics import choose_language
    from game.tools.graph import write_graph

    book = _load(args.scenario)
    lang = args.said_in = choose_language(args.lang, book.model.languages)
    written = write_graph(book, args.output, lang)
    print(t("cli.graph.wrote", lang, path=written), file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from game.i18n import t
    from game.scenario.diagnostics import choose_language
    from game.tools.template import new_scenario

    lang = args.said_in = choose_language(args.lang)
    path = new_scenario(args.name, lang, force=args.force)
    print(t("cli.new.wrote", lang, path=path, command=shlex.quote(str(path))))
    return 0
