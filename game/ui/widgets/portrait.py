"""Portraits drawn by our code from a partner's id, or the scenario's own image when it exists.

The same id always gives the same face (hash-based shapes), dressed in the
organisation's colour, so partners are recognisable without any image file.
A drawn face also has a mood (`MOODS`): it smiles when that partner's engagement
rose, frowns when it fell, speaks when it is their scene, closes its eyes when
they left. Each (face, mood, size) is drawn once and kept.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pygame

from game.images import MAX_IMAGE_BYTES, ImageRefused, image_info
from game.safeio import read_limited
from game.ui.theme import Colour

try:  # the interpreter's own SHA-256 (same digests as hashlib's), without loading OpenSSL before the title
    from _sha2 import sha256  # type: ignore[import-not-found]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, no-redef]  # Python 3.11
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["portrait", "org_colour", "mix", "safe_asset", "MOODS"]

MOODS = ("neutral", "pleased", "worried", "speaking", "gone")

SKIN: tuple[Colour, ...] = ((241, 204, 174), (224, 172, 132), (198, 142, 100), (150, 100, 68), (108, 72, 50))
HAIR: tuple[Colour, ...] = ((40, 32, 28), (92, 60, 38), (160, 112, 64), (200, 170, 110), (150, 150, 150))

_cache: dict[tuple[object, ...], pygame.Surface] = {}


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def org_colour(hex_colour: str | None, key: str) -> Colour:
    """The organisation's colour, or one derived from its id."""
    if hex_colour:
        return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)
    digest = sha256(key.encode()).digest()
    return 60 + digest[0] % 120, 60 + digest[1] % 120, 60 + digest[2] % 120


def safe_asset(folder: Path | None, relative: str | None) -> Path | None:
    """An asset path only if it stays inside the scenario folder and exists."""
    if folder is None or not relative:
        return None
    try:
        path = (folder / relative).resolve()
        if not path.is_relative_to(folder.resolve()) or not path.is_file():
            return None
    except (OSError, ValueError):
        return None
    return path


def portrait(
    key: str, colour: Colour, size: int, image: Path | None = None, gone: bool = False, mood: str = "neutral"
) -> pygame.Surface:
    """A round portrait of `size` pixels with a mood (see MOODS; a scenario's own image keeps its face);
    greyed when the partner has left."""
    mood = "gone" if gone else mood if mood in MOODS else "neutral"
    cache_key = (key, colour, size, image, gone, mood)
    surface = _cache.get(cache_key)
    if surface is None:
        surface = _load(image, size) if image is not None else None
        surface = surface or _drawn(key, colour, size, mood)
        if gone:
            surface = pygame.transform.grayscale(surface)
            surface.set_alpha(150)
        _cache[cache_key] = surface
    return surface


def _load(path: Path, size: int) -> pygame.Surface | None:
    """The picture, when its header says it is a known format within the size limits (checked before decoding)."""
    try:
        data = read_limited(path, MAX_IMAGE_BYTES)  # a regular file within its size: a FIFO never blocks
        image_info(data)  # a known format within the dimension limits, read before anything is decoded
        picture = pygame.image.load(io.BytesIO(data), path.name)
    except (pygame.error, OSError, ImageRefused, ValueError):
        return None  # a broken, hostile or oversized optional image falls back to the drawn portrait
    side = min(picture.get_size())
    square = picture.subsurface(
        pygame.Rect((picture.get_width() - side) // 2, (picture.get_height() - side) // 2, side, side)
    )
    return _round(pygame.transform.smoothscale(square.convert_alpha(), (size, size)))


def _round(image: pygame.Surface) -> pygame.Surface:
    size = image.get_width()
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
    out = image.copy()
    out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return out


def _drawn(key: str, colour: Colour, size: int, mood: str = "neutral") -> pygame.Surface:
    """Shoulders in the organisation's colour, a face and one of four hair styles, from the id's hash."""
    h = sha256(key.encode()).digest()
    big = size * 3
    art = pygame.Surface((big, big), pygame.SRCALPHA)
    art.fill((*mix(colour, (255, 255, 255), 0.78), 255))
    skin, hair = SKIN[h[0] % len(SKIN)], HAIR[h[1] % len(HAIR)]
    style = h[2] % 4
    cx, head_y, r = big // 2, int(big * 0.43), int(big * 0.25)
    if style == 1:  # long hair, behind the head
        pygame.draw.rect(
            art, hair, (cx - r - r // 5, head_y - r // 3, 2 * r + 2 * (r // 5), int(r * 1.7)), border_radius=r // 2
        )
    pygame.draw.ellipse(art, colour, (cx - int(r * 1.9), int(big * 0.74), int(r * 3.8), int(big * 0.6)))
    pygame.draw.rect(art, skin, (cx - r // 3, head_y + r - r // 4, 2 * (r // 3), r // 2))
    pygame.draw.circle(art, skin, (cx, head_y), r)
    if style in (0, 1):  # a fringe
        pygame.draw.ellipse(art, hair, (cx - r, head_y - r - r // 6, 2 * r, int(r * 1.05)))
    elif style == 2:  # a bun
        pygame.draw.circle(art, hair, (cx, head_y - r), r // 2)
        pygame.draw.ellipse(art, hair, (cx - r, head_y - r, 2 * r, int(r * 0.7)))
    else:  # short on the sides
        pygame.draw.ellipse(art, hair, (cx - r - 2, head_y - r - 2, 2 * r + 4, int(r * 0.8)))
    _face(art, (cx, head_y), r, mood, skin, hair, big)
    if h[3] % 3 == 0:  # glasses
        for side in (-1, 1):
            pygame.draw.circle(art, (50, 50, 60), (cx + side * r * 2 // 5, head_y + r // 8), r // 4, max(2, big // 60))
    return _round(pygame.transform.smoothscale(art, (size, size)))


def _face(
    art: pygame.Surface, centre: tuple[int, int], r: int, mood: str, skin: Colour, hair: Colour, big: int
) -> None:
    """Eyes, brows, cheeks and mouth for a mood; the lines scale with the face so they survive smoothscale."""
    cx, cy = centre
    ink = (48, 36, 34)
    line = max(3, big // 40)
    brow = mix(hair, ink, 0.4)
    eye_y, gap = cy + r // 8, r * 2 // 5
    for side in (-1, 1):
        ex = cx + side * gap
        if mood == "pleased":  # eyes closed in a smile: arcs
            pygame.draw.arc(art, ink, (ex - r // 7, eye_y - r // 10, 2 * (r // 7), r // 5), 0.2, math.pi - 0.2, line)
        elif mood == "gone":  # eyes closed, looking down
            pygame.draw.line(art, ink, (ex - r // 8, eye_y + r // 20), (ex + r // 8, eye_y + r // 20), line)
        else:
            pygame.draw.circle(art, ink, (ex, eye_y), max(2, r // 8))
            pygame.draw.circle(art, (255, 255, 255), (ex + r // 24, eye_y - r // 24), max(1, r // 24))
        inner, outer = (ex - side * r // 7, ex + side * r // 7)
        top = eye_y - r // 4
        if mood == "worried":  # inner ends raised
            pygame.draw.line(art, brow, (inner, top - r // 10), (outer, top + r // 30), line)
        elif mood == "speaking":  # raised, lively
            pygame.draw.line(art, brow, (inner, top - r // 12), (outer, top - r // 12), line)
        else:
            pygame.draw.line(art, brow, (inner, top), (outer, top), line)
    if mood == "pleased":
        cheek = (*mix(skin, (230, 110, 110), 0.45), 255)
        for side in (-1, 1):
            pygame.draw.ellipse(art, cheek, (cx + side * gap - r // 7, eye_y + r // 6, 2 * (r // 7), r // 9))
    mouth_y, w = cy + r * 11 // 20, r * 2 // 5
    lips = mix(skin, (150, 60, 60), 0.6)
    if mood == "pleased":
        pygame.draw.arc(
            art, lips, (cx - w, mouth_y - r // 4, 2 * w, r * 2 // 5), math.pi + 0.2, 2 * math.pi - 0.2, line + 2
        )
    elif mood == "worried":
        pygame.draw.arc(art, lips, (cx - w * 3 // 4, mouth_y, w * 3 // 2, r // 4), 0.3, math.pi - 0.3, line + 1)
    elif mood == "speaking":
        pygame.draw.ellipse(art, mix(lips, ink, 0.5), (cx - w // 2, mouth_y - r // 10, w, r // 4))
    elif mood == "gone":
        pygame.draw.line(art, lips, (cx - w // 2, mouth_y), (cx + w // 2, mouth_y), line)
    else:
        pygame.draw.arc(
            art, lips, (cx - w * 2 // 3, mouth_y - r // 8, w * 4 // 3, r // 5), math.pi + 0.4, 2 * math.pi - 0.4, line
        )
