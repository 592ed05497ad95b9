"""The errors a person can meet, one family per kind of mistake.

Every error a trainer or a trainee can cause carries a location and a sentence
they can act on; nothing here is meant to end as a traceback.

    PartenairesError
     ├── ScenarioError        a scenario file is wrong (carries every Diagnostic at once)
     ├── ConditionError       a condition does not parse or does not type-check (column)
     ├── SessionError         a decision that the current scene does not allow
     └── RecordError          a session log cannot be read or no longer matches its scenario
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Self

__all__ = [
    "Location",
    "Diagnostic",
    "PartenairesError",
    "ScenarioError",
    "ConditionError",
    "SessionError",
    "RecordError",
]


@dataclass(frozen=True, order=True)
class Location:
    """Where something is in a scenario file; line and column count from 1."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the loader or checker, with a stable code a trainer can look up."""

    location: Location
    message: str
    code: str = "E000"
    severity: str = "error"
    hint: str = ""
    source_line: str = field(default="", compare=False)

    def format(self, with_source: bool = True) -> str:
        """`file:line:col: message` then, when known, the source line and a caret."""
        text = f"{self.location}: {self.severity} {self.code}: {self.message}"
        if with_source and self.source_line and self.location.col > 0:
            caret = " " * (self.location.col - 1) + "^"
            text += f"\n    {self.source_line.rstrip()}\n    {caret}"
        if self.hint:
            text += "\n    hint: " + self.hint.rstrip()  # later lines as written: a stub must paste as it is
        return text

    def __str__(self) -> str:
        return self.format(with_source=False)


class PartenairesError(Exception):
    """Root of every error the game reports to a person.

    An error made with `said(key, **values)` names its sentence in the catalogues (`game/i18n`): its text
    stays English (logs, `--json`, tests), and the command line prints it in the trainer's language (`say`).
    """

    key: str = ""
    values: dict[str, object] = {}  # replaced by `said`, never mutated

    @classmethod
    def said(cls, key: str, **values: object) -> Self:
        """The error whose sentence is the catalogues' `key` with these values (English in its text)."""
        from game.i18n import t

        error = cls(t(key, "en", **values))
        error.key, error.values = key, values
        return error

    def say(self, lang: str) -> str:
        """The error's sentence in `lang` (as written when it has no catalogue entry)."""
        if not self.key:
            return str(self)
        from game.i18n import t

        return t(self.key, lang, **self.values)


class ScenarioError(PartenairesError):
    """A scenario could not be loaded; `diagnostics` holds every problem found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: d.location)
        first = self.diagnostics[0] if self.diagnostics else None
        super().__init__(str(first) if first else "invalid scenario")

    def format(self, with_source: bool = True) -> str:
        return "\n".join(d.format(with_source) for d in self.diagnostics)


class ConditionError(PartenairesError):
    """A condition is wrong; `col` counts from 1 inside the condition text."""

    def __init__(self, message: str, col: int, text: str = "") -> None:
        self.message = message
        self.col = col
        self.text = text
        super().__init__(f"column {col}: {message}")


class SessionError(PartenairesError):
    """A client asked the engine for something the current state does not allow."""


class RecordError(PartenairesError):
    """A session log is unreadable, or was played on another version of its scenario."""
