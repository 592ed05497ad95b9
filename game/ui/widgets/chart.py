"""The four gauges over the months: a line chart on a true time axis, the break threshold drawn across it.

The ending screen draws it from the report's curve (points placed in the month where each decision was
taken), so that a trainee sees the path the report shows, without opening the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pygame

from game.ui.widgets.base import Look, blit_text

__all__ = ["Curve", "draw_chart", "plot_area", "to_screen"]

Curve = tuple[float, Mapping[str, int]]  # a point: its place in months from the start, each gauge's level


def plot_area(look: Look, area: pygame.Rect) -> pygame.Rect:
    """Where the lines go inside `area`: room on the left for the levels, below for the months, above for
    the legend."""
    left = look.text.width("100", "tiny") + look.px(10)
    top = look.text.line_height("tiny") + look.px(8)
    bottom = look.text.line_height("tiny") + look.px(6)
    return pygame.Rect(area.x + left, area.y + top, max(10, area.w - left - look.px(8)), max(10, area.h - top - bottom))


def to_screen(plot: pygame.Rect, months: int, x: float, level: float) -> tuple[int, int]:
    """A point of the chart (months from the start, level 0–100) in window pixels."""
    px = plot.x + round(plot.w * x / max(1, months))
    py = plot.bottom - round(plot.h * max(0.0, min(100.0, level)) / 100)
    return px, py


def draw_chart(
    surface: pygame.Surface,
    look: Look,
    area: pygame.Rect,
    points: Sequence[Curve],
    months: int,
    names: Mapping[str, str],
    break_threshold: int | None = None,
    break_label: str = "",
) -> pygame.Rect:
    """Lines of each gauge in `names` (in that order) over `months`; returns the plot rectangle."""
    theme = look.theme
    plot = plot_area(look, area)
    pygame.draw.rect(surface, theme.panel, plot)
    for level in (0, 50, 100):  # the levels, faint lines and their numbers
        y = to_screen(plot, months, 0, level)[1]
        pygame.draw.line(surface, theme.track, (plot.x, y), (plot.right, y), 1)
        blit_text(
            surface,
            look,
            str(level),
            "tiny",
            theme.muted,
            (plot.x - look.px(6), y - look.text.line_height("tiny") // 2),
            "right",
        )
    step = 1
    label_w = look.text.width(str(months), "tiny") + look.px(10)
    while months and plot.w * step / months < label_w:
        step += 1
    for month in range(0, months + 1):  # a tick at each month's start, its number where there is room
        x = to_screen(plot, months, month, 0)[0]
        pygame.draw.line(surface, theme.border, (x, plot.bottom), (x, plot.bottom + look.px(4)), 1)
        if month % step == 0:
            blit_text(surface, look, str(month), "tiny", theme.muted, (x, plot.bottom + look.px(4)), "center")
    pygame.draw.line(surface, theme.border, plot.bottomleft, plot.bottomright, 1)
    pygame.draw.line(surface, theme.border, plot.topleft, plot.bottomleft, 1)
    if break_threshold is not None:  # where the collective breaks: a dashed line across the whole time
        y = to_screen(plot, months, 0, break_threshold)[1]
        dash = look.px(6)
        for x in range(plot.x, plot.right, 2 * dash):
            pygame.draw.line(surface, theme.bad, (x, y), (min(x + dash, plot.right), y), max(1, look.px(2)))
        if break_label:
            blit_text(surface, look, break_label, "tiny", theme.bad, (plot.right - look.px(4), y + look.px(2)), "right")
    width = max(2, look.px(3))
    for key in names:
        line = [to_screen(plot, months, x, levels[key]) for x, levels in points if key in levels]
        if len(line) >= 2:
            pygame.draw.lines(surface, theme.gauges[key], False, line, width)
        for spot in line[-1:]:
            pygame.draw.circle(surface, theme.gauges[key], spot, width + 1)
    x = area.x  # the legend: a swatch and the name of each gauge, above the plot
    for key, name in names.items():
        swatch = pygame.Rect(x, area.y + look.px(4), look.px(14), look.px(6))
        pygame.draw.rect(surface, theme.gauges[key], swatch)
        x = blit_text(surface, look, name, "tiny", theme.ink, (swatch.right + look.px(4), area.y)).right + look.px(14)
    return plot
