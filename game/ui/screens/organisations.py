"""The organisations overlay (key I, or the right panel's "see all"): every hierarchy and invention, large,
over the game; the wheel, the arrows and Page Up/Down scroll when they do not all fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import row
from game.ui.strings import s
from game.ui.widgets.base import panel
from game.ui.widgets.button import Button
from game.ui.widgets.orgpanel import draw_organisations, organisations_height

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.screens.play import PlayScreen

__all__ = ["OrganisationsScreen"]


class OrganisationsScreen(Screen):
    modal = True

    def __init__(self, app: App, under: PlayScreen) -> None:
        super().__init__(app)
        self.under = under
        self.offset = 0  # how far the content is scrolled, in pixels

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
        self.columns = 2 if self.area.w >= look.px(620) else 1
        self.content_h = organisations_height(look, self.under.match, self.lang, self.area.w, "small", self.columns)
        self.scroll_to(self.offset)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_h - self.area.h)

    def scroll_to(self, offset: int) -> None:
        offset = max(0, min(offset, self.max_offset))
        if offset != getattr(self, "_drawn_offset", None):
            self.stale = True
        self.offset = offset

    def close(self) -> None:
        self.app.show(self.under)

    def draw_static(self, surface: pygame.Surface) -> None:
        look = self.look
        self.under.draw(surface)
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(look.theme.shade)
        surface.blit(shade, (0, 0))
        panel(surface, look, self.card)
        content = pygame.Surface((self.area.w, max(1, self.content_h)), pygame.SRCALPHA)
        draw_organisations(
            content, look, self.under.match, self.lang, content.get_rect(), "small", self.columns, whole=True
        )
        surface.blit(content, self.area, pygame.Rect(0, self.offset, self.area.w, self.area.h))
        self._drawn_offset = self.offset
        if self.max_offset:  # a scroll bar: where the view stands in the whole
            track = pygame.Rect(self.card.right - look.px(14), self.area.y, look.px(6), self.area.h)
            pygame.draw.rect(surface, look.theme.track, track, border_radius=look.px(3))
            thumb_h = max(look.px(24), track.h * self.area.h // self.content_h)
            thumb_y = track.y + (track.h - thumb_h) * self.offset // self.max_offset
            thumb = pygame.Rect(track.x, thumb_y, track.w, thumb_h)
            pygame.draw.rect(surface, look.theme.muted, thumb, border_radius=look.px(3))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_to(self.offset - event.y * self.look.text.line_height("small") * 3)
            return True
        return super().handle_event(event)

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_ESCAPE, pygame.K_i):
            self.close()
            return True
        line, page = self.look.text.line_height("small") * 2, max(1, self.area.h - self.look.px(40))
        steps = {pygame.K_DOWN: line, pygame.K_UP: -line, pygame.K_PAGEDOWN: page, pygame.K_PAGEUP: -page}
        if event.key in steps:
            self.scroll_to(self.offset + steps[event.key])
            return True
        if event.key in (pygame.K_HOME, pygame.K_END):
            self.scroll_to(0 if event.key == pygame.K_HOME else self.max_offset)
            return True
        return False
