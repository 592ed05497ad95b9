"""Portraits drawn by our code from a partner's id, or the scenario's own image when it exists.

The same id always gives the same face (hash-based shapes), dressed in the
organisation's colour, so partners are recognisable without any image file.
"""

from __future__ import annotations

import io
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

__all__ = ["portrait", "org_colour", "mix", "safe_asset"]

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


def portrait(key: str, colour: Colour, size: int, image: Path | None = None, gone: bool = False) -> pygame.Surface:
    """A round portrait of `size` pixels; greyed when the partner has left."""
    cache_key = (key, colour, size, image, gone)
    surface = _cache.get(cache_key)
    if surface is None:
        surface = _load(image, size) if image is not None else None
        surface = surface or _drawn(key, colour, size)
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


def _drawn(key: str, colour: Colour, size: int) -> pygame.Surface:
    """Shoulders in the organisation's colour, a face and one of four hair styles, from the id's hash."""
    h = sha256(key.encode()).digest()
    big = size * 3
    art = pygame.Surface((big, big), pygame.SRCALPHA)
    art.fill((*mix(colour, (255, 255, 255), 0.78), 255))
    skin, hair = SKIN[h[0] % len(SKIN)], HAIR[h[1] % len(HAIR)]
    style = h[2] % 4
    cx, head_y, r = big // 2, int(big * 0.42), int(big * 0.2)
    if style == 1:  # long hair, behind the head
        pygame.draw.rect(
            art, hair, (cx - r - r // 5, head_y - r // 3, 2 * r + 2 * (r // 5), int(r * 1.7)), border_radius=r // 2
        )
    pygame.draw.ellipse(art, colour, (cx - int(r * 2.1), int(big * 0.7), int(r * 4.2), int(big * 0.6)))
    pygame.draw.rect(art, skin, (cx - r // 3, head_y + r - r // 4, 2 * (r // 3), r // 2))
    pygame.draw.circle(art, skin, (cx, head_y), r)
    if style in (0, 1):  # a fringe
        pygame.draw.ellipse(art, hair, (cx - r, head_y - r - r // 6, 2 * r, int(r * 1.05)))
    elif style == 2:  # a bun
        pygame.draw.circle(art, hair, (cx, head_y - r), r // 2)
        pygame.draw.ellipse(art, hair, (cx - r, head_y - r, 2 * r, int(r * 0.7)))
    else:  # short on the sides
        pygame.draw.ellipse(art, hair, (cx - r - 2, head_y - r - 2, 2 * r + 4, int(r * 0.8)))
    if h[3] % 3 == 0:  # glasses
        for side in (-1, 1):
            pygame.draw.circle(art, (50, 50, 60), (cx + side * r // 2, head_y + r // 8), r // 4, max(2, big // 60))
    return _round(pygame.transform.smoothscale(art, (size, size)))
