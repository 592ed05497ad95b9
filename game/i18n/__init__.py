"""The game's languages: one catalogue per language, and `t` to read it.

    from game.i18n import t
    t("ui.new_game", "fr")  →  "Nouvelle partie"

This package imports nothing from the rest of the game (the format takes its language codes from here);
adding a language is adding a module like `fr.py` to `LANGUAGES`, and the scenarios' texts in it.
"""

from __future__ import annotations

from game.i18n import en, fr
from game.i18n.language import Language

__all__ = ["LANGUAGES", "CODES", "DEFAULT", "Language", "language", "t", "gauge_name", "units", "format_delta"]

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (fr.LANGUAGE, en.LANGUAGE)}
CODES: tuple[str, ...] = tuple(LANGUAGES)
DEFAULT = "fr"


def language(code: str) -> Language:
    """The language of that code, or the default one for a code the game does not know."""
    return LANGUAGES.get(code) or LANGUAGES[DEFAULT]


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
