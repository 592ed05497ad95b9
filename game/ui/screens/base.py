"""What every screen shares: a focus order, mouse hover, tooltips and a cached static layer.

The static layer (background, panels, text that does not move) is drawn once
per layout or state change; a frame blits it and draws only the widgets, which
is what keeps the frame time low on a school laptop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.frames import FrameScheduler
from game.ui.widgets.base import RING, Look, Widget, blit_text, rounded

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.widgets.richtext import RichText

__all__ = ["Screen", "ACTIVATE", "NEXT", "PREVIOUS"]

ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
NEXT = (pygame.K_DOWN, pygame.K_RIGHT)
PREVIOUS = (pygame.K_UP, pygame.K_LEFT)


class Screen:
    modal = False  # an overlay drawn above the screen under it (the pause menu)
    arrows_scroll = False  # Up/Down scroll the text; Left/Right/Tab move the focus
    holds_match = False  # showing it ends the previous game's hold on its record (title and play screens)
    direct_first_frame = False  # draw the very first frame straight on the window, the layer after it

    def __init__(self, app: App) -> None:
        self.app = app
        self.widgets: list[Widget] = []
        self.focus_index = 0
        self.hover: Widget | None = None
        self.pressed: Widget | None = None
        self.scroller: RichText | None = None
        self.static: pygame.Surface | None = None
        self.stale = True  # the static layer must be drawn again (the surface itself is reused)
        self.built_static_once = False
        self.built = False
        self.frames = FrameScheduler()  # pictures kept across relayouts, the frame's budget, work ahead

    # -- shortcuts -------------------------------------------------------------------------------------
    @property
    def look(self) -> Look:
        return self.app.look

    @property
    def lang(self) -> str:
        return self.app.settings.lang

    @property
    def size(self) -> tuple[int, int]:
        return self.app.surface.get_size()

    # -- layout ----------------------------------------------------------------------------------------
    def build(self) -> None:
        """Create and place the widgets for the current window size, language and text size."""

    def relayout(self) -> None:
        """Build again (new size, language or text size), keeping the focus where it was."""
        focus, first = self.focus_index, not self.built
        self.widgets, self.hover, self.pressed, self.scroller = [], None, None, None
        self.build()
        self.built = True
        if not first:
            self.focus_index = focus
        self.focus_index = max(0, min(self.focus_index, len(self.focusables()) - 1))
        self.stale = True

    # -- focus -----------------------------------------------------------------------------------------
    def focusables(self) -> list[Widget]:
        return [w for w in self.widgets if w.focusable and w.enabled]

    @property
    def focused(self) -> Widget | None:
        items = self.focusables()
        return items[self.focus_index % len(items)] if items else None

    def focus(self, widget: Widget) -> None:
        items = self.focusables()
        if widget in items:
            self.focus_index = items.index(widget)

    def move_focus(self, step: int) -> None:
        items = self.focusables()
        if items:
            self.focus_index = (self.focus_index + step) % len(items)

    def widget_at(self, pos: tuple[int, int]) -> Widget | None:
        return next((w for w in reversed(self.widgets) if w.enabled and w.rect.collidepoint(pos)), None)

    # -- input -----------------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            return self.handle_key(event)
        if event.type == pygame.TEXTINPUT:
            focused = self.focused
            return bool(focused and focused.handle_key(event))
        if event.type == pygame.MOUSEMOTION:
            self.hover = self.widget_at(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.pressed = self.widget_at(event.pos)
            return self.pressed is not None
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self.click(event.pos)
        if event.type == pygame.MOUSEWHEEL and self.scroller is not None:
            self.scroller.scroll_by(self.look, -event.y * self.look.text.line_height("body") * 2)
            return True
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        target, self.pressed = self.widget_at(pos), None
        if target is None:
            return False
        if target.focusable:
            self.focus(target)
        target.click()
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        focused = self.focused
        if focused is not None and focused.handle_key(event):
            return True
        if self.on_key(event):
            return True
        if event.key in (pygame.K_v, pygame.K_m) and not getattr(event, "mod", 0) & (
            pygame.KMOD_CTRL | pygame.KMOD_ALT
        ):
            self.app.read_aloud() if event.key == pygame.K_v else self.app.toggle_sound()
            return True
        key, shift = event.key, getattr(event, "mod", 0) & pygame.KMOD_SHIFT
        if self.scroller is not None and self.scroll_key(key):
            return True
        if key == pygame.K_TAB:
            self.move_focus(-1 if shift else 1)
        elif key in NEXT or key in PREVIOUS:
            self.move_focus(1 if key in NEXT else -1)
        elif key in ACTIVATE and focused is not None:
            focused.activate()
        else:
            return False
        return True

    def scroll_key(self, key: int) -> bool:
        assert self.scroller is not None
        if key in (pygame.K_UP, pygame.K_DOWN) and not self.arrows_scroll:
            return False
        return self.scroller.handle_scroll_key(self.look, key)

    def on_key(self, event: pygame.event.Event) -> bool:
        """Screen-specific keys (Esc, digits…), looked at before focus movement."""
        return False

    # -- frame -------------------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Advance animations; True while the screen needs frames at 60 fps."""
        moving = self.frames.lagging
        for widget in self.widgets:
            moving = widget.update(dt) or moving
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        if self.static is None and self.direct_first_frame and not self.built_static_once:
            self.built_static_once = True  # the title at start-up: no 1280x720 layer to allocate and copy yet
            self.draw_static(surface)
            self._draw_top(surface)
            return
        if self.static is None or self.static.get_size() != surface.get_size():
            self.static = pygame.Surface(surface.get_size()).convert()  # allocated once per window size
            self.stale = True
        if self.stale:
            self.static.set_clip(None)
            self.stale = bool(self.draw_static(self.static))  # True: more of it next frame
        surface.blit(self.static, (0, 0))
        self._draw_top(surface)

    def _draw_top(self, surface: pygame.Surface) -> None:
        """What is drawn every frame above the static layer: the dynamic parts, the widgets, the tooltip."""
        self.frames.begin_frame()
        self.draw_dynamic(surface)
        focused = self.focused
        for widget in self.widgets:
            self.draw_widget(surface, widget, widget is focused, widget is self.hover)
        self.draw_tooltip(surface)

    def draw_widget(self, surface: pygame.Surface, widget: Widget, focused: bool, hovered: bool) -> None:
        """Blit the widget's picture, drawn again only when its look changed (focus, hover, value).

        A widget that says what it shows (`shared_key`) reuses the picture of an earlier widget that showed
        the same, so a relayout that builds new widgets for unchanged words and faces draws nothing again.
        """
        key = widget.cache_key()
        if key is None:
            widget.draw(surface, self.look, focused, hovered)
            return
        look = self.look
        key = (key, focused, hovered, widget.rect.size, look.theme.name, look.text.scale)
        shared = widget.shared_key()
        slot = (type(widget), shared, key) if shared is not None else (id(widget), key)
        margin = look.px(10) + RING + 2
        area = widget.rect.inflate(2 * margin, 2 * margin)
        pictures = self.frames.pictures
        cached = pictures.get(slot)
        if cached is None or (shared is None and cached[0] is not widget):
            standin = widget.standin_key()
            if standin is not None:
                standin = (type(widget), standin, focused, hovered, area.size)
            shown = pictures.standin(standin)
            if not self.frames.may_draw_new(has_standin=shown is not None):  # much to draw: next frame
                assert shown is not None
                surface.blit(shown, area)
                return
            picture = pygame.Surface(area.size, pygame.SRCALPHA)
            home = widget.rect
            widget.rect = home.move(-area.x, -area.y)
            try:
                widget.draw(picture, look, focused, hovered)
            finally:
                widget.rect = home
            cached = (widget, picture)
            pictures.put(slot, widget, picture, len(self.widgets), standin)
        surface.blit(cached[1], area)

    def warm_picture(self, widget: Widget, focused: bool = False) -> None:
        """Draw a widget's picture ahead of time (the next scene's choices) into the shared pictures, so the
        frame that shows it only blits. `widget.rect` needs its size, not its place."""
        frames = self.frames
        budget, frames.new_left = frames.new_left, 1
        try:
            self.draw_widget(frames.scratch(), widget, focused, False)  # out of sight: only the picture is kept
        finally:
            frames.new_left = budget

    def draw_static(self, surface: pygame.Surface) -> bool | None:
        """Draw the layer under the widgets; a screen may spread the work and return True until it is done."""
        surface.fill(self.look.theme.bg)
        return None

    def draw_dynamic(self, surface: pygame.Surface) -> None:
        """Things drawn every frame under the widgets (none by default)."""

    def draw_tooltip(self, surface: pygame.Surface) -> None:
        focused = self.focused if self.focused is not None and self.focused.tooltip_on_focus else None
        source = self.hover if self.hover is not None and self.hover.tooltip() else focused
        text = source.tooltip() if source is not None else None
        if not text or source is None:
            return
        look = self.look
        width = min(look.px(440), surface.get_width() - 2 * look.px(16))
        lines = look.text.wrap(text, "small", width - look.px(20))
        line_h = look.text.line_height("small")
        box = pygame.Rect(
            0, 0, max(look.text.width(line, "small") for line in lines) + look.px(20), len(lines) * line_h + look.px(14)
        )
        box.midtop = (source.rect.centerx, source.rect.bottom + look.px(8))
        if source.tooltip_side == "right":
            box.midleft = (source.rect.right + look.px(12), source.rect.centery)
        elif box.bottom > surface.get_height() - look.px(8):
            box.midbottom = (source.rect.centerx, source.rect.top - look.px(8))
        box.clamp_ip(surface.get_rect().inflate(-look.px(16), -look.px(16)))
        rounded(surface, look.theme.ink, box, look.px(6))
        for i, line in enumerate(lines):
            at = (box.x + look.px(10), box.y + look.px(7) + i * line_h)
            blit_text(surface, look, line, "small", look.theme.bg, at)

    def spoken(self) -> str:
        """What the self-voicing key (V) reads: the screen's text, then its buttons, in sentences."""
        from game.ui.widgets.button import Button
        from game.views.reading import read_blocks, sentence

        lines = read_blocks(self.scroller.blocks) if self.scroller is not None else []
        lines += [sentence(w.label) for w in self.widgets if isinstance(w, Button) and w.enabled]
        return "\n".join(lines)

    def on_show(self) -> None:
        """Called when the screen becomes the current one."""
