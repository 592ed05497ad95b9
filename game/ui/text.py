"""Fonts, cached text surfaces and word wrapping.

Rendering text is the most expensive thing a frame can do, so every surface is
rendered once and kept (bounded LRU); wrapping is cached the same way. The font
is the one bundled with pygame-ce (`Font(None, size)`), which has é è ç œ « ».
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from .theme import ROLE_SIZES, Colour

__all__ = ["TextCache", "wrap_words"]


class TextCache:
    """Fonts by role at the current text scale, and the surfaces they rendered."""

    def __init__(self, scale: float = 1.0, limit: int = 3000) -> None:
        self.scale = scale
        self.limit = limit
        self._fonts: dict[int, pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, int, Colour], pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple[str, int, int], list[str]] = OrderedDict()
        self._widths: dict[tuple[str, int], int] = {}
        self.renders = 0  # how many real renders happened (the tests and bench read it)

    def set_scale(self, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self.clear()

    def clear(self) -> None:
        self._surfaces.clear()
        self._wraps.clear()
        self._widths.clear()

    def size_of(self, role: str) -> int:
        return max(10, round(ROLE_SIZES[role] * self.scale))

    def font(self, role: str) -> pygame.font.Font:
        size = self.size_of(role)
        font = self._fonts.get(size)
        if font is None:
            font = self._fonts[size] = pygame.font.Font(None, size)
        return font

    def line_height(self, role: str) -> int:
        return self.font(role).get_linesize()

    def width(self, text: str, role: str) -> int:
        key = (text, self.size_of(role))
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 4 * self.limit:
                self._widths.clear()
            width = self._widths[key] = self.font(role).size(text)[0]
        return width

    def render(self, text: str, role: str, colour: Colour) -> pygame.Surface:
        """The text on a transparent surface, rendered at most once while it is in use."""
        key = (text, self.size_of(role), colour)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        surface = self.font(role).render(text, True, colour)
        self.renders += 1
        self._surfaces[key] = surface
        if len(self._surfaces) > self.limit:
            self._surfaces.popitem(last=False)
        return surface

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        """Lines of at most `width` pixels; paragraphs (newlines) are kept."""
        key = (text, self.size_of(role), width)
        lines = self._wraps.get(key)
        if lines is None:
            lines = []
            for paragraph in text.split("\n"):
                lines.extend(wrap_words(paragraph, lambda s: self.width(s, role), width))
            self._wraps[key] = lines
            if len(self._wraps) > self.limit:
                self._wraps.popitem(last=False)
        return lines

    def fit(self, text: str, role: str, width: int) -> str:
        """The text, shortened with an ellipsis if it is wider than `width`."""
        if self.width(text, role) <= width:
            return text
        low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(text[:middle] + "…", role) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"


def wrap_words(text: str, measure: object, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is cut so nothing overflows."""
    size = measure  # a callable str -> pixels
    words = text.split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if size(candidate) <= width or not line and size(word) <= width:  # type: ignore[operator]
            line = candidate
            continue
        if line:
            lines.append(line)
        while size(word) > width and len(word) > 1:  # type: ignore[operator]
            cut = len(word)
            while cut > 1 and size(word[:cut]) > width:  # type: ignore[operator]
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines
