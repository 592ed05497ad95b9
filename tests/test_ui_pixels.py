"""What the player sees, checked on pixels: gauge bars follow values, focus is visible, text fits."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pydantic import BaseModel

from game.i18n import LANGUAGES
from game.scenario.catalogue import builtin_scenarios
from game.scenario.loading import load
from game.ui.app import App
from game.ui.screens.play import PlayScreen
from game.ui.widgets.base import RING
from game.ui.widgets.button import Button
from tests.test_ui_support import key, settle

DEMO = Path("scenarios/demo.yaml")


@pytest.fixture
def app():
    window = App((1280, 720), "fr")
    yield window
    window.close()


def filled_width(app: App, gauge) -> int:  # type: ignore[no-untyped-def]
    bar = gauge.bar_rect(app.look)
    colour = app.look.theme.gauges[gauge.key]
    y = bar.centery
    return sum(1 for x in range(bar.x, bar.right) if tuple(app.surface.get_at((x, y)))[:3] == colour)


def test_gauge_bar_width_follows_its_value(app: App) -> None:
    app.open_play(DEMO, seed=1)
    settle(app)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    for key_name, gauge in screen.gauges.items():
        width = gauge.bar_rect(app.look).w
        expected = width * screen.match.session.gauges[key_name] / 100
        assert abs(filled_width(app, gauge) - expected) <= 3, key_name
    key(app, pygame.K_1)  # a concrete case: sens rises
    sens = screen.gauges["sens"]
    assert sens.value == screen.match.session.gauges["sens"] != 55
    settle(app, 40)  # let the animation finish
    expected = sens.bar_rect(app.look).w * sens.value / 100
    assert abs(filled_width(app, sens) - expected) <= 3


def test_gauge_change_is_animated(app: App) -> None:
    app.open_play(DEMO, seed=1)
    settle(app)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    before = filled_width(app, screen.gauges["sens"])
    key(app, pygame.K_1)
    during = filled_width(app, screen.gauges["sens"])
    settle(app, 40)
    after = filled_width(app, screen.gauges["sens"])
    assert before < during < after or before > during > after


def ring_pixel(button: Button) -> tuple[int, int]:
    """A point on the focus ring: above the middle of the button's top edge."""
    return button.rect.centerx, button.rect.y - 1 - RING // 2 - 1


def test_focused_button_has_a_visible_ring(app: App) -> None:
    settle(app, 2)
    buttons = [w for w in app.screen.widgets if isinstance(w, Button)]
    focus = app.look.theme.focus
    assert tuple(app.surface.get_at(ring_pixel(buttons[0])))[:3] == focus
    assert tuple(app.surface.get_at(ring_pixel(buttons[1])))[:3] != focus
    key(app, pygame.K_DOWN)
    assert tuple(app.surface.get_at(ring_pixel(buttons[0])))[:3] != focus
    assert tuple(app.surface.get_at(ring_pixel(buttons[1])))[:3] == focus


def test_focus_ring_in_high_contrast(app: App) -> None:
    app.toggle_contrast()
    settle(app, 2)
    first = [w for w in app.screen.widgets if isinstance(w, Button)][0]
    assert tuple(app.surface.get_at(ring_pixel(first)))[:3] == app.look.theme.focus == (0, 229, 255)


def test_hovering_a_gauge_explains_its_last_change(app: App) -> None:
    app.open_play(DEMO, seed=1)
    key(app, pygame.K_1)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    text = screen.gauges["identite"].tooltip()  # (sens may have been hit by an outside event too)
    assert "+4" in text and "Partir d'une situation concrète" in text
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=screen.gauges["sens"].rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    settle(app, 2)
    assert screen.hover is screen.gauges["sens"]


def no_overlap(rects: list[pygame.Rect], bounds: pygame.Rect) -> None:
    for i, a in enumerate(rects):
        assert bounds.contains(a), f"{a} leaves the window {bounds}"
        for b in rects[i + 1 :]:
            assert not a.colliderect(b), f"{a} overlaps {b}"


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1024, 640)])
@pytest.mark.parametrize("scale", [1.0, 1.15, 1.5])
def test_nothing_overlaps(size: tuple[int, int], scale: float) -> None:
    app = App(size, "fr")
    try:
        app.settings.text_scale = scale
        app.restyle()
        screens = [
            app.go_title,
            app.new_game,
            app.after_profile,
            lambda: app.howto(True),
            lambda: app.open_play(DEMO, seed=1),
            app.pause,
            app.open_settings,
        ]
        for open_screen in screens:
            open_screen()
            settle(app, 2)
            focusable = [w.rect for w in app.screen.widgets if w.focusable]
            no_overlap(focusable, app.surface.get_rect())
        app.open_play(DEMO, seed=1)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        choices = [w.rect for w in screen.widgets if isinstance(w, Button)]
        no_overlap([screen.table, screen.card, *choices], app.surface.get_rect())
        assert screen.card.h >= 2 * app.look.text.line_height("body")
    finally:
        app.close()


def scenario_texts(value: object) -> list[str]:
    """Every string of a loaded scenario (titles, scene texts, names, feedback…) in both languages."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in scenario_texts(getattr(value, name))]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in scenario_texts(k) + scenario_texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in scenario_texts(v)]
    return []


def test_every_window_string_has_its_glyphs(app: App) -> None:
    """French typography and every scenario's text come out of Lato (or a fallback), never as a box."""
    text = app.look.text
    assert text.typeface == "Lato"  # font-lato is a dependency
    texts = [text for lang in LANGUAGES.values() for text in lang.messages.values()]
    texts += [text for lang in LANGUAGES.values() for _, text in lang.howto]
    texts += [t for path in builtin_scenarios() for t in scenario_texts(load(path).model)]
    texts.append("éèêàçœŒ«»’…—≥≤·ÉàêîôûŒ≠÷×−→")  # and what game.views.narration writes
    chars = "".join({c for t in texts for c in t})
    assert len(texts) > 500 and "→" in chars  # the scenarios were read (one of them has an arrow)
    for role in ("body", "h2", "small", "name"):  # Regular and Bold
        assert text.missing_glyphs(chars, role) == [], role
    assert text.missing_glyphs("\u2603", "body") == ["\u2603"]  # a snowman would show as a box: the check works


def test_a_glyph_lato_lacks_is_drawn_or_borrowed_on_one_line(app: App) -> None:
    text = app.look.text
    plain = text.render("Passerelle chantier - formation", "body", (0, 0, 0))
    arrow = text.render("Passerelle chantier → formation", "body", (0, 0, 0))
    assert arrow.get_height() == plain.get_height()
    assert arrow.get_width() == text.width("Passerelle chantier → formation", "body") > plain.get_width()
    box = pygame.Rect(text.width("Passerelle chantier ", "body"), 0, text.width("→", "body"), arrow.get_height())
    inked = [x for x in range(box.x, box.right) for y in range(box.h) if arrow.get_at((x, y)).a > 128]
    assert len(set(inked)) > box.w // 2  # a stroke across the arrow's box


def test_idle_title_screen_lets_the_loop_sleep(app: App) -> None:
    settle(app, 5)
    assert app.animating is False
    app.open_play(DEMO, seed=1)
    settle(app, 2)
    key(app, pygame.K_1)
    assert app.animating is True  # the gauges move: 60 fps until they stop
    settle(app, 60)
    assert app.animating is False


def test_text_is_rendered_once_not_every_frame(app: App) -> None:
    app.open_play(DEMO, seed=1)
    settle(app, 60)  # the scene, then what the next key press will show (see PlayScreen.work_ahead)
    assert isinstance(app.screen, PlayScreen) and not app.screen.frames.working_ahead
    before = app.look.text.renders
    settle(app, 30)
    assert app.look.text.renders == before


def test_the_next_text_is_prepared_while_the_player_reads(app: App) -> None:
    """The frame of a key press shows a card rendered ahead: no line of it waits to be rendered."""
    app.open_play(DEMO, seed=1)
    settle(app, 60)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    prepared = set(map(id, screen.frames.prepared.values()))
    assert prepared  # one feedback per offered choice
    key(app, pygame.K_1)
    assert id(screen.text) in prepared and not screen.text._todo
    assert screen.text.blocks[1][0] == "quote"  # the feedback of the choice taken, as the engine gave it
    settle(app, 60)
    key(app, pygame.K_RETURN)  # the next scene, prepared while the feedback was read
    assert screen.outcome is None and not screen.text._todo
    assert screen.text.blocks[-1][1] == screen.match.view().text.fr.strip()
