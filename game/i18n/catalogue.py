"""What a language brings to the game: its catalogue of messages and the grammar the views need.

Each language is one module (`game/i18n/fr.py`, `game/i18n/en.py`) that builds a `Language`; the views never
write a plural, a list or an elision inline, they ask the language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Language"]


@dataclass(frozen=True)
class Language:
    code: str  # as in scenarios' texts (`fr:`, `en:`)
    name: str  # in the language itself, for the language menus
    english: str  # its name in English, for messages to trainers written in English
    messages: Mapping[str, str]
    howto: Sequence[tuple[str, str]]  # the window's "how to play" page: (role, text)
    prompts: Mapping[str, Sequence[str]]  # the debrief's opening and closing questions (PEARLS)
    units: Mapping[str, tuple[str, str]]  # word → (singular, plural) for counted things
    plural: Callable[[int], str]  # "one" or "other", as CLDR's plural rules say
    pluralize: Callable[[str], str]  # a scenario's word (its time unit) in the plural
    of: Callable[[str], str]  # "of Odile": "d'Odile" in French
    colon: str  # what comes before a list or a value: "\u00a0:" in French
    quotes: tuple[str, str]  # « » with their spaces in French, “ ” in English
    decimal: str = "."  # the decimal mark: a comma in French

    def message(self, key: str, **values: object) -> str:
        text = self.messages[key]
        return text.format(**values) if values else text

    def join(self, items: Sequence[str], word: str = "and") -> str:
        """`a, b et c` / `a, b or c` (`word` is `and` or `or`)."""
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.messages['word.' + word]} {items[-1]}"

    def number(self, value: float) -> str:
        """`1,5` in French, `1.5` in English; whole numbers without decimals."""
        return f"{value:g}".replace(".", self.decimal).replace("-", "\u2212")

    def quote(self, text: str) -> str:
        return f"{self.quotes[0]}{text}{self.quotes[1]}"

    def counted(self, key: str, n: int, **values: object) -> str:
        """The message `key.one` or `key.other`, as the language's plural rule says for `n`."""
        return self.message(f"{key}.{self.plural(n)}", n=n, **values)

    def count(self, n: int, word: str) -> str:
        """`2 décisions`, `1 decision`."""
        one, other = self.units[word]
        return f"{n} {one if self.plural(n) == 'one' else other}"
