"""Wrapped, styled, scrollable text: the scene, the feedback, the ending, help and errors.

The blocks are laid out once into one surface (per width, text size and theme)
and each frame only blits the visible part, so long texts cost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pygame

from game.ui.theme import Colour
from game.ui.widgets.base import Look, Widget, rounded

__all__ = ["RichText", "Block"]

LINES_PER_FRAME = 8  # lines of a new text rendered per frame, those in sight first
FIRST_FRAME_LINES = 5  # in the frame that handles the key press, which has other things to draw

# (style, text) or (style, text, extra); styles are listed in STYLES, plus "space" and "source".
Block = tuple


class Line(NamedTuple):
    """One laid-out line: where it goes and the mark (bullet, sign, caret) its first line carries."""

    role: str
    text: str
    colour: Colour
    x: int
    y: int
    mark: str
    value: object
    height: int


STYLES: dict[str, tuple[str, str]] = {  # style → (text role, colour name in the theme)
    "kicker": ("name", "accent"),
    "title": ("title", "ink"),
    "h1": ("h1", "ink"),
    "h2": ("h2", "ink"),
    "body": ("body", "ink"),
    "quote": ("body", "ink"),
    "muted": ("small", "muted"),
    "small": ("small", "ink"),
    "bullet": ("body", "ink"),
    "up": ("body", "good"),
    "yes": ("body", "good"),
    "no": ("body", "bad"),
    "down": ("body", "bad"),
    "source": ("small", "ink"),
}


class RichText(Widget):
    focusable = False

    def __init__(self, blocks: Sequence[Block] = (), fill: str = "panel") -> None:
        super().__init__()
        self.blocks = list(blocks)
        self.fill = fill
        self.scroll = 0
        self._image: pygame.Surface | None = None
        self._key: tuple[object, ...] = ()
        self._laid: tuple[object, list[Line]] | None = None  # the last layout, by width, text size and theme
        self._todo: list[Line] = []  # lines of the picture not rendered yet (out of sight so far)
        self._fresh = False

    def set_blocks(self, blocks: Sequence[Block]) -> None:
        self.blocks = list(blocks)
        self.scroll = 0
        self._image = None
        self._laid = None

    # -- layout --------------------------------------------------------------------------------------
    def _lines(self, look: Look, width: int) -> list[Line]:
        """Every line of the content, with y from its top (measuring and drawing share one layout)."""
        key = (width, look.text.scale, look.theme.name, id(self.blocks), len(self.blocks))
        if self._laid is None or self._laid[0] != key:
            self._laid = (key, self._lay_out(look, width))
        return self._laid[1]

    def _lay_out(self, look: Look, width: int) -> list[Line]:
        out: list[Line] = []
        y = 0
        for block in self.blocks:
            style, text = block[0], block[1]
            extra = block[2] if len(block) > 2 else None
            if style == "space":
                y += look.px(int(text) if text else 10)
                continue
            role, colour_name = STYLES[style]
            colour = getattr(look.theme, colour_name)
            indent = look.px(22) if style in ("bullet", "up", "down", "quote", "yes", "no") else 0
            line_h = look.text.line_height(role)
            if style in ("h1", "h2", "title") and y > 0:
                y += look.px(10)
            for i, line in enumerate(look.text.wrap(text, role, max(40, width - indent))):
                mark = style if i == 0 else ""
                out.append(Line(role, line, colour, indent, y, mark, extra, line_h))
                y += line_h
            if style == "source":
                y += look.px(8)
            y += look.px(6) if style in ("body", "quote", "h1", "title") else look.px(2)
        return out

    @staticmethod
    def inner_width(look: Look, width: int) -> int:
        """The width its lines are wrapped to inside `width` (room is kept for the scroll bar)."""
        return width - look.px(14)

    def lines(self, look: Look, width: int) -> list[Line]:
        """The laid-out lines at `width` (the screen renders them ahead of the frame that shows them)."""
        return self._lines(look, width)

    def content_height(self, look: Look, width: int) -> int:
        lines = self._lines(look, width)
        if not lines:
            return 0
        return lines[-1].y + lines[-1].height + look.px(6)

    def _render(self, look: Look) -> pygame.Surface:
        key = (self.rect.size, look.text.scale, look.theme.name, id(self.blocks), len(self.blocks))
        if self._image is not None and key == self._key:
            return self._image
        width = self.inner_width(look, self.rect.w)
        height = max(1, self.content_height(look, width))
        image = pygame.Surface((self.rect.w, height))
        image.fill(getattr(look.theme, self.fill))
        self._image, self._key = image, key
        self._todo = list(self._lines(look, width))  # rendered by _paint: what is in sight first
        self._fresh = True  # the frame that drew it anew renders only what is in sight
        return image

    def prepare(self, look: Look, count: int = 4) -> bool:
        """Render `count` more lines ahead of the frame that shows this text (its rect must have its size);
        True while some lines still wait."""
        self._render(look)
        self._paint(look, self.scroll, self.scroll + self.rect.h, False, count)
        return bool(self._todo)

    def _paint(self, look: Look, top: int, bottom: int, fresh: bool, limit: int | None = None) -> None:
        """Render waiting lines: those in sight between `top` and `bottom` of the picture first.

        A new scene or feedback can be long: the frame that handles the key press renders at most
        FIRST_FRAME_LINES lines (in reading order, from the top of what is in sight) and the next frames
        the rest, so that no single frame pays for the whole text (issue 7). After that first frame,
        whatever comes into sight (scrolling) is rendered at once, with LINES_PER_FRAME more."""
        if not self._todo or self._image is None:
            return
        image = self._image
        in_sight = [line for line in self._todo if line.y < bottom and line.y + line.height > top]
        if fresh:
            chosen = in_sight[:FIRST_FRAME_LINES]
        else:
            later = [line for line in self._todo if not (line.y < bottom and line.y + line.height > top)]
            chosen = in_sight + later[:LINES_PER_FRAME]
        if limit is not None:
            chosen = chosen[:limit]
        done = {id(line) for line in chosen}
        for line in chosen:
            self._mark(image, look, line)
            image.blit(look.text.render(line.text, line.role, line.colour), (line.x, line.y))
        self._todo = [line for line in self._todo if id(line) not in done]

    def update(self, dt: float) -> bool:
        """Frames are wanted until the whole text is rendered — and before its first frame, which renders only
        the first lines: a screen opened by a click gets no later event that would ask for the rest."""
        return self._image is None or bool(self._todo)

    def _mark(self, image: pygame.Surface, look: Look, line: Line) -> None:
        """Bullets, signs, quote bars and the caret under a source column."""
        mark, colour, x, y, line_h, value, text, role = (
            line.mark,
            line.colour,
            line.x,
            line.y,
            line.height,
            line.value,
            line.text,
            line.role,
        )
        mid = y + line_h // 2 - 1
        if mark == "bullet":
            pygame.draw.circle(image, look.theme.accent, (x - look.px(12), mid), max(2, look.px(4)))
        elif mark in ("up", "down"):
            size = look.px(6)
            cx = x - look.px(12)
            tip, base = (mid - size, mid + size - 1) if mark == "up" else (mid + size, mid - size + 1)
            pygame.draw.polygon(image, colour, [(cx, tip), (cx - size, base), (cx + size, base)])
        elif mark in ("yes", "no"):
            pygame.draw.circle(image, colour, (x - look.px(12), mid), max(3, look.px(5)), 0 if mark == "yes" else 2)
        elif mark == "quote":
            pygame.draw.rect(image, look.theme.accent, (x - look.px(16), y, look.px(4), line_h))
        elif mark == "source" and isinstance(value, int) and value > 0:
            left = x + look.text.width(text[: value - 1], role)
            w = max(6, look.text.width(text[value - 1 : value] or " ", role))
            pygame.draw.line(image, look.theme.bad, (left, y + line_h), (left + w, y + line_h), 3)

    def cache_key(self) -> object | None:
        return None  # it keeps its own laid-out picture and only blits the visible part

    # -- scrolling -------------------------------------------------------------------------------------
    def max_scroll(self, look: Look) -> int:
        return max(0, self._render(look).get_height() - self.rect.h)

    def scroll_by(self, look: Look, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll(look), self.scroll + pixels))

    def handle_scroll_key(self, look: Look, key: int) -> bool:
        step = look.text.line_height("body") * 2
        page = max(step, self.rect.h - step)
        moves = {
            pygame.K_UP: -step,
            pygame.K_DOWN: step,
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -(10**6),
            pygame.K_END: 10**6,
        }
        if key not in moves or self.max_scroll(look) == 0:
            return False
        self.scroll_by(look, moves[key])
        return True

    def draw(self, surface: pygame.Surface, look: Look, focused: bool = False, hovered: bool = False) -> None:
        image = self._render(look)
        fresh, self._fresh = self._fresh, False
        self.scroll = min(self.scroll, self.max_scroll(look))
        self._paint(look, self.scroll, self.scroll + self.rect.h, fresh)
        area = pygame.Rect(0, self.scroll, self.rect.w, min(self.rect.h, image.get_height() - self.scroll))
        surface.blit(image, self.rect.topleft, area)
        if image.get_height() > self.rect.h:
            self._scrollbar(surface, look, image.get_height())

    def _scrollbar(self, surface: pygame.Surface, look: Look, total: int) -> None:
        track = pygame.Rect(self.rect.right - look.px(6), self.rect.y, look.px(6), self.rect.h)
        rounded(surface, look.theme.track, track, 3)
        thumb_h = max(20, self.rect.h * self.rect.h // total)
        span = self.rect.h - thumb_h
        thumb_y = self.rect.y + (span * self.scroll // max(1, total - self.rect.h))
        rounded(surface, look.theme.muted, pygame.Rect(track.x, thumb_y, track.w, thumb_h), 3)
