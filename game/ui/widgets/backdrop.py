"""A backdrop behind the table for each kind of place, drawn by our code (no image file).

The place is read from the scene itself (no field in the scenario format): the words of its id and title,
else of its text, else of its phase (`place_of`, docs/ui.md); else the meeting room. Each backdrop is drawn
once per (place, size, theme) and kept; a frame only blits it. Colours are soft, close to the page, so
that the partners stay what one looks at; the high-contrast theme has no backdrop at all.
"""

from __future__ import annotations

import re
import unicodedata

import pygame

from game.ui.theme import Colour, Theme
from game.ui.widgets.portrait import mix

__all__ = ["PLACES", "TEXT_PLACES", "place_of", "backdrop"]

# place → words that put a scene there when its id, title or phase names them (whole words or their plural,
# any case, accents or not)
PLACES: dict[str, tuple[str, ...]] = {
    "committee": ("comité de pilotage", "copil", "pilotage", "steering", "élu", "councillor", "financeur", "funder"),
    "worksite": ("chantier", "worksite", "building site", "travaux", "site visit"),
    "kitchen": ("café", "cuisine", "kitchen", "coffee", "maison de quartier", "community centre", "community center"),
}
# in a scene's text a place is only mentioned in passing ("le chantier d'insertion" is the project, not the
# place): the text decides only with words that put people there
TEXT_PLACES: dict[str, tuple[str, ...]] = {
    "committee": ("comité de pilotage", "copil", "steering committee", "les élus", "the councillors"),
    "worksite": ("sur le chantier", "au chantier", "on the worksite", "on site", "échafaudage", "scaffolding"),
    "kitchen": ("café", "cuisine", "kitchen", "coffee"),
}
DEFAULT = "meeting"

_cache: dict[tuple[object, ...], pygame.Surface] = {}


def _plain(text: str) -> str:
    """Lower case, no accents, no id punctuation: `Café_Quartier` and `cafe-quartier` read alike."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("_", " ").replace("-", " "))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _named(text: str, places: dict[str, tuple[str, ...]]) -> str | None:
    words = _plain(text)
    for place, keys in places.items():
        if any(re.search(r"(?<!\w)" + re.escape(_plain(key)) + r"[sx]?(?!\w)", words) for key in keys):
            return place
    return None


def place_of(title: str, text: str = "", phase: str = "") -> str:
    """The kind of place a scene happens in: named by its id and title, else by its text (`TEXT_PLACES`),
    else by its phase id; the meeting room when none says. Within one of them the comité de pilotage comes
    first, then the worksite, then the kitchen."""
    return _named(title, PLACES) or _named(text, TEXT_PLACES) or _named(phase, PLACES) or DEFAULT


def backdrop(place: str, size: tuple[int, int], theme: Theme) -> pygame.Surface | None:
    """The place's picture at `size`, or None (high contrast, or too small to say anything)."""
    if theme.name == "contrast" or size[0] < 120 or size[1] < 60:
        return None
    key = (place, size, theme.name)
    picture = _cache.get(key)
    if picture is None:
        picture = pygame.Surface(size)
        DRAW.get(place, _meeting)(picture, theme)
        if len(_cache) > 16:
            _cache.clear()  # a few sizes of a few places; a resize makes new ones
        _cache[key] = picture
    return picture


def _soft(theme: Theme, colour: Colour, amount: float = 0.62) -> Colour:
    """A colour pulled toward the page, so the backdrop stays quiet."""
    return mix(colour, theme.bg, amount)


def _wall_and_floor(surface: pygame.Surface, theme: Theme, wall: Colour, floor: Colour, horizon: float) -> int:
    w, h = surface.get_size()
    y = int(h * horizon)
    surface.fill(_soft(theme, wall))
    pygame.draw.rect(surface, _soft(theme, floor), (0, y, w, h - y))
    pygame.draw.line(surface, _soft(theme, mix(floor, (0, 0, 0), 0.2)), (0, y), (w, y), 2)
    return y


def _window(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, sky: Colour = (186, 214, 230)) -> None:
    pygame.draw.rect(surface, _soft(theme, sky, 0.35), rect)
    frame = _soft(theme, (250, 250, 246), 0.2)
    pygame.draw.rect(surface, frame, rect, max(3, rect.w // 20))
    pygame.draw.line(surface, frame, rect.midtop, rect.midbottom, max(2, rect.w // 30))
    pygame.draw.line(surface, frame, rect.midleft, rect.midright, max(2, rect.w // 30))


def _kitchen(surface: pygame.Surface, theme: Theme) -> None:
    """The kitchen of the maison de quartier: tiles, a window, cupboards, a coffee maker, a plant."""
    w, h = surface.get_size()
    floor_y = _wall_and_floor(surface, theme, (236, 214, 178), (190, 150, 110), 0.72)
    tile = max(10, h // 9)
    band = pygame.Rect(0, int(h * 0.36), w, int(h * 0.2))
    for x in range(0, w, tile):
        for y in range(band.y, band.bottom, tile):
            colour = (226, 232, 222) if (x // tile + y // tile) % 2 else (208, 222, 214)
            pygame.draw.rect(surface, _soft(theme, colour, 0.4), (x, y, tile - 1, tile - 1))
    counter = pygame.Rect(0, band.bottom, w, floor_y - band.bottom)
    pygame.draw.rect(surface, _soft(theme, (150, 112, 80)), counter)
    for x in range(0, w, max(40, w // 9)):  # cupboard doors
        pygame.draw.rect(
            surface, _soft(theme, (120, 88, 62)), (x + 4, counter.y + 6, max(30, w // 9) - 8, counter.h - 10), 2
        )
    for x in range(w // 12, w, w // 3):  # wall cupboards
        pygame.draw.rect(
            surface, _soft(theme, (170, 128, 92)), (x, int(h * 0.06), w // 6, int(h * 0.22)), border_radius=4
        )
    _window(surface, theme, pygame.Rect(w // 2 - w // 10, int(h * 0.05), w // 5, int(h * 0.28)))
    pot = pygame.Rect(int(w * 0.78), band.bottom - tile * 2, tile, tile * 2)  # the coffee maker
    pygame.draw.rect(surface, _soft(theme, (70, 70, 76), 0.4), pot, border_radius=3)
    pygame.draw.rect(surface, _soft(theme, (150, 90, 60), 0.4), pot.inflate(-tile // 3, -tile), border_radius=3)
    plant = (int(w * 0.1), band.bottom)
    for dx in (-tile // 2, 0, tile // 2):
        pygame.draw.ellipse(
            surface,
            _soft(theme, (90, 140, 90), 0.4),
            (plant[0] + dx - tile // 3, plant[1] - tile * 2, tile // 1.5, tile * 1.4),
        )
    pygame.draw.rect(
        surface, _soft(theme, (190, 110, 70), 0.4), (plant[0] - tile // 2, plant[1] - tile // 1.2, tile, tile // 1.2)
    )


def _meeting(surface: pygame.Surface, theme: Theme) -> None:
    """A meeting room: windows with blinds, a whiteboard with a few lines, a clock."""
    w, h = surface.get_size()
    _wall_and_floor(surface, theme, (222, 226, 228), (178, 172, 164), 0.74)
    board = pygame.Rect(int(w * 0.36), int(h * 0.1), int(w * 0.28), int(h * 0.34))
    pygame.draw.rect(surface, _soft(theme, (252, 252, 250), 0.2), board)
    pygame.draw.rect(surface, _soft(theme, (150, 150, 156)), board, 3)
    for i, colour in enumerate(((60, 100, 170), (60, 100, 170), (180, 70, 60))):
        y = board.y + board.h // 5 * (i + 1)
        pygame.draw.line(
            surface, _soft(theme, colour, 0.45), (board.x + 10, y), (board.x + board.w * (3 - i) // 4, y), 2
        )
    for x in (int(w * 0.05), int(w * 0.76)):
        window = pygame.Rect(x, int(h * 0.08), int(w * 0.18), int(h * 0.4))
        _window(surface, theme, window)
        for y in range(window.y + 6, window.y + window.h // 2, 6):  # half-drawn blinds
            pygame.draw.line(surface, _soft(theme, (238, 236, 228), 0.2), (window.x + 3, y), (window.right - 4, y), 2)
    clock = (board.centerx, int(h * 0.06) + 4)
    pygame.draw.circle(surface, _soft(theme, (250, 250, 250), 0.2), clock, max(6, h // 24))
    pygame.draw.circle(surface, _soft(theme, (90, 90, 96)), clock, max(6, h // 24), 2)


def _worksite(surface: pygame.Surface, theme: Theme) -> None:
    """The worksite of the chantier d'insertion: sky, a building in scaffolding, a fence, cones."""
    w, h = surface.get_size()
    ground_y = _wall_and_floor(surface, theme, (200, 222, 236), (170, 150, 118), 0.72)
    house = pygame.Rect(int(w * 0.25), int(h * 0.18), int(w * 0.3), ground_y - int(h * 0.18))
    pygame.draw.rect(surface, _soft(theme, (214, 190, 160)), house)
    pygame.draw.polygon(
        surface,
        _soft(theme, (170, 90, 70)),
        [(house.x - 8, house.y), (house.centerx, house.y - h // 8), (house.right + 8, house.y)],
    )
    steel = _soft(theme, (120, 120, 130), 0.45)
    for x in range(house.x - 10, house.right + 14, max(14, house.w // 5)):
        pygame.draw.line(surface, steel, (x, house.y - 4), (x, ground_y), 2)
    for y in range(house.y + 10, ground_y, max(12, house.h // 3)):
        pygame.draw.line(surface, steel, (house.x - 10, y), (house.right + 12, y), 3)
    crane = _soft(theme, (220, 170, 40), 0.4)
    pygame.draw.line(surface, crane, (int(w * 0.72), ground_y), (int(w * 0.72), int(h * 0.06)), 4)
    pygame.draw.line(surface, crane, (int(w * 0.55), int(h * 0.08)), (int(w * 0.92), int(h * 0.08)), 4)
    pygame.draw.line(
        surface, _soft(theme, (80, 80, 80), 0.4), (int(w * 0.6), int(h * 0.08)), (int(w * 0.6), int(h * 0.3)), 1
    )
    fence = _soft(theme, (236, 150, 60), 0.45)
    for x in range(0, w, 18):
        pygame.draw.line(surface, fence, (x, ground_y - h // 8), (x + 9, ground_y), 2)
    pygame.draw.line(surface, fence, (0, ground_y - h // 8), (w, ground_y - h // 8), 3)
    for x in (int(w * 0.08), int(w * 0.88)):
        pygame.draw.polygon(
            surface,
            _soft(theme, (230, 110, 40), 0.35),
            [(x - 8, ground_y + 14), (x, ground_y - 6), (x + 8, ground_y + 14)],
        )


def _committee(surface: pygame.Surface, theme: Theme) -> None:
    """The comité de pilotage: a formal room, a projected chart, the partners' flags, wood panels."""
    w, h = surface.get_size()
    _wall_and_floor(surface, theme, (214, 206, 196), (140, 116, 96), 0.74)
    for x in range(0, w, max(30, w // 14)):  # wood panels
        pygame.draw.rect(
            surface, _soft(theme, (176, 140, 104)), (x + 2, int(h * 0.5), max(30, w // 14) - 4, int(h * 0.22)), 2
        )
    screen = pygame.Rect(int(w * 0.32), int(h * 0.06), int(w * 0.36), int(h * 0.36))
    pygame.draw.rect(surface, _soft(theme, (250, 250, 250), 0.15), screen)
    pygame.draw.rect(surface, _soft(theme, (110, 110, 116)), screen, 2)
    bars = ((46, 125, 107), (90, 111, 181), (181, 101, 29), (150, 80, 120))
    step = screen.w // (len(bars) + 1)
    for i, colour in enumerate(bars):
        height = int(screen.h * (0.3 + 0.15 * ((i * 7) % 4)))
        pygame.draw.rect(
            surface,
            _soft(theme, colour, 0.35),
            (screen.x + step * (i + 1) - step // 4, screen.bottom - 6 - height, step // 2, height),
        )
    for i, colour in enumerate(((40, 70, 160), (200, 60, 60), (46, 125, 107))):  # flags on poles
        x = int(w * 0.08) + i * max(16, w // 28)
        pygame.draw.line(surface, _soft(theme, (90, 90, 90)), (x, int(h * 0.12)), (x, int(h * 0.74)), 2)
        pygame.draw.rect(surface, _soft(theme, colour, 0.35), (x + 1, int(h * 0.13), max(12, w // 36), max(9, h // 14)))


DRAW = {"kitchen": _kitchen, "meeting": _meeting, "worksite": _worksite, "committee": _committee}
