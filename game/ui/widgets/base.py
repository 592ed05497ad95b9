"""What every widget shares: a rectangle, a look (theme + text cache), focus and hover."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.text import TextCache
from game.ui.theme import Colour, Theme

__all__ = ["Look", "Widget", "panel", "focus_ring", "blit_text", "RING", "rounded"]

RING = 3  # focus ring thickness, in pixels, drawn RING+1 pixels outside the widget


@dataclass
class Look:
    """What drawing needs to know: the colours and the fonts at the current text size."""

    theme: Theme
    text: TextCache

    def px(self, n: float) -> int:
        """A spacing that grows with the text size, so layouts breathe at large text."""
        return max(1, round(n * self.text.scale))


class Widget:
    """A focusable rectangle; screens keep them in a focus order and route input to them."""

    focusable = True
    tooltip_side = "below"  # or "right": where its explanation appears without hiding its neighbours
    tooltip_on_focus = True  # False: only the mouse shows it (it would hide the next choice for as long as focused)

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int] = (0, 0, 0, 0)) -> None:
        self.rect = pygame.Rect(rect)
        self.enabled = True

    def draw(self, surface: pygame.Surface, look: Look, focused: bool, hovered: bool) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        """Enter, Space or a click."""

    def click(self) -> None:
        """A mouse click, after the widget took the focus: most widgets do what Enter does."""
        self.activate()

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keys a focused widget uses itself (text input); True when consumed."""
        return False

    def tooltip(self) -> str | None:
        return None

    def cache_key(self) -> object | None:
        """What the widget's picture depends on besides focus and hover; None: draw it every frame."""
        return ()

    def shared_key(self) -> object | None:
        """Everything the picture shows, when another widget with the same key may reuse it; None: never."""
        return None

    def standin_key(self) -> object | None:
        """Who the widget is (a partner, a gauge): in a busy frame its last picture may stand in for one frame."""
        return None

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while something still moves."""
        return False


def rounded(surface: pygame.Surface, colour: Colour, rect: pygame.Rect, radius: int = 8, width: int = 0) -> None:
    pygame.draw.rect(surface, colour, rect, width, border_radius=radius)


def panel(surface: pygame.Surface, look: Look, rect: pygame.Rect, fill: Colour | None = None, radius: int = 10) -> None:
    """A card: filled, with a thin border so it reads without colour too."""
    theme = look.theme
    rounded(surface, fill or theme.panel, rect, radius)
    rounded(surface, theme.border, rect, radius, 1)


def focus_ring(surface: pygame.Surface, look: Look, rect: pygame.Rect, radius: int = 10) -> None:
    ring = rect.inflate(2 * (RING + 1), 2 * (RING + 1))
    rounded(surface, look.theme.focus, ring, radius + RING, RING)


def blit_text(
    surface: pygame.Surface, look: Look, text: str, role: str, colour: Colour, pos: tuple[int, int], align: str = "left"
) -> pygame.Rect:
    """Blit cached text; `align` is left, right or center relative to pos's x."""
    image = look.text.render(text, role, colour)
    rect = image.get_rect()
    if align == "right":
        rect.topright = pos
    elif align == "center":
        rect.midtop = pos
    else:
        rect.topleft = pos
    surface.blit(image, rect)
    return rect
