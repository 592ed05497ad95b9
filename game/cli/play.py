"""`partenaires play`: the window, or the text mode with `--text`."""

from __future__ import annotations

import argparse
from typing import Any

from game.i18n import CODES

__all__ = ["add_commands", "cmd_play"]


def add_commands(sub: Any) -> None:
    play = sub.add_parser("play", help="play a scenario (window, or --text in the terminal)")
    play.add_argument("scenario", nargs="?", help="scenario file or built-in id")
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--seed", type=int, default=None, help="random seed (same seed, same game)")
    play.add_argument("--lang", choices=CODES, default="fr")
    play.add_argument("--name", default="", help="trainee's name, for the report")
    play.add_argument("--group", default="", help="trainee's group, for the report")
    play.add_argument("--out", default=None, help="folder or file where the session is recorded")
    play.add_argument(
        "--resume",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="go on with a recorded session (the latest one if no file)",
    )
    play.add_argument("--start", default=None, metavar="SCENE", help="start at this scene (for trainers)")
    play.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="starting state (for trainers): sens=60, turn=8, engagement.ID=70, awareness.ORG=50, support.ORG=30, "
        "flag.NAME=1, invention.ID=1, diffusion.INVENTION.ORG=40",
    )
    play.add_argument(
        "--watch", action="store_true", help="--text: reload the scenario when its file is saved (for trainers)"
    )
    play.add_argument(
        "--class",
        dest="class_link",
        default=None,
        metavar="URL/CODE",
        help="join a class session, e.g. http://10.0.0.5:8765/ABCD-EFGH-JKMN-PQRS (text mode)",
    )
    play.add_argument("--scenarios", default=None, help="folder of extra scenarios (window)")
    play.set_defaults(run=cmd_play)


def cmd_play(args: argparse.Namespace) -> int:
    if not args.text:
        from game.ui.app import run as run_window

        return run_window(args)
    from game.textmode.play import play_text

    return play_text(args)
