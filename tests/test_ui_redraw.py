"""What a key press redraws, and what the title needs before its first frame (issue 7, checked without timing).

The play screen draws again only what changed (regions of its static layer, widget pictures by what they
show, text in sight first); these tests check that the result is the same picture as drawing everything
anew, and that the work really is skipped.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.scenario.catalogue import builtin_scenarios
from game.ui.app import App
from game.ui.screens.play import PlayScreen
from game.ui.text import wrap_words
from tests.test_ui_support import key, settle

DEMO = Path("scenarios/demo.yaml")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app():
    window = App((1280, 720), "fr")
    yield window
    window.close()


def reference_wrap(text: str, size, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The plain greedy wrap: measure every candidate line (what wrap_words must give, with fewer measures)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if size(candidate) <= width or not line and size(word) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while size(word) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and size(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


def test_wrap_gives_the_lines_of_the_plain_greedy_wrap(app: App) -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz  AVWéèà—’«»."

    def kerned(text: str) -> int:  # widths that do not add up, as with a real font's kerning
        return sum(3 if c in "il." else 8 for c in text) - 2 * text.count("AV") - text.count("  ")

    real = app.look.text
    measures = [len, kerned, lambda text: real.width(text, "body"), lambda text: real.width(text, "h1")]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 160)))
        width = rng.randrange(1, 400)
        for measure in measures:
            assert wrap_words(text, measure, width) == reference_wrap(text, measure, width), (text, width)


def whole_picture(app: App) -> bytes:
    return pygame.image.tobytes(app.surface, "RGB")


@pytest.mark.parametrize("scenario", [DEMO, *builtin_scenarios()[:2]], ids=lambda p: Path(p).stem)
def test_what_a_key_press_redraws_looks_like_drawing_everything_anew(app: App, scenario: Path) -> None:
    app.open_play(scenario, seed=3)
    settle(app, 3)
    for _ in range(3):
        key(app, pygame.K_1)  # a decision: the gauges, the clock, the panels and the card change
        settle(app, 70, dt=50)  # animations over, every region and every line drawn
        for _ in range(10):  # Enter shows the rest of a long feedback first, then the next scene
            key(app, pygame.K_RETURN)
            settle(app, 6)
            if not isinstance(app.screen, PlayScreen) or app.screen.outcome is None:
                break
        screen = app.screen
        if not isinstance(screen, PlayScreen):
            break
        step_by_step = whole_picture(app)
        app.show(PlayScreen(app, screen.match))  # the same game, drawn from nothing
        settle(app, 6)
        assert whole_picture(app) == step_by_step


def test_moving_the_focus_lays_nothing_out_and_renders_no_text(app: App) -> None:
    app.open_play(DEMO, seed=1)
    settle(app, 60)  # the scene, and the feedbacks prepared ahead (see PlayScreen.work_ahead)
    screen = app.screen
    widgets, renders = list(screen.widgets), app.look.text.renders
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    assert screen.focus_index == 2
    assert screen.widgets == widgets and not screen.stale  # no relayout, the static layer untouched
    assert app.look.text.renders == renders


def test_the_next_scene_renders_only_new_words(app: App) -> None:
    """Enter after the feedback: the panels, gauges and faces are reused; new text alone is rendered."""
    app.open_play(DEMO, seed=1)
    settle(app, 3)
    key(app, pygame.K_1)
    settle(app, 70, dt=50)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    painted = screen._static_regions()
    before = app.look.text.renders
    key(app, pygame.K_RETURN)
    settle(app, 6)
    step_by_step = app.look.text.renders - before
    kept = [old[1] == new[1] for old, new in zip(painted, screen._static_regions(), strict=True)]
    assert kept[:-1] == [True] * (len(kept) - 1)  # top bar and side panels: same state, not drawn again
    app.look.text.clear()
    before = app.look.text.renders
    app.show(PlayScreen(app, screen.match))  # the same screen drawn from nothing, for comparison
    settle(app, 6)
    anew = app.look.text.renders - before
    assert 0 < step_by_step < anew // 2


def test_the_title_needs_neither_the_loader_nor_pydantic() -> None:
    """Start-up: what `main.py` and `partenaires play` import before the first frame stays light."""
    code = (
        "import sys, game.cli, game.ui.app; heavy = [m for m in ('game.scenario.loading', 'game.scenario.model', "
        "'pydantic', 'game.rules.engine', 'yaml', 'game.cli.check', 'game.cli.reports', 'game.cli.tools', "
        "'game.cli.classroom') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "", "SDL_VIDEODRIVER": "dummy", "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.stdout.strip() == "[]"


def test_the_continue_button_appears_once_the_title_is_on_screen(tmp_path: Path) -> None:
    first = App((1024, 640), "fr", record=True, records_dir=tmp_path)
    first.open_play(DEMO, seed=2)
    key(first, pygame.K_2)
    first.close()
    second = App((1024, 640), "fr", record=True, records_dir=tmp_path, quick_title=True)
    try:
        assert second.saved_session() is None  # not looked for before the first frame
        pygame.time.set_timer(pygame.QUIT, 300, 1)
        second.loop()
        assert second.saved_session() is not None
    finally:
        pygame.display.quit()
