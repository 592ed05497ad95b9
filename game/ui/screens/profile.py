"""Who plays: the language, the trainee's name and group (for the debrief report)."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, footer_height, heading, row
from game.ui.strings import s
from game.ui.widgets.base import blit_text
from game.ui.widgets.button import Button, language_buttons, lay_row
from game.ui.widgets.textinput import TextInput

__all__ = ["ProfileScreen"]


class ProfileScreen(Screen):
    def build(self) -> None:
        """The roomy layout, or a tight one (smaller gaps, no intro) when a short window has large text."""
        self.tight = False
        self._place()
        limit = self.size[1] - footer_height(self.look, self.size[0], s("keys_hint", self.lang))
        if max(w.rect.bottom for w in self.widgets) > limit:
            self.tight = True
            self._place()

    def _place(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        gap = look.px(8 if self.tight else 20)
        col = column(self.size, look, 640)
        self.col = col
        y = col.y + self.header_height(col.w)
        languages = language_buttons(app.set_language, lang)
        y += look.text.line_height("h2") + look.px(6)
        self.labels = [(s("language", lang), y - look.text.line_height("h2") - look.px(6))]
        y += lay_row(languages, look, col.x, y, col.w) + gap
        self.name = TextInput(app.profile["name"], s("name_placeholder", lang), on_enter=lambda: self.move_focus(1))
        self.group = TextInput(app.profile["group"], s("group_placeholder", lang), on_enter=lambda: self.move_focus(1))
        for label, field in ((s("name", lang), self.name), (s("group", lang), self.group)):
            self.labels.append((label, y))
            y += look.text.line_height("h2") + look.px(6)
            field.rect = pygame.Rect(col.x, y, col.w, field.measure(look))
            y = field.rect.bottom + gap
        go = Button(s("next", lang), self.done, primary=True)
        back = Button(s("back", lang), app.go_title)
        row([back, go], look, col.right, y + look.px(8) + go.measure(look, go.natural_width(look)))
        self.widgets = [*languages, self.name, self.group, go, back]
        first = len(languages)  # the name field, or "go" when the name is known
        self.focus_index = first + 2 if self.name.value else first

    def intro_lines(self, width: int) -> list[str]:
        return [] if self.tight else self.look.text.wrap(s("profile_intro", self.lang), "body", width)

    def header_height(self, width: int) -> int:
        look = self.look
        lines = len(look.text.wrap(s("profile_title", self.lang), "title", width))
        intro = len(self.intro_lines(width))
        return (
            look.text.line_height("small")
            + look.px(4)
            + lines * look.text.line_height("title")
            + look.px(24)
            + intro * look.text.line_height("body")
            + look.px(8 if self.tight else 20)
        )

    def done(self) -> None:
        self.keep()
        self.app.after_profile()

    def keep(self) -> None:
        self.app.remember_profile(self.name.value.strip(), self.group.value.strip())

    def relayout(self) -> None:
        if hasattr(self, "name"):
            self.keep()  # a language change rebuilds the fields: keep what was typed
        super().relayout()

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, col = self.look, self.look.theme, self.col
        surface.fill(theme.bg)
        y = heading(surface, look, s("app_title", self.lang), s("profile_title", self.lang), col.x, col.y, col.w)
        for line in self.intro_lines(col.w):
            y = blit_text(surface, look, line, "body", theme.muted, (col.x, y)).bottom
        for label, top in self.labels:
            blit_text(surface, look, label, "h2", theme.ink, (col.x, top))
        footer(surface, look, s("keys_hint", self.lang))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.keep()
            self.app.go_title()
            return True
        return False
