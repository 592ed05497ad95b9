"""Starting a game in the terminal from the command line's arguments.

Every game is recorded as it is played (the user's data folder, or `--out`),
so a closed terminal or a crash never loses more than the scene being read:
`--resume [FILE]` goes on from the last decision. At the end, the debrief
report is written next to the record.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path
from typing import Any

from game.errors import PartenairesError
from game.i18n import t
from game.records.record import Recorder, latest_session, read_log, resume
from game.rules.engine import Engine
from game.rules.session import Session
from game.rules.start import parse_sets
from game.scenario.catalogue import resolve_scenario
from game.scenario.loading import Book, load
from game.textmode.game import TextGame, stdin_reader
from game.textmode.prompt import waiting_reader
from game.textmode.watch import Watch

__all__ = ["play_text", "new_seed", "resume_target"]

CLASS_WAIT = 8.0  # seconds a game linked to a class waits, once over, for the server to have every line


def new_seed() -> int:
    """A fresh seed for a new game; it is recorded, so the game can be replayed exactly."""
    return random.SystemRandom().randrange(1, 2**31)


def play_text(args: argparse.Namespace) -> int:
    if getattr(args, "class_link", None):
        from game.classroom.protocol import split_link

        try:
            split_link(args.class_link)  # a mistyped link is said before the game starts, not after
        except ValueError as exc:
            raise PartenairesError(str(exc)) from None
    if getattr(args, "resume", None) is not None:
        engine, session, recorder = _resumed(args)
    else:
        engine, session = _new_game(args)
        setup = {"start": args.start, "set": parse_sets(args.set)}
        recorder = Recorder.begin(engine, session, getattr(args, "out", None), setup)
    lang = session.lang
    print(t("record", lang, path=recorder.path), flush=True)
    sender = _class_sender(args, recorder, lang)
    try:
        if session.history and not session.finished:
            print(t("play.resumed", lang, n=len(session.history)), flush=True)
        if session.finished:
            print(t("play.over", lang), flush=True)
        else:
            watched = engine.book.path if getattr(args, "watch", False) else None  # a built-in is never edited
            waiting = waiting_reader(sys.stdin, sys.stdout) if watched else None
            read = waiting.read if waiting is not None else stdin_reader(sys.stdin or io.StringIO(), sys.stdout)
            game = TextGame(engine, session, sys.stdout, read)
            watch = None
            if watched:
                watch = _watch(Path(watched), recorder, game, waiting is not None)
                game.watch = watch.poll
                if waiting is not None:  # a save is shown at once, while the player reads the scene
                    waiting.idle = game.wake
            game.run()
            session = game.session
            recorder = watch.recorder if watch is not None else recorder
    finally:
        recorder.close()
        if sender is not None:
            _class_close(sender, recorder.path, lang)
    if session.finished:
        _report(recorder.path, lang)
    return 0


def _watch(path: Path, recorder: Recorder, game: TextGame, at_prompt: bool) -> Watch:
    """`--watch`: follow the scenario's file; the first line says when a save is shown.

    Where the prompt can wait with `select` (not on a Windows console), a save reloads at once; else
    before the next scene.
    """
    key = "watch.on" if at_prompt else "watch.on_between"
    print(t(key, game.lang, path=path), flush=True)
    return Watch(path, recorder, game.say)


def _new_game(args: argparse.Namespace) -> tuple[Engine, Session]:
    if not args.scenario:
        raise PartenairesError.said("cli.play.which")
    engine = Engine(load(resolve_scenario(args.scenario)))
    seed = args.seed if args.seed is not None else new_seed()
    session = engine.new_session(seed, args.name, args.group, args.lang, start=args.start, gauges=parse_sets(args.set))
    return engine, session


def resume_target(resume_arg: str, out: str | None) -> Path:
    """The record to resume: the file given, or the latest unfinished one (in `--out`'s folder if given)."""
    if resume_arg:
        return Path(resume_arg)
    folder = None
    if out:
        folder = Path(out).parent if Path(out).suffix == ".jsonl" else Path(out)
    found = latest_session(folder)
    if found is None:
        if folder is None:
            raise PartenairesError.said("cli.play.no_resume_anywhere")
        raise PartenairesError.said("cli.play.no_resume", folder=folder)
    return found


def _resumed(args: argparse.Namespace) -> tuple[Engine, Session, Recorder]:
    path = resume_target(args.resume, getattr(args, "out", None))
    book: Book | None = load(resolve_scenario(args.scenario)) if args.scenario else None
    for warning in read_log(path).warnings:  # a cut last line: say so, then go on without it
        print(f"partenaires: warning: {warning}", file=sys.stderr, flush=True)
    return resume(path, book)


def _class_sender(args: argparse.Namespace, recorder: Recorder, lang: str) -> Any:
    """The class client (`--class`, or the link kept beside a resumed record), sending in the background."""
    link = getattr(args, "class_link", None)
    from game.classroom.client import Sender, read_link_file

    if link is None and read_link_file(recorder.path) is None:
        return None

    def problem(message: str) -> None:
        print(t("play.class_problem", lang, error=message), file=sys.stderr, flush=True)

    try:
        sender = Sender(recorder.path, link, problem)
    except ValueError as exc:
        recorder.close()
        raise PartenairesError(str(exc)) from None
    print(t("play.class", lang, code=sender.code, server=sender.server), flush=True)
    recorder.line_listeners.append(sender.wake)
    return sender.start()


def _class_close(sender: Any, path: Path, lang: str) -> None:
    """At the end, a few seconds for the last lines; what is left is sent on `--resume` or `class send`."""
    if sender.close(CLASS_WAIT):
        print(t("play.class_sent", lang), flush=True)
    elif not sender.refused:
        print(t("play.class_pending", lang, path=path), file=sys.stderr, flush=True)


def _report(log: Path, lang: str) -> None:
    """The debrief report, next to the record; a failure here must not spoil a finished game."""
    from game.reports.report import write_report

    try:
        html = write_report(log)
    except (PartenairesError, OSError) as exc:
        print(t("play.no_report", lang, error=exc), file=sys.stderr)
        return
    print(t("report_written", lang, path=html), flush=True)
