"""Screenshots of every screen, for docs/screenshots: `python -m game.ui.screenshots [OUT]`.

Runs with SDL's dummy driver (no window) and drives the App the way a player
would, so the pictures show the real screens at 1280×720, plus the play screen
at 1024×640 with large text and in high contrast, and the CUCM case in English at 1024×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.scenario.catalogue import builtin_folder
from game.ui.app import App

__all__ = ["capture_all", "main"]

BROKEN = """format: 1
id: broken
title: "Cassé"
summary: "Un scénario avec des erreurs."
player: {role: "CESF", organisation: ccas}
clock: {turns: 0}
organisations: []
partners: []
phases: [{id: a, name: "A"}]
scenes: [{id: s, phase: a, text: "…", choices: [{text: "ok", effects: {sens: 500}}]}]
endings: [{id: e, title: "Fin", explanation: "x"}]
"""


def settle(app: App, frames: int = 40) -> None:
    for _ in range(frames):
        app.step(50)


def shot(app: App, out: Path, name: str) -> Path:
    settle(app)
    path = out / f"{name}.png"
    pygame.image.save(app.surface, str(path))
    return path


def play_to_end(app: App, before_end: Callable[[], None] | None = None) -> None:
    """Pick the first choice until the feedback says the game is over."""
    from game.ui.screens.play import PlayScreen

    screen = app.screen
    assert isinstance(screen, PlayScreen)
    while not screen.match.session.finished:
        screen.pick(screen.match.view().choices[0].index)
        if not screen.match.session.finished:
            screen.proceed()
    if before_end is not None:
        before_end()
    screen.proceed()


def capture_all(out: Path, lang: str = "fr") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    demo = builtin_folder() / "demo.yaml"
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp) / "broken.yaml"
        broken.write_text(BROKEN, encoding="utf-8")
        app = App(
            (1280, 720),
            lang,
            scenarios_dir=Path(tmp),
            name="Camille Martin",
            group="DEIS 2",
            record=True,  # the ending reads the game's record for the turning points and the chart
            records_dir=Path(tmp) / "records",
        )
        saved.append(shot(app, out, "01-title"))
        app.new_game()
        saved.append(shot(app, out, "02-profile"))
        app.after_profile()
        saved.append(shot(app, out, "03-scenarios"))
        app.howto(start=True)
        saved.append(shot(app, out, "04-howto"))
        app.open_play(demo, seed=3)
        saved.append(shot(app, out, "05-play"))
        screen = app.screen
        screen.pick(screen.match.view().choices[0].index)  # type: ignore[attr-defined]
        saved.append(shot(app, out, "06-feedback"))
        screen.proceed()  # type: ignore[attr-defined]
        app.pause()
        saved.append(shot(app, out, "07-pause"))
        app.open_settings(back=app.pause_again)
        saved.append(shot(app, out, "08-settings"))
        app.pause_again()
        app.resume()
        app.show_journal()
        saved.append(shot(app, out, "19-journal"))
        app.screen.escape()  # type: ignore[attr-defined]
        app.show_glossary()
        saved.append(shot(app, out, "20-glossary"))
        app.screen.escape()  # type: ignore[attr-defined]
        play_to_end(app, lambda: saved.append(shot(app, out, "09-last-feedback")))
        saved.append(shot(app, out, "10-ending"))
        app.choose_scenario(next(e for e in app.catalogue() if not e.ok))
        saved.append(shot(app, out, "11-errors"))
        pygame.display.set_mode((1024, 640), pygame.RESIZABLE)
        app.settings.text_scale = 1.5
        app.restyle()
        app.open_play(demo, seed=3)
        saved.append(shot(app, out, "12-play-1024-large-text"))
        app.show_organisations()
        saved.append(shot(app, out, "13-organisations-overlay"))
        app.settings.text_scale = 1.0
        app.settings.high_contrast = True
        pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
        app.restyle()
        app.open_play(demo, seed=3)
        saved.append(shot(app, out, "14-play-high-contrast"))
        app.settings.high_contrast = False
        app.settings.lang = "en"
        app.restyle()
        app.open_play(demo, seed=3)
        saved.append(shot(app, out, "15-play-english"))
        screen = app.screen
        screen.pick(screen.match.view().choices[0].index)  # type: ignore[attr-defined]
        saved.append(shot(app, out, "17-feedback-english"))
        screen.proceed()  # type: ignore[attr-defined]
        play_to_end(app)
        saved.append(shot(app, out, "18-ending-english"))
        app.settings.lang = "fr"
        app.restyle()
        chalon = builtin_folder() / "chalon-chantier-insertion.yaml"
        if chalon.exists():
            app.open_play(chalon, seed=1)
            saved.append(shot(app, out, "16-play-chalon"))
        cucm = builtin_folder() / "cucm-plie.yaml"
        app.open_play(cucm, seed=3)
        saved.append(shot(app, out, "21-play-cucm"))
        pygame.display.set_mode((1024, 768), pygame.RESIZABLE)
        app.settings.lang = "en"
        app.restyle()
        app.open_play(cucm, seed=3)
        saved.append(shot(app, out, "22-play-cucm-english-1024x768"))
        play_to_end(app)
        saved.append(shot(app, out, "23-ending-cucm-english-1024x768"))
    pygame.quit()
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots")
    for path in capture_all(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
