"""A gauge: its name and value in words and numbers, a bar, and an animated change.

The bar moves towards the new value and the change ("+8") stays visible for a
while, so a player sees what moved; focus or hover shows why (the tooltip).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.theme import Colour
from game.ui.widgets.base import Look, Widget, blit_text, focus_ring, rounded

__all__ = ["Gauge", "bar", "change_label"]

SPEED = 60.0  # points per second of the animated bar
FLASH = 2.5  # seconds a change stays shown


def bar(
    surface: pygame.Surface, look: Look, rect: pygame.Rect, value: float, colour: Colour, marker: int | None = None
) -> pygame.Rect:
    """A horizontal bar filled to value/100; returns the filled part. `marker` draws a threshold tick."""
    theme = look.theme
    radius = max(2, rect.h // 2)
    rounded(surface, theme.track, rect, radius)
    filled = pygame.Rect(rect.x, rect.y, round(rect.w * max(0.0, min(100.0, value)) / 100), rect.h)
    if filled.w > 0:
        rounded(surface, colour, filled, radius)
    rounded(surface, theme.border, rect, radius, 1)
    if marker is not None:
        x = rect.x + round(rect.w * marker / 100)
        pygame.draw.line(surface, theme.ink, (x, rect.y - 3), (x, rect.bottom + 2), 2)
    return filled


def change_label(look: Look, delta: int) -> tuple[str, str, Colour]:
    """`+8` in the good colour or `−3` (a true minus sign) in the bad one: text, role and colour."""
    return (f"+{delta}" if delta > 0 else f"−{-delta}"), "small", look.theme.good if delta > 0 else look.theme.bad


class Gauge(Widget):
    tooltip_side = "right"  # the gauges are stacked: below would hide the next one

    def __init__(self, key: str, name: str, value: int, explain: Callable[[], str]) -> None:
        super().__init__()
        self.key = key
        self.name = name
        self.value = value
        self.shown = float(value)
        self.explain = explain
        self.delta = 0
        self.flash = 0.0
        self.marker: int | None = None  # a threshold drawn across the bar (cohésion: where the collective breaks)

    def set(self, value: int) -> None:
        """A new value: animate towards it and show the change."""
        if value != self.value:
            self.delta = value - self.value
            self.flash = FLASH
            self.value = value

    def update(self, dt: float) -> bool:
        gap = self.value - self.shown
        step = SPEED * dt
        self.shown = float(self.value) if abs(gap) <= step else self.shown + (step if gap > 0 else -step)
        self.flash = max(0.0, self.flash - dt)
        return self.shown != self.value or self.flash > 0

    def measure(self, look: Look) -> int:
        return look.text.line_height("h2") + look.px(18) + look.px(14)

    def bar_rect(self, look: Look) -> pygame.Rect:
        pad = look.px(8)
        height = look.px(14)
        return pygame.Rect(self.rect.x + pad, self.rect.bottom - height - pad, self.rect.w - 2 * pad, height)

    def draw(self, surface: pygame.Surface, look: Look, focused: bool, hovered: bool) -> None:
        theme = look.theme
        radius = look.px(8)
        if focused or hovered:
            rounded(surface, theme.panel_alt, self.rect, radius)
        if focused:
            focus_ring(surface, look, self.rect, radius)
        pad = look.px(8)
        top = self.rect.y + look.px(4)
        blit_text(surface, look, self.name, "h2", theme.ink, (self.rect.x + pad, top))
        value = blit_text(surface, look, f"{self.value}", "h2", theme.ink, (self.rect.right - pad, top), "right")
        if self.flash > 0 and self.delta:
            at = (value.x - look.px(10), top + look.px(3))
            blit_text(surface, look, *change_label(look, self.delta), at, "right")
        bar(surface, look, self.bar_rect(look), self.shown, theme.gauges[self.key], self.marker)

    def tooltip(self) -> str | None:
        return self.explain()

    def standin_key(self) -> object | None:
        return self.key

    def cache_key(self) -> object | None:
        return (self.name, self.value, round(self.shown), self.delta if self.flash > 0 else 0, self.marker)
