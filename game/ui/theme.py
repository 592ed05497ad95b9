"""Colours and type sizes: a calm paper palette and a high-contrast one.

Colour never carries meaning alone: every gauge has a label and a number, every
change a sign. The focus ring uses a colour that appears nowhere else, so it is
always visible (and tests can find it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.vocabulary.gauges import GAUGE_LIST

__all__ = ["Theme", "CALM", "HIGH_CONTRAST", "theme_for", "ROLE_SIZES", "ROLE_WEIGHTS", "TEXT_SCALES", "Colour"]

Colour = tuple[int, int, int]

# Base sizes of the text roles at scale 1.0, in the bundled font's terms (Lato is scaled to match).
ROLE_SIZES: dict[str, int] = {
    "hero": 64,
    "title": 38,
    "h1": 28,
    "h2": 23,
    "body": 21,
    "small": 18,
    "tiny": 15,
    "name": 18,
    "tiny_name": 15,
}
# Bold for titles, names and numbers; every other role is read at length, in the regular weight.
ROLE_WEIGHTS: dict[str, str] = {
    "hero": "bold",
    "title": "bold",
    "h1": "bold",
    "h2": "bold",
    "name": "bold",
    "tiny_name": "bold",
}
TEXT_SCALES: tuple[float, ...] = (0.85, 1.0, 1.15, 1.3, 1.5)


@dataclass(frozen=True)
class Theme:
    name: str
    bg: Colour
    panel: Colour
    panel_alt: Colour
    border: Colour
    ink: Colour
    muted: Colour
    accent: Colour
    accent_ink: Colour
    button: Colour
    button_hover: Colour
    button_ink: Colour
    focus: Colour
    good: Colour
    bad: Colour
    table: Colour
    table_edge: Colour
    track: Colour
    gone: Colour
    shade: tuple[int, int, int, int]
    gauges: dict[str, Colour] = field(default_factory=dict)


CALM = Theme(
    name="calm",
    bg=(239, 235, 226),
    panel=(251, 249, 244),
    panel_alt=(244, 240, 232),
    border=(214, 207, 194),
    ink=(34, 45, 56),
    muted=(96, 104, 112),
    accent=(46, 111, 115),
    accent_ink=(255, 255, 255),
    button=(232, 238, 236),
    button_hover=(214, 229, 226),
    button_ink=(28, 52, 58),
    focus=(214, 106, 18),
    good=(36, 122, 74),
    bad=(178, 52, 44),
    table=(196, 170, 134),
    table_edge=(158, 131, 97),
    track=(225, 220, 210),
    gone=(170, 170, 170),
    shade=(30, 36, 42, 150),
    gauges={g.id: g.colour for g in GAUGE_LIST},
)

HIGH_CONTRAST = Theme(
    name="contrast",
    bg=(0, 0, 0),
    panel=(0, 0, 0),
    panel_alt=(20, 20, 20),
    border=(255, 255, 255),
    ink=(255, 255, 255),
    muted=(235, 235, 235),
    accent=(255, 221, 0),
    accent_ink=(0, 0, 0),
    button=(0, 0, 0),
    button_hover=(50, 50, 50),
    button_ink=(255, 255, 255),
    focus=(0, 229, 255),
    good=(120, 255, 120),
    bad=(255, 130, 130),
    table=(40, 40, 40),
    table_edge=(255, 255, 255),
    track=(60, 60, 60),
    gone=(140, 140, 140),
    shade=(0, 0, 0, 200),
    gauges={g.id: (255, 221, 0) for g in GAUGE_LIST},
)


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else CALM
