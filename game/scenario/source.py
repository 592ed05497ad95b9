"""Read a YAML scenario safely and remember where every value came from.

Only libyaml's event stream and the safe resolver are used (any Python or
custom tag is refused), aliases are shared and their expanded size counted (an
"alias bomb" is refused at the alias that overflows), nesting is bounded
exactly while parsing without recursion, and every key and value keeps its line
and column so that later checks can point a trainer at the exact place of a
mistake.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.errors import Diagnostic, Location, ScenarioError
from game.safeio import FileRefused, read_limited

__all__ = ["Source", "read_source", "read_raw", "parse_source", "paused_gc", "MAX_BYTES", "MAX_INT"]

MAX_BYTES = 8 * 1024 * 1024
MAX_NODES = 250_000  # a 4,000-scene scenario holds about 240,000 values
MAX_DEPTH = 64
MAX_NUMBER_CHARS = 64
MAX_INT = 10**15  # larger integers are refused (E010): no scenario value comes near, and printing stays cheap
MAX_QUOTED = 240  # characters of a source line quoted under a diagnostic

Path_ = tuple[str | int, ...]

try:  # the C composer is much faster on large scenarios; the pure one is the fallback
    _Loader: type = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass
class Source:
    """A parsed scenario file: plain data plus where each path of it was written."""

    file: str
    text: str
    data: Any
    values: dict[Path_, tuple[int, int, str]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    _lines: list[str] | None = field(default=None, repr=False, compare=False)

    def lines(self) -> list[str]:
        if self._lines is None:  # cached: a hostile file can yield thousands of diagnostics
            self._lines = self.text.splitlines()
        return self._lines

    def location(self, path: Path_, key: bool = False) -> Location:
        """Where a path was written; falls back to the nearest enclosing value."""
        if key and path in self.keys:
            line, col = self.keys[path]
            return Location(self.file, line, col)
        probe = tuple(path)
        while True:
            if probe in self.values:
                line, col, _ = self.values[probe]
                return Location(self.file, line, col)
            if not probe:
                return Location(self.file, 1, 1)
            probe = probe[:-1]

    def text_start(self, path: Path_) -> Location:
        """Where the text of a scalar starts (after its quote), to place a column inside it."""
        if path not in self.values:
            return self.location(path)
        line, col, style = self.values[path]
        if style in ("'", '"'):
            col += 1
        elif style in ("|", ">"):
            line += 1
            source = self.lines()
            if line - 1 < len(source):
                raw = source[line - 1]
                col = len(raw) - len(raw.lstrip()) + 1
        return Location(self.file, line, col)

    def line_text(self, line: int) -> str:
        """The source line to quote under a diagnostic, cut when absurdly long."""
        source = self.lines()
        text = source[line - 1] if 0 < line <= len(source) else ""
        return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + " …"

    def diagnostic(
        self, path: Path_, message: str, code: str, *, key: bool = False, hint: str = "", severity: str = "error"
    ) -> Diagnostic:
        where = self.location(path, key=key)
        return Diagnostic(where, message, code, severity, hint, self.line_text(where.line))


def _fail(file: str, message: str, code: str, line: int = 1, col: int = 1, source: str = "") -> ScenarioError:
    return ScenarioError([Diagnostic(Location(file, line, col), message, code, source_line=source)])


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic data.

    Reading a scenario allocates hundreds of thousands of small objects that all stay alive; each
    automatic collection walks all of them again, which made a 2,000-scene file quadratic to load.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def read_raw(path: str | Path) -> bytes:
    """The bytes of a scenario file, refused (ScenarioError) when unreadable, too large or not a regular file."""
    name = str(path)
    try:
        return read_limited(path, MAX_BYTES)
    except FileRefused as exc:
        raise _fail(name, f"{exc.strerror}", "E001") from None
    except OSError as exc:
        raise _fail(name, f"cannot read the file — {exc.strerror or exc}", "E001", 0, 0) from None


def read_source(path: str | Path) -> Source:
    """Read and parse a file; a file that is not a readable scenario raises ScenarioError."""
    return parse_source(read_raw(path), str(path))


def _decode(raw: bytes, file: str) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (
        len(raw) > 3 and (raw[1:4:2] == b"\x00\x00" or raw[0:3:2] == b"\x00\x00")
    ):
        raise _fail(file, 'the file is saved as UTF-16 ("Unicode") — expected UTF-8 text', "E002")
    if b"\x00" in raw[:8192]:
        raise _fail(file, "this is not a text file (it contains NUL bytes) — expected a YAML scenario", "E002")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(
            file, f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}) — save it as UTF-8 text", "E002", line, col
        ) from None
    return text.removeprefix("\ufeff")


def parse_source(raw: bytes | str, file: str = "<scenario>") -> Source:
    """Parse YAML text into a Source; every failure is a one-line located ScenarioError."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise _fail(file, f"file too large — expected at most {MAX_BYTES // 1_048_576} MB", "E001")
        text = _decode(raw, file)
    else:
        text = raw
    if not text.strip():
        raise _fail(file, "the file is empty — expected a scenario (a mapping with `id`, `title`, …)", "E004")
    source = Source(file, text, None)
    builder = _Builder(source)
    try:
        with paused_gc():
            found, root_mark = builder.run(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        line, col = _within(text, line, col)
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # newer libyaml refuses deep nesting itself: same finding as ours
            raise _fail(
                file,
                f"nesting too deep — expected at most {MAX_DEPTH} levels",
                "E003",
                line,
                col,
                source.line_text(line),
            ) from None
        message, line, col = _explain_layout(source, problem, line, col)
        raise _fail(file, message, "E005", line, col, source.line_text(line)) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise _fail(file, f"YAML could not be read — {str(exc).splitlines()[0][:120]}", "E005") from None
    if not found:
        raise _fail(file, "the file holds no data — expected a scenario mapping", "E004")
    source.data = builder.root
    if not isinstance(source.data, dict):  # the one problem worth telling, whatever else is wrong
        kind = "a list" if isinstance(source.data, list) else f"a {type(source.data).__name__}"
        raise _fail(
            file,
            f"the top level must be a mapping (`id: …`, `title: …`) — expected a mapping, got {kind}",
            "E004",
            *root_mark,
        )
    if builder.errors:
        raise ScenarioError(builder.errors)
    return source


def _explain_layout(source: Source, problem: str, line: int, col: int) -> tuple[str, int, int]:
    """A YAML layout error said for people, at the place to fix: (message, line, col).

    PyYAML reports where it gave up, which is often lines after the slip: an unclosed quote swallows the
    lines below it; a text with « : » looks like a key; a line indented one space too far looks like a text.
    """
    opened = _unclosed_quote(source, line)
    if opened is not None and opened[0] == line:  # which of the line's quotes is the odd one, only the author knows
        return f"YAML syntax error: {problem} — a quote on this line is never closed", line, col
    if opened is not None:
        at_line, at_col = opened
        return (
            f'a quote opened here is never closed (YAML gave up at line {line}) — expected a closing `"`',
            at_line,
            at_col,
        )
    text = source.line_text(line)
    if "mapping values are not allowed" in problem:
        before = text[: col - 1]
        stripped = before.lstrip(" -")
        if ": " in stripped or stripped.endswith(":"):
            return (
                f"YAML syntax error: {problem} — the text holds « : », which YAML reads as a new key",
                line,
                col,
            )
        indent = len(text) - len(text.lstrip(" "))
        block = _previous_indent(source, line)
        return (
            f"YAML syntax error: this line is indented by {indent} spaces, its block's keys by {block} "
            f"(line {line - 1}) — expected the same column as the keys of its block",
            line,
            indent + 1,
        )
    if "found character '\\t'" in problem or "tab character" in problem:
        return f"YAML syntax error: {problem} — a tab character, where YAML needs spaces", line, col
    return f"YAML syntax error: {problem}", line, col


def _previous_indent(source: Source, line: int) -> int:
    for number in range(line - 1, 0, -1):
        text = source.line_text(number)
        if text.strip() and not text.lstrip().startswith("#"):
            return len(text) - len(text.lstrip(" -"))
    return 0


def _unclosed_quote(source: Source, line: int) -> tuple[int, int] | None:
    """(line, col) of a double quote opened on a line and never closed on it, up to `line`; None if none."""
    for number in range(1, line + 1):
        text = source.line_text(number)
        inside, opened_at, single = False, 0, False
        for index, ch in enumerate(text):
            if ch == "#" and not inside and not single and (index == 0 or text[index - 1] == " "):
                break
            if ch == "'" and not inside and (single or index == 0 or text[index - 1] in " {[,:"):
                single = not single
            elif ch == '"' and not single and (index == 0 or text[index - 1] != "\\"):
                inside, opened_at = not inside, index + 1
        if inside:
            return number, opened_at
    return None


_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
# PyYAML's stubs make an event's marks optional and its events one union; the parser always sets them.
Mark = Any

_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"


@dataclass
class _Frame:
    """A mapping or list being read; `size` and `depth` count what it holds once aliases are expanded."""

    data: Any
    path: Path_ | None  # None: the value of a refused key, read but not kept
    anchor: str | None
    size: int = 1
    depth: int = 0
    key: Any = None  # in a mapping: the key waiting for its value (None: expecting a key)
    key_mark: tuple[int, int] = (0, 0)
    key_ok: bool = True
    merged: dict[str, Any] | None = None
    mark: Any = None
    dash: bool = False  # a forgotten `- ` was reported here: the keys that follow are that item's, not repeats


_NO_KEY = object()


class _Builder:
    """Reads the YAML event stream into plain data without recursion, recording where each value was.

    libyaml's parser keeps its own stack on the heap, so driving it event by event (instead of
    `yaml.compose`, whose C composer recurses and crashes the interpreter on very deep input) lets us
    stop at the first level too deep. Aliases are never expanded: an anchored value is shared, and
    its expanded size and depth are counted, so an alias bomb is refused as soon as it is written.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.count = 0
        self.errors: list[Diagnostic] = []
        self.resolver = yaml.SafeLoader("")
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # name → (data, expanded size, depth)
        self.stack: list[_Frame] = []
        self.root: Any = None

    def fail(self, mark: Mark, message: str, code: str) -> ScenarioError:
        return _fail(
            self.source.file, message, code, mark.line + 1, mark.column + 1, self.source.line_text(mark.line + 1)
        )

    def note(self, mark: Mark, message: str, code: str) -> None:
        where = Location(self.source.file, mark.line + 1, mark.column + 1)
        self.errors.append(Diagnostic(where, message, code, source_line=self.source.line_text(where.line)))

    def run(self, text: str) -> tuple[bool, tuple[int, int]]:
        """Read every event; says whether a document was found and where its top value starts."""
        documents = 0
        root_mark = (1, 1)
        event: Any
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if not self.stack and self.root is None:
                    root_mark = (event.start_mark.line + 1, event.start_mark.column + 1)
                self.open(event, {} if kind is yaml.MappingStartEvent else [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.close(event)
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(
                        event.start_mark, "a second YAML document (`---`) — expected one scenario per file", "E005"
                    )
        return documents > 0 and self.root is not None, root_mark

    # -- where the next value goes -------------------------------------------------------------
    def slot(self) -> Path_ | None:
        """The data path of the value about to be read (None when it will be dropped)."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.path is None:
            return None
        if isinstance(frame.data, list):
            return frame.path + (len(frame.data),)
        if frame.key is None or not frame.key_ok or frame.key is _MERGE_KEY:
            return None
        return frame.path + (frame.key,)

    def record(self, path: Path_ | None, mark: Mark, style: str) -> None:
        if path is not None:
            self.source.values.setdefault(path, (mark.line + 1, mark.column + 1, style))

    def grow(self, size: int, depth: int, mark: Mark) -> None:
        self.count += size
        if self.count > MAX_NODES:
            if size > 1:
                raise self.fail(
                    mark,
                    f"too many values once `*aliases` are expanded (more than {MAX_NODES:,}) — "
                    "is this an alias bomb? expected each alias to stand for a small value",
                    "E006",
                )
            raise self.fail(
                mark, f"too many values (more than {MAX_NODES:,}) — expected a scenario of reasonable size", "E006"
            )
        if len(self.stack) + depth > MAX_DEPTH:
            raise self.fail(mark, f"nesting too deep — expected at most {MAX_DEPTH} levels", "E003")

    def put(self, value: Any, size: int, depth: int, mark: Mark, style: str = "") -> None:
        """Place a finished value in its parent (as a key or a value) or make it the root."""
        if not self.stack:
            self.root = None if value is _MERGE_KEY else value
            self.record((), mark, style)
            return
        frame = self.stack[-1]
        data = frame.data
        key = frame.key
        if key is None and type(data) is dict:
            self.take_key(frame, value, mark)
            return
        if value is _MERGE_KEY:
            value = "<<"
        frame.size += size
        if depth >= frame.depth:
            frame.depth = depth + 1
        if type(data) is list:
            if frame.path is not None:
                self.source.values.setdefault(frame.path + (len(data),), (mark.line + 1, mark.column + 1, style))
            data.append(value)
            return
        frame.key = None
        if key is _MERGE_KEY:
            self.merge(frame, value, mark)
        elif frame.key_ok:
            if frame.path is not None:
                self.source.values.setdefault(frame.path + (key,), (mark.line + 1, mark.column + 1, style))
            data[key] = value

    def take_key(self, frame: _Frame, key: Any, mark: Mark) -> None:
        frame.key_mark = (mark.line + 1, mark.column + 1)
        frame.key_ok = True
        if key is _MERGE_KEY:
            frame.key = _MERGE_KEY
            return
        if not isinstance(key, (str, int, float)) or isinstance(key, bool):
            got = "a mapping" if isinstance(key, dict) else "a list" if isinstance(key, list) else repr(key)
            self.note(mark, f"a key must be a name — expected text, got {got}", "E007")
            frame.key, frame.key_ok = _NO_KEY, False
            return
        key = str(key)
        frame.key = key
        if key in frame.data:
            path = frame.path or ()
            in_list = bool(path) and isinstance(path[-1], int)
            if frame.dash:
                pass  # the rest of an item whose `- ` was forgotten: already reported once
            elif in_list and key == next(iter(frame.data)):
                frame.dash = True
                self.note(
                    mark,
                    f"a list item needs `- ` — `{key}` starts a new item here (the previous one started at line "
                    f"{self.source.keys.get(path + (key,), (0, 0))[0]}); expected `- {key}: …`",
                    "E008",
                )
            else:
                self.note(
                    mark,
                    f"duplicate key `{key}` — expected each key once in a mapping (the later one would silently win)",
                    "E008",
                )
            frame.key_ok = False
            return
        if frame.path is not None:
            self.source.keys[frame.path + (key,)] = frame.key_mark

    def merge(self, frame: _Frame, value: Any, mark: Mark) -> None:
        """`<<: *base` — keys written in the mapping itself win over merged ones."""
        frame.merged = frame.merged or {}
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                for key, val in item.items():
                    frame.merged.setdefault(key, val)
            else:
                self.note(mark, "`<<` merges mappings — expected `*anchor` of a mapping", "E007")

    # -- events ----------------------------------------------------------------------------------
    def scalar(self, event: yaml.ScalarEvent) -> None:
        value = self.construct(event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, 0)
        self.grow(1, 0, event.start_mark)
        self.put(value, 1, 0, event.start_mark, event.style or "")

    def construct(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            if event.style or (value and value[0] not in _RESOLVED_FIRST):  # text, surely: no resolver applies
                return value
            tag = self.resolver.resolve(yaml.ScalarNode, value, event.implicit)
            if tag == _MERGE:
                return _MERGE_KEY
            if tag not in _SAFE_TAGS or _yaml11_only(tag, value):  # a date, `yes`, `1:30`: the text as written
                return event.value
        if tag == _STR:
            return event.value
        if tag in (_INT, _FLOAT) and len(event.value) > MAX_NUMBER_CHARS:  # never converted: no digit limit reached
            self.note(event.start_mark, f"number too long — expected at most {MAX_NUMBER_CHARS} characters", "E010")
            return event.value
        quick = _quick(tag, event.value)
        if quick is not _SLOW:
            return self.number(quick, event)
        if tag not in _SAFE_TAGS:
            self.refuse_tag(event)
            return event.value
        try:
            return self.number(self.resolver.construct_object(yaml.ScalarNode(tag, event.value), deep=True), event)
        except (yaml.YAMLError, ValueError, OverflowError):
            return event.value

    def number(self, value: Any, event: yaml.ScalarEvent) -> Any:
        """A number the game can compute with: finite, and small enough to print (E010 otherwise).

        `.nan`, `.inf` and `1e999` pass YAML and break every computation after them; a hex
        integer of 5,000 digits cannot even be written back in a message (Python refuses
        int → str beyond 4,300 digits). Refused here, at the value, and kept as the text written.
        """
        if isinstance(value, float) and not math.isfinite(value):
            self.note(
                event.start_mark,
                f"not a finite number — expected a number such as 1.5, got `{_cut(event.value)}`",
                "E010",
            )
            return event.value
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            self.note(event.start_mark, f"number too large — expected at most {MAX_INT:,} in size", "E010")
            return event.value
        return value

    def refuse_tag(self, event: Any) -> None:
        tag = str(getattr(event, "tag", ""))
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self.note(
            event.start_mark,
            f"YAML tag `{shown}` is not allowed — expected plain values (text, "
            "numbers, true/false, lists, mappings); a scenario never runs code",
            "E009",
        )

    def open(self, event: yaml.CollectionStartEvent, data: dict[str, Any] | list[Any]) -> None:
        if event.tag is not None and event.tag != "!" and event.tag not in _SAFE_TAGS:
            self.refuse_tag(event)
        if len(self.stack) + 1 > MAX_DEPTH:
            raise self.fail(event.start_mark, f"nesting too deep — expected at most {MAX_DEPTH} levels", "E003")
        path = self.slot()
        if self.stack and isinstance(self.stack[-1].data, dict) and self.stack[-1].key is None:
            path = None  # a mapping or list used as a key: read it, then refuse it
        self.record(path, event.start_mark, "")
        self.stack.append(_Frame(data, path, event.anchor, mark=event.start_mark))

    def close(self, event: yaml.Event) -> None:
        frame = self.stack.pop()
        if frame.merged:
            for key, value in frame.merged.items():
                frame.data.setdefault(key, value)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.data, frame.size, frame.depth)
        mark = frame.mark
        if not self.stack:
            self.root = frame.data
            return
        parent = self.stack[-1]
        if isinstance(parent.data, dict) and parent.key is None:
            self.take_key(parent, frame.data, mark)
            return
        parent.size += frame.size
        parent.depth = max(parent.depth, frame.depth + 1)
        if isinstance(parent.data, list):
            parent.data.append(frame.data)
        elif parent.key is _MERGE_KEY:
            self.merge(parent, frame.data, mark)
            parent.key = None
        else:
            if parent.key_ok:
                parent.data[parent.key] = frame.data
            parent.key = None

    def alias(self, event: yaml.AliasEvent) -> None:
        name = event.anchor
        if name not in self.anchors:
            raise self.fail(
                event.start_mark,
                f"unknown alias `*{name}` — expected an anchor `&{name}` written before it, and not around it",
                "E005",
            )
        value, size, depth = self.anchors[name]
        self.grow(size, depth, event.start_mark)
        self.put(value, size, depth, event.start_mark)


_MERGE_KEY = object()
_SLOW = object()
# First characters for which the safe resolver may find a non-text type (numbers, booleans, null, dates…).
_RESOLVED_FIRST = (
    frozenset(k for k in yaml.SafeLoader.yaml_implicit_resolvers if k)
    if None not in yaml.SafeLoader.yaml_implicit_resolvers
    else frozenset(map(chr, range(0x110000)))
)
_BOOLS = {"true": True, "false": False}
_OCTAL_11 = re.compile(r"[-+]?0[0-7_]+$")
_BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float"))


def _yaml11_only(tag: str, value: str) -> bool:
    """YAML 1.1 forms read as text, as YAML 1.2 does: `yes`/`no`/`on`/`off` and sexagesimal `1:30`.

    Read as values they are silent misreads (`sens: yes` was +1, `sens: 1:30` was 90); as text, a
    number field refuses them with a located message, and a text field keeps what was written.
    """
    if tag == _BOOL:
        return value.lower() not in _BOOLS
    if tag == _INT and _OCTAL_11.match(value):  # `017` was 15 in YAML 1.1; as text it reads 17
        return True
    return tag in (_INT, _FLOAT) and ":" in value


def _cut(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _quick(tag: str, value: str) -> Any:
    """The common plain numbers and truth values without PyYAML's generic constructor (5× faster)."""
    try:
        if tag == "tag:yaml.org,2002:int" and value.lstrip("-+").isdigit():
            return int(value) if not (len(value) > 1 and value.lstrip("-+").startswith("0")) else _SLOW
        if tag == "tag:yaml.org,2002:float" and "_" not in value and "." in value and value[-1:].isdigit():
            return float(value)
        if tag == "tag:yaml.org,2002:bool":
            return _BOOLS.get(value.lower(), _SLOW)
        if tag == "tag:yaml.org,2002:null":
            return None
    except ValueError:  # e.g. an integer of more than 4,300 digits: the slow path turns it into text
        return _SLOW
    return _SLOW


def _within(text: str, line: int, col: int) -> tuple[int, int]:
    """A position libyaml gives past the end of a file that does not end with a line break (its end of
    stream), brought back to the end of the last line, so the caret points at text the trainer can see."""
    last = text.count("\n") + 1
    if line <= last:
        return line, col
    tail = text.rsplit("\n", 1)[-1]
    return last, len(tail) + 1
