"""The window's words: `s("new_game", lang)` reads `ui.new_game` in the language's catalogue (`game.i18n`),
or the key every view shares when the window has no word of its own for it."""

from __future__ import annotations

from game.i18n import language

__all__ = ["s", "howto"]


def s(key: str, lang: str, **values: object) -> str:
    messages = language(lang).messages
    return language(lang).message(f"ui.{key}" if f"ui.{key}" in messages else key, **values)


def howto(lang: str) -> list[tuple[str, str]]:
    """The "how to play" page: (role, text) pairs."""
    return list(language(lang).howto)
