"""What one frame of the window may draw, and what waits for the next: the frame scheduler.

The frame target (p99 ≤ 4 ms with the dummy driver) is met by never drawing everything in the frame that
handles a key press. Three rules do it, each owned here rather than spread through the screens:

- **Pictures.** A widget's picture is drawn once and blitted after (`Pictures`, least recently used out). A
  frame may draw at most `NEW_PICTURES_PER_FRAME` new ones; a widget with a stand-in (its last picture) waits
  a frame beyond that, and the frame says so (`lagging`) so another comes.
- **Regions.** The layer under the widgets is cut into regions, each drawn again only when what it shows
  changed (`Regions`). The last region (the play screen's centre, under the new text) comes at once and
  alone; the others follow one per frame.
- **Work ahead.** What the next key press will show is prepared one small step per idle frame (`ahead`), and
  what was prepared is kept by what it shows (`prepared`) until it is taken.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pygame

__all__ = ["FrameScheduler", "Pictures", "Regions", "Region", "NEW_PICTURES_PER_FRAME", "PICTURES_KEPT"]

PICTURES_KEPT = 16  # widget pictures kept beyond one per widget on screen (for the next relayout)
NEW_PICTURES_PER_FRAME = 4  # beyond these, a widget with a stand-in (its last picture) waits a frame

Region = tuple[pygame.Rect, object, Callable[[pygame.Surface], None]]  # (area, what it shows, painter)


class Pictures:
    """Widget pictures by what they show, the least recently used dropped first; stand-ins by widget kind."""

    def __init__(self, kept: int = PICTURES_KEPT) -> None:
        self.kept = kept
        self._by_slot: OrderedDict[object, tuple[Any, pygame.Surface]] = OrderedDict()
        self._standins: dict[object, pygame.Surface] = {}

    def get(self, slot: object) -> tuple[Any, pygame.Surface] | None:
        found = self._by_slot.get(slot)
        if found is not None:
            self._by_slot.move_to_end(slot)
        return found

    def put(self, slot: object, owner: Any, picture: pygame.Surface, on_screen: int, standin: object = None) -> None:
        self._by_slot[slot] = (owner, picture)
        if standin is not None:
            self._standins[standin] = picture
        while len(self._by_slot) > self.kept + on_screen:
            self._by_slot.popitem(last=False)

    def standin(self, key: object) -> pygame.Surface | None:
        return self._standins.get(key) if key is not None else None

    def __len__(self) -> int:
        return len(self._by_slot)


class Regions:
    """The static layer by regions: drawn whole the first time (or when the layout changes), then only the
    regions whose state changed — the last one at once and alone, the others one per frame."""

    def __init__(self) -> None:
        self._surface: pygame.Surface | None = None
        self._layout: object = None
        self._shown: list[object] = []

    def paint(
        self, surface: pygame.Surface, layout: object, regions: Sequence[Region], background: Any, spread: bool = True
    ) -> bool:
        """Draw what changed; True while a region still waits for a later frame. `spread=False` draws every
        changed region now (an overlay above wants the layer whole)."""
        if surface is not self._surface or layout != self._layout or len(regions) != len(self._shown):
            surface.fill(background)
            for _, _, paint in regions:
                paint(surface)
            self._surface, self._layout, self._shown = surface, layout, [key for _, key, _ in regions]
            return False
        last = len(regions) - 1
        budget = 0 if regions[last][1] != self._shown[last] else 1  # the frame that draws the last draws no other
        waiting = False
        for n, (area, key, paint) in enumerate(regions):
            if key == self._shown[n]:
                continue
            if n != last and spread:
                if budget == 0:
                    waiting = True
                    continue
                budget -= 1
            surface.set_clip(area)
            surface.fill(background, area)
            paint(surface)
            self._shown[n] = key
        surface.set_clip(None)
        return waiting


class FrameScheduler:
    """One screen's frame budget, pictures, and work ahead."""

    def __init__(self) -> None:
        self.pictures = Pictures()
        self.new_left = NEW_PICTURES_PER_FRAME
        self.lagging = False  # a stand-in was shown this frame: one more frame is wanted
        self._ahead: Iterator[None] | None = None
        self.prepared: dict[object, Any] = {}
        self._scratch: pygame.Surface | None = None

    # -- the budget of one frame ---------------------------------------------------------------------------
    def begin_frame(self) -> None:
        self.new_left, self.lagging = NEW_PICTURES_PER_FRAME, False

    def may_draw_new(self, has_standin: bool) -> bool:
        """May this frame draw one more new picture? Without a stand-in it must, whatever the budget."""
        if self.new_left <= 0 and has_standin:
            self.lagging = True
            return False
        self.new_left -= 1
        return True

    def scratch(self) -> pygame.Surface:
        """Where a picture drawn ahead is "shown": out of sight, only the picture is kept."""
        if self._scratch is None:
            self._scratch = pygame.Surface((1, 1))
        return self._scratch

    # -- work ahead --------------------------------------------------------------------------------------
    def plan_ahead(self, work: Iterator[None] | None) -> None:
        """Replace the work ahead (what was prepared for an earlier state is no longer wanted)."""
        self._ahead = work

    @property
    def working_ahead(self) -> bool:
        return self._ahead is not None

    def step_ahead(self) -> bool:
        """One small step of the work ahead; False once it is all done."""
        if self._ahead is None:
            return False
        if next(self._ahead, StopIteration) is StopIteration:
            self._ahead = None
            return False
        return True

    def take(self, key: object) -> Any:
        """What was prepared for `key`, if anything; everything else prepared is dropped with it."""
        found = self.prepared.pop(key, None)
        self.prepared.clear()
        return found
