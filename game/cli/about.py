"""`partenaires about`: what this copy of the game carries, and where it writes.

A trainer (or the person who made the standalone build) sees at a glance that nothing was lost on
the way: the built-in scenarios, the report templates the end of a game needs, the font the window
draws with (or that it falls back to pygame's), and the folder where sessions are recorded. Exit 1
when a part the game needs is missing, so that a build script can ask too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_commands", "cmd_about"]


def add_commands(sub: Any) -> None:
    about = sub.add_parser("about", help="version, built-in scenarios, font and folders of this copy of the game")
    about.set_defaults(run=cmd_about)


def _font_line() -> tuple[str, bool]:
    """The window's typeface and its files, or the fallback; True when Lato is there."""
    from game.ui.text import LATO_FILES, lato_file

    found = {weight: lato_file(weight) for weight in LATO_FILES}
    if not all(found.values()):
        return "pygame's bundled font (Lato not found: the font-lato package is missing)", False
    where = [str(f) if isinstance(f, Path) else f"{LATO_FILES[w]} (read from an archive)" for w, f in found.items()]
    return "Lato — " + ", ".join(where), True


def cmd_about(args: argparse.Namespace) -> int:
    from game import __version__
    from game.records.record import sessions_folder
    from game.reports.html import environment
    from game.scenario.catalogue import builtin_folder, builtin_scenarios

    scenarios = builtin_scenarios()
    templates = [t for t in environment().list_templates() if t.endswith(".j2")]
    font, has_lato = _font_line()
    build = "standalone build" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    print(f"partenaires {__version__} ({build})")
    print(f"built-in scenarios: {len(scenarios)} in {builtin_folder()}")
    if scenarios:
        print("  " + ", ".join(path.stem for path in scenarios))
    print(f"report templates: {len(templates)} ({', '.join(templates) or 'none: reports cannot be written'})")
    print(f"window font: {font}")
    print(f"sessions are recorded in: {sessions_folder()}")
    return 0 if scenarios and templates and has_lato else 1
