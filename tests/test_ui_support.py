"""Helpers (no tests here): drive the game window through posted events, as a player would."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.widgets.button import Button


def key(app: App, k: int, mod: int = 0, frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0))
    for _ in range(frames):
        app.step(16)


def type_text(app: App, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.step(16)


def click(app: App, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.step(16)


def button(app: App, label: str) -> Button:
    found = [w for w in app.screen.widgets if isinstance(w, Button) and w.label.startswith(label)]
    assert found, f"no button {label!r} on {type(app.screen).__name__}: " + ", ".join(
        w.label for w in app.screen.widgets if isinstance(w, Button)
    )
    return found[0]


def click_button(app: App, label: str) -> None:
    click(app, button(app, label).rect.center)


def settle(app: App, frames: int = 10, dt: float = 50) -> None:
    for _ in range(frames):
        app.step(dt)


def shoot(app: App, folder: Path, name: str) -> Path:
    settle(app, 3)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    pygame.image.save(app.surface, str(path))
    return path
