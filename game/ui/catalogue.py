"""The scenarios a trainee can pick: the built-in ones and those of `--scenarios DIR`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.errors import Diagnostic
from game.scenario.catalogue import builtin_scenarios
from game.scenario.loading import Book, check
from game.scenario.model import tr

__all__ = ["Entry", "catalogue", "inspect"]


@dataclass
class Entry:
    """One scenario file, checked: a Book to play, or the located errors that refuse it."""

    path: Path
    book: Book | None
    errors: list[Diagnostic] = field(default_factory=list)
    builtin: bool = False

    @property
    def ok(self) -> bool:
        return self.book is not None

    def title(self, lang: str) -> str:
        return tr(self.book.model.title, lang) if self.book else self.path.name

    def summary(self, lang: str) -> str:
        return tr(self.book.model.summary, lang) if self.book else ""


def inspect(path: Path, builtin: bool = False) -> Entry:
    book, found = check(path)
    return Entry(path, book, [d for d in found if d.severity == "error"], builtin)


def catalogue(extra: Path | None = None) -> list[Entry]:
    """Built-in scenarios first, then the files of the extra folder (or the extra file itself)."""
    entries = [inspect(p, builtin=True) for p in builtin_scenarios()]
    if extra is not None:
        files = sorted(extra.glob("*.yaml")) + sorted(extra.glob("*.yml")) if extra.is_dir() else [extra]
        known = {e.path.resolve() for e in entries}
        entries += [inspect(p) for p in files if p.resolve() not in known]
    return entries
