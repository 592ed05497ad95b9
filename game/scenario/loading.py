"""From a scenario file to a checked, ready-to-play `Book`.

The pipeline is parse (YAML with locations) → validate (the model) → check
(references, conditions, reachability). Each stage collects every problem it
can find before giving up, so a trainer sees all their mistakes at once.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from game.errors import Diagnostic, ScenarioError
from game.scenario.checks import Checker
from game.scenario.conditions import Condition
from game.scenario.model import Scenario
from game.scenario.source import Path_, Source, parse_source, paused_gc, read_raw
from game.scenario.validation import translate

__all__ = ["Book", "load", "load_text", "check", "clear_cache"]


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
    book = Book(
        model,
        source,
        path,
        hashlib.sha256(raw).hexdigest(),
        checker.conditions,
        [d for d in found if d.severity != "error"],
    )
    return book, found


@dataclass
class _Parsed:
    """What depends only on a file's bytes (parsed and validated), with its checks per state of its folder."""

    source: Source | None
    model: Scenario | None
    found: list[Diagnostic]
    checked: dict[tuple[object, ...], tuple[Book | None, list[Diagnostic]]] = field(default_factory=dict)
    size: int = 0


_CACHE: OrderedDict[tuple[str, str], _Parsed] = OrderedDict()
CACHE_BYTES = 16 * 1024 * 1024
ASSET_KEYS = frozenset({"portrait", "image", "picture", "icon", "background", "sound", "music"})


def clear_cache() -> None:
    """Forget every scenario read so far (benchmarks measure a cold load with it)."""
    _CACHE.clear()


def _parsed(file: Path, raw: bytes) -> _Parsed:
    """Parse and validate once per content: a class debrief replays 200 sessions of the same scenario."""
    key = (str(file), hashlib.sha256(raw).hexdigest())
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    try:
        source = parse_source(raw, str(file))
    except ScenarioError as exc:
        entry = _Parsed(None, None, exc.diagnostics, size=len(raw))
    else:
        try:
            entry = _Parsed(source, Scenario.model_validate(source.data), [], size=len(raw))
        except ValidationError as exc:
            entry = _Parsed(source, None, translate(exc, source, Scenario), size=len(raw))
    _CACHE[key] = entry
    while len(_CACHE) > 1 and sum(e.size for e in _CACHE.values()) > CACHE_BYTES:
        _CACHE.popitem(last=False)
    return entry


def _folder_state(data: object, folder: Path) -> tuple[object, ...]:
    """Where each asset path of the file leads now: the checks depend on it, not only on the bytes."""
    found: list[object] = []

    def walk(value: object, key: object) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in ASSET_KEYS:
            target = os.path.realpath(folder / value) if "\0" not in value else ""
            found.append((value, target, os.path.exists(target) if target else False))

    walk(data, None)
    return tuple(found)


def check(path: str | Path) -> tuple[Book | None, list[Diagnostic]]:
    """Every finding (errors and warnings) for a file; the Book when there is no error."""
    file = Path(path)
    try:
        raw = read_raw(file)
    except ScenarioError as exc:
        return None, exc.diagnostics
    with paused_gc():
        entry = _parsed(file, raw)
    if entry.source is None or entry.model is None:
        return None, sorted(entry.found, key=lambda d: d.location)
    state = _folder_state(entry.source.data, file.parent)
    if state not in entry.checked:
        checker = Checker(entry.model, entry.source, file.parent)
        with paused_gc():
            found = checker.run()
        made = Book(
            entry.model,
            entry.source,
            file,
            hashlib.sha256(entry.source.text.encode("utf-8")).hexdigest(),
            checker.conditions,
            [d for d in found if d.severity != "error"],
        )
        errors = [d for d in found if d.severity == "error"]
        entry.checked[state] = ((None if errors else made), sorted(found, key=lambda d: d.location))
    checked, found = entry.checked[state]
    return checked, list(found)


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
