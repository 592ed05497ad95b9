"""The drawn art: faces with moods that follow what happens to each partner, a backdrop per kind of place."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.scenario.loading import load
from game.scenario.model import tr
from game.ui.app import App
from game.ui.screens.play import PlayScreen
from game.ui.theme import CALM, HIGH_CONTRAST
from game.ui.widgets.backdrop import backdrop, place_of
from game.ui.widgets.portrait import MOODS, portrait
from tests.test_ui_support import key

SCENARIOS = Path("scenarios")


@pytest.fixture
def app():
    window = App((1280, 720), "fr")
    yield window
    window.close()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_each_mood_is_a_different_face_and_the_same_person_stays_the_same(app: App) -> None:
    faces = {mood: pixels(portrait("odile", (46, 125, 107), 96, mood=mood)) for mood in MOODS}
    assert len(set(faces.values())) == len(MOODS)
    portrait.__globals__["_cache"].clear()
    assert pixels(portrait("odile", (46, 125, 107), 96, mood="pleased")) == faces["pleased"]  # deterministic
    assert pixels(portrait("karim", (46, 125, 107), 96, mood="pleased")) != faces["pleased"]


def test_faces_react_to_what_the_decision_did_to_each_partner(app: App) -> None:
    app.open_play(SCENARIOS / "demo.yaml", seed=1)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    moods = {seat.info.key: seat.info.mood for seat in screen.seat_widgets[:-1]}
    assert moods["lucie"] == "speaking"
    key(app, pygame.K_1)  # Karim +5; Marie +5 then −6 in the budget cut
    changes = dict(screen.outcome.changes)
    for hit in screen.outcome.events:
        for label, delta in hit.deltas.items():
            changes[label] = changes.get(label, 0) + delta
    for seat in screen.seat_widgets[:-1]:
        moved = changes.get(f"engagement:{seat.info.key}", 0)
        expected = "pleased" if moved > 0 else "worried" if moved < 0 else seat.info.mood
        assert seat.info.mood == expected, seat.info.key
    assert {seat.info.mood for seat in screen.seat_widgets[:-1]} >= {"pleased", "worried"}


def test_the_place_comes_from_the_scene() -> None:
    assert place_of("autour-table Autour de la table", "Lucie a fait du café.") == "kitchen"
    assert place_of("Une idée dans la cuisine", "Et si on montait un chantier ?") == "kitchen"  # the title first
    assert place_of("La visite", "On se retrouve sur le chantier, au pied de l'échafaudage.") == "worksite"
    assert place_of("Le budget", "Le chantier d'insertion manque de crédits.") == "meeting"  # the project, not a place
    assert place_of("cafe_quartier Au café") == "kitchen"  # accents or not
    assert place_of("Le comité de pilotage", "Les élus écoutent.") == "committee"
    assert place_of("Le secret professionnel", "Marie refuse.") == "meeting"
    assert place_of("", "Il faut élucider ce point.") == "meeting"  # a whole word, not the start of one
    chalon = load(SCENARIOS / "chalon-chantier-insertion.yaml").model
    places = {place_of(f"{s.id} {tr(s.title, 'fr')}", tr(s.text, "fr"), s.phase) for s in chalon.scenes}
    assert len(places) >= 3  # the long case moves between places


def test_backdrops_are_drawn_once_and_differ_by_place(app: App) -> None:
    size = (640, 260)
    pictures = {place: backdrop(place, size, CALM) for place in ("kitchen", "meeting", "worksite", "committee")}
    assert all(p is not None for p in pictures.values())
    assert len({pixels(p) for p in pictures.values() if p is not None}) == 4
    assert backdrop("kitchen", size, CALM) is pictures["kitchen"]  # kept, not drawn again
    assert backdrop("kitchen", size, HIGH_CONTRAST) is None  # high contrast keeps a plain background


def test_the_table_stands_on_the_backdrop(app: App) -> None:
    app.open_play(SCENARIOS / "demo.yaml", seed=1)
    screen = app.screen
    assert isinstance(screen, PlayScreen) and screen.place == "kitchen"
    app.step(16)
    app.step(16)
    corner = screen.table.move(screen.look.px(20), screen.look.px(20)).topleft
    assert app.surface.get_at(corner)[:3] != screen.look.theme.bg


def test_screens_cross_fade_in_the_real_window(app: App) -> None:
    """In the real loop (`fades` on) a new screen starts under the last picture and shows alone 0.18 s later."""
    app.fades = True
    app.step(16)
    title = app.surface.copy()
    app.new_game()
    app.step(16)
    assert app.animating  # the loop keeps drawing while it fades
    middle = app.surface.get_at((app.surface.get_width() // 4, app.surface.get_height() // 3))
    for _ in range(15):
        app.step(16)
    assert not app.animating
    after = app.surface.get_at((app.surface.get_width() // 4, app.surface.get_height() // 3))
    before = title.get_at((title.get_width() // 4, title.get_height() // 3))
    assert middle != after and before != after  # partway between the title's kitchen and the profile page
