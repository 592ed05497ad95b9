"""Read a YAML scenario safely and remember where every value came from.

Only the safe loader is used (no Python tags), aliases are expanded under a
budget (an "alias bomb" is refused instead of eating the memory), nesting is
bounded before parsing, and every key and value keeps its line and column so
that later checks can point a trainer at the exact place of a mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic, Location, ScenarioError

__all__ = ["Source", "read_source", "parse_source", "MAX_BYTES"]

MAX_BYTES = 8 * 1024 * 1024
MAX_NODES = 500_000
MAX_DEPTH = 64
MAX_INDENT = 400

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

    def lines(self) -> list[str]:
        return self.text.splitlines()

    def location(self, path: Path_, key: bool = False) -> Location:
        """Where a path was written; falls back to the nearest enclosing value."""
        if key and path in self.keys:
            line, col = self.keys[path]
            return Location(self.file, line, col)
        probe = tuple(path)
        while probe:
            if probe in self.values:
                line, col, _ = self.values[probe]
                return Location(self.file, line, col)
            probe = probe[:-1]
        return Location(self.file, 1, 1)

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
        source = self.lines()
        return source[line - 1] if 0 < line <= len(source) else ""

    def diagnostic(self, path: Path_, message: str, code: str, *, key: bool = False, hint: str = "",
                   severity: str = "error") -> Diagnostic:
        where = self.location(path, key=key)
        return Diagnostic(where, message, code, severity, hint, self.line_text(where.line))


def _fail(file: str, message: str, code: str, line: int = 1, col: int = 1, source: str = "") -> ScenarioError:
    return ScenarioError([Diagnostic(Location(file, line, col), message, code, source_line=source)])


def read_source(path: str | Path) -> Source:
    """Read and parse a file; a file that is not a readable scenario raises ScenarioError."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise _fail(name, f"file too large — expected at most {MAX_BYTES // 1_048_576} MB, got "
                        f"{size / 1_048_576:.1f} MB", "E001")
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise _fail(name, f"cannot read the file — {exc.strerror or exc}", "E001", 0, 0) from None
    return parse_source(raw, name)


def _decode(raw: bytes, file: str) -> str:
    if b"\x00" in raw[:8192]:
        raise _fail(file, "this is not a text file (it contains NUL bytes) — expected a YAML scenario", "E002")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(file, f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}) — save it as UTF-8 text",
                    "E002", line, col) from None
    return text.removeprefix("\ufeff")


_OPENERS = re.compile(r"[\[\]{}]")


def _check_shape(text: str, file: str) -> None:
    """Refuse absurd nesting before the YAML parser recurses into it."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > MAX_INDENT:
            raise _fail(file, f"nesting too deep — expected at most {MAX_INDENT} spaces of indentation, "
                        f"got {indent}", "E003", number, 1)
        stripped = line.split(" #", 1)[0]
        if '"' in stripped or "'" in stripped:
            continue  # brackets inside quoted text do not nest
        for match in _OPENERS.finditer(stripped):
            depth += 1 if match.group() in "[{" else -1
            if depth > MAX_DEPTH:
                raise _fail(file, f"nesting too deep — expected at most {MAX_DEPTH} levels of brackets",
                            "E003", number, match.start() + 1)
        depth = max(depth, 0)


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
    _check_shape(text, file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.splitlines()
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        raise _fail(file, f"YAML syntax error: {problem}", "E005", line, col, source) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise _fail(file, f"YAML could not be read — {str(exc).splitlines()[0][:120]}", "E005") from None
    if node is None:
        raise _fail(file, "the file holds no data — expected a scenario mapping", "E004")
    source = Source(file, text, None)
    builder = _Builder(source)
    source.data = builder.build(node, ())
    if builder.errors:
        raise ScenarioError(builder.errors)
    if not isinstance(source.data, dict):
        kind = "a list" if isinstance(source.data, list) else f"a {type(source.data).__name__}"
        raise _fail(file, f"the top level must be a mapping (`id: …`, `title: …`) — expected a mapping, got {kind}",
                    "E004", node.start_mark.line + 1, node.start_mark.column + 1)
    return source


class _Builder:
    """Turns YAML nodes into plain data, recording marks; aliases count against a node budget."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.count = 0
        self.errors: list[Diagnostic] = []
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _fail(self.source.file, f"too many values (more than {MAX_NODES:,}) — is this an alias bomb? "
                        "expected a scenario without runaway `*aliases`", "E006",
                        node.start_mark.line + 1, node.start_mark.column + 1)
        if len(path) > MAX_DEPTH:
            raise _fail(self.source.file, f"nesting too deep — expected at most {MAX_DEPTH} levels", "E003",
                        node.start_mark.line + 1, node.start_mark.column + 1)
        style = getattr(node, "style", None) or ""
        self.source.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1, style))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return node.value

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._merge(value_node, path, result)
                continue
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            where = Location(self.source.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, (str, int, float, bool)) or isinstance(key, bool):
                self.errors.append(Diagnostic(where, f"a key must be a name — expected text, got "
                                              f"{key_node.id if key is None else repr(key)}", "E007",
                                              source_line=self.source.line_text(where.line)))
                continue
            key = str(key)
            if key in result:
                self.errors.append(Diagnostic(where, f"duplicate key `{key}` — expected each key once in a "
                                              "mapping (the later one would silently win)", "E008",
                                              source_line=self.source.line_text(where.line)))
                continue
            self.source.keys[path + (key,)] = (where.line, where.col)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _merge(self, value: yaml.Node, path: Path_, result: dict[str, Any]) -> None:
        nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for item in nodes:
            merged = self.build(item, path)
            if isinstance(merged, dict):
                for key, val in merged.items():
                    result.setdefault(key, val)
