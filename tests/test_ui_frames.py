"""The frame scheduler: what one frame may draw, and what waits for the next."""

from __future__ import annotations

import pygame

from game.ui.frames import NEW_PICTURES_PER_FRAME, FrameScheduler, Pictures, Regions


def test_pictures_keep_those_on_screen_and_a_few_more_least_recently_used_out() -> None:
    pictures = Pictures(kept=2)
    for n in range(5):
        pictures.put(n, None, pygame.Surface((1, 1)), on_screen=1)
    assert len(pictures) == 3 and pictures.get(0) is None and pictures.get(1) is None
    assert pictures.get(2) is not None  # now the most recent: 3 goes first
    pictures.put(5, None, pygame.Surface((1, 1)), on_screen=1)
    assert pictures.get(3) is None and pictures.get(2) is not None


def test_a_frame_draws_a_few_new_pictures_and_lets_those_with_a_stand_in_wait() -> None:
    frames = FrameScheduler()
    frames.begin_frame()
    assert all(frames.may_draw_new(has_standin=True) for _ in range(NEW_PICTURES_PER_FRAME))
    assert not frames.lagging
    assert frames.may_draw_new(has_standin=False)  # nothing to show instead: drawn anyway
    assert not frames.may_draw_new(has_standin=True) and frames.lagging
    frames.begin_frame()
    assert frames.may_draw_new(has_standin=True) and not frames.lagging


def _regions(state: dict[str, int], drawn: list[str]):
    def painter(name: str):
        return lambda surface: drawn.append(name)

    return [
        (pygame.Rect(0, 0, 10, 10), state["top"], painter("top")),
        (pygame.Rect(0, 10, 10, 10), state["side"], painter("side")),
        (pygame.Rect(10, 0, 10, 20), state["centre"], painter("centre")),
    ]


def test_regions_draw_what_changed_the_centre_alone_then_one_region_per_frame() -> None:
    surface, regions, drawn = pygame.Surface((20, 20)), Regions(), []
    state = {"top": 0, "side": 0, "centre": 0}
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0)) is False
    assert drawn == ["top", "side", "centre"]
    drawn.clear()
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0)) is False and drawn == []
    state.update(top=1, side=1, centre=1)
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0)) is True and drawn == ["centre"]
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0)) is True and drawn[-1] == "top"
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0)) is False and drawn[-1] == "side"
    state.update(top=2, side=2)
    drawn.clear()
    assert regions.paint(surface, "layout", _regions(state, drawn), (0, 0, 0), spread=False) is False
    assert drawn == ["top", "side"]  # under an overlay: the layer whole, at once
    drawn.clear()
    regions.paint(surface, "other layout", _regions(state, drawn), (0, 0, 0))
    assert drawn == ["top", "side", "centre"]


def test_work_ahead_runs_one_step_per_call_and_what_it_prepared_is_taken_once() -> None:
    frames, steps = FrameScheduler(), []

    def work():
        for n in range(3):
            steps.append(n)
            frames.prepared[n] = f"text {n}"
            yield

    frames.plan_ahead(work())
    assert frames.working_ahead
    while frames.step_ahead():
        pass
    assert steps == [0, 1, 2] and not frames.working_ahead
    assert frames.take(1) == "text 1" and frames.take(2) is None  # the rest was for another moment
