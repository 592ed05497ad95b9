"""A page of text with a row of buttons: how to play, a refused scenario's errors.

Up/Down, Page Up/Down and the wheel scroll the text; Left/Right and Tab move
between the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.errors import Diagnostic
from game.scenario.model import tr
from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, footer_height, heading, row
from game.ui.strings import howto, s
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button
from game.ui.widgets.richtext import Block, RichText

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen

__all__ = ["DocumentScreen", "howto_screen", "errors_screen", "diagnostic_blocks", "journal_screen", "glossary_screen"]

Action = tuple[str, Callable[[], None], bool]  # label, action, primary


class DocumentScreen(Screen):
    arrows_scroll = True

    def __init__(
        self,
        app: App,
        kicker: Callable[[str], str],
        title: Callable[[str], str],
        blocks: Callable[[str], list[Block]],
        actions: Callable[[str], list[Action]],
        escape: Callable[[], None],
        closing_keys: tuple[int, ...] = (),
    ) -> None:
        super().__init__(app)
        self.kicker, self.title, self.blocks, self.actions, self.escape = kicker, title, blocks, actions, escape
        self.closing_keys = closing_keys  # the key that opened the page closes it too (J, G)

    def build(self) -> None:
        look, lang = self.look, self.lang
        col = column(self.size, look, 860)
        self.col = col
        self.top = col.y + self.heading_height(col.w)
        bottom = self.size[1] - footer_height(look, self.size[0], s("keys_hint", lang)) - look.px(8)
        buttons = [Button(label, action, primary=primary) for label, action, primary in self.actions(lang)]
        bar = row(buttons, look, col.right, bottom)
        self.box = pygame.Rect(col.x, self.top, col.w, bar.y - look.px(16) - self.top)
        self.text = RichText(self.blocks(lang))
        self.text.rect = self.box.inflate(-2 * look.px(20), -2 * look.px(16))
        self.widgets = [self.text, *buttons]
        self.scroller = self.text
        self.focus_index = next((i for i, b in enumerate(buttons) if b.primary), 0)

    def heading_height(self, width: int) -> int:
        look = self.look
        lines = len(look.text.wrap(self.title(self.lang), "title", width))
        return look.text.line_height("small") + look.px(4) + lines * look.text.line_height("title") + look.px(24)

    def draw_static(self, surface: pygame.Surface) -> None:
        look = self.look
        surface.fill(look.theme.bg)
        heading(surface, look, self.kicker(self.lang), self.title(self.lang), self.col.x, self.col.y, self.col.w)
        panel(surface, look, self.box)
        footer(surface, look, s("keys_hint", self.lang) + " · " + s("scroll_hint", self.lang))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE or event.key in self.closing_keys:
            self.escape()
            return True
        return False


def howto_screen(app: App, start: Callable[[], None] | None) -> DocumentScreen:
    def actions(lang: str) -> list[Action]:
        if start is None:
            return [(s("back", lang), app.go_title, True)]
        return [(s("back", lang), app.back_from_howto, False), (s("start", lang), start, True)]

    return DocumentScreen(
        app,
        lambda lang: s("app_title", lang),
        lambda lang: s("howto_title", lang),
        howto,
        actions,
        app.go_title if start is None else app.back_from_howto,
    )


def diagnostic_blocks(found: list[Diagnostic], lang: str) -> list[Block]:
    """Each error: where (line, column), what is wrong, the source line with the column underlined, the hint."""
    blocks: list[Block] = []
    for d in found:
        where = s("line_col", lang, line=d.location.line, col=d.location.col) if d.location.line else ""
        blocks.append(("h2", f"{Path(d.location.file).name}{', ' + where if where else ''} — {d.code}"))
        blocks.append(("body", d.message))
        if d.source_line:
            blocks.append(("source", d.source_line.rstrip().replace("\t", " "), d.location.col))
        if d.hint:
            blocks.append(("muted", s("hint", lang, hint=d.hint)))
    return blocks


def errors_screen(app: App, path: Path, found: list[Diagnostic], back: Callable[[], None]) -> DocumentScreen:
    def blocks(lang: str) -> list[Block]:
        return [("body", s("errors_intro", lang, n=len(found), file=str(path))), *diagnostic_blocks(found, lang)]

    return DocumentScreen(
        app,
        lambda lang: path.name,
        lambda lang: s("errors_title", lang),
        blocks,
        lambda lang: [(s("back", lang), back, True)],
        back,
    )


def journal_screen(app: App, play: PlayScreen) -> DocumentScreen:
    """Key J or the left panel's button during play: past decisions, their months and the events that struck."""
    from game.views.journal import journal_lines

    match = play.match

    def back() -> None:
        app.show(play)

    def blocks(lang: str) -> list[Block]:
        return list(journal_lines(match.book, match.session, lang))

    return DocumentScreen(
        app,
        lambda lang: tr(match.book.model.title, lang),
        lambda lang: s("journal_title", lang),
        blocks,
        lambda lang: [(s("back", lang), back, True)],
        back,
        closing_keys=(pygame.K_j,),
    )


def glossary_screen(app: App, back: Callable[[], None]) -> DocumentScreen:
    """Key G during play, or the pause menu: the paper's concepts, defined and sourced."""
    from game.views.journal import glossary_lines

    return DocumentScreen(
        app,
        lambda lang: s("app_title", lang),
        lambda lang: s("glossary_title", lang),
        lambda lang: list(glossary_lines(lang)),
        lambda lang: [(s("back", lang), back, True)],
        back,
        closing_keys=(pygame.K_g,),
    )
