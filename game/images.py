"""Image headers read before any decoding: a picture's size is known before it costs memory.

A 1.1 MB PNG can declare 20,000 × 20,000 pixels and take 2.7 GB once decoded. The checker
and the window read the few header bytes that give the format and the dimensions (PNG, JPEG,
GIF, BMP — what the window can show), and refuse a picture beyond the limits below before
anything decodes it. No imaging library is needed: this module never imports pygame.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from game.safeio import read_limited

__all__ = ["ImageInfo", "ImageRefused", "image_info", "MAX_IMAGE_BYTES", "MAX_IMAGE_SIDE", "MAX_IMAGE_PIXELS"]

MAX_IMAGE_BYTES = 4 * 1024 * 1024  # a portrait is shown at most a few hundred pixels wide
MAX_IMAGE_SIDE = 4096
MAX_IMAGE_PIXELS = 4096 * 4096  # 64 MB once decoded at 4 bytes a pixel
_HEADER = 64 * 1024  # a JPEG's size marker may follow its metadata


class ImageRefused(Exception):
    """Not a picture the game shows: unknown format, damaged header, or too large."""


@dataclass(frozen=True)
class ImageInfo:
    kind: str
    width: int
    height: int


def image_info(source: str | Path | bytes) -> ImageInfo:
    """Format and size read from the header of a file (or its bytes), within the limits.

    ImageRefused otherwise, or OSError (FileRefused) for a file that is not regular or too large.
    """
    data = source if isinstance(source, bytes) else read_limited(source, MAX_IMAGE_BYTES)
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused(f"image file too large — expected at most {MAX_IMAGE_BYTES // 1_048_576} MB")
    info = _parse(data[:_HEADER])
    if info.width <= 0 or info.height <= 0:
        raise ImageRefused(f"a {info.kind} image of {info.width} × {info.height} pixels is empty")
    if max(info.width, info.height) > MAX_IMAGE_SIDE or info.width * info.height > MAX_IMAGE_PIXELS:
        raise ImageRefused(
            f"image too large — expected at most {MAX_IMAGE_SIDE} × {MAX_IMAGE_SIDE} pixels, "
            f"got {info.width} × {info.height}"
        )
    return info


def _parse(head: bytes) -> ImageInfo:
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return ImageInfo("PNG", width, height)
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return ImageInfo("GIF", width, height)
    if head.startswith(b"BM") and len(head) >= 26:
        width, height = struct.unpack("<ii", head[18:26])
        return ImageInfo("BMP", abs(width), abs(height))
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    raise ImageRefused("not a PNG, JPEG, GIF or BMP image")


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(head: bytes) -> ImageInfo:
    """Walk the JPEG markers (bounded by the header read) to the frame header that gives the size."""
    at = 2
    while at + 9 <= len(head):
        if head[at] != 0xFF:
            break
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = struct.unpack(">H", head[at + 2 : at + 4])[0]
        if marker in _SOF:
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return ImageInfo("JPEG", width, height)
        if length < 2:
            break
        at += 2 + length
    raise ImageRefused("a JPEG image whose size cannot be read in its first 64 KB")
