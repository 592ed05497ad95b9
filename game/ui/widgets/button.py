"""A button: a wrapped label, an optional key number and an optional detail (the time cost)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.widgets.base import Look, Widget, blit_text, focus_ring, rounded

__all__ = ["Button", "language_buttons", "lay_row"]


class Button(Widget):
    def __init__(
        self,
        label: str,
        on_click: Callable[[], None],
        *,
        number: int | None = None,
        detail: str = "",
        primary: bool = False,
        selected: bool | None = None,
        role: str = "body",
        hint: str | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.on_click = on_click
        self.number = number
        self.detail = detail
        self.primary = primary
        self.selected = selected  # None: not a toggle; True/False: a toggle's state
        self.role = role
        self.hint = hint
        self.pad_y = 10  # unscaled; the compact play screen makes its choices thinner to leave room for the scene
        self.one_line = False  # many long choices in a small window: one line each, the whole label on hover

    # -- layout ----------------------------------------------------------------------------------
    def padding(self, look: Look) -> tuple[int, int]:
        return look.px(16), look.px(self.pad_y)

    def badge_width(self, look: Look) -> int:
        return look.text.line_height(self.role) + look.px(8) if self.number is not None else 0

    def detail_width(self, look: Look) -> int:
        return look.text.width(self.detail, "small") + look.px(16) if self.detail else 0

    def label_width(self, look: Look, width: int) -> int:
        pad_x, _ = self.padding(look)
        return max(40, width - 2 * pad_x - self.badge_width(look) - self.detail_width(look))

    def measure(self, look: Look, width: int) -> int:
        """The height this button needs at `width`, its label wrapped."""
        _, pad_y = self.padding(look)
        lines = 1 if self.one_line else len(look.text.wrap(self.label, self.role, self.label_width(look, width)))
        return lines * look.text.line_height(self.role) + 2 * pad_y

    def natural_width(self, look: Look) -> int:
        pad_x, _ = self.padding(look)
        return (
            look.text.width(self.label, self.role)
            + 2 * pad_x
            + self.badge_width(look)
            + self.detail_width(look)
            + look.px(8)
        )

    # -- drawing -------------------------------------------------------------------------------------
    def colours(self, look: Look, hovered: bool) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        theme = look.theme
        if self.primary or self.selected:
            return theme.accent, theme.accent_ink
        return (theme.button_hover if hovered else theme.button), theme.button_ink

    def draw(self, surface: pygame.Surface, look: Look, focused: bool, hovered: bool) -> None:
        theme = look.theme
        fill, ink = self.colours(look, hovered)
        radius = look.px(10)
        rounded(surface, fill, self.rect, radius)
        rounded(
            surface,
            theme.accent if not (self.primary or self.selected) else theme.border,
            self.rect,
            radius,
            2 if hovered or focused else 1,
        )
        if focused:
            focus_ring(surface, look, self.rect, radius)
        pad_x, pad_y = self.padding(look)
        x = self.rect.x + pad_x
        line_h = look.text.line_height(self.role)
        if self.number is not None:
            self._badge(surface, look, (x, self.rect.y + pad_y), ink)
            x += self.badge_width(look)
        width = self.label_width(look, self.rect.w)
        lines = (
            [look.text.fit(self.label, self.role, width)]
            if self.one_line
            else look.text.wrap(self.label, self.role, width)
        )
        top = self.rect.y + (self.rect.h - len(lines) * line_h) // 2
        for i, line in enumerate(lines):
            blit_text(surface, look, line, self.role, ink, (x, top + i * line_h + look.text.nudge))
        if self.detail:
            detail = look.text.render(self.detail, "small", ink if self.primary else theme.muted)
            surface.blit(detail, detail.get_rect(midright=(self.rect.right - pad_x, self.rect.centery)))

    def _badge(self, surface: pygame.Surface, look: Look, pos: tuple[int, int], ink: tuple[int, int, int]) -> None:
        size = look.text.line_height(self.role)
        box = pygame.Rect(pos[0], pos[1], size, size)
        pygame.draw.rect(surface, ink, box, 2, border_radius=look.px(6))
        digit = look.text.render(str(self.number), "name", ink)
        surface.blit(digit, digit.get_rect(center=box.center))

    def activate(self) -> None:
        if self.enabled:
            self.on_click()

    def tooltip(self) -> str | None:
        if self.one_line and self.hint is None:
            self.tooltip_on_focus = False  # on hover only; key V reads the whole label to a keyboard player
            return self.label  # the whole label, which the button shows on one line
        return self.hint

    def cache_key(self) -> object | None:
        return (
            self.label,
            self.detail,
            self.selected,
            self.primary,
            self.enabled,
            self.one_line,
            self.role,
            self.pad_y,
        )

    def shared_key(self) -> object | None:
        return (
            self.label,
            self.number,
            self.detail,
            self.primary,
            self.selected,
            self.role,
            self.hint,
            self.pad_y,
            self.enabled,
            self.one_line,
        )


def language_buttons(choose: Callable[[str], None], current: str) -> list[Button]:
    """One button per language the game has a catalogue for, each named in its own language."""
    from game.i18n import LANGUAGES

    def chooser(code: str) -> Callable[[], None]:
        return lambda: choose(code)

    return [Button(language.name, chooser(code), selected=code == current) for code, language in LANGUAGES.items()]


def lay_row(buttons: list[Button], look: Look, x: int, y: int, width: int) -> int:
    """Buttons side by side across `width`, as tall as the tallest; returns the row's height."""
    gap = look.px(12)
    each = (width - gap * (len(buttons) - 1)) // len(buttons)
    height = max(b.measure(look, each) for b in buttons)
    for i, button in enumerate(buttons):
        button.rect = pygame.Rect(x + i * (each + gap), y, each, height)
    return height
