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

__all__ = ["draw_organisations", "hidden_organisations", "mini_bar", "organisations_height"]


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


def _scratch() -> pygame.Surface:
    """A one-pixel surface to measure a block by drawing it where nothing is seen."""
    return pygame.Surface((1, 1))


def draw_hierarchy(
    surface: pygame.Surface, look: Look, match: Match, lang: str, org_id: str, x: int, y: int, width: int, role: str
) -> int:
    """One organisation: its chip and hierarchy, then its awareness and support; returns the y below it."""
    theme, session = look.theme, match.session
    org = next(o for o in match.book.model.organisations if o.id == org_id)
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
    return y + look.px(6)


def draw_invention(
    surface: pygame.Surface, look: Look, match: Match, lang: str, invention: str, x: int, y: int, width: int, role: str
) -> int:
    """One invention: its name, then its diffusion in each organisation against the threshold."""
    theme, book = look.theme, match.book
    threshold = book.model.rules.innovation_threshold
    name = next((tr(i.name, lang) for i in book.model.inventions if i.id == invention), invention)
    shorts = {o.id: (o.short, org_colour(o.colour, o.id)) for o in book.model.organisations}
    for line in look.text.wrap(name, "name", width):
        y = blit_text(surface, look, line, "name", theme.ink, (x, y)).bottom
    y += look.px(2)
    for org, level in match.session.diffusion[invention].items():
        short, colour = shorts.get(org, (org, theme.muted))
        y = mini_bar(surface, look, x, y, width, short, level, colour, marker=threshold, role=role)
    return y + look.px(6)


def _hierarchies_title(surface: pygame.Surface, look: Look, lang: str, x: int, y: int, width: int) -> int:
    theme = look.theme
    y = blit_text(surface, look, s("hierarchies", lang), "h2", theme.ink, (x, y)).bottom
    scale = look.text.fit(s("levels_scale", lang), "tiny", width)
    return blit_text(surface, look, scale, "tiny", theme.muted, (x, y)).bottom + look.px(6)


def _inventions_title(surface: pygame.Surface, look: Look, match: Match, lang: str, x: int, y: int, width: int) -> int:
    theme = look.theme
    threshold = match.book.model.rules.innovation_threshold
    y = blit_text(surface, look, s("inventions", lang), "h2", theme.ink, (x, y)).bottom
    caption = look.text.fit(s("threshold", lang, n=threshold), "tiny", width)
    y = blit_text(surface, look, caption, "tiny", theme.muted, (x, y)).bottom + look.px(6)
    if not match.session.diffusion:
        for line in look.text.wrap(s("no_invention", lang), "small", width):
            y = blit_text(surface, look, line, "small", theme.muted, (x, y)).bottom
    return y


def draw_hierarchies(
    surface: pygame.Surface,
    look: Look,
    match: Match,
    lang: str,
    x: int,
    y: int,
    width: int,
    role: str = "tiny",
    bottom: int | None = None,
) -> tuple[int, int]:
    """The hierarchies that fit above `bottom` (all without one); returns the y below and how many were left out."""
    y = _hierarchies_title(surface, look, lang, x, y, width)
    ids = [o.id for o in match.book.model.organisations]
    return _blocks(
        surface,
        look,
        ids,
        lambda sf, key, at: draw_hierarchy(sf, look, match, lang, key, x, at, width, role),
        y,
        bottom,
    )


def draw_inventions(
    surface: pygame.Surface,
    look: Look,
    match: Match,
    lang: str,
    x: int,
    y: int,
    width: int,
    role: str = "tiny",
    bottom: int | None = None,
) -> tuple[int, int]:
    """The inventions that fit above `bottom`; returns the y below and how many were left out."""
    y = _inventions_title(surface, look, match, lang, x, y, width)
    ids = list(match.session.diffusion)
    return _blocks(
        surface,
        look,
        ids,
        lambda sf, key, at: draw_invention(sf, look, match, lang, key, x, at, width, role),
        y,
        bottom,
    )


def _blocks(surface: pygame.Surface, look: Look, keys: list[str], draw, y: int, bottom: int | None) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Draw whole blocks one under the other; the first that would cross `bottom` and all after it are left out."""
    scratch = _scratch() if bottom is not None else None
    for n, key in enumerate(keys):
        if scratch is not None and bottom is not None and draw(scratch, key, y) > bottom:
            return y, len(keys) - n
        y = draw(surface, key, y)
    return y, 0


def organisations_height(look: Look, match: Match, lang: str, width: int, role: str = "tiny", columns: int = 1) -> int:
    """The height both sections take drawn whole at `width` (the overlay scrolls through it)."""
    scratch = _scratch()
    if columns == 2:
        half = (width - look.px(24)) // 2
        left, _ = draw_hierarchies(scratch, look, match, lang, 0, 0, half, role)
        right, _ = draw_inventions(scratch, look, match, lang, 0, 0, half, role)
        return max(left, right)
    y, _ = draw_hierarchies(scratch, look, match, lang, 0, 0, width, role)
    y, _ = draw_inventions(scratch, look, match, lang, 0, y + look.px(8), width, role)
    return y


def draw_organisations(
    surface: pygame.Surface,
    look: Look,
    match: Match,
    lang: str,
    area: pygame.Rect,
    role: str = "tiny",
    columns: int = 1,
    whole: bool = False,
) -> int:
    """Both sections inside `area`, side by side when `columns` is 2.

    Only whole blocks are drawn: an organisation or an invention that does not fit is left out, never cut,
    and the count of those left out is returned so that the caller can say so ("+3 — see all").
    `whole` draws everything from area's top (the overlay draws onto a surface as tall as the content)."""
    bottom = None if whole else area.bottom
    clip = surface.get_clip()
    surface.set_clip(area)
    if columns == 2:
        half = (area.w - look.px(24)) // 2
        _, left_out = draw_hierarchies(surface, look, match, lang, area.x, area.y, half, role, bottom)
        x = area.x + half + look.px(24)
        _, more = draw_inventions(surface, look, match, lang, x, area.y, half, role, bottom)
    else:
        y, left_out = draw_hierarchies(surface, look, match, lang, area.x, area.y, area.w, role, bottom)
        if left_out:  # the inventions' title would stand under a cut list: they are all counted as left out
            more = len(match.session.diffusion)
        else:
            _, more = draw_inventions(surface, look, match, lang, area.x, y + look.px(8), area.w, role, bottom)
    surface.set_clip(clip)
    return left_out + more


def hidden_organisations(look: Look, match: Match, lang: str, area: pygame.Rect, role: str = "tiny") -> int:
    """How many organisations and inventions `area` cannot show whole (measured, nothing seen)."""
    scratch = pygame.Surface((1, 1))
    return draw_organisations(scratch, look, match, lang, area, role)
