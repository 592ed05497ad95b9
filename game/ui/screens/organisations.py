"""The organisations overlay (key I): hierarchies and inventions, large, over the game."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import row
from game.ui.strings import s
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button
from game.ui.widgets.orgpanel import draw_organisations

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen

__all__ = ["OrganisationsScreen"]


class OrganisationsScreen(Screen):
    modal = True

    def __init__(self, app: App, under: PlayScreen) -> None:
        super().__init__(app)
        self.under = under

    def build(self) -> None:
        look = self.look
        self.under.relayout()
        w, h = self.size
        m = look.px(24)
        self.card = pygame.Rect(m, m, w - 2 * m, h - 2 * m)
        close = Button(s("close", self.lang), self.close, primary=True)
        row([close], look, self.card.right - m, self.card.bottom - m)
        self.area = pygame.Rect(
            self.card.x + m, self.card.y + m, self.card.w - 2 * m, close.rect.y - self.card.y - 2 * m
        )
        self.widgets = [close]

    def close(self) -> None:
        self.app.show(self.under)

    def draw_static(self, surface: pygame.Surface) -> None:
        look = self.look
        self.under.draw(surface)
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(look.theme.shade)
        surface.blit(shade, (0, 0))
        panel(surface, look, self.card)
        columns = 2 if self.area.w >= look.px(620) else 1
        draw_organisations(surface, look, self.under.match, self.lang, self.area, role="small", columns=columns)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_ESCAPE, pygame.K_i):
            self.close()
            return True
        return False
