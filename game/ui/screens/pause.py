"""The pause menu (Esc during play) and the settings screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.page import column, footer, heading, stack
from game.ui.strings import s
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button, language_buttons, lay_row

if TYPE_CHECKING:
    from game.ui.app import App

__all__ = ["PauseScreen", "SettingsScreen"]


class PauseScreen(Screen):
    """A card over the game, which stays visible (dimmed) underneath."""

    modal = True

    def __init__(self, app: App, under: Screen) -> None:
        super().__init__(app)
        self.under = under

    def build(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        self.under.relayout()
        buttons = [
            Button(s("resume", lang), app.resume, primary=True),
            Button(s("settings", lang), lambda: app.open_settings(back=app.pause_again)),
            Button(s("glossary", lang), app.show_glossary, detail="G"),
            Button(s("save_quit", lang), app.save_and_quit),
        ]
        w, h = self.size
        width = min(look.px(460), w - 2 * look.px(24))
        inner = width - 2 * look.px(28)
        heights = sum(b.measure(look, inner) + look.px(12) for b in buttons)
        note = look.text.wrap(s("saved_where", lang), "small", inner)
        title_h = look.text.line_height("title") + look.px(20)
        card_h = title_h + heights + len(note) * look.text.line_height("small") + look.px(56)
        self.card = pygame.Rect((w - width) // 2, max(look.px(16), (h - card_h) // 2), width, card_h)
        y = stack(buttons, look, self.card.x + look.px(28), self.card.y + look.px(24) + title_h, inner)
        self.note_y = y + look.px(4)
        self.widgets = list(buttons)

    def draw_static(self, surface: pygame.Surface) -> None:
        """The game underneath, dimmed, then the card: drawn once, since nothing moves below."""
        look, theme = self.look, self.look.theme
        self.under.draw(surface)
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill(theme.shade)
        surface.blit(shade, (0, 0))
        panel(surface, look, self.card)
        x = self.card.x + look.px(28)
        blit_text(surface, look, s("pause_title", self.lang), "title", theme.ink, (x, self.card.y + look.px(20)))
        y = self.note_y
        for line in look.text.wrap(s("saved_where", self.lang), "small", self.card.w - 2 * look.px(28)):
            y = blit_text(surface, look, line, "small", theme.muted, (x, y)).bottom

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.resume()
            return True
        return False


class SettingsScreen(Screen):
    def __init__(self, app: App, back: Callable[[], None]) -> None:
        super().__init__(app)
        self.back = back

    def build(self) -> None:
        app, look, lang, settings = self.app, self.look, self.lang, self.app.settings
        col = column(self.size, look, 620)
        self.col = col
        percent = round(settings.text_scale * 100)
        contrast = s("contrast_on", lang) if settings.high_contrast else s("contrast_off", lang)
        half = (col.w - look.px(12)) // 2
        smaller = Button(s("smaller", lang) + "  (Ctrl −)", lambda: app.text_size(-1))
        larger = Button(s("larger", lang) + "  (Ctrl +)", lambda: app.text_size(1))
        languages = language_buttons(app.set_language, lang)
        y = col.y + look.text.line_height("small") + look.text.line_height("title") + look.px(28)
        self.size_y = y
        y += look.text.line_height("h2") + look.px(8)
        y += lay_row([smaller, larger], look, col.x, y, col.w) + look.px(12)
        self.lang_y = y + look.px(8)
        y = self.lang_y + look.text.line_height("h2") + look.px(8)
        y += lay_row(languages, look, col.x, y, col.w) + look.px(12)
        toggle = Button(contrast, app.toggle_contrast, selected=settings.high_contrast)
        full = Button(s("fullscreen", lang), app.toggle_fullscreen)
        back = Button(s("back", lang), self.back, primary=True)
        y += look.px(8)
        height = max(toggle.measure(look, half), full.measure(look, half))
        toggle.rect = pygame.Rect(col.x, y, half, height)
        full.rect = pygame.Rect(col.x + half + look.px(12), y, half, height)
        y = stack([back], look, col.x, y + height + look.px(20), col.w)
        self.sample_y = y + look.px(12)
        self.percent = percent
        self.widgets = [smaller, larger, *languages, toggle, full, back]

    def draw_static(self, surface: pygame.Surface) -> None:
        look, theme, lang, col = self.look, self.look.theme, self.lang, self.col
        surface.fill(theme.bg)
        heading(surface, look, s("app_title", lang), s("settings_title", lang), col.x, col.y, col.w)
        blit_text(surface, look, s("text_size", lang, n=self.percent), "h2", theme.ink, (col.x, self.size_y))
        blit_text(surface, look, s("language", lang), "h2", theme.ink, (col.x, self.lang_y))
        sample = "« Ce qu'elle gagne en mobilisation, elle le perd en inscription » — œuvre, élève, façon, cœur."
        y = self.sample_y
        limit = surface.get_height() - 3 * look.text.line_height("tiny")
        for line in look.text.wrap(sample, "body", col.w):
            if y + look.text.line_height("body") > limit:
                break
            y = blit_text(surface, look, line, "body", theme.muted, (col.x, y)).bottom
        footer(surface, look, s("keys_hint", lang))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.back()
            return True
        return False
