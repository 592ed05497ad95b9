"""Translating a scenario outside the YAML: its texts out to a PO file, and the translations back in.

PO is the format translators' tools read (Poedit, Weblate, Lokalize); Babel writes and reads it. Each
text of the scenario is one message: `msgctxt` is its place in the file (`scenes.3.text`), `msgid` the
text in the source language, `msgstr` the translation (empty until translated; filled if the scenario
already has one). Bringing the translations back edits the file where each text is, so the comments and
the layout stay as they were: an existing translation that is a one-line scalar is replaced, a missing
one is added next to its source text (`, en: "…"` in a `{fr: …}` mapping, a new `en:` line in a
block); a text written once (a plain string) becomes a `{fr: …, en: …}` pair. A text this cannot place
(a multi-line block scalar) is listed, to be pasted by hand.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.errors import PartenairesError
from game.safeio import write_atomic
from game.scenario.loading import Book, load
from game.scenario.model import Tr
from game.scenario.source import Path_, Source

__all__ = ["export_po", "import_po", "Imported"]


def _babel() -> Any:
    try:
        from babel.messages import catalog, pofile
    except ImportError:  # an optional dependency: say how to get it
        raise PartenairesError(
            "translation through PO files needs Babel — install it with `pip install 'partenaires[po]'`"
        ) from None
    return catalog, pofile


def _texts(book: Book) -> Iterable[tuple[Path_, str | Tr]]:
    """(path, text) of every translatable text of the scenario, in file order."""

    def walk(value: object, path: Path_, text_field: bool) -> Iterable[tuple[Path_, str | Tr]]:
        if isinstance(value, Tr) or (text_field and isinstance(value, str) and value.strip()):
            yield path, value
            return
        if isinstance(value, BaseModel):
            for name, info in type(value).model_fields.items():  # type: ignore[attr-defined]
                yield from walk(getattr(value, name), path + (name,), Tr in _args(info.annotation))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, path + (index,), text_field)

    yield from walk(book.model, (), False)


def _args(annotation: Any) -> tuple[Any, ...]:
    import typing

    return typing.get_args(annotation)


def _context(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def export_po(scenario: str | Path, target: str | Path, lang: str, source_lang: str = "fr") -> int:
    """Write the scenario's texts to a PO file for `lang`; returns how many texts."""
    catalog, pofile = _babel()
    book = load(scenario)
    cat = catalog.Catalog(locale=lang, project=book.model.id, version=book.model.version)
    count = 0
    for path, text in _texts(book):
        original = text if isinstance(text, str) else getattr(text, source_lang)
        if not original:
            continue
        done = "" if isinstance(text, str) else (getattr(text, lang) or "")
        cat.add(original, done, context=_context(path), locations=[(str(book.path), _line(book.source, path))])
        count += 1
    buffer = io.BytesIO()
    pofile.write_po(buffer, cat, width=0)
    write_atomic(Path(target), buffer.getvalue().decode("utf-8"))
    return count


def _line(source: Source, path: Path_) -> int:
    return source.location(path).line


@dataclass
class Imported:
    written: int = 0
    unplaced: list[str] = field(default_factory=list)


def import_po(scenario: str | Path, po: str | Path, lang: str, source_lang: str = "fr") -> Imported:
    """Bring a PO file's translations into the scenario, editing the file in place; the result is checked."""
    _, pofile = _babel()
    book = load(scenario)
    with open(po, "rb") as handle:
        cat = pofile.read_po(handle)
    wanted = {m.context: m.string for m in cat if m.id and m.context and m.string}
    lines = book.source.text.split("\n")
    result = Imported()
    edits: list[tuple[int, int, int, str]] = []  # (line index, start col, end col, replacement), applied from the end
    inserts: list[tuple[int, str]] = []  # (after line index, new line)
    for path, text in _texts(book):
        translated = wanted.get(_context(path))
        if translated is None:
            continue
        quoted = json.dumps(translated, ensure_ascii=False)
        placed = _place(book.source, lines, path, text, lang, source_lang, quoted, edits, inserts)
        if placed:
            result.written += 1
        else:
            result.unplaced.append(f"{_context(path)}: {translated}")
    for index, start, end, new in sorted(edits, reverse=True):
        lines[index] = lines[index][:start] + new + lines[index][end:]
    for index, new in sorted(inserts, reverse=True):
        lines.insert(index + 1, new)
    write_atomic(Path(scenario), "\n".join(lines))
    load(scenario)  # refuse to say "done" about a file that no longer loads
    return result


def _scalar_end(line: str, start: int, style: str, flow: bool) -> int | None:
    """Column (0-based, exclusive) where a one-line scalar starting at `start` ends; None if it goes on."""
    if style == '"':
        index = start + 1
        while index < len(line):
            if line[index] == "\\":
                index += 2
                continue
            if line[index] == '"':
                return index + 1
            index += 1
        return None
    if style == "'":
        index = start + 1
        while index < len(line):
            if line[index] == "'":
                if line[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                return index + 1
            index += 1
        return None
    if style in ("|", ">"):
        return None
    end = len(line)
    comment = line.find(" #", start)
    if comment >= 0:
        end = comment
    if flow:
        for stop in (",", "}"):
            at = line.find(stop, start)
            if 0 <= at < end:
                end = at
    return len(line[:end].rstrip())


def _place(
    source: Source,
    lines: list[str],
    path: Path_,
    text: str | Tr,
    lang: str,
    source_lang: str,
    quoted: str,
    edits: list[tuple[int, int, int, str]],
    inserts: list[tuple[int, str]],
) -> bool:
    if isinstance(text, str):  # a text written once: it becomes a pair
        if path not in source.values:
            return False
        line, col, style = source.values[path]
        end = _scalar_end(lines[line - 1], col - 1, style, flow=_in_flow(lines[line - 1], col - 1))
        if end is None:
            return False
        original = lines[line - 1][col - 1 : end]
        edits.append((line - 1, col - 1, end, f"{{{source_lang}: {original}, {lang}: {quoted}}}"))
        return True
    there = path + (lang,)
    if there in source.values:
        line, col, style = source.values[there]
        end = _scalar_end(lines[line - 1], col - 1, style, flow=_in_flow(lines[line - 1], col - 1))
        if end is None:
            return False
        edits.append((line - 1, col - 1, end, quoted))
        return True
    origin = path + (source_lang,)
    if origin not in source.values or origin not in source.keys:
        return False
    line, col, style = source.values[origin]
    key_line, key_col = source.keys[origin]
    flow = _in_flow(lines[line - 1], col - 1)
    end = _scalar_end(lines[line - 1], col - 1, style, flow)
    if end is None:
        return False
    if flow:
        edits.append((line - 1, end, end, f", {lang}: {quoted}"))
    else:
        inserts.append((line - 1, " " * (key_col - 1) + f"{lang}: {quoted}"))
    return True


def _in_flow(line: str, col: int) -> bool:
    """Whether a value sits inside a `{…}` on its line (a flow mapping)."""
    before = line[:col]
    return before.count("{") > before.count("}")
