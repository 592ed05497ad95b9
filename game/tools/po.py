"""Translating a scenario outside the YAML: its texts out to a PO file, and the translations back in.

PO is the format translators' tools read (Poedit, Weblate, Lokalize); Babel writes and reads it. Each
text of the scenario is one message: `msgctxt` is its place in the file (`scenes.3.text`), `msgid` the
text in the source language, `msgstr` the translation (empty until translated; filled if the scenario
already has one). Bringing the translations back edits the file where each text is, so the comments and
the layout stay as they were: an existing translation that is a one-line scalar is replaced, a missing
one is added next to its source text (`, en: "…"` in a `{fr: …}` mapping, a new `en:` line in a
block); a text written once (a plain string) becomes a `{fr: …, en: …}` pair. A multi-line block
scalar (`|` or `>`) gets its translation as a block of the same kind, wrapped like the tutorial's
texts, below it (`en: >-` and its lines); one written once becomes a block mapping with both. A block
is written only when YAML reads it back as the very translation; else the translation is one quoted
line. The rare text this cannot place (a block with an explicit indentation digit, `|2`; a quoted text
running over several lines) is listed, to be pasted by hand.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from game.errors import PartenairesError
from game.safeio import write_atomic
from game.scenario.loading import Book, load
from game.scenario.model import Tr
from game.scenario.source import Path_, Source

__all__ = ["export_po", "import_po", "Imported", "Unplaced"]


def _babel() -> Any:
    try:
        from babel.messages import catalog, pofile
    except ImportError:  # an optional dependency: say how to get it
        raise PartenairesError.said("cli.po.babel") from None
    return catalog, pofile


def _texts(book: Book) -> Iterable[tuple[Path_, str | Tr]]:
    """(path, text) of every translatable text of the scenario, in file order."""

    def walk(value: object, path: Path_, text_field: bool) -> Iterable[tuple[Path_, str | Tr]]:
        if isinstance(value, Tr) or (text_field and isinstance(value, str) and value.strip()):
            yield path, value
            return
        if isinstance(value, BaseModel):
            for name, info in type(value).model_fields.items():  # type: ignore[attr-defined]
                yield from walk(getattr(value, name), path + (name,), _holds_text(info.annotation))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, path + (index,), text_field)

    yield from walk(book.model, (), False)


def _holds_text(annotation: Any) -> bool:
    """A translatable text field (`str | Tr`), or a list of them (an ending's questions)."""
    import typing

    args = typing.get_args(annotation)
    return Tr in args or any(Tr in typing.get_args(arg) for arg in args)


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


@dataclass(frozen=True)
class Unplaced:
    """A translation the import could not write: where it goes (`scenes.3.text`) and the text to paste."""

    place: str
    text: str
    default: bool = False  # the source text is a default of the format, not written in the file


@dataclass
class Imported:
    written: int = 0
    unplaced: list[Unplaced] = field(default_factory=list)
    declared: bool = False  # the language was added to `languages:`, so `check` watches for missing texts


def import_po(scenario: str | Path, po: str | Path, lang: str, source_lang: str = "fr") -> Imported:
    """Bring a PO file's translations into the scenario, editing the file in place; the result is checked."""
    _, pofile = _babel()
    book = load(scenario)
    with open(po, "rb") as handle:
        cat = pofile.read_po(handle)
    wanted = {m.context: m.string for m in cat if m.id and m.context and m.string}
    lines = book.source.text.split("\n")
    result = Imported()
    edits = _Edits()
    for path, text in _texts(book):
        translated = wanted.get(_context(path))
        if translated is None or (isinstance(text, Tr) and getattr(text, lang) == translated):
            continue  # untranslated, or already so (a default such as the clock's unit is not in the file)
        if _place(book.source, lines, path, text, lang, source_lang, translated, edits):
            result.written += 1
        elif path not in book.source.values and path + (source_lang,) not in book.source.values:
            result.unplaced.append(Unplaced(_context(path), translated, default=True))
        else:
            result.unplaced.append(Unplaced(_context(path), translated))
    if result.written and lang not in book.model.languages:
        result.declared = _declare(book.source, lines, len(book.model.languages), lang, edits)
    edits.apply(lines)
    original = Path(scenario).read_bytes()
    write_atomic(Path(scenario), "\n".join(lines))
    try:
        load(scenario)  # refuse to say "done" about a file that no longer loads
    except PartenairesError:
        Path(scenario).write_bytes(original)  # and never leave it broken: it goes back as it was
        raise
    return result


def _declare(source: Source, lines: list[str], count: int, lang: str, edits: _Edits) -> bool:
    """`languages: [fr]` becomes `[fr, en]` (or a `- en` line in a block list): the file now has both."""
    last = ("languages", count - 1)
    if last not in source.values:
        return False
    line, col, style = source.values[last]
    flow = _in_flow(lines[line - 1], col - 1)
    end = _scalar_end(lines[line - 1], col - 1, style, flow)
    if end is None:
        return False
    if flow:
        edits.inline.append((line - 1, end, end, f", {lang}"))
    else:
        edits.insert(line - 1, [lines[line - 1][: col - 1] + lang])
    return True


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
        for stop in (",", "}", "]"):
            at = line.find(stop, start)
            if 0 <= at < end:
                end = at
    return len(line[:end].rstrip())


@dataclass
class _Edits:
    """Changes to the file's lines, gathered first and applied from the end so that indexes stay true."""

    inline: list[tuple[int, int, int, str]] = field(default_factory=list)  # (line, start col, end col, new text)
    spans: list[tuple[int, int, list[str]]] = field(default_factory=list)  # lines first..last become these

    def insert(self, after: int, new: list[str]) -> None:
        self.spans.append((after + 1, after, new))

    def apply(self, lines: list[str]) -> None:
        for index, start, end, new in sorted(self.inline, reverse=True):
            lines[index] = lines[index][:start] + new + lines[index][end:]
        # from the end; at one index, a replaced block before a line inserted above it
        for first, last, block in sorted(self.spans, key=lambda s: (s[0], s[1] >= s[0]), reverse=True):
            lines[first : last + 1] = block


def _place(
    source: Source,
    lines: list[str],
    path: Path_,
    text: str | Tr,
    lang: str,
    source_lang: str,
    translated: str,
    edits: _Edits,
) -> bool:
    quoted = json.dumps(translated, ensure_ascii=False)
    if isinstance(text, str):  # a text written once: it becomes a pair
        if path not in source.values:
            return False
        line, col, style = source.values[path]
        if style in ("|", ">"):
            return _pair_from_block(source, lines, path, lang, source_lang, translated, edits)
        end = _scalar_end(lines[line - 1], col - 1, style, flow=_in_flow(lines[line - 1], col - 1))
        if end is None:
            return False
        original = lines[line - 1][col - 1 : end]
        edits.inline.append((line - 1, col - 1, end, f"{{{source_lang}: {original}, {lang}: {quoted}}}"))
        return True
    there = path + (lang,)
    if there in source.values:
        line, col, style = source.values[there]
        if style in ("|", ">"):  # a translation already written as a block: the new one replaces it
            return _replace_block(source, lines, there, translated, edits)
        end = _scalar_end(lines[line - 1], col - 1, style, flow=_in_flow(lines[line - 1], col - 1))
        if end is None:
            return False
        edits.inline.append((line - 1, col - 1, end, quoted))
        return True
    origin = path + (source_lang,)
    if origin not in source.values or origin not in source.keys:
        return False
    line, col, style = source.values[origin]
    key_line, key_col = source.keys[origin]
    if style in ("|", ">"):
        return _block_below(source, lines, origin, lang, translated, edits)
    flow = _in_flow(lines[line - 1], col - 1)
    end = _scalar_end(lines[line - 1], col - 1, style, flow)
    if end is None:
        return False
    if flow:
        edits.inline.append((line - 1, end, end, f", {lang}: {quoted}"))
    else:
        edits.insert(line - 1, [" " * (key_col - 1) + f"{lang}: {quoted}"])
    return True


# -- block scalars (`|`, `>`): a text over several lines ---------------------------------------------------

_HEADER = re.compile(r"[|>](?P<chomp>[+-]?)(?P<digit>[1-9]?)[+-]?(?:\s+#.*)?\s*$")
WIDTH = 106  # the tutorial's folded texts end near this column


@dataclass
class _Block:
    """A block scalar as written: its header line, the column its key (or dash) sits at, its content."""

    header: int  # line index of `key: |`
    col: int  # 0-based column of the `|` or `>`
    parent: int  # the column the content must be indented past: its key's, or its list dash's
    indent: int  # the content's indentation (parent + 2 when the block is empty)
    last: int  # line index of the last non-blank content line (the header's when there is none)


def _block_at(source: Source, lines: list[str], path: Path_) -> _Block | None:
    """Where the block scalar at `path` is; None for one whose indentation is given by a digit (`|2`)."""
    line, col, _ = source.values[path]
    header = line - 1
    found = _HEADER.match(lines[header], col - 1)
    if found is None or found.group("digit"):
        return None
    if path in source.keys:
        key_line, key_col = source.keys[path]
        if key_line != line:
            return None
        parent = key_col - 1
    else:  # an item of a list, `- |`
        before = lines[header][: col - 1].rstrip()
        if not before.endswith("-"):
            return None
        parent = len(before) - 1
    indent, last = None, header
    for index in range(header + 1, len(lines)):
        text = lines[index]
        if not text.strip():
            continue
        width = len(text) - len(text.lstrip(" "))
        if indent is None:
            if width <= parent:
                break
            indent = width
        if width < indent:
            break
        last = index
    return _Block(header, col - 1, parent, indent if indent is not None else parent + 2, last)


def _reindent(lines: list[str], block: _Block, indent: int) -> list[str]:
    """The block's content lines moved to `indent`; blank lines stay blank."""
    return [
        (" " * indent + text[block.indent :]) if text.strip() else ""
        for text in lines[block.header + 1 : block.last + 1]
    ]


def _written(text: str, folded: bool, indent: int) -> tuple[str, list[str]] | None:
    """The header (`>-`, `|`…) and content lines that YAML reads back as `text`; None when no block can.

    A folded text (`>`) is wrapped at spaces; each line break of the text is an empty line, as the tutorial
    writes it. A text whose lines start with spaces, or that ends with several line breaks, is not tried.
    """
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    if not body or trailing > 1 or body.lstrip("\n")[:1] in (" ", "\t"):
        return None
    chomp = "-" if trailing == 0 else ""
    tries: list[tuple[str, list[str]]] = []
    if folded and not any(part[:1] in (" ", "\t") for part in body.split("\n")):
        content: list[str] = []
        for part in re.split(r"(\n+)", body):
            if part.startswith("\n"):
                content.extend([""] * len(part))
            elif part:
                content.extend(_wrap(part, max(40, WIDTH - indent)))
        tries.append((">" + chomp, content))
    tries.append(("|" + chomp, body.split("\n")))
    for header, content in tries:
        written = [(" " * indent + part) if part else "" for part in content]
        try:
            back = yaml.safe_load(f"k: {header}\n" + "\n".join(written) + "\n")
        except yaml.YAMLError:
            continue
        if isinstance(back, dict) and back.get("k") == text:
            return header, written
    return None


def _wrap(line: str, width: int) -> list[str]:
    """A line cut at single spaces into lines of at most `width` characters (a longer word stays whole)."""
    words = re.split(r"(?<=\S) (?=\S)", line)
    out = [words[0]]
    for word in words[1:]:
        if len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _block_below(source: Source, lines: list[str], origin: Path_, lang: str, translated: str, edits: _Edits) -> bool:
    """`fr: >-` and its lines: the translation goes below, `en: >-` at the same column, same indentation."""
    block = _block_at(source, lines, origin)
    if block is None:
        return False
    style = lines[block.header][block.col]
    written = _written(translated, style == ">", block.indent)
    head = " " * block.parent + f"{lang}: "
    if written is None:
        edits.insert(block.last, [head + json.dumps(translated, ensure_ascii=False)])
    else:
        edits.insert(block.last, [head + written[0], *written[1]])
    return True


def _replace_block(source: Source, lines: list[str], there: Path_, translated: str, edits: _Edits) -> bool:
    """An `en: |` already there: its header and lines give way to the new translation, in its style."""
    block = _block_at(source, lines, there)
    if block is None:
        return False
    style = lines[block.header][block.col]
    written = _written(translated, style == ">", block.indent)
    before = lines[block.header][: block.col]
    if written is None:
        new = [before + json.dumps(translated, ensure_ascii=False)]
    else:
        new = [before + written[0], *written[1]]
    edits.spans.append((block.header, block.last, new))
    return True


def _pair_from_block(
    source: Source, lines: list[str], path: Path_, lang: str, source_lang: str, translated: str, edits: _Edits
) -> bool:
    """`text: |` written once becomes a block mapping: `fr:` with the lines as they were, then `en:`.

    Under a key the pair goes on the next lines, one step in (the step the block used); in a list, the
    pair starts after the dash (`- fr: |`). The source lines move right so that they stay inside `fr:`.
    """
    block = _block_at(source, lines, path)
    if block is None:
        return False
    header_text = lines[block.header][block.col :]
    step = max(2, block.indent - block.parent)
    if path in source.keys:
        column = block.parent + step
        first = [lines[block.header][: block.col].rstrip(), " " * column + f"{source_lang}: " + header_text]
    else:
        column = block.col
        first = [lines[block.header][: block.col] + f"{source_lang}: " + header_text]
    content = column + step
    written = _written(translated, header_text.startswith(">"), content)
    head = " " * column + f"{lang}: "
    if written is None:
        tail = [head + json.dumps(translated, ensure_ascii=False)]
    else:
        tail = [head + written[0], *written[1]]
    edits.spans.append((block.header, block.last, first + _reindent(lines, block, content) + tail))
    return True


def _in_flow(line: str, col: int) -> bool:
    """Whether a value sits inside a `{…}` or `[…]` on its line (a flow mapping or list)."""
    before = line[:col]
    return before.count("{") + before.count("[") > before.count("}") + before.count("]")
