"""The game's languages: one catalogue per language, and `t` to read it.

    from game.i18n import t
    t("ui.new_game", "fr")  →  "Nouvelle partie"

This package imports nothing from the rest of the game (the format takes its language codes from here);
adding a language is adding a module like `fr.py` to `LANGUAGES`, and the scenarios' texts in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.i18n.catalogue import Language

__all__ = ["LANGUAGES", "CODES", "DEFAULT", "Language", "language", "t", "gauge_name", "units", "format_delta"]


def _fr() -> Language:
    from game.i18n import fr

    return fr.LANGUAGE


def _en() -> Language:
    from game.i18n import en

    return en.LANGUAGE


_CATALOGUES: dict[str, Callable[[], Language]] = {"fr": _fr, "en": _en}  # a new language: one line here


class _Languages(Mapping[str, "Language"]):
    """The languages by code; each catalogue is read the first time it is needed (the window's start-up is a
    target, and a game in French never reads the English catalogue)."""

    def __init__(self) -> None:
        self._read: dict[str, Language] = {}

    def __getitem__(self, code: str) -> Language:
        if code not in self._read:
            self._read[code] = _CATALOGUES[code]()
        return self._read[code]

    def __contains__(self, code: object) -> bool:
        return code in _CATALOGUES

    def __iter__(self) -> Iterator[str]:
        return iter(_CATALOGUES)

    def __len__(self) -> int:
        return len(_CATALOGUES)


LANGUAGES: Mapping[str, Language] = _Languages()
CODES: tuple[str, ...] = tuple(_CATALOGUES)
DEFAULT = "fr"


def language(code: str) -> Language:
    """The language of that code, or the default one for a code the game does not know."""
    return LANGUAGES[code] if code in LANGUAGES else LANGUAGES[DEFAULT]


def t(key: str, lang: str = DEFAULT, **values: object) -> str:
    """A message in a language, with its `{placeholders}` filled; the default language's if it has none."""
    chosen = language(lang)
    if key not in chosen.messages:
        chosen = LANGUAGES[DEFAULT]
    return chosen.message(key, **values)


def gauge_name(gauge: str, lang: str) -> str:
    return t(f"gauge.{gauge}", lang)


def units(n: int, unit: str, lang: str) -> str:
    """`2 mois`, `2 months`: the clock's unit (as the scenario names it) with the number."""
    chosen = language(lang)
    return f"{n} {unit if chosen.plural(n) == 'one' else chosen.pluralize(unit)}"


def format_delta(value: int) -> str:
    """`+8`, `−5` (the minus sign, not a hyphen), `0`."""
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"
