"""The right panel and the organisations overlay on a crowded scenario: nine organisations and four inventions
at 1280×720. Nothing is cut without a cue: the panel counts what it leaves out on a visible button that opens
the overlay, and the overlay scrolls to the last invention."""

from __future__ import annotations

from pathlib import Path

import pygame
import yaml

from game.ui.app import App
from game.ui.screens.organisations import OrganisationsScreen
from game.ui.screens.play import PlayScreen
from tests.test_ui_support import button, click, key, settle

DEMO = Path("scenarios/demo.yaml")


def crowded_scenario(folder: Path) -> Path:
    """The demo with six more organisations and two more inventions."""
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    for n in range(6):
        data["organisations"].append(
            {
                "id": f"org{n}",
                "name": {"fr": f"Organisation {n}", "en": f"Organisation {n}"},
                "short": f"ORG{n}",
                "hierarchy": {"title": {"fr": f"Direction {n}", "en": f"Director {n}"}, "awareness": 10, "support": 50},
            }
        )
    for n in range(2):
        data["inventions"].append({"id": f"inv{n}", "name": {"fr": f"Invention {n}", "en": f"Invention {n}"}})
    path = folder / "crowded.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def open_crowded(tmp_path: Path) -> App:
    app = App((1280, 720), "fr")
    app.open_play(crowded_scenario(tmp_path), seed=1)
    screen = app.screen
    assert isinstance(screen, PlayScreen) and screen.right is not None
    orgs = [o.id for o in screen.match.book.model.organisations]
    for invention in screen.match.book.model.inventions:  # every invention born, as after a long game
        screen.match.session.diffusion[invention.id] = {o: 30 for o in orgs}
    screen.relayout()
    settle(app, 3)
    return app


def test_the_panel_counts_what_it_cannot_show_and_opens_the_overlay(tmp_path: Path) -> None:
    app = open_crowded(tmp_path)
    try:
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.right is not None
        total = 9 + 4
        assert 0 < screen.orgs_hidden < total
        more = button(app, f"+{screen.orgs_hidden} — voir tout")
        assert more.detail == "I"
        assert screen.right.contains(more.rect) and not more.rect.colliderect(screen.orgs_area)
        # pixels: the button is drawn (its colour differs from the panel's) and nothing is drawn below the area
        assert any(
            app.surface.get_at((x, more.rect.centery))[:3] != app.look.theme.panel
            for x in range(more.rect.x + 2, more.rect.right - 2)
        )
        gap = pygame.Rect(screen.orgs_area.x, screen.orgs_area.bottom + 1, screen.orgs_area.w, 2)
        assert all(
            app.surface.get_at((x, y))[:3] == app.look.theme.panel
            for x in range(gap.x, gap.right)
            for y in range(gap.y, gap.bottom)
        )
        click(app, more.rect.center)
        settle(app, 2)
        assert isinstance(app.screen, OrganisationsScreen)
    finally:
        app.close()


def test_the_overlay_scrolls_to_the_last_invention(tmp_path: Path) -> None:
    app = App((1024, 600), "fr")
    try:
        app.open_play(crowded_scenario(tmp_path), seed=1)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        orgs = [o.id for o in screen.match.book.model.organisations]
        for invention in screen.match.book.model.inventions:
            screen.match.session.diffusion[invention.id] = {o: 30 for o in orgs}
        key(app, pygame.K_i)
        settle(app, 2)
        overlay = app.screen
        assert isinstance(overlay, OrganisationsScreen)
        assert overlay.content_h > overlay.area.h and overlay.offset == 0
        before = app.surface.subsurface(overlay.area).copy()
        key(app, pygame.K_END)
        settle(app, 2)
        assert overlay.offset == overlay.max_offset > 0
        after = app.surface.subsurface(overlay.area)
        assert any(
            before.get_at((x, y)) != after.get_at((x, y))
            for x in range(0, overlay.area.w, 7)
            for y in range(0, overlay.area.h, 7)
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=3, flipped=False))
        app.step(16)
        assert overlay.offset < overlay.max_offset
        key(app, pygame.K_i)
        assert isinstance(app.screen, PlayScreen)
    finally:
        app.close()
