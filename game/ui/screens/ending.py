"""The ending: which one and why (the facts), what survived, the debrief questions, the report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
from game.ui.widgets.gauge import bar
from game.ui.widgets.richtext import Block, RichText
from game.views.narration import describe_condition_fact, invention_name, org_short
from game.vocabulary.gauges import GAUGES

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["EndingScreen", "ending_blocks", "fact_line"]


def fact_line(match: Match, fact: Fact, lang: str) -> str:
    """« Cohésion ≥ 40 (ici : 60) : vrai » — the shared wording of `game.views.narration`."""
    return describe_condition_fact(match.book, fact, lang)


def ending_blocks(match: Match, lang: str, report: str | None) -> list[Block]:
    result = match.engine.result(match.session)
    book = match.book
    blocks: list[Block] = [("quote", tr(result.explanation, lang).strip())]
    if result.facts:
        blocks.append(("h2", s("why", lang)))
        blocks += [("yes" if f.held else "no", fact_line(match, f, lang)) for f in result.facts]
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
        bottom = self.size[1] - footer_height(look, self.size[0], s("keys_hint", lang)) - look.px(8)
        first = (
            Button(s("open_report", lang), self.open_report, primary=True)
            if self.report is not None
            else Button(s("write_report", lang), self.write_report, primary=True)
        )
        buttons = [first, Button(s("menu", lang), app.go_title), Button(s("quit", lang), app.quit)]
        bar_rect = row(buttons, look, col.right, bottom)
        if bar_rect.x < col.x:  # too narrow for one row: stack them
            y = bottom
            for button in reversed(buttons):
                button.rect = pygame.Rect(col.x, y - button.rect.h, col.w, button.rect.h)
                y = button.rect.y - look.px(8)
            bar_rect = pygame.Rect(col.x, y, col.w, bottom - y)
        self.box = pygame.Rect(col.x, top, col.w, bar_rect.y - look.px(16) - top)
        self.text = RichText(ending_blocks(self.match, lang, self.report_line()))
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
        """Show the written report in the browser (it is a local HTML file)."""
        import webbrowser

        if self.report is not None:
            webbrowser.open(self.report.resolve().as_uri())

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, lang, col = self.look, self.look.theme, self.lang, self.col
        surface.fill(theme.bg)
        y = blit_text(surface, look, s("ending_kicker", lang).upper(), "name", theme.accent, (col.x, col.y)).bottom
        for line in look.text.wrap(self.title, "title", col.w):
            y = blit_text(surface, look, line, "title", theme.ink, (col.x, y)).bottom
        self._gauges(surface, self.gauges_y)
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

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.go_title()
            return True
        return False
