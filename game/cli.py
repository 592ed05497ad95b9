"""`partenaires`: the command line for trainers (and the text mode for trainees).

Each sub-command is a thin client of the engine. Mistakes are reported as
located sentences and an exit code, never as a traceback (set
PARTENAIRES_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import Diagnostic
    from .loader import Book

# The loader (and pydantic behind it), even the errors, are imported by the commands that need them, not
# here: the window imports this module before its first frame, and start-up time is a target (issue 7).

__all__ = ["main", "build_parser", "resolve_scenario", "COMMANDS"]

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}
SELF_CONTAINED = ("play",)  # sub-commands that the optional modules neither add nor extend (see main)


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func
    return register


def resolve_scenario(name: str) -> Path:
    """A path, or the id / file name of a built-in scenario (`demo`, `cucm-plie`)."""
    path = Path(name)
    if path.exists():
        return path
    from .loader import builtin_scenarios
    for candidate in builtin_scenarios():
        if candidate.stem == name or candidate.name == name:
            return candidate
    return path


def print_diagnostics(found: list[Diagnostic], stream: object = None) -> None:
    out = stream or sys.stdout
    for diagnostic in found:
        print(diagnostic.format(), file=out)  # type: ignore[call-overload]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partenaires", description="Partenaires — a serious game on "
                                     "territorial partnerships in social work.")
    sub = parser.add_subparsers(dest="command", required=True)

    play = sub.add_parser("play", help="play a scenario (window, or --text in the terminal)")
    play.add_argument("scenario", nargs="?", help="scenario file or built-in id")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--seed", type=int, default=None, help="random seed (same seed, same game)")
    play.add_argument("--lang", choices=["fr", "en"], default="fr")
    play.add_argument("--name", default="", help="trainee's name, for the report")
    play.add_argument("--group", default="", help="trainee's group, for the report")
    play.add_argument("--out", default=None, help="folder or file where the session is recorded")
    play.add_argument("--resume", nargs="?", const="", default=None, metavar="FILE",
                      help="go on with a recorded session (the latest one if no file)")
    play.add_argument("--start", default=None, metavar="SCENE", help="start at this scene (for trainers)")
    play.add_argument("--set", action="append", default=[], metavar="GAUGE=VALUE",
                      help="starting gauge or turn, e.g. --set sens=60 --set turn=8 (for trainers)")
    play.add_argument("--scenarios", default=None, help="folder of extra scenarios (window)")

    chk = sub.add_parser("check", help="check scenario files and report every mistake")
    chk.add_argument("files", nargs="+")
    chk.add_argument("--quiet", "-q", action="store_true", help="errors only, no warnings")
    chk.add_argument("--deep", action="store_true", help="search the state space for reachable endings and traps")

    sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    return parser


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from .loader import check
    failed = False
    for name in args.files:
        path = resolve_scenario(name)
        book, found = check(path)
        shown = [d for d in found if d.severity == "error" or not args.quiet]
        print_diagnostics(shown)
        errors = sum(1 for d in found if d.severity == "error")
        warnings = len(found) - errors
        if errors:
            failed = True
            print(f"{path}: {errors} error(s), {warnings} warning(s)")
        else:
            print(f"{path}: ok ({warnings} warning(s))")
        if book is not None and getattr(args, "deep", False):
            failed = run_deep(book, args) or failed
    return 1 if failed else 0


def run_deep(book: Book, args: argparse.Namespace) -> bool:
    """`check --deep`; provided by the trainer tools when present."""
    try:
        from .deep import deep_check  # type: ignore[import-not-found]
    except ImportError:
        print("check --deep is not available in this version")
        return True
    return bool(deep_check(book, args))


@command("schema")
def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import scenario_schema
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))
    return 0


def parse_sets(values: list[str]) -> dict[str, int]:
    from .errors import PartenairesError
    gauges: dict[str, int] = {}
    for item in values:
        name, _, value = item.partition("=")
        name = {"identité": "identite", "cohésion": "cohesion"}.get(name.strip(), name.strip())
        if name not in ("sens", "identite", "pouvoir", "cohesion", "turn") or not value.strip().isdigit():
            raise PartenairesError(f"--set {item}: expected NAME=NUMBER with a name among sens, identite, "
                                   "pouvoir, cohesion (0 to 100) and turn (turns already elapsed)")
        gauges[name] = int(value)
    return gauges


@command("play")
def cmd_play(args: argparse.Namespace) -> int:
    if not args.text:
        from .ui.app import run as run_window  # the window is optional for the other commands
        return run_window(args)
    from .play import play_text
    return play_text(args)


def main(argv: list[str] | None = None) -> int:
    from .errors import PartenairesError, ScenarioError
    parser = build_parser()
    words = sys.argv[1:] if argv is None else argv
    if not words or words[0] not in SELF_CONTAINED:
        _extend(parser)  # they import the loader (pydantic): not before the window's first frame
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ScenarioError as exc:
        print_diagnostics(exc.diagnostics, sys.stderr)
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
        print(f"partenaires: internal error: {type(exc).__name__}: {exc} (set PARTENAIRES_DEBUG=1 for details)",
              file=sys.stderr)
        return 2


def _extend(parser: argparse.ArgumentParser) -> None:
    """Let optional modules (reports, trainer tools) add their sub-commands."""
    import importlib
    import importlib.util
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for module in ("report_cli", "tools_cli"):
        if importlib.util.find_spec(f"game.{module}") is not None:
            importlib.import_module(f"game.{module}").register(sub, command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def __getattr__(name: str) -> Any:
    """`game.cli.load`, `check`, `builtin_scenarios`, `Book`: still there, imported on first use."""
    if name in ("load", "check", "builtin_scenarios", "Book"):
        from . import loader
        return getattr(loader, name)
    if name in ("Diagnostic", "PartenairesError", "ScenarioError"):
        from . import errors
        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
