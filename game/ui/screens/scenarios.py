"""Choosing a scenario: the list on the left, the focused one's summary and length on the right."""

from __future__ import annotations

from functools import partial

import pygame

from game.i18n import units
from game.scenario.model import tr
from game.ui.catalogue import Entry
from game.ui.screens.base import Screen
from game.ui.screens.page import footer, footer_height, heading, row
from game.ui.strings import s
from game.ui.widgets.base import Widget, panel
from game.ui.widgets.button import Button
from game.ui.widgets.richtext import Block, RichText

__all__ = ["ScenarioScreen", "describe_entry"]


def describe_entry(entry: Entry, lang: str) -> list[Block]:
    """The blocks of the details panel: summary, length, role, partners — or the errors."""
    if entry.book is None:
        first = entry.errors[0] if entry.errors else None
        blocks: list[Block] = [("h1", entry.path.name), ("down", s("broken", lang))]
        if first is not None:
            blocks.append(("muted", f"{first.location}: {first.message}"))
        return blocks
    model = entry.book.model
    unit = tr(model.clock.unit, lang)
    length = s(
        "length", lang, turns=units(model.clock.turns, unit, lang), scenes=len(model.scenes), phases=len(model.phases)
    )
    blocks = [("h1", tr(model.title, lang)), ("body", tr(model.summary, lang))]
    if model.duration:
        blocks.append(("bullet", s("minutes", lang, n=model.duration)))
    blocks += [
        ("bullet", length),
        ("space", ""),
        ("small", s("role_is", lang, role=tr(model.player.role, lang))),
        ("small", s("partners_are", lang, names=", ".join(p.name for p in model.partners))),
    ]
    return blocks


class ScenarioScreen(Screen):
    def build(self) -> None:
        app, look, lang = self.app, self.look, self.lang
        w, h = self.size
        margin = look.px(32)
        self.entries = app.catalogue()
        self.header_bottom = margin + look.text.line_height("small") + look.text.line_height("title") + look.px(28)
        bottom = h - footer_height(look, w, s("keys_hint", lang)) - look.px(8)
        back = Button(s("back", lang), app.back_from_scenarios)
        bar = row([back], look, w - margin, bottom)
        list_w = max(look.px(260), min(look.px(420), (w - 3 * margin) // 2))
        self.list_rect = pygame.Rect(margin, self.header_bottom, list_w, bar.y - look.px(16) - self.header_bottom)
        self.detail_rect = pygame.Rect(
            self.list_rect.right + margin, self.header_bottom, w - self.list_rect.right - 2 * margin, self.list_rect.h
        )
        self.buttons: list[Button] = []
        y = self.list_rect.y
        for entry in self.entries:
            minutes = entry.book.model.duration if entry.book else None
            detail = s("broken", lang) if not entry.ok else (s("minutes", lang, n=minutes) if minutes else "")
            button = Button(entry.title(lang), partial(app.choose_scenario, entry), detail=detail)
            button.rect = pygame.Rect(self.list_rect.x, y, list_w, button.measure(look, list_w))
            y = button.rect.bottom + look.px(10)
            self.buttons.append(button)
        self.tops = [b.rect.y for b in self.buttons]
        self.offset = 0
        pad = look.px(20)
        self.details = RichText(fill="panel")
        self.details.rect = self.detail_rect.inflate(-2 * pad, -2 * pad)
        self.shown: Entry | None = None
        self.widgets = [*self.buttons, back, self.details]
        self.scroller = self.details

    def current(self) -> Entry | None:
        source = self.hover if self.hover in self.buttons else self.focused
        if source in self.buttons:
            return self.entries[self.buttons.index(source)]  # type: ignore[arg-type]
        return self.shown or (self.entries[0] if self.entries else None)

    # -- a long list scrolls so that the focused scenario is always in view ---------------------------
    def follow_focus(self) -> None:
        focused = self.focused
        if focused not in self.buttons:
            return
        top = self.tops[self.buttons.index(focused)]  # type: ignore[arg-type]
        margin = self.look.px(8)
        if top - self.offset < self.list_rect.y + margin:
            self.offset = top - self.list_rect.y - margin
        elif top - self.offset + focused.rect.h > self.list_rect.bottom - margin:  # type: ignore[union-attr]
            self.offset = top + focused.rect.h - self.list_rect.bottom + margin  # type: ignore[union-attr]
        self.offset = max(0, self.offset)
        for button, base in zip(self.buttons, self.tops, strict=True):
            button.rect.y = base - self.offset

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        widget = super().widget_at(pos)
        if widget in self.buttons and not self.list_rect.collidepoint(pos):
            return None  # scrolled out of the list
        return widget

    def draw_widget(self, surface: pygame.Surface, widget: Widget, focused: bool, hovered: bool) -> None:
        if widget not in self.buttons:
            super().draw_widget(surface, widget, focused, hovered)
            return
        surface.set_clip(self.list_rect.inflate(self.look.px(12), self.look.px(8)))
        super().draw_widget(surface, widget, focused, hovered)
        surface.set_clip(None)

    def update(self, dt: float) -> bool:
        self.follow_focus()
        entry = self.current()
        if entry is not None and entry is not self.shown:
            self.shown = entry
            self.details.set_blocks(describe_entry(entry, self.lang))
        return super().update(dt)

    def draw_static(self, surface: pygame.Surface) -> None:
        look = self.look
        surface.fill(look.theme.bg)
        margin = look.px(32)
        heading(
            surface,
            look,
            s("app_title", self.lang),
            s("scenarios_title", self.lang),
            margin,
            margin,
            surface.get_width() - 2 * margin,
        )
        panel(surface, look, self.detail_rect)
        if not self.entries:
            self.details.set_blocks([("body", s("no_scenario", self.lang))])
        footer(surface, look, s("keys_hint", self.lang))

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.back_from_scenarios()
            return True
        return False
