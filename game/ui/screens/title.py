"""The title screen: new game, continue (when an unfinished session is on disk), help, settings, quit."""

from __future__ import annotations

import math

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import footer, footer_height, stack
from game.ui.strings import s
from game.ui.widgets.backdrop import backdrop
from game.ui.widgets.base import Look, blit_text
from game.ui.widgets.button import Button
from game.ui.widgets.portrait import portrait

__all__ = ["TitleScreen", "emblem"]

EMBLEM_COLOURS = ((46, 125, 107), (90, 111, 181), (181, 101, 29), (150, 80, 120), (70, 130, 160))


EMBLEM_MOODS = ("speaking", "pleased", "worried", "neutral", "pleased")  # a collective: not all of one mind


def emblem(surface: pygame.Surface, look: Look, center: tuple[int, int], radius: int) -> None:
    """The game's mark: people of five colours, of five moods, around a round table."""
    theme = look.theme
    pygame.draw.circle(surface, theme.table, center, radius)
    pygame.draw.circle(surface, theme.table_edge, center, radius, max(2, radius // 14))
    size = max(16, int(radius * 0.75))
    for i, colour in enumerate(EMBLEM_COLOURS):
        angle = -math.pi / 2 + i * 2 * math.pi / len(EMBLEM_COLOURS)
        spot = (center[0] + int(math.cos(angle) * radius * 1.25), center[1] + int(math.sin(angle) * radius * 1.25))
        face = portrait(f"emblem-{i}", colour, size, mood=EMBLEM_MOODS[i])
        surface.blit(face, face.get_rect(center=spot))


class TitleScreen(Screen):
    holds_match = True
    direct_first_frame = True  # start-up time (issue 7): the first frame goes straight to the window

    def build(self) -> None:
        app, lang = self.app, self.lang
        w, h = self.size
        buttons = [Button(s("new_game", lang), app.new_game, primary=True)]
        saved = app.saved_session()
        if saved is not None:
            buttons.append(Button(s("continue", lang), app.choose_saved, hint=app.saved_label()))
        buttons += [
            Button(s("howto", lang), lambda: app.howto(start=False)),
            Button(s("settings", lang), app.open_settings),
            self._class_button(),
            Button(s("quit", lang), app.quit),
        ]
        look = self.look
        width = min(look.px(380), w - 2 * look.px(32))
        x = self.split_x() + (w - self.split_x() - width) // 2 if self.wide() else (w - width) // 2
        total = sum(b.measure(look, width) + look.px(12) for b in buttons)
        top = max(self.text_bottom(), (h - total) // 2) if self.wide() else self.text_bottom()
        stack(buttons, look, x, top, width)
        self.widgets = list(buttons)

    def _class_button(self) -> Button:
        """ "Join a class", or the class the games go to (and, behind it, the way to leave it)."""
        link, lang = self.app.settings.class_link, self.lang
        if link:
            from game.ui.screens.joinclass import class_words

            server, code = class_words(link)
            return Button(
                s("in_class", lang, code=code), self.app.open_class, hint=s("in_class_hint", lang, server=server)
            )
        return Button(s("join_class", lang), self.app.open_class)

    def wide(self) -> bool:
        return self.size[0] >= self.look.px(900)

    def split_x(self) -> int:
        return self.size[0] // 2

    def text_bottom(self) -> int:
        """Where the buttons may start when the title block sits above them (narrow windows)."""
        look = self.look
        if self.wide():
            return look.px(40)
        return look.px(40) + look.text.line_height("hero") + 2 * look.text.line_height("body") + look.px(32)

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, lang = self.look, self.look.theme, self.lang
        surface.fill(theme.bg)
        w, h = surface.get_size()
        if self.wide():
            left = pygame.Rect(0, 0, self.split_x(), h)
            pygame.draw.rect(surface, theme.panel_alt, left)
            # the maison de quartier, where it all starts: from the second frame (start-up is a target, and
            # the very first frame goes straight to the window, see Screen.direct_first_frame)
            scene = backdrop("kitchen", left.size, theme) if surface is self.static else None
            if scene is not None:
                surface.blit(scene, left)
            pygame.draw.line(surface, theme.border, left.topright, left.bottomright)
            radius = min(left.w, h) // 7
            emblem(surface, look, (left.centerx, h // 2 - radius // 2), radius)
            y = h // 2 + radius + look.px(40)
            words = pygame.Rect(left.x + look.px(24), y - look.px(12), left.w - look.px(48), self._words_height(left.w))
            veil = pygame.Surface(words.size, pygame.SRCALPHA)
            pygame.draw.rect(veil, (*theme.panel, 225), veil.get_rect(), border_radius=look.px(12))
            surface.blit(veil, words)
            self._words(surface, left.centerx, y, left.w - look.px(64), "center")
        else:
            self._words(surface, w // 2, look.px(40), w - look.px(64), "center")
        blit_text(
            surface,
            look,
            s("credit", lang),
            "tiny",
            theme.muted,
            (w // 2, h - footer_height(look, w, s("keys_hint", lang)) - look.px(8)),
            "center",
        )
        footer(surface, look, s("keys_hint", lang))

    def _words_height(self, width: int) -> int:
        look = self.look
        lines = len(look.text.wrap(s("tagline", self.lang), "body", width - look.px(64)))
        return look.text.line_height("hero") + look.px(6) + lines * look.text.line_height("body") + look.px(24)

    def _words(self, surface: pygame.Surface, x: int, y: int, width: int, align: str) -> None:
        look, theme = self.look, self.look.theme
        y = blit_text(surface, look, s("app_title", self.lang), "hero", theme.ink, (x, y), align).bottom + look.px(6)
        for line in look.text.wrap(s("tagline", self.lang), "body", width):
            y = blit_text(surface, look, line, "body", theme.muted, (x, y), align).bottom
