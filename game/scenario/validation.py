"""Turn the model's validation errors into located sentences a trainer can act on.

Pydantic knows what is wrong; the YAML source knows where. This module joins
the two and rewrites each message as "what is wrong — expected …, got …",
with a "did you mean" for misspelt keys.
"""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from game.errors import Diagnostic
from game.scenario.source import Path_, Source

__all__ = ["translate"]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _resolve(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, Any, bool]:
    """Follow a pydantic location through the data, skipping union tags; says if it arrived."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif isinstance(part, str) and part[:1].isupper() or part in ("str", "int", "float", "bool"):
            continue  # a union member's name, not a key
        else:
            return tuple(path), current, False
    return tuple(path), current, True


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(annotation) for t in _unwrap(a)]
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return [annotation]


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class whose fields apply at a location (to suggest the right key)."""
    candidates: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for cand in candidates:
            following.extend(_step(cand, part))
        candidates = following
        if not candidates:
            return None
    models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
    return models[0] if models else None


def _step(cand: Any, part: Any) -> list[Any]:
    out: list[Any] = []
    for kind in _unwrap(cand):
        origin = typing.get_origin(kind)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if isinstance(part, str) and part in kind.model_fields:
                out.extend(_unwrap(kind.model_fields[part].annotation))
            elif isinstance(part, str) and part == kind.__name__:
                out.append(kind)
        elif origin is list and isinstance(part, int):
            out.extend(_unwrap(typing.get_args(kind)[0]))
        elif origin is dict and isinstance(part, str):
            out.extend(_unwrap(typing.get_args(kind)[1]))
    return out


_EXPECT = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "text",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "model_attributes_type": "a mapping (`key: value` lines)",
}


def _message(err: dict[str, Any], value: Any, arrived: bool, root: type[BaseModel]) -> tuple[str, str, bool]:
    """(message, code, points at the key) for one pydantic error."""
    kind = err["type"]
    loc = err["loc"]
    name = str(loc[-1]) if loc else "value"
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"missing key `{name}` — expected `{name}:` here", "E101", False
    if kind == "extra_forbidden":
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        invisible = _invisible(name)
        plain = "".join(ch for ch in name if ch.isprintable() and not ch.isspace()).strip()
        if invisible and plain in allowed:
            return f"unknown key `{plain}` with an invisible character inside — {invisible}", "E102", True
        if name.lower() in allowed:
            return f"unknown key `{name}` — keys are written without capitals: `{name.lower()}`", "E102", True
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
        hint = f" — did you mean `{close[0]}`?" if close else f" — expected one of: {', '.join(allowed)}"
        return f"unknown key `{name}`{hint}", "E102", True
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = _bounds(root, loc)
        return f"`{name}` out of range — expected {bound}, got {_describe(value)}", "E103", False
    if kind in ("too_short", "too_long"):
        return (
            (f"`{name}` has the wrong number of items — expected {_count(ctx)}, got {ctx.get('actual_length', '?')}"),
            "E104",
            False,
        )
    if kind == "literal_error":
        return (
            f"`{name}` has an unexpected value — expected {ctx.get('expected')}, got {_describe(value)}",
            "E105",
            False,
        )
    if kind == "string_pattern_mismatch":
        plain = _unaccented(value)
        if plain:
            return f"`{name}` has an accent: `{value}` — expected `{plain}`", "E106", False
        return (
            (
                f"`{name}` is not a valid id — expected letters, digits, `_` or `-` starting with a letter, got "
                f"{_describe(value)}"
            ),
            "E106",
            False,
        )
    if kind.startswith("string_too"):
        return f"`{name}` is too long or too short — {err['msg'].lower()}, got {_describe(value)}", "E104", False
    expected = _EXPECT.get(kind, err["msg"].lower())
    return f"wrong type for `{name}` — expected {expected}, got {_describe(value)}", "E107", False


def _unaccented(value: Any) -> str:
    """`elus` for `élus`: the id without its accents, when that is a valid id; "" otherwise."""
    if not isinstance(value, str):
        return ""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    valid = plain != value and plain[:1].isalpha() and all(ch.isalnum() or ch in "_-" for ch in plain)
    return plain if valid else ""


def _accented_references(data: Any, ids: set[str], seen: set[Path_]) -> list[tuple[Path_, str, bool]]:
    """Every other place (as a key or a value) that names one of these accented ids: (path, id, is a key)."""
    found: list[tuple[Path_, str, bool]] = []

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ids and path + (key,) not in seen:
                    found.append((path + (key,), key, True))
                walk(item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + (index,))
        elif isinstance(value, str) and value in ids and path not in seen:
            found.append((path, value, False))

    walk(data, ())
    return found


def _invisible(text: str) -> str:
    """The invisible characters in a key, named (`U+00A0 NO-BREAK SPACE`), or "" when there is none."""
    found = [ch for ch in dict.fromkeys(text) if ch != " " and (ch.isspace() or not ch.isprintable() or ch == "\u200b")]
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNKNOWN')}" for ch in found)


def _count(ctx: dict[str, Any]) -> str:
    if "min_length" in ctx:
        return f"at least {ctx['min_length']}"
    return f"at most {ctx.get('max_length', '?')}"


def _bounds(root: type[BaseModel], loc: tuple[Any, ...]) -> str:
    model = _model_at(root, loc[:-1])
    field = model.model_fields.get(str(loc[-1])) if model else None
    low = high = None
    if field is not None:
        for meta in list(field.metadata) + [
            m for a in typing.get_args(field.annotation) for m in getattr(a, "__metadata__", ())
        ]:
            low = getattr(meta, "ge", None) if getattr(meta, "ge", None) is not None else low
            high = getattr(meta, "le", None) if getattr(meta, "le", None) is not None else high
    if low is None and high is None:
        return "a value in range (0 to 100 for levels, -100 to +100 for changes)"
    return f"between {low} and {high}"


_TAGS = {"str", "int", "float", "bool", "Tr"}


def _clean(loc: tuple[Any, ...], data: Any = None) -> tuple[Any, ...]:
    """The path in the file: pydantic's union tags (`Tr`, `str`, class names) dropped, real keys kept.

    A capitalised key the trainer wrote (`Sens: 4`) is a key of the data at that place, not a tag: it is kept,
    so the diagnostic names it and points at it.
    """
    kept: list[Any] = []
    here = data
    for part in loc:
        is_key = isinstance(here, dict) and part in here
        if not is_key and isinstance(part, str) and (part in _TAGS or part[:1].isupper()):
            continue
        kept.append(part)
        if isinstance(here, dict):
            here = here.get(part)
        elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
            here = here[part]
        else:
            here = None
    return tuple(kept)


def _drop_shadowed(errors: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    """A text given as a mapping is judged by its `fr`/`en` branch, not by the plain-text one."""
    tr_prefixes = {
        _clean(e["loc"][: e["loc"].index("Tr")], data)
        for e in errors
        if "Tr" in e["loc"] and _clean(e["loc"], data) != _clean(e["loc"][: e["loc"].index("Tr")], data)
    }
    return [e for e in errors if not ("str" in e["loc"] and _clean(e["loc"], data) in tr_prefixes)]


def translate(exc: ValidationError, source: Source, root: type[BaseModel]) -> list[Diagnostic]:
    """Every validation error, located and reworded; one diagnostic per place."""
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for err in _drop_shadowed([dict(e) for e in exc.errors(include_url=False)], source.data):
        grouped.setdefault(_clean(err["loc"], source.data), []).append(err)
    diagnostics: list[Diagnostic] = []
    accented: set[str] = set()  # ids refused for an accent: every place naming them is reported in this run
    reported: set[Path_] = set()
    for clean, errs in grouped.items():
        path, value, arrived = _resolve(source.data, clean)
        if len(errs) > 1 and any("Tr" in e["loc"] for e in errs):
            name = str(clean[-1]) if clean else "value"
            msg = f"wrong type for `{name}` — expected text, or `fr:` and `en:` texts, got {_describe(value)}"
            diagnostics.append(source.diagnostic(path, msg, "E108"))
            continue
        err = {**errs[0], "loc": clean}
        message, code, on_key = _message(err, value, arrived, root)
        diagnostics.append(source.diagnostic(path if arrived or on_key else path, message, code, key=on_key))
        if code == "E106" and _unaccented(value):
            accented.add(value)
            reported.add(path)
    for path, name, is_key in _accented_references(source.data, accented, reported):
        message = f"`{name}` names an id written with an accent — expected `{_unaccented(name)}`"
        diagnostics.append(source.diagnostic(path, message, "E106", key=is_key))
    return diagnostics
