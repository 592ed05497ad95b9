"""The organisations' side: each hierarchy's awareness and support, each invention's diffusion.

Drawn into the play screen's right panel, or into the overlay that replaces it
in a narrow window or at a large text size.
"""

from __future__ import annotations

import pygame

from game.scenario.model import tr
from game.ui.match import Match
from game.ui.strings import s
from game.ui.theme import Colour
from game.ui.widgets.base import Look, blit_text
from game.ui.widgets.gauge import bar
from game.ui.widgets.portrait import org_colour

__all__ = ["draw_organisations", "mini_bar"]


def mini_bar(
    surface: pygame.Surface,
    look: Look,
    x: int,
    y: int,
    width: int,
    label: str,
    value: int,
    colour: Colour,
    marker: int | None = None,
    role: str = "tiny",
) -> int:
    """`label ████░░ 42`: a labelled bar on one line; returns the y below it."""
    theme = look.theme
    label_w = min(width // 3, look.px(78 if role == "tiny" else 96))
    value_w = look.text.width("100", role) + look.px(4) + (look.px(14) if marker is not None else 0)
    blit_text(surface, look, look.text.fit(label, role, label_w - 4), role, theme.muted, (x, y))
    line_h = look.text.line_height(role)
    track = pygame.Rect(x + label_w, y + line_h // 2 - look.px(4), width - label_w - value_w - look.px(6), look.px(8))
    bar(surface, look, track, value, colour, marker)
    shown = blit_text(surface, look, str(value), role, theme.ink, (x + width, y), "right")
    if marker is not None and value >= marker:  # an innovation here: a drawn tick, not colour alone
        mid = shown.centery
        left = shown.x - look.px(12)
        pygame.draw.lines(
            surface,
            theme.good,
            False,
            [(left, mid), (left + look.px(3), mid + look.px(3)), (left + look.px(8), mid - look.px(4))],
            max(2, look.px(2)),
        )
    return y + line_h + look.px(3)


def draw_hierarchies(
    surface: pygame.Surface, look: Look, match: Match, lang: str, x: int, y: int, width: int, role: str = "tiny"
) -> int:
    theme, session = look.theme, match.session
    y = blit_text(surface, look, s("hierarchies", lang), "h2", theme.ink, (x, y)).bottom + look.px(8)
    for org in match.book.model.organisations:
        colour = org_colour(org.colour, org.id)
        chip = pygame.Rect(x, y + look.px(3), look.px(12), look.px(12))
        pygame.draw.rect(surface, colour, chip, border_radius=3)
        lines = look.text.wrap(f"{org.short} — {tr(org.hierarchy.title, lang)}", "small", width - look.px(18))
        if len(lines) > 2:
            lines = [lines[0], look.text.fit(" ".join(lines[1:]), "small", width - look.px(18))]
        for line in lines:
            y = blit_text(surface, look, line, "small", theme.ink, (chip.right + look.px(6), y)).bottom
        y += look.px(2)
        y = mini_bar(surface, look, x, y, width, s("awareness", lang), session.awareness[org.id], colour, role=role)
        y = mini_bar(surface, look, x, y, width, s("support", lang), session.support[org.id], colour, role=role)
        y += look.px(6)
    return y


def draw_inventions(
    surface: pygame.Surface, look: Look, match: Match, lang: str, x: int, y: int, width: int, role: str = "tiny"
) -> int:
    theme, book, session = look.theme, match.book, match.session
    threshold = book.model.rules.innovation_threshold
    y = blit_text(surface, look, s("inventions", lang), "h2", theme.ink, (x, y)).bottom
    y = blit_text(
        surface, look, look.text.fit(s("threshold", lang, n=threshold), "tiny", width), "tiny", theme.muted, (x, y)
    ).bottom + look.px(6)
    if not session.diffusion:
        for line in look.text.wrap(s("no_invention", lang), "small", width):
            y = blit_text(surface, look, line, "small", theme.muted, (x, y)).bottom
        return y
    names = {i.id: tr(i.name, lang) for i in book.model.inventions}
    shorts = {o.id: (o.short, org_colour(o.colour, o.id)) for o in book.model.organisations}
    for invention, levels in session.diffusion.items():
        for line in look.text.wrap(names.get(invention, invention), "name", width):
            y = blit_text(surface, look, line, "name", theme.ink, (x, y)).bottom
        y += look.px(2)
        for org, level in levels.items():
            short, colour = shorts.get(org, (org, theme.muted))
            y = mini_bar(surface, look, x, y, width, short, level, colour, marker=threshold, role=role)
        y += look.px(6)
    return y


def draw_organisations(
    surface: pygame.Surface,
    look: Look,
    match: Match,
    lang: str,
    area: pygame.Rect,
    role: str = "tiny",
    columns: int = 1,
) -> None:
    """Both sections inside `area` (clipped), side by side when `columns` is 2."""
    clip = surface.get_clip()
    surface.set_clip(area)
    if columns == 2:
        half = (area.w - look.px(24)) // 2
        draw_hierarchies(surface, look, match, lang, area.x, area.y, half, role)
        draw_inventions(surface, look, match, lang, area.x + half + look.px(24), area.y, half, role)
    else:
        y = draw_hierarchies(surface, look, match, lang, area.x, area.y, area.w, role)
        draw_inventions(surface, look, match, lang, area.x, y + look.px(8), area.w, role)
    surface.set_clip(clip)
