"""Starting a game in the terminal from the command line's arguments."""

from __future__ import annotations

import argparse
import random
import sys

from .cli import parse_sets, resolve_scenario
from .engine import Engine
from .errors import PartenairesError
from .loader import load
from .textmode import TextGame, stdin_reader

__all__ = ["play_text", "new_seed"]


def new_seed() -> int:
    """A fresh seed for a new game; it is recorded, so the game can be replayed exactly."""
    return random.SystemRandom().randrange(1, 2**31)


def play_text(args: argparse.Namespace) -> int:
    if not args.scenario:
        raise PartenairesError("which scenario? e.g. `partenaires play --text demo`")
    book = load(resolve_scenario(args.scenario))
    engine = Engine(book)
    seed = args.seed if args.seed is not None else new_seed()
    session = engine.new_session(seed, args.name, args.group, args.lang, start=args.start,
                                 gauges=parse_sets(args.set))
    game = TextGame(engine, session, sys.stdout, stdin_reader(sys.stdin, sys.stdout))
    return game.run()
