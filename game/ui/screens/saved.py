"""Continue: the unfinished games on this computer, each with who played, the scenario and the month."""

from __future__ import annotations

from functools import partial

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, footer_height, heading, row, stack
from game.ui.strings import s
from game.ui.widgets.button import Button

__all__ = ["SavedScreen"]


class SavedScreen(Screen):
    def build(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        col = column(self.size, look, 760)
        self.col = col
        top = col.y + look.text.line_height("name") + look.px(4) + look.text.line_height("title") + look.px(24)
        back = Button(s("back", lang), app.go_title)
        bottom = self.size[1] - footer_height(look, self.size[0], s("keys_hint", lang)) - look.px(8)
        bar = row([back], look, col.right, bottom)
        games: list[Button] = []
        y = top
        for saved in app.unfinished_games():
            label, detail = app.saved_words(saved, wait=True)
            button = Button(label, partial(app.continue_game, saved.path), detail=detail)
            height = button.measure(look, col.w)
            if y + height > bar.y - look.px(12):
                break  # what does not fit is left out, never drawn over the Back button
            games.append(button)
            y += height + look.px(10)
        stack(games, look, col.x, top, col.w, look.px(10))
        self.widgets = [*games, back]

    def draw_static(self, surface: pygame.Surface) -> None:
        look, lang = self.look, self.lang
        surface.fill(look.theme.bg)
        heading(surface, look, s("app_title", lang), s("saved_title", lang), self.col.x, self.col.y, self.col.w)
        footer(surface, look, s("keys_hint", lang))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.go_title()
            return True
        return False
