"""Fonts, cached text surfaces and word wrapping.

Rendering text is the most expensive thing a frame can do, so every surface is
rendered once and kept (bounded LRU); wrapping is cached the same way.

The typeface is Lato (the `font-lato` package, SIL OFL; nothing is copied into
our repository): Regular for what is read at length, Bold for titles, names and
numbers (`theme.ROLE_WEIGHTS`). A character Lato lacks falls back to the font
bundled with pygame-ce, and the arrows that neither has are drawn. Without the
package every role uses the bundled font (bold only), as before.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from pathlib import Path

import pygame

from game.ui.theme import ROLE_SIZES, ROLE_WEIGHTS, Colour

__all__ = ["TextCache", "wrap_words", "lato_file"]

LATO_FILES = {"regular": "Lato-Regular.ttf", "bold": "Lato-Bold.ttf"}
# Lato's letters are larger than the bundled font's at the same nominal size: this keeps the
# x-height and capitals of the sizes the layout was designed with (and makes lines narrower).
LATO_SCALE = 0.72
DRAWN = frozenset("→←")  # in neither font: drawn as strokes, the width of an em dash
_Run = tuple[int, str]  # (source: 0 the role's face, 1 the bundled font, 2 drawn), text


def lato_file(weight: str) -> Path | io.BytesIO | None:
    """Where Lato Regular or Bold is, or None without the `font-lato` package."""
    try:
        from importlib.resources import files

        import font_lato  # a plain import, so that the standalone build's analysis carries the package

        found = files(font_lato) / "files" / LATO_FILES[weight]
        if not found.is_file():
            return None
    except (ImportError, OSError, TypeError):
        return None
    return found if isinstance(found, Path) else io.BytesIO(found.read_bytes())  # e.g. inside a zip


class TextCache:
    """Fonts by role at the current text scale, and the surfaces they rendered."""

    def __init__(self, scale: float = 1.0, limit: int = 3000, lato: bool = True) -> None:
        self.scale = scale
        self.limit = limit
        self._files = {w: lato_file(w) if lato else None for w in LATO_FILES}
        self.typeface = "Lato" if all(self._files.values()) else "pygame default"
        if self.typeface != "Lato":
            self._files = dict.fromkeys(LATO_FILES)
        # Pixels to move a line down so it looks centred in a box: the bundled font's line has its room
        # below the letters, Lato's is balanced (it keeps room above for accented capitals).
        self.nudge = 0 if self.typeface == "Lato" else 2
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, str, int, Colour], pygame.Surface] = OrderedDict()
        self._wraps: OrderedDict[tuple[str, str, int, int], list[str]] = OrderedDict()
        self._widths: dict[tuple[str, str, int], int] = {}
        self._has: dict[tuple[str, str], bool] = {}  # (face, char) → the face draws it
        self._plain: dict[str, set[str]] = {}
        self._roles: dict[str, tuple[str, int]] = {}  # role → (weight, size) at the current scale
        self.renders = 0  # how many real renders happened (the tests and bench read it)

    def set_scale(self, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self.clear()

    def clear(self) -> None:
        self._roles.clear()
        self._surfaces.clear()
        self._wraps.clear()
        self._widths.clear()

    def size_of(self, role: str) -> int:
        return max(10, round(ROLE_SIZES[role] * self.scale))

    def weight_of(self, role: str) -> str:
        return ROLE_WEIGHTS.get(role, "regular")

    def _key(self, role: str) -> tuple[str, int]:
        key = self._roles.get(role)
        if key is None:  # asked thousands of times a layout: worked out once per role and scale
            key = self._roles[role] = (self.weight_of(role), self.size_of(role))
        return key

    def _font(self, face: str, size: int) -> pygame.font.Font:
        """`face` is "regular", "bold" or "default" (the bundled font)."""
        font = self._fonts.get((face, size))
        if font is None:
            source = self._files.get(face)
            if source is None:
                font = pygame.font.Font(None, size)
            else:
                if isinstance(source, io.BytesIO):
                    source = io.BytesIO(source.getvalue())
                font = pygame.font.Font(source, max(6, round(size * LATO_SCALE)))
            self._fonts[(face, size)] = font
        return font

    def font(self, role: str) -> pygame.font.Font:
        return self._font(*self._key(role))

    def line_height(self, role: str) -> int:
        return self.font(role).get_linesize()

    # -- glyphs ----------------------------------------------------------------------------------------
    def has_glyph(self, face: str, char: str) -> bool:
        """Whether `face` draws `char` itself (not as its missing-glyph box)."""
        known = self._has.get((face, char))
        if known is None:
            font = self._font(face, 40)
            box = pygame.image.tobytes(font.render("\uffff", True, (0, 0, 0)), "RGBA")
            known = self._has[(face, char)] = pygame.image.tobytes(font.render(char, True, (0, 0, 0)), "RGBA") != box
        return known

    def _source(self, face: str, char: str) -> int:
        """Which font draws `char`: the role's face (also for a box nobody can avoid), the bundled one, or us."""
        if char.isascii() or self.has_glyph(face, char):
            return 0
        if face != "default" and self.has_glyph("default", char):
            return 1
        return 2 if char in DRAWN else 0

    def _face(self, role: str) -> str:
        weight = self.weight_of(role)
        return weight if self._files.get(weight) is not None else "default"

    def missing_glyphs(self, text: str, role: str) -> list[str]:
        """The characters of `text` that would come out as a missing-glyph box (the tests read it)."""
        face = self._face(role)
        return sorted(
            {
                c
                for c in text
                if not c.isspace() and not c.isascii() and not self.has_glyph(face, c) and self._source(face, c) == 0
            }
        )

    def _runs(self, text: str, role: str) -> list[_Run]:
        """`text` cut where the font changes; one run (the usual case) costs one pass over the text."""
        if text.isascii():
            return [(0, text)]
        face = self._face(role)
        plain = self._plain.setdefault(face, set())  # characters the face itself draws (or nobody can)
        chars = set(text)
        if not chars <= plain:
            plain.update(c for c in chars - plain if self._source(face, c) == 0)
            if not chars <= plain:
                return self._cut(text, face)
        return [(0, text)]

    def _cut(self, text: str, face: str) -> list[_Run]:
        runs: list[_Run] = []
        for char in text:
            source = self._source(face, char)
            if runs and runs[-1][0] == source and source != 2:
                runs[-1] = (source, runs[-1][1] + char)
            else:
                runs.append((source, char))
        return runs

    def _run_font(self, source: int, role: str) -> pygame.font.Font:
        return self.font(role) if source != 1 else self._font("default", self.size_of(role))

    def _drawn_width(self, role: str) -> int:
        return self.font(role).size("—")[0]

    # -- measuring and rendering -------------------------------------------------------------------------
    def width(self, text: str, role: str) -> int:
        key = (text, *self._key(role))
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 4 * self.limit:
                self._widths.clear()
            runs = self._runs(text, role)
            if len(runs) == 1 and runs[0][0] == 0:
                width = self.font(role).size(text)[0]
            else:
                width = sum(
                    self._drawn_width(role) * len(run) if source == 2 else self._run_font(source, role).size(run)[0]
                    for source, run in runs
                )
            self._widths[key] = width
        return width

    def render(self, text: str, role: str, colour: Colour) -> pygame.Surface:
        """The text on a transparent surface, rendered at most once while it is in use."""
        key = (text, *self._key(role), colour)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        runs = self._runs(text, role)
        if len(runs) == 1 and runs[0][0] == 0:
            surface = self.font(role).render(text, True, colour)
        else:
            surface = self._render_runs(runs, role, colour)
        self.renders += 1
        self._surfaces[key] = surface
        if len(self._surfaces) > self.limit:
            self._surfaces.popitem(last=False)
        return surface

    def _render_runs(self, runs: list[_Run], role: str, colour: Colour) -> pygame.Surface:
        """Runs from different fonts on one baseline; drawn arrows at the height of a dash."""
        main = self.font(role)
        ascent = max(main.get_ascent(), *(self._run_font(s, role).get_ascent() for s, _ in runs))
        height = max(main.get_height(), *(self._run_font(s, role).get_height() for s, _ in runs))
        surface = pygame.Surface((max(1, self.width("".join(r for _, r in runs), role)), height), pygame.SRCALPHA)
        x = 0
        dash = self._drawn_width(role)
        for source, run in runs:
            if source == 2:
                for char in run:
                    self._arrow(surface, char, pygame.Rect(x, 0, dash, height), ascent, role, colour)
                    x += dash
                continue
            font = self._run_font(source, role)
            image = font.render(run, True, colour)
            surface.blit(image, (x, ascent - font.get_ascent()))
            x += font.size(run)[0]
        return surface

    def _arrow(
        self, surface: pygame.Surface, char: str, box: pygame.Rect, ascent: int, role: str, colour: Colour
    ) -> None:
        font = self.font(role)
        glyph = font.metrics("x")[0]
        x_height = glyph[3] if glyph else ascent // 2
        y = ascent - x_height // 2 - 1
        thick = max(1, round(font.get_height() / (11 if self.weight_of(role) == "bold" else 16)))
        head = max(3, x_height // 2)
        left, right = box.x + max(1, box.w // 8), box.right - max(1, box.w // 8)
        tip, back = (right, right - head) if char == "→" else (left, left + head)
        pygame.draw.line(surface, colour, (left, y), (right, y), thick)
        pygame.draw.polygon(surface, colour, [(tip, y), (back, y - head), (back, y + head)])

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        """Lines of at most `width` pixels; paragraphs (newlines) are kept."""
        key = (text, *self._key(role), width)
        lines = self._wraps.get(key)
        if lines is None:
            lines = []
            for paragraph in text.split("\n"):
                lines.extend(wrap_words(paragraph, lambda s: self.width(s, role), width))
            self._wraps[key] = lines
            if len(self._wraps) > self.limit:
                self._wraps.popitem(last=False)
        return lines

    def fit(self, text: str, role: str, width: int) -> str:
        """The text, shortened with an ellipsis if it is wider than `width`."""
        if self.width(text, role) <= width:
            return text
        low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(text[:middle] + "…", role) <= width:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"


def wrap_words(text: str, measure: object, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is cut so nothing overflows.

    Each line is the longest run of words whose measured width fits. The run is first guessed from the
    widths of its words (cached, shared by every text) and then checked on the whole line, so a new
    paragraph costs a few measures per line instead of one per word; the lines are those of measuring
    every candidate line in turn.
    """
    size = measure  # a callable str -> pixels
    words = text.split(" ")
    space = size(" ")  # type: ignore[operator]
    lines: list[str] = []
    line = ""
    i, count = 0, len(words)
    while i < count:
        if not line:
            word = words[i]
            i += 1
            while size(word) > width and len(word) > 1:  # type: ignore[operator]
                cut = len(word)
                while cut > 1 and size(word[:cut]) > width:  # type: ignore[operator]
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
            continue
        guess, used = 0, size(line)  # type: ignore[operator]
        while i + guess < count:
            used += space + size(words[i + guess])  # type: ignore[operator]
            if used > width:
                break
            guess += 1
        while guess > 0 and size(" ".join([line, *words[i : i + guess]])) > width:  # type: ignore[operator]
            guess -= 1
        while i + guess < count and size(" ".join([line, *words[i : i + guess + 1]])) <= width:  # type: ignore[operator]
            guess += 1
        if guess:
            line = " ".join([line, *words[i : i + guess]])
            i += guess
        if i < count:
            lines.append(line)
            line = ""
    lines.append(line)
    return lines
