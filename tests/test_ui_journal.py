"""The journal (key J) and the glossary (key G, and the pause menu) during play: opened by their keys, closed
by them, and saying what the session did and what the paper's concepts are."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.screens.document import DocumentScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.play import PlayScreen
from game.vocabulary.concepts import CONCEPTS
from tests.test_ui_support import button, click_button, key, settle

DEMO = Path("scenarios/demo.yaml")


def page_text(app: App) -> str:
    screen = app.screen
    assert isinstance(screen, DocumentScreen)
    return "\n".join(str(block[1]) for block in screen.text.blocks)


def test_the_journal_lists_each_decision_with_its_month_choice_and_events() -> None:
    app = App((1280, 720), "fr")
    try:
        app.open_play(DEMO, seed=3)
        settle(app, 2)
        key(app, pygame.K_j)
        assert "Aucune décision" in page_text(app)
        key(app, pygame.K_j)
        assert isinstance(app.screen, PlayScreen)
        for _ in range(3):  # three decisions, each with its feedback
            key(app, pygame.K_1)
            settle(app, 2)
            key(app, pygame.K_RETURN)
            key(app, pygame.K_RETURN)
            settle(app, 2)
        play = app.screen
        assert isinstance(play, PlayScreen)
        session, model = play.match.session, play.match.book.model
        assert len(session.history) >= 2
        key(app, pygame.K_j)
        text = page_text(app)
        scenes = {s.id: s for s in model.scenes}
        for decision in session.history:
            scene = scenes[decision.scene]
            assert f"Mois {decision.turn + 1}" in text
            assert scene.choices[decision.choice].text.fr in text
        titles = {e.id: e.title.fr for e in model.events}
        for hit in session.events:
            assert f"Événement\u00a0: {titles[hit.id]}" in text
        key(app, pygame.K_ESCAPE)
        assert app.screen is play
    finally:
        app.close()


def test_the_glossary_opens_with_g_and_from_the_pause_menu() -> None:
    app = App((1280, 720), "en")
    try:
        app.open_play(DEMO, seed=1)
        settle(app, 2)
        play = app.screen
        key(app, pygame.K_g)
        text = page_text(app)
        for concept in CONCEPTS.values():
            assert concept.name["en"] in text and concept.definition["en"] in text
        assert "Source: Lyet, P. (2009)" in text
        key(app, pygame.K_g)
        assert app.screen is play
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.screen, PauseScreen)
        assert button(app, "Glossary").detail == "G"
        click_button(app, "Glossary")
        assert "Social transaction" in page_text(app)
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.screen, PauseScreen)
    finally:
        app.close()
