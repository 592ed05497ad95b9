"""Whole games of the demo in the window, keyboard only and mouse only (SDL dummy driver)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui import records as window_records
from game.ui.app import App
from game.ui.screens.document import DocumentScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.profile import ProfileScreen
from game.ui.screens.scenarios import ScenarioScreen
from game.ui.screens.title import TitleScreen
from tests.test_ui_support import button, click, click_button, key, settle, shoot, type_text


@pytest.fixture
def app(tmp_path: Path):
    window = App((1280, 720), "fr", record=True, records_dir=tmp_path / "sessions")
    yield window
    window.close()


def demo_index(app: App) -> int:
    return next(i for i, e in enumerate(app.catalogue()) if e.path.name == "demo.yaml")


def start_demo_with_keys(app: App, name: str) -> None:
    """From the title, keys only: New game, the name, on past the group, the demo, then Start."""
    key(app, pygame.K_RETURN)  # Nouvelle partie
    type_text(app, name)
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    for _ in range(demo_index(app)):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # Commencer la partie


def play_with_keys(app: App, shots: Path | None = None) -> None:
    """From the scene to the ending: 1 picks the first choice, Enter goes on."""
    for turn in range(60):
        screen = app.screen
        if isinstance(screen, EndingScreen):
            return
        assert isinstance(screen, PlayScreen)
        if screen.outcome is None:
            key(app, pygame.K_1)
        else:
            if shots is not None and turn < 2:
                shoot(app, shots, "feedback")
            key(app, pygame.K_RETURN)
    raise AssertionError("the game did not end")


def test_keyboard_only_game_in_french(app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(window_records, "open_file", lambda path: opened.append(path) or True)  # no browser here
    shots = tmp_path / "shots"
    assert isinstance(app.screen, TitleScreen)
    shoot(app, shots, "title")
    key(app, pygame.K_RETURN)  # Nouvelle partie
    assert isinstance(app.screen, ProfileScreen)
    type_text(app, "Camille Martin")
    key(app, pygame.K_TAB)
    type_text(app, "DEIS 2")
    shoot(app, shots, "profile")
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)  # Continuer
    assert app.profile == {"name": "Camille Martin", "group": "DEIS 2"}
    assert isinstance(app.screen, ScenarioScreen)
    for _ in range(demo_index(app)):
        key(app, pygame.K_DOWN)
    shoot(app, shots, "scenarios")
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, DocumentScreen)  # how to play
    shoot(app, shots, "howto")
    key(app, pygame.K_RETURN)  # Commencer la partie
    assert isinstance(app.screen, PlayScreen)
    match = app.screen.match
    assert match.book.model.id == "demo" and match.session.trainee == "Camille Martin"
    shoot(app, shots, "play")
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, PauseScreen)
    shoot(app, shots, "pause")
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.screen, PlayScreen)
    play_with_keys(app, shots)
    assert match.session.finished and len(match.session.history) >= 2
    assert isinstance(app.screen, EndingScreen)
    shoot(app, shots, "ending")
    key(app, pygame.K_RETURN)  # Ouvrir le rapport: written, then handed to the system's viewer
    assert app.screen.report is not None and app.screen.report.exists() and opened == [app.screen.report]
    assert str(app.screen.report) in app.screen.report_line()
    assert len(list(shots.glob("*.png"))) == 8


def test_keyboard_only_game_in_english(app: App) -> None:
    key(app, pygame.K_RETURN)
    key(app, pygame.K_UP)  # from the name field to "English"
    key(app, pygame.K_RETURN)
    assert app.settings.lang == "en"
    assert button(app, "Continue")
    key(app, pygame.K_DOWN)
    type_text(app, "Sam")
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    for _ in range(demo_index(app)):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, PlayScreen)
    assert app.screen.match.session.lang == "en"
    play_with_keys(app)
    assert isinstance(app.screen, EndingScreen)
    assert button(app, "Open the report")


def test_mouse_only_game(app: App) -> None:
    click_button(app, "Nouvelle partie")
    click_button(app, "Continuer")
    assert isinstance(app.screen, ScenarioScreen)
    click_button(app, "Démo")
    click_button(app, "Commencer la partie")
    assert isinstance(app.screen, PlayScreen)
    match = app.screen.match
    for _ in range(60):
        if isinstance(app.screen, EndingScreen):
            break
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        if screen.outcome is None:
            choice = next(w for w in screen.widgets if getattr(w, "number", None) == 1)
            click(app, choice.rect.center)
        else:
            click(app, screen.widgets[0].rect.center)  # the continue button comes first
    assert isinstance(app.screen, EndingScreen) and match.session.finished
    click_button(app, "Menu principal")
    assert isinstance(app.screen, TitleScreen)


def test_continue_resumes_the_unfinished_session(app: App) -> None:
    app.profile["name"] = "Alex"
    app.open_play(Path("scenarios/demo.yaml"), seed=5)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    history = [d.to_dict() for d in app.screen.match.session.history]
    key(app, pygame.K_ESCAPE)
    click_button(app, "Enregistrer et revenir au menu")
    assert isinstance(app.screen, TitleScreen)
    click_button(app, "Continuer")
    assert isinstance(app.screen, PlayScreen)
    resumed = app.screen.match.session
    assert resumed.trainee == "Alex"
    assert [d.to_dict() for d in resumed.history] == history


def test_closing_the_window_keeps_the_session(tmp_path: Path) -> None:
    first = App((1024, 640), "fr", record=True, records_dir=tmp_path)
    first.open_play(Path("scenarios/demo.yaml"), seed=2)
    key(first, pygame.K_2)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    first.step(16)
    assert not first.running
    first.close()
    second = App((1024, 640), "fr", record=True, records_dir=tmp_path)
    try:
        assert button(second, "Continuer")
        second.continue_game()
        assert isinstance(second.screen, PlayScreen)
        assert len(second.screen.match.session.history) == 1
    finally:
        second.close()


def test_settings_from_the_pause_menu(app: App) -> None:
    app.open_play(Path("scenarios/demo.yaml"))
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # Réglages
    click_button(app, "Contraste élevé")
    assert app.settings.high_contrast and app.look.theme.name == "contrast"
    key(app, pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    assert app.settings.text_scale > 1.0
    click_button(app, "English")
    assert app.settings.lang == "en"
    click_button(app, "Back")
    assert isinstance(app.screen, PauseScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, PlayScreen)
    assert app.screen.match.session.lang == "en"
    settle(app)


def test_a_page_opened_by_a_click_asks_for_the_frames_that_finish_its_text(app: App) -> None:
    """The real loop only draws while the screen says it moves: a long page opened with the mouse (no key-up
    comes after) must say so until its last line is drawn, or the pointer left over it freezes half a page."""
    click_button(app, "Comment jouer")
    assert isinstance(app.screen, DocumentScreen)
    text = app.screen.scroller
    assert text is not None and app.animating
    for _ in range(50):
        if not app.animating:
            break
        app.frame(16, [])
    assert not app.animating and not text.update(0)


def test_enter_never_skips_a_feedback_that_has_not_been_shown(tmp_path: Path) -> None:
    """A long feedback in a small window with large text: Enter shows the rest of it before the next scene."""
    app = App((1024, 600), "fr", record=False)
    try:
        for _ in range(4):
            app.text_size(1)
        app.open_play(Path(__file__).resolve().parent.parent / "scenarios" / "demo.yaml", seed=1)
        settle(app, 5)
        key(app, pygame.K_1)
        settle(app, 5)
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.outcome is not None
        text = screen.text
        assert text.max_scroll(app.look) > 0, "the feedback should not fit at this size"
        pages = 0
        while screen.outcome is not None and pages < 20:
            seen_before = text.scroll
            key(app, pygame.K_RETURN)
            settle(app, 2)
            pages += 1
            if screen.outcome is not None:
                assert text.scroll > seen_before  # Enter scrolled rather than skipped
        assert pages >= 2 and screen.outcome is None
    finally:
        app.close()
