"""The partners around the table: a drawn table and one seat per partner, plus the player's."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.ui.theme import Colour
from game.ui.widgets.base import Look, Widget, blit_text, focus_ring, rounded
from game.ui.widgets.gauge import bar
from game.ui.widgets.portrait import portrait

__all__ = ["Seat", "SeatInfo", "place_seats", "draw_table"]


@dataclass
class SeatInfo:
    key: str
    name: str
    org: str
    colour: Colour
    engagement: int | None  # None for the player
    active: bool = True
    speaking: bool = False
    image: Path | None = None
    about: str = ""
    gone_label: str = ""
    mood: str = "neutral"  # the face's expression (portrait.MOODS): what just happened to this partner


class Seat(Widget):
    """One person at the table; focus or hover tells their role and professional logic."""

    def __init__(self, info: SeatInfo, compact: bool = False) -> None:
        super().__init__()
        self.info = info
        self.compact = compact

    @staticmethod
    def face(look: Look, compact: bool = False) -> int:
        return look.px(38 if compact else 54)

    @staticmethod
    def size(look: Look, compact: bool = False) -> tuple[int, int]:
        height = Seat.face(look, compact) + look.text.line_height("small") + look.text.line_height("tiny")
        return look.px(136), height + look.px(12 if compact else 18)

    def draw(self, surface: pygame.Surface, look: Look, focused: bool, hovered: bool) -> None:
        theme, info = look.theme, self.info
        radius = look.px(8)
        if focused or hovered:
            rounded(surface, theme.panel, self.rect, radius)
            rounded(surface, theme.border, self.rect, radius, 1)
        if focused:
            focus_ring(surface, look, self.rect, radius)
        d = Seat.face(look, self.compact)
        face = portrait(info.key, info.colour, d, info.image, gone=not info.active, mood=info.mood)
        spot = face.get_rect(midtop=(self.rect.centerx, self.rect.y + look.px(4)))
        if info.speaking:
            pygame.draw.circle(surface, theme.accent, spot.center, d // 2 + look.px(4), look.px(3))
        surface.blit(face, spot)
        ink = theme.ink if info.active else theme.gone
        width = self.rect.w - look.px(6)
        y = spot.bottom + look.px(2)
        if not (focused or hovered):  # a light plate keeps the name readable over the backdrop
            plate = pygame.Rect(self.rect.x + look.px(2), y, self.rect.w - look.px(4), self.rect.bottom - y)
            veil = pygame.Surface(plate.size, pygame.SRCALPHA)
            pygame.draw.rect(veil, (*theme.panel, 205), veil.get_rect(), border_radius=look.px(6))
            surface.blit(veil, plate)
        role = "name" if look.text.width(info.name, "name") <= width else "tiny_name"
        blit_text(surface, look, look.text.fit(info.name, role, width), role, ink, (self.rect.centerx, y), "center")
        y += look.text.line_height("small")
        meta = info.org if info.engagement is None else f"{info.org} · {info.engagement}"
        if not info.active:
            meta = f"{info.org} · {info.gone_label}"
        chip = blit_text(
            surface,
            look,
            look.text.fit(meta, "tiny", width - look.px(14)),
            "tiny",
            theme.muted if info.active else theme.gone,
            (self.rect.centerx + look.px(7), y),
            "center",
        )
        pygame.draw.rect(
            surface,
            info.colour if info.active else theme.gone,
            (chip.x - look.px(13), chip.y + look.px(2), look.px(9), look.px(9)),
            border_radius=2,
        )
        if info.engagement is not None and info.active and not self.compact:
            track = pygame.Rect(self.rect.centerx - look.px(40), chip.bottom + look.px(3), look.px(80), look.px(6))
            bar(surface, look, track, info.engagement, info.colour)

    def shared_key(self) -> object | None:
        return (tuple(vars(self.info).values()), self.compact)

    def standin_key(self) -> object | None:
        return self.info.key

    def tooltip(self) -> str | None:
        return self.info.about or None


def place_seats(area: pygame.Rect, look: Look, seats: list[Seat], player: Seat | None) -> None:
    """Partners spread evenly across the width and lifted onto the far arc of an oval; the player
    sits at the near edge. Even spacing in x means seats never overlap, however many partners."""
    w, h = Seat.size(look)
    count = max(1, len(seats))
    w = min(w, area.w // count - look.px(4))
    rx, ry = max(1, area.w // 2 - w // 2), max(0, area.h // 2 - h // 2)
    cx, cy = area.center
    step = area.w / count
    for i, seat in enumerate(seats):
        x = area.x + step * (i + 0.5)
        lift = math.sqrt(max(0.0, 1 - ((x - cx) / rx) ** 2))
        seat.rect = pygame.Rect(0, 0, w, h)
        seat.rect.center = (round(x), round(cy - ry * lift))
    if player is not None:
        player.rect = pygame.Rect(0, 0, max(w, look.px(120)), h)
        player.rect.center = (cx, cy + ry)


def draw_table(surface: pygame.Surface, look: Look, area: pygame.Rect, seats: list[Seat] | None = None) -> None:
    """An oval table between the partners' seats and the player's (who sits at its near edge)."""
    theme = look.theme
    table = pygame.Rect(0, 0, int(area.w * 0.56), int(area.h * 0.42))
    table.center = area.center
    if seats and len(seats) > 1:
        top = max(
            s.rect.bottom
            for s in seats[:-1]
            if s.rect.centerx == min(seats[:-1], key=lambda x: abs(x.rect.centerx - area.centerx)).rect.centerx
        )
        bottom = seats[-1].rect.y + Seat.face(look) // 2 + look.px(4)
        if bottom - top > look.px(30):
            table.h = bottom - top - look.px(6)
            table.top = top + look.px(6)
    shadow = table.move(0, look.px(5))
    pygame.draw.ellipse(surface, theme.border, shadow)
    pygame.draw.ellipse(surface, theme.table, table)
    pygame.draw.ellipse(surface, theme.table_edge, table, look.px(3))
