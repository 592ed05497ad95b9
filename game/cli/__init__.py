"""`partenaires`: the command line for trainers (and the text mode for trainees).

One module per command group, each adding its sub-commands to the parser and naming its handler
with `set_defaults(run=…)`:

    play      game.cli.play      the window, or `--text` in the terminal
    check     game.cli.check     check (and --deep), schema
    report    game.cli.reports   report, debrief
    explore   game.cli.tools     explore, graph, new
    class     game.cli.classroom class serve, new, export, send (a class session)

Every handler is a thin client of the engine and imports what it needs when it runs: the window
imports this package before its first frame, and start-up time is a target. Mistakes are reported
as located sentences and an exit code, never as a traceback (PARTENAIRES_DEBUG=1 shows one).
"""

from __future__ import annotations

import argparse
import os
import sys

from game.cli import check, classroom, play, reports, tools

__all__ = ["main", "launch", "build_parser"]

_GROUPS = (play, check, reports, tools, classroom)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="partenaires", description="Partenaires — a serious game on territorial partnerships in social work."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for group in _GROUPS:
        group.add_commands(sub)
    return parser


def launch(argv: list[str]) -> int:
    """The game's own entry (`main.py`, the standalone build): with no sub-command, the window opens."""
    parser = build_parser()
    commands = set(next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices)
    if not argv or argv[0] not in commands and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    return main(argv, parser)


def main(argv: list[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    args = (parser or build_parser()).parse_args(argv)
    from game.errors import PartenairesError, ScenarioError

    try:
        return int(args.run(args))
    except ScenarioError as exc:
        check.print_diagnostics(exc.diagnostics, sys.stderr)
        return 1
    except PartenairesError as exc:
        print(f"partenaires: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `partenaires check … | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # silences the flush at exit
        return 0
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: say so in one line unless a developer asks for more
        if os.environ.get("PARTENAIRES_DEBUG"):
            raise
        print(
            f"partenaires: internal error: {type(exc).__name__}: {exc} (set PARTENAIRES_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 2
