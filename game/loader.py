"""From a scenario file to a checked, ready-to-play `Book`.

The pipeline is parse (YAML with locations) → validate (the model) → check
(references, conditions, reachability). Each stage collects every problem it
can find before giving up, so a trainer sees all their mistakes at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .checks import Checker
from .conditions import Condition
from .errors import Diagnostic, ScenarioError
from .model import Scenario
from .validation import translate
from .yamlsource import Path_, Source, parse_source, read_source

__all__ = ["Book", "load", "load_text", "check", "builtin_folder", "builtin_scenarios"]


@dataclass
class Book:
    """A validated scenario with its compiled conditions and where it came from."""

    model: Scenario
    source: Source
    path: Path | None
    digest: str
    conditions: dict[Path_, Condition]
    warnings: list[Diagnostic] = field(default_factory=list)

    def cond(self, *path: str | int) -> Condition | None:
        return self.conditions.get(tuple(path))

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None


def _build(source: Source, raw: bytes, path: Path | None) -> tuple[Book | None, list[Diagnostic]]:
    try:
        model = Scenario.model_validate(source.data)
    except ValidationError as exc:
        return None, translate(exc, source, Scenario)
    checker = Checker(model, source, path.parent if path else None)
    found = checker.run()
    book = Book(model, source, path, hashlib.sha256(raw).hexdigest(), checker.conditions,
                [d for d in found if d.severity != "error"])
    return book, found


def check(path: str | Path) -> tuple[Book | None, list[Diagnostic]]:
    """Every finding (errors and warnings) for a file; the Book when there is no error."""
    file = Path(path)
    try:
        source = read_source(file)
    except ScenarioError as exc:
        return None, exc.diagnostics
    raw = source.text.encode("utf-8")
    book, found = _build(source, raw, file)
    errors = [d for d in found if d.severity == "error"]
    return (None if errors else book), sorted(found, key=lambda d: d.location)


def load(path: str | Path) -> Book:
    """Load a scenario to play it; raises ScenarioError listing every error."""
    book, found = check(path)
    if book is None:
        raise ScenarioError([d for d in found if d.severity == "error"])
    return book


def load_text(text: str, name: str = "<scenario>") -> Book:
    """Load a scenario held in memory (tests, tools, generated scenarios)."""
    source = parse_source(text, name)
    book, found = _build(source, text.encode("utf-8"), None)
    errors = [d for d in found if d.severity == "error"]
    if book is None or errors:
        raise ScenarioError(errors)
    return book


def builtin_folder() -> Path:
    """The scenarios shipped with the game."""
    return Path(__file__).resolve().parent.parent / "scenarios"


_ORDER = ("tutoriel", "chalon-chantier-insertion", "cucm-plie", "demo")


def builtin_scenarios() -> list[Path]:
    """The shipped scenarios, the tutorial first, then the two cases of the paper."""
    def rank(path: Path) -> tuple[int, str]:
        return (_ORDER.index(path.stem) if path.stem in _ORDER else len(_ORDER), path.stem)
    return sorted(builtin_folder().glob("*.yaml"), key=rank)
