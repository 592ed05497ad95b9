"""The profile screen's fields, the name and group remembered, and Continue's list of unfinished games."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.screens.play import PlayScreen
from game.ui.screens.profile import ProfileScreen
from game.ui.screens.saved import SavedScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.button import Button
from tests.test_ui_support import button, click, click_button, key, type_text


@pytest.fixture
def app(tmp_path: Path):
    window = App((1280, 720), "fr", record=True, records_dir=tmp_path / "sessions", settings_path=tmp_path / "w.json")
    yield window
    window.close()


def test_clicking_a_field_types_into_that_field(app: App) -> None:
    click_button(app, "Nouvelle partie")
    screen = app.screen
    assert isinstance(screen, ProfileScreen)
    click(app, screen.group.rect.center)
    assert screen.focused is screen.group
    type_text(app, "DEIS 2")
    click(app, screen.name.rect.center)
    assert screen.focused is screen.name
    type_text(app, "Camille Martin")
    assert (screen.name.value, screen.group.value) == ("Camille Martin", "DEIS 2")
    click(app, (screen.name.rect.x + 4, screen.name.rect.bottom - 3))  # a click near the edge too
    type_text(app, "!")
    assert screen.name.value == "Camille Martin!" and screen.group.value == "DEIS 2"


def test_name_and_group_are_remembered(tmp_path: Path) -> None:
    prefs = tmp_path / "w.json"
    first = App((1024, 768), "fr", settings_path=prefs)
    try:
        click_button(first, "Nouvelle partie")
        screen = first.screen
        assert isinstance(screen, ProfileScreen)
        click(first, screen.name.rect.center)
        type_text(first, "Alex Dupont")
        click(first, screen.group.rect.center)
        type_text(first, "ES 1")
        click_button(first, "Continuer")
    finally:
        first.close()
    saved = json.loads(prefs.read_text(encoding="utf-8"))
    assert (saved["name"], saved["group"]) == ("Alex Dupont", "ES 1")
    assert not list(tmp_path.glob(".w.json.*"))  # written atomically: no temporary file left
    second = App((1024, 768), "fr", settings_path=prefs)
    try:
        click_button(second, "Nouvelle partie")
        screen = second.screen
        assert isinstance(screen, ProfileScreen)
        assert (screen.name.value, screen.group.value) == ("Alex Dupont", "ES 1")
        assert screen.focused is not None and getattr(screen.focused, "label", "") == "Continuer"
    finally:
        second.close()


def _leave_a_game(app: App, name: str, scenario: str, decisions: int) -> None:
    app.profile["name"] = name
    app.open_play(Path("scenarios") / scenario, seed=3)
    for _ in range(decisions):
        key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    app.go_title()


def test_continue_lists_every_unfinished_game_and_resumes_the_chosen_one(app: App) -> None:
    _leave_a_game(app, "Alex", "demo.yaml", 1)
    _leave_a_game(app, "Sam", "chalon-chantier-insertion.yaml", 2)
    assert isinstance(app.screen, TitleScreen)
    assert "2 parties en cours" in (button(app, "Continuer").tooltip() or "")
    click_button(app, "Continuer")
    screen = app.screen
    assert isinstance(screen, SavedScreen)
    games = [w for w in screen.widgets if isinstance(w, Button) and w.label != "Retour"]
    assert [g.label.split(" · ")[0] for g in games] == ["Sam", "Alex"]  # the latest first
    for game in games:
        assert ".jsonl" not in game.label + game.detail and "-" not in game.detail
        assert game.detail.startswith("Mois ")
    assert "Démo" in games[1].label
    click(app, games[1].rect.center)
    assert isinstance(app.screen, PlayScreen)
    assert app.screen.match.session.trainee == "Alex" and app.screen.match.book.model.id == "demo"


def test_continue_with_one_game_resumes_it_at_once(app: App) -> None:
    _leave_a_game(app, "Alex", "demo.yaml", 1)
    assert (button(app, "Continuer").tooltip() or "").startswith("Alex · demo")  # the list is not read yet
    app.warm_up()  # after the first frame: the scenario list is read in the background
    for _ in range(600):
        app.step(16)
        if "Démo" in (button(app, "Continuer").tooltip() or ""):
            break
    hint = button(app, "Continuer").tooltip() or ""
    assert hint.startswith("Alex · Démo") and hint.endswith(" · Mois 2")
    click_button(app, "Continuer")
    assert isinstance(app.screen, PlayScreen)
