"""Rendering the reports: the jinja2 environment (autoescaped) and the inline SVG charts.

Everything a trainee typed or a scenario wrote reaches the page through
jinja2's autoescaping; the charts are built here as SVG strings in which every
text is escaped too, then marked safe. No script, no external resource: a
report opens offline and prints the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from game import __version__
from game.i18n import language
from game.reports.links import safe_url
from game.reports.words import words
from game.vocabulary.gauges import GAUGE_LIST, GAUGES

__all__ = ["render", "gauge_chart", "mean_chart", "band_chart", "bar", "COLOURS", "DASHES"]

COLOURS = {g.id: "#{:02x}{:02x}{:02x}".format(*g.colour) for g in GAUGE_LIST}  # as in the window
DASHES = {g.id: g.dash for g in GAUGE_LIST}  # readable in grey print
MARKS = {g.id: g.mark for g in GAUGE_LIST}

_ENV: Environment | None = None


def environment() -> Environment:
    """One shared environment; autoescape on for every template, undefined names are errors."""
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("game.reports", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _ENV.globals.update(
            gauge_chart=gauge_chart,
            mean_chart=mean_chart,
            counted=lambda key, n, lang: language(lang).counted("report." + key, n),
            band_chart=band_chart,
            bar=bar,
            colours=COLOURS,
            dashes=DASHES,
            legend_mark=legend_mark,
            app_version=__version__,
        )
        _ENV.filters["pct"] = lambda v: f"{round(100 * v)} %" if v is not None else "—"
        _ENV.filters["num"] = _num
        _ENV.filters["url"] = safe_url
        _ENV.filters["css_string"] = css_string
        _ENV.filters["date"] = lambda v: str(v).replace("T", " ").replace("Z", " UTC") if v else "—"
    return _ENV


def css_string(value: object) -> Markup:
    """A CSS string literal of any text: every character but letters, digits and spaces escaped as
    `\\HEX ` (a name can then close neither the string nor the style element)."""
    text = str(value)
    body = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} " for c in text)
    return Markup(f'"{body}"')


def _num(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def render(template: str, data: dict[str, Any]) -> str:
    return environment().get_template(template).render(r=data, w=words(data["lang"]), lang=data["lang"])


# -- charts ------------------------------------------------------------------------------------------------
class Frame:
    """A plot area: x in axis units (0..span), y in gauge points (0..100).

    `ticks` are the month boundaries as (position, label); by default one per
    turn on a linear axis. The individual report widens busy months (see
    `report.curve`), so its boundaries are not evenly spaced.
    """

    def __init__(
        self,
        span: float,
        ticks: list[tuple[float, int]] | None = None,
        width: int = 760,
        height: int = 310,
        left: int = 38,
        right: int = 14,
        top: int = 36,
        bottom: int = 34,
    ) -> None:
        self.span = max(1.0, float(span))
        self.ticks = ticks if ticks is not None else [(float(t), t) for t in range(int(self.span) + 1)]
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = left, right, top, bottom

    def x(self, position: float) -> float:
        return round(self.left + (self.width - self.left - self.right) * position / self.span, 1)

    def y(self, value: float) -> float:
        return round(self.top + (self.height - self.top - self.bottom) * (100 - value) / 100, 1)

    def axes(self, unit: str) -> list[str]:
        parts = []
        for value in (0, 25, 50, 75, 100):
            y = self.y(value)
            parts.append(f'<line class="grid" x1="{self.left}" y1="{y}" x2="{self.width - self.right}" y2="{y}"/>')
            parts.append(f'<text class="tick" x="{self.left - 6}" y="{y + 4}" text-anchor="end">{value}</text>')
        step = 1 if len(self.ticks) <= 25 else 3
        for position, label in self.ticks:
            x = self.x(position)
            parts.append(f'<line class="tickline" x1="{x}" y1="{self.y(0)}" x2="{x}" y2="{self.y(0) + 4}"/>')
            if label % step == 0:
                parts.append(f'<text class="tick" x="{x}" y="{self.y(0) + 16}" text-anchor="middle">{label}</text>')
        parts.append(
            f'<text class="axis" x="{self.width - self.right}" y="{self.height - 2}" '
            f'text-anchor="end">{escape(unit)}</text>'
        )
        return parts


def _marker(shape: str, x: float, y: float, colour: str, size: float = 3.6) -> str:
    if shape == "circle":
        return f'<circle cx="{x}" cy="{y}" r="{size}" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - size}" y="{y - size}" width="{2 * size}" height="{2 * size}" fill="{colour}"/>'
    if shape == "diamond":
        s = size * 1.3
        return f'<path d="M{x} {y - s}L{x + s} {y}L{x} {y + s}L{x - s} {y}Z" fill="{colour}"/>'
    s = size * 1.3
    return f'<path d="M{x} {y - s}L{x + s} {y + s * 0.8}L{x - s} {y + s * 0.8}Z" fill="{colour}"/>'


def legend_mark(gauge: str) -> Markup:
    """A small SVG sample of a gauge's line and marker, for legends outside the chart."""
    colour, dash = COLOURS[gauge], DASHES[gauge]
    return Markup(
        f'<svg class="mark" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">'
        f'<line x1="1" y1="6" x2="33" y2="6" stroke="{colour}" stroke-width="2.4" '
        f'stroke-dasharray="{dash}"/>{_marker(MARKS[gauge], 17, 6, colour, 3.2)}</svg>'
    )


def gauge_chart(curve: dict[str, Any], unit: str, title: str, small: bool = False) -> Markup:
    """The four gauges after each decision, each decision marked and numbered along the top.

    A point whose `decision` is None (a class's mean at a month's end) gets no
    decision mark; `small` draws the half-width chart that the class debrief
    sets two to a row.
    """
    ticks = [(b, m) for m, b in enumerate(curve["bounds"])]
    if small:
        frame = Frame(curve["span"], ticks, width=370, height=200, left=30, top=14, bottom=30)
    else:
        frame = Frame(curve["span"], ticks)
    points = curve["points"]
    parts = [
        f'<svg class="chart{" small" if small else ""}" viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    bounds = curve["bounds"]
    for month in range(1, len(bounds) - 1, 2):  # every other month shaded, so months read at a glance
        x1, x2 = frame.x(bounds[month]), frame.x(bounds[month + 1])
        parts.append(
            f'<rect class="month" x="{x1}" y="{frame.y(100)}" width="{round(x2 - x1, 1)}" '
            f'height="{round(frame.y(0) - frame.y(100), 1)}"/>'
        )
    parts += frame.axes(unit)
    for n, phase in enumerate(curve.get("phases", [])):  # where a new phase began: a dashed line and its name
        x = frame.x(phase["x"])
        y = frame.y(100) + 11 + 12 * (n % 2)  # names on two rows, so neighbours do not overlap
        parts.append(f'<line class="phase" x1="{x}" y1="{frame.y(100)}" x2="{x}" y2="{frame.y(0)}"/>')
        parts.append(f'<text class="phasename" x="{x + 3}" y="{y}">{escape(phase["name"])}</text>')
    turning = set(curve.get("turning", []))
    last = [-100.0, -100.0]  # where the last label of each row ends, to stagger crowded numbers
    for point in points[1:]:
        if point.get("decision") is None:
            continue
        x = frame.x(point["x"])
        label = str(point["decision"])
        if point["decision"] in turning:  # a turning point: its number ringed
            row = 0
            parts.append(f'<circle class="tp" cx="{x}" cy="{frame.top - 12}" r="8"/>')
        row = 0 if x - last[0] >= 6 * len(label) + 6 else (1 if x - last[1] >= 6 * len(label) + 6 else 0)
        last[row] = x
        parts.append(f'<line class="decision" x1="{x}" y1="{frame.top - 4}" x2="{x}" y2="{frame.y(0)}"/>')
        parts.append(f'<text class="dnum" x="{x}" y="{frame.top - 8 - 11 * row}" text-anchor="middle">{label}</text>')
        if point.get("events"):  # an outside event struck in the same move
            parts.append(f'<text class="event" x="{x + 5}" y="{frame.y(0) - 5}">!</text>')
    for gauge in GAUGES:
        coords = " ".join(f"{frame.x(p['x'])},{frame.y(p[gauge])}" for p in points)
        parts.append(
            f'<polyline class="line" points="{coords}" fill="none" stroke="{COLOURS[gauge]}" '
            f'stroke-width="2.4" stroke-dasharray="{DASHES[gauge]}" stroke-linejoin="round"/>'
        )
        for point in points:
            parts.append(_marker(MARKS[gauge], frame.x(point["x"]), frame.y(point[gauge]), COLOURS[gauge]))
    parts.append("</svg>")
    return Markup("".join(parts))


def mean_chart(curves: dict[str, list[float]], turns: int, unit: str, title: str) -> Markup:
    """The mean of each gauge at the end of each month (a class's group or ending), drawn by
    `gauge_chart` on the same true time axis: one point a month, no decision marks."""
    points = [
        {"x": float(turn), "turn": turn, "decision": None, "events": 0, **{g: curves[g][turn] for g in GAUGES}}
        for turn in range(turns + 1)
    ]
    curve = {"span": float(turns), "bounds": [float(m) for m in range(turns + 1)], "points": points}
    return gauge_chart(curve, unit, title, small=True)


def band_chart(series: Sequence[dict[str, Any]], gauge: str, turns: int, unit: str, title: str) -> Markup:
    """One gauge across a class: the mean per turn as a line, mean ± standard deviation as a band."""
    frame = Frame(turns, width=370, height=200, left=30, top=14, bottom=30)
    colour = COLOURS[gauge]
    parts = [
        f'<svg class="chart small" viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    parts += frame.axes(unit)
    upper = [f"{frame.x(s['turn'])},{frame.y(min(100, s['mean'] + s['sd']))}" for s in series]
    lower = [f"{frame.x(s['turn'])},{frame.y(max(0, s['mean'] - s['sd']))}" for s in reversed(series)]
    parts.append(
        f'<polygon class="band" points="{" ".join(upper + lower)}" fill="{colour}" fill-opacity="0.18" '
        f'stroke="{colour}" stroke-opacity="0.35" stroke-width="0.8"/>'
    )
    line = " ".join(f"{frame.x(s['turn'])},{frame.y(s['mean'])}" for s in series)
    parts.append(
        f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2.4" '
        f'stroke-dasharray="{DASHES[gauge]}"/>'
    )
    for s in series:
        parts.append(_marker(MARKS[gauge], frame.x(s["turn"]), frame.y(s["mean"]), colour, 3))
    parts.append("</svg>")
    return Markup("".join(parts))


def bar(value: float, maximum: float = 100, colour: str = "#555", start: float | None = None) -> Markup:
    """A horizontal bar for a 0–100 level, with a tick where it started (for engagement, awareness…)."""
    width = 160
    filled = round(width * max(0.0, min(1.0, value / maximum)), 1)
    tick = ""
    if start is not None:
        sx = round(width * max(0.0, min(1.0, start / maximum)), 1)
        tick = f'<line x1="{sx}" y1="0" x2="{sx}" y2="14" stroke="#111" stroke-width="2"/>'
    return Markup(
        f'<svg class="bar" width="{width}" height="14" viewBox="0 0 {width} 14" aria-hidden="true">'
        f'<rect width="{width}" height="14" fill="#e9e6df"/><rect width="{filled}" height="14" '
        f'fill="{escape(colour)}"/>{tick}</svg>'
    )
