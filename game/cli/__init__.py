"""`partenaires`: the command line for trainers (and the text mode for trainees).

One module per command group, each adding its sub-commands to the parser and naming its handler
with `set_defaults(run=…)`:

    play      game.cli.play      the window, or `--text` in the terminal
    check     game.cli.check     check (and --deep), schema
    report    game.cli.reports   report, debrief
    explore   game.cli.tools     explore, graph, new
    about     game.cli.about     what this copy carries (scenarios, templates, font) and where it writes
    class     game.cli.classroom class serve, new, export, send (a class session)

Every handler is a thin client of the engine and imports what it needs when it runs: the window
imports this package before its first frame, and start-up time is a target, so `launch` opens the
window with the `play` group alone and the other groups are imported only to parse their commands. Mistakes are reported
as located sentences and an exit code, never as a traceback (PARTENAIRES_DEBUG=1 shows one).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import TextIO

from game.cli import play
from game.safeio import PrintableStream

__all__ = ["main", "launch", "build_parser", "messages_language", "COMMANDS"]

# The sub-commands (a test checks this against the parser): `launch` knows a trainer's command from
# the window's options without importing the groups that add them.
COMMANDS = frozenset(
    {"play", "check", "schema", "report", "debrief", "explore", "graph", "new", "po", "class", "about"}
)


def build_parser(window_only: bool = False) -> argparse.ArgumentParser:
    """The parser of every command, or of `play` alone when the window is opened."""
    parser = argparse.ArgumentParser(
        prog="partenaires", description="Partenaires — a serious game on territorial partnerships in social work."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    play.add_commands(sub)
    if not window_only:
        from game.cli import about, check, classroom, po, reports, tools

        for group in (check, reports, tools, po, classroom, about):
            group.add_commands(sub)
    return parser


def launch(argv: list[str]) -> int:
    """The game's own entry (`main.py`, the standalone build): with no sub-command, the window opens."""
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return main(argv)
    return main(["play", *argv], build_parser(window_only=True))


def main(argv: list[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    args = (parser or build_parser()).parse_args(argv)
    out, err = sys.stdout, sys.stderr
    # Everything printed passes through `printable`: scenario texts and record values are
    # shown, never obeyed by the terminal (escape sequences, OSC 52 clipboard writes).
    sys.stdout = PrintableStream(out or _devnull())  # type: ignore[assignment]
    sys.stderr = PrintableStream(err or _devnull())  # type: ignore[assignment]
    if out is None:  # started with its output closed (`>&-`): say so once, where it can be read
        print("partenaires: the standard output is closed — nothing can be shown", file=sys.stderr)
    try:
        return _run(args)
    finally:
        failed = getattr(sys.stdout, "failed", False)
        sys.stdout, sys.stderr = (sys.stdout if failed else out), err


def _run(args: argparse.Namespace) -> int:
    from game.errors import PartenairesError, ScenarioError
    from game.safeio import describe_os_error

    try:
        code = int(args.run(args))
        sys.stdout.flush()  # a full or closed output is reported here, not at exit
        return code
    except ScenarioError as exc:
        from game.cli import check

        check.print_diagnostics(exc.diagnostics, sys.stderr, messages_language(args))
        return 1
    except PartenairesError as exc:
        print(f"partenaires: {exc.say(messages_language(args))}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `partenaires check … | head`: the reader has had enough
        _silence_stdout()
        return 0
    except OSError as exc:  # a full disk, a missing folder, a closed output: one line, the file and the cause
        if exc.filename:
            where = describe_os_error(exc)
        else:
            where = f"cannot write or read the terminal: {exc.strerror or exc}"
            _silence_stdout()
        print(f"partenaires: {where}", file=sys.stderr)
        return 1
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


def messages_language(args: argparse.Namespace) -> str:
    """The language a command speaks to the person who ran it: the one its handler chose once it knew the
    scenario (`args.said_in`), else `--lang`, the system's language or French, as `check` chooses it."""
    from game.scenario.diagnostics import choose_language

    return getattr(args, "said_in", None) or choose_language(getattr(args, "lang", None))


def _silence_stdout() -> None:
    """Nothing more goes to an output that failed (its descriptor now points at the null device, which
    also silences Python's own flush of it at exit)."""
    stream = sys.stdout
    inner = getattr(stream, "inner", stream)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, inner.fileno())
        os.close(null)
    quiet = PrintableStream(_devnull())
    quiet.failed = True  # type: ignore[attr-defined]
    sys.stdout = quiet  # type: ignore[assignment]


_NULL: list[TextIO] = []


def _devnull() -> TextIO:
    """One null output for the whole process (opened once, never closed: it stands in for a closed stdout)."""
    if not _NULL:
        _NULL.append(open(os.devnull, "w", encoding="utf-8"))
    return _NULL[0]
