"""Helpers for the menu-like screens: a centred column, a heading and a stack of buttons."""

from __future__ import annotations

import pygame

from game.ui.widgets.base import Look, blit_text
from game.ui.widgets.button import Button

__all__ = ["column", "stack", "heading", "footer", "row"]


def column(size: tuple[int, int], look: Look, width: int = 760) -> pygame.Rect:
    """The central column of a page, with margins that hold at 1024×640 and at large text."""
    margin = look.px(32)
    w = min(look.px(width), size[0] - 2 * margin)
    return pygame.Rect((size[0] - w) // 2, margin, w, size[1] - 2 * margin)


def stack(buttons: list[Button], look: Look, x: int, y: int, width: int, gap: int | None = None) -> int:
    """Place buttons one under the other; returns the y below the last one."""
    gap = look.px(12) if gap is None else gap
    for button in buttons:
        button.rect = pygame.Rect(x, y, width, button.measure(look, width))
        y = button.rect.bottom + gap
    return y


def row(buttons: list[Button], look: Look, right: int, bottom: int, gap: int | None = None) -> pygame.Rect:
    """Place buttons side by side, ending at `right`, sitting on `bottom`; returns their bounds."""
    gap = look.px(12) if gap is None else gap
    x = right
    bounds = pygame.Rect(right, bottom, 0, 0)
    for button in reversed(buttons):
        width = button.natural_width(look)
        height = button.measure(look, width)
        x -= width
        button.rect = pygame.Rect(x, bottom - height, width, height)
        bounds.union_ip(button.rect)
        x -= gap
    return bounds


def heading(surface: pygame.Surface, look: Look, kicker: str, title: str, x: int, y: int, width: int) -> int:
    """A small coloured line above a title; returns the y below them."""
    theme = look.theme
    if kicker:
        y = blit_text(surface, look, kicker.upper(), "name", theme.accent, (x, y)).bottom + look.px(4)
    for line in look.text.wrap(title, "title", width):
        y = blit_text(surface, look, line, "title", theme.ink, (x, y)).bottom
    pygame.draw.line(surface, theme.accent, (x, y + look.px(8)), (x + look.px(64), y + look.px(8)), look.px(3))
    return y + look.px(24)


def footer(surface: pygame.Surface, look: Look, text: str) -> None:
    """The keys hint at the bottom of a page, wrapped to fit."""
    w, h = surface.get_size()
    margin = look.px(16)
    lines = look.text.wrap(text, "tiny", w - 2 * margin)
    line_h = look.text.line_height("tiny")
    y = h - margin - len(lines) * line_h
    for i, line in enumerate(lines):
        blit_text(surface, look, line, "tiny", look.theme.muted, (w // 2, y + i * line_h), "center")


def footer_height(look: Look, width: int, text: str) -> int:
    return len(look.text.wrap(text, "tiny", width - 2 * look.px(16))) * look.text.line_height("tiny") + look.px(24)


__all__ += ["footer_height"]
