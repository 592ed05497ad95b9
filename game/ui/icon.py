"""The game's icon, drawn by our own code and kept as `assets/icon.png`.

The window and the standalone build (whose executable needs an icon file) read the file; this module
is how it is made again after the emblem changes: `python -m game.ui.icon`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pygame

from game.scenario.catalogue import assets_folder
from game.ui.screens.title import emblem
from game.ui.text import TextCache
from game.ui.theme import theme_for
from game.ui.widgets.base import Look

__all__ = ["ICON_SIZE", "draw_icon", "icon_path", "load_icon"]

ICON_SIZE = 64


def icon_path() -> Path:
    return assets_folder() / "icon.png"


def draw_icon(size: int = ICON_SIZE) -> pygame.Surface:
    """The emblem (people of five colours around a round table) on a transparent square."""
    icon = pygame.Surface((size, size), pygame.SRCALPHA)
    emblem(icon, Look(theme_for(False), TextCache(1.0)), (size // 2, size // 2), size // 4)
    return icon


def load_icon() -> pygame.Surface:
    """The icon from its file, or drawn anew if the file is missing or unreadable."""
    try:
        return pygame.image.load(str(icon_path()))
    except (OSError, pygame.error):
        return draw_icon()


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    pygame.display.set_mode((1, 1))
    pygame.image.save(draw_icon(), str(icon_path()))
    print(icon_path())
    return 0


if __name__ == "__main__":
    sys.exit(main())
