"""The ending that teaches: which one and why (the facts in words), the player's own path (the turning points
of game/reports/turning.py, each with the concept it illustrates, and the four gauges over the months), why
not the other endings, what survived, the debrief questions, and the report (written and opened here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import gauge_name, language
from game.scenario.conditions import Fact
from game.scenario.model import tr
from game.ui import records
from game.ui.match import Match
from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, footer_height, row
from game.ui.strings import s
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button
from game.ui.widgets.chart import Curve, draw_chart
from game.ui.widgets.gauge import bar
from game.ui.widgets.richtext import Block, RichText
from game.views.narration import describe_condition_fact, invention_name, org_short
from game.vocabulary.concepts import CONCEPTS
from game.vocabulary.gauges import GAUGES

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["EndingScreen", "ending_blocks", "fact_line", "path_blocks", "report_data"]


def fact_line(match: Match, fact: Fact, lang: str) -> str:
    """« Cohésion ≥ 40 (ici : 60) : vrai » — the shared wording of `game.views.narration`."""
    return describe_condition_fact(match.book, fact, lang)


def report_data(match: Match, lang: str) -> dict[str, Any] | None:
    """The report's data for this game (its record replayed): the one source of the turning points, the
    curves and the other endings; None when the game has no record to read."""
    path = records.log_path(match.recorder)
    if path is None or not path.exists():
        return None
    from game.reports.report import build_report

    try:
        return build_report(path, lang, book=match.book)
    except Exception:  # a record that cannot be replayed: the screen still says the ending and why
        return None


def path_blocks(match: Match, data: dict[str, Any], lang: str) -> list[Block]:
    """The turning points, each with the concept it illustrates, then why not the other endings."""
    unit = tr(match.book.model.clock.unit, lang).capitalize()
    blocks: list[Block] = [("h2", s("turning_points", lang))]
    points = sorted(data.get("turning_points") or [], key=lambda card: card["number"])  # in the game's order
    if not points:
        blocks.append(("muted", s("no_turning_point", lang)))
    for card in points:
        choice = card["choice_text"]
        blocks.append(("bullet", s("turning_line", lang, unit=unit, month=card["turn"] + 1, choice=choice)))
        said = [m["text"] for m in card["milestones"]]
        events = [title for title in card["events"] if not any(title in line for line in said)]  # not twice
        said += [language(lang).join(events)] * bool(events)
        if said:
            blocks.append(("muted", " ".join(f"{line[:1].upper()}{line[1:]}." for line in said)))
        concept = CONCEPTS.get(card["concept"]["id"]) if card.get("concept") else None
        if concept is not None:
            definition = concept.definition.get(lang, concept.definition["fr"])
            blocks.append(
                (
                    "muted",
                    s("concept_line", lang, name=concept.name.get(lang, concept.name["fr"]), definition=definition),
                )
            )
    others = (data.get("ending") or {}).get("others") or []
    if others:
        blocks.append(("h2", s("why_not", lang)))
        for other in others:
            blocks.append(("body", f"{language(lang).quote(other['title'])} — {other['verdict']}"))
            blocks += [("bullet", f["sentence"]) for f in other["facts"] if not f["held"]]
    return blocks


def ending_blocks(match: Match, lang: str, report: str | None, data: dict[str, Any] | None = None) -> list[Block]:
    result = match.engine.result(match.session)
    book = match.book
    blocks: list[Block] = [("quote", tr(result.explanation, lang).strip())]
    if result.facts:
        blocks.append(("h2", s("why", lang)))
        blocks += [("yes" if f.held else "no", fact_line(match, f, lang)) for f in result.facts]
    if data is not None:
        blocks += path_blocks(match, data, lang)
    innovated = [
        f"{invention_name(book, i, lang)} ({', '.join(org_short(book, o) for o in orgs)})"
        for i, orgs in result.innovations.items()
        if orgs
    ]
    gone = [invention_name(book, i, lang) for i in result.evaporated]
    blocks.append(("h2", s("inventions", lang)))
    blocks.append(
        (
            "body",
            f"{s('innovated', lang)}{language(lang).colon} {language(lang).join(innovated) or s('none', lang)}",
        )
    )
    blocks.append(
        (
            "body",
            f"{s('evaporated', lang)}{language(lang).colon} {language(lang).join(gone) or s('none', lang)}",
        )
    )
    if result.questions:
        blocks.append(("h2", s("questions", lang)))
        blocks += [("body", f"{n}. {tr(q, lang)}") for n, q in enumerate(result.questions, start=1)]
    if report:
        blocks += [("space", "6"), ("h2", report)]
    return blocks


class EndingScreen(Screen):
    arrows_scroll = True

    def __init__(self, app: App, match: Match) -> None:
        super().__init__(app)
        self.match = match
        self.report: Path | None = None
        self.report_error: str | None = None
        self.data: dict[str, dict[str, Any] | None] = {}  # the report's data, by language

    def path_data(self) -> dict[str, Any] | None:
        if self.lang not in self.data:
            self.data[self.lang] = report_data(self.match, self.lang)
        return self.data[self.lang]

    def build(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        col = column(self.size, look, 980)
        self.col = col
        result = self.match.engine.result(self.match.session)
        self.title = tr(result.title, lang)
        title_lines = look.text.wrap(self.title, "title", col.w)
        self.gauges_y = (
            col.y + look.text.line_height("small") + len(title_lines) * look.text.line_height("title") + look.px(16)
        )
        top = self.gauges_y + look.text.line_height("small") + look.px(26)
        data = self.path_data()
        chart_h = min(look.px(210), self.size[1] // 4)
        self.chart: pygame.Rect | None = None
        if data is not None and chart_h >= look.px(110):  # the four gauges over the months, when there is room
            self.chart = pygame.Rect(col.x, top, col.w, chart_h)
            top = self.chart.bottom + look.px(12)
        bottom = self.size[1] - footer_height(look, self.size[0], s("keys_hint", lang)) - look.px(8)
        first = Button(s("open_report", lang), self.open_report, primary=True)
        buttons = [first, Button(s("menu", lang), app.go_title), Button(s("quit", lang), app.quit)]
        bar_rect = row(buttons, look, col.right, bottom)
        if bar_rect.x < col.x:  # too narrow for one row: stack them
            y = bottom
            for button in reversed(buttons):
                button.rect = pygame.Rect(col.x, y - button.rect.h, col.w, button.rect.h)
                y = button.rect.y - look.px(8)
            bar_rect = pygame.Rect(col.x, y, col.w, bottom - y)
        self.box = pygame.Rect(col.x, top, col.w, bar_rect.y - look.px(16) - top)
        self.text = RichText(ending_blocks(self.match, lang, self.report_line(), data))
        self.text.rect = self.box.inflate(-2 * look.px(22), -2 * look.px(16))
        self.widgets = [self.text, *buttons]
        self.scroller = self.text
        self.focus_index = 0

    def report_line(self) -> str | None:
        if self.report is not None:
            return s("report_written", self.lang, path=str(self.report))
        return self.report_error

    def write_report(self) -> None:
        try:
            self.report = records.report(self.match.recorder, self.lang)
            self.report_error = None
        except ImportError:
            self.report_error = s("report_unavailable", self.lang)
        except Exception as exc:
            self.report_error = s("report_failed", self.lang, error=str(exc))
        self.relayout()
        self.text.scroll = self.text.max_scroll(self.look)  # show the line that says where it is

    def open_report(self) -> None:
        """Write the report if it is not yet, then show it with the system's viewer; say so when it cannot."""
        if self.report is None:
            self.write_report()
        if self.report is not None and not records.open_file(self.report):
            self.app.toast(s("report_cannot_open", self.lang, path=str(self.report)))

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, lang, col = self.look, self.look.theme, self.lang, self.col
        surface.fill(theme.bg)
        y = blit_text(surface, look, s("ending_kicker", lang).upper(), "name", theme.accent, (col.x, col.y)).bottom
        for line in look.text.wrap(self.title, "title", col.w):
            y = blit_text(surface, look, line, "title", theme.ink, (col.x, y)).bottom
        self._gauges(surface, self.gauges_y)
        data = self.path_data()
        if self.chart is not None and data is not None:
            self.plot = self._chart(surface, self.chart, data)
        panel(surface, look, self.box)
        footer(surface, look, s("keys_hint", lang) + " · " + s("scroll_hint", lang))

    def _gauges(self, surface: pygame.Surface, y: int) -> None:
        """The final state in one row: name, value and a bar for each gauge."""
        look, theme, session = self.look, self.look.theme, self.match.session
        gap = look.px(16)
        width = (self.col.w - (len(GAUGES) - 1) * gap) // len(GAUGES)
        for i, key in enumerate(GAUGES):
            x = self.col.x + i * (width + gap)
            name = look.text.fit(gauge_name(key, self.lang), "small", width - look.px(36))
            blit_text(surface, look, name, "small", theme.ink, (x, y))
            blit_text(surface, look, str(session.gauges[key]), "name", theme.ink, (x + width, y), "right")
            track = pygame.Rect(x, y + look.text.line_height("small") + look.px(4), width, look.px(10))
            bar(surface, look, track, session.gauges[key], theme.gauges[key])

    def _chart(self, surface: pygame.Surface, area: pygame.Rect, data: dict[str, Any]) -> pygame.Rect:
        """The report's curve: each gauge after each decision, on the months' axis, the break line across."""
        look, lang = self.look, self.lang
        curve = data["curve"]
        points: list[Curve] = [(p["x"], {g: p[g] for g in GAUGES}) for p in curve["points"]]
        model = self.match.book.model
        breaks = any(e.at == "break" for e in model.endings)
        threshold = model.rules.break_threshold if breaks else None
        title = blit_text(surface, look, s("chart_title", lang), "small", look.theme.ink, (area.x, area.y))
        inner = pygame.Rect(area.x, title.bottom + look.px(4), area.w, area.bottom - title.bottom - look.px(4))
        names = {g: gauge_name(g, lang) for g in GAUGES}
        label = s("break_line", lang, n=threshold) if threshold is not None else ""
        return draw_chart(surface, look, inner, points, curve["turns"], names, threshold, label)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.go_title()
            return True
        return False
