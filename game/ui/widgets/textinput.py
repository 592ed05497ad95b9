"""A one-line text field (name, group): typed characters come as TEXTINPUT events."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.widgets.base import Look, Widget, blit_text, focus_ring, rounded

__all__ = ["TextInput"]


class TextInput(Widget):
    def __init__(
        self, value: str = "", placeholder: str = "", limit: int = 60, on_enter: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.value = value
        self.placeholder = placeholder
        self.limit = limit
        self.on_enter = on_enter

    def measure(self, look: Look) -> int:
        return look.text.line_height("body") + look.px(20)

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in event.text if ch.isprintable())
            self.value = (self.value + text)[: self.limit]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_v and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
            self.paste()  # a class link is long: copied from the trainer's message, pasted here
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            if getattr(event, "mod", 0) & pygame.KMOD_CTRL:
                self.value = self.value.rstrip().rpartition(" ")[0]
            else:
                self.value = self.value[:-1]
            return True
        if (
            event.type == pygame.KEYDOWN
            and getattr(event, "unicode", "").isprintable()
            and event.unicode
            and not getattr(event, "mod", 0) & pygame.KMOD_CTRL
        ):
            return True  # the character itself arrives as TEXTINPUT; keep it from acting as a shortcut
        return False

    def paste(self) -> None:
        """Ctrl+V: the clipboard's first line, printable characters only; an empty or absent clipboard adds nothing."""
        try:
            import pygame.scrap

            copied = pygame.scrap.get_text()
        except (pygame.error, AttributeError, NotImplementedError):
            return
        line = (copied or "").strip().splitlines()[0] if (copied or "").strip() else ""
        self.value = (self.value + "".join(ch for ch in line if ch.isprintable()))[: self.limit]

    def cache_key(self) -> object | None:
        return (self.value, self.placeholder)

    def activate(self) -> None:
        """Enter in the field: on to the next one (the screen's `on_enter`)."""
        if self.on_enter is not None:
            self.on_enter()

    def click(self) -> None:
        """A click puts the caret in this field; only Enter moves on (a click used to jump to the next field)."""

    def draw(self, surface: pygame.Surface, look: Look, focused: bool, hovered: bool) -> None:
        theme = look.theme
        radius = look.px(8)
        rounded(surface, theme.panel, self.rect, radius)
        rounded(surface, theme.accent if focused or hovered else theme.border, self.rect, radius, 2)
        if focused:
            focus_ring(surface, look, self.rect, radius)
        pad = look.px(12)
        inner = self.rect.w - 2 * pad
        y = self.rect.y + (self.rect.h - look.text.line_height("body")) // 2 + look.text.nudge
        if self.value:
            shown = self.value
            while shown and look.text.width(shown, "body") > inner:
                shown = shown[1:]  # keep the end (where one types) visible
            end = blit_text(surface, look, shown, "body", theme.ink, (self.rect.x + pad, y)).right
        else:
            blit_text(
                surface,
                look,
                look.text.fit(self.placeholder, "body", inner),
                "body",
                theme.muted,
                (self.rect.x + pad, y),
            )
            end = self.rect.x + pad
        if focused:
            caret = pygame.Rect(end + 2, y, 2, look.text.line_height("body") - 4)
            pygame.draw.rect(surface, theme.ink, caret)
