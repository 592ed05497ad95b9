"""Join a class from the window: the link the trainer gives, checked in the background, then remembered.

The check (`game.classroom.client.check_link`) runs in a thread: the window keeps drawing frames
and answering keys while it waits ("checking…"), and a wrong link only gets a sentence, never a
hold on the game: without a class, games are recorded on this computer as always.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, heading, row
from game.ui.strings import s
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button
from game.ui.widgets.textinput import TextInput

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["ClassScreen", "class_words"]


def class_words(link: str) -> tuple[str, str]:
    """(server, code) of a remembered link, as the title shows them; ('', '') if it is not one."""
    from game.classroom.protocol import split_link

    try:
        return split_link(link)
    except ValueError:
        return "", ""


class ClassScreen(Screen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.status = ""  # the sentence under the field: checking…, or what is wrong with the link
        self.checking: threading.Thread | None = None
        self.answer: list[tuple[str, str, str]] = []
        self.typed = app.settings.class_link

    def build(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        col = column(self.size, look, 640)
        self.col = col
        y = col.y + look.text.line_height("small") + look.px(4)
        y += len(look.text.wrap(s("class_title", lang), "title", col.w)) * look.text.line_height("title") + look.px(24)
        self.intro = look.text.wrap(s("class_intro", lang), "body", col.w)
        y += len(self.intro) * look.text.line_height("body") + look.px(20)
        self.label_y = y
        y += look.text.line_height("h2") + look.px(6)
        self.field = TextInput(self.typed, s("class_placeholder", lang), limit=200, on_enter=self.check)
        self.field.rect = pygame.Rect(col.x, y, col.w, self.field.measure(look))
        self.status_y = self.field.rect.bottom + look.px(12)
        y = self.status_y + 3 * look.text.line_height("body") + look.px(12)
        go = Button(s("class_check", lang), self.check, primary=True)
        back = Button(s("back", lang), self.back)
        buttons = [back, go]
        if app.settings.class_link:
            buttons.insert(0, Button(s("class_leave", lang), self.leave))
        row(buttons, look, col.right, y + go.measure(look, go.natural_width(look)))
        self.widgets = [self.field, go, *[b for b in buttons if b is not go]]
        self.focus_index = 0

    def check(self) -> None:
        """Check the link in a background thread; `update` picks the answer up."""
        self.typed = self.field.value.strip()
        if self.checking is not None and self.checking.is_alive():
            return
        self.status = s("class_checking", self.lang)
        self.answer = []
        link = self.typed

        def ask() -> None:
            from game.classroom.client import check_link

            self.answer.append(check_link(link))

        self.checking = threading.Thread(target=ask, name="partenaires-class-check", daemon=True)
        self.checking.start()

    def update(self, dt: float) -> bool:
        moving = super().update(dt)
        if self.checking is None:
            return moving
        if not self.answer:
            return True  # frames keep coming while the server is asked
        self.checking = None
        problem, server, code = self.answer.pop()
        if problem:
            self.status = s(f"class_{problem}", self.lang, server=server, code=code)
            self.app.needs_frame = True
            return True
        self.app.join_class(f"{server}/{code}")  # the canonical link (the code as the server writes it)
        self.app.go_title()
        self.app.toast(s("class_ok", self.lang, code=code))
        return True

    def leave(self) -> None:
        self.app.join_class("")
        self.app.go_title()
        self.app.toast(s("class_left", self.lang))

    def back(self) -> None:
        self.app.go_title()

    def relayout(self) -> None:
        if hasattr(self, "field"):
            self.typed = self.field.value
        super().relayout()

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, col, lang = self.look, self.look.theme, self.col, self.lang
        surface.fill(theme.bg)
        y = heading(surface, look, s("app_title", lang), s("class_title", lang), col.x, col.y, col.w)
        for line in self.intro:
            y = blit_text(surface, look, line, "body", theme.muted, (col.x, y)).bottom
        blit_text(surface, look, s("class_link", lang), "h2", theme.ink, (col.x, self.label_y))
        footer(surface, look, s("keys_hint", lang))

    def draw_dynamic(self, surface: pygame.Surface) -> None:
        look, col = self.look, self.col
        y = self.status_y
        lines = [self.status] if self.status else []
        if not self.status and self.app.settings.class_link:
            server, code = class_words(self.app.settings.class_link)
            lines = [s("class_now", self.lang, server=server, code=code)]
        for text in lines:
            for line in look.text.wrap(text, "body", col.w)[:3]:
                y = blit_text(surface, look, line, "body", look.theme.ink, (col.x, y)).bottom

    def spoken(self) -> str:
        return "\n".join([s("class_title", self.lang), " ".join(self.intro), self.status, super().spoken()])

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.back()
            return True
        return False
