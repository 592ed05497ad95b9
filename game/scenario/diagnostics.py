"""The catalogue of diagnostic codes: what each one means and what a trainer should do about it.

Every finding of the loader, the checker and `explore` has a stable code (`E102`, `W101`, `X106`…). This
module lists them once; the sentence saying what to do lives in each language's catalogue under
`fix.<CODE>` (some codes have a more precise advice for one shape of mistake, `fix.<CODE>.<case>`), so a
trainer reads every diagnostic followed by `  Que faire : …` or `  How to fix: …` in their language.
"""

from __future__ import annotations

import dataclasses
import locale
import os
import re
from collections.abc import Iterable

from game.errors import Diagnostic
from game.i18n import CODES as LANG_CODES
from game.i18n import DEFAULT, LANGUAGES, language, t

__all__ = [
    "CODES",
    "fix_key",
    "fix",
    "message_key",
    "message",
    "sentence",
    "render",
    "system_language",
    "choose_language",
]

CODES: dict[str, str] = {
    "E000": "unexpected problem",
    "E001": "the file cannot be read",
    "E002": "not a UTF-8 text file",
    "E003": "nesting too deep",
    "E004": "empty file, or not a scenario mapping",
    "E005": "YAML layout error",
    "E006": "file too big",
    "E007": "a key that is not a name",
    "E008": "duplicate key",
    "E009": "YAML tag not allowed",
    "E010": "number too long or too large",
    "E101": "missing key",
    "E102": "unknown key",
    "E103": "value out of range",
    "E104": "wrong number of items or wrong length",
    "E105": "unexpected value",
    "E106": "invalid id",
    "E107": "wrong type",
    "E108": "a text expected",
    "E201": "reference to nothing",
    "E202": "duplicate id",
    "E203": "phase without a scene",
    "E204": "scene with no way out",
    "E205": "unknown concept tag",
    "E206": "ending that can never be reached",
    "E207": "no certain ending when the funding ends",
    "E208": "balance bounds in the wrong order",
    "E301": "condition error",
    "E401": "asset path refused",
    "E402": "image refused",
    "W101": "missing translation",
    "W102": "French text without its non-breaking spaces",
    "W121": "private break threshold",
    "W201": "organisation without a partner",
    "W202": "ending without a debrief question",
    "W203": "choice with no effect",
    "W204": "scene whose choices are all guarded",
    "W205": "phase that can run out of scenes",
    "W206": "repeatable scene that can come back three times",
    "W207": "ending explanation that contradicts its condition",
    "W301": "event that never happens",
    "W401": "asset not found",
    "X101": "ending never reached",
    "X102": "ending rarely reached",
    "X103": "one ending in most random games",
    "X104": "a dominant strategy",
    "X105": "games stuck in a loop of choices that cost no time",
    "X106": "ending share outside its expected band",
    "X107": "ending too frequent for one strategy",
    "X108": "ending too rare for one strategy",
    "X109": "games that pass months with no scene to play",
}

# A more precise advice for one frequent shape of a code's mistake: (code, words in the message) → case.
_CASES: tuple[tuple[str, str, str], ...] = (
    ("E002", "UTF-16", "utf16"),
    ("E005", "never closed", "quote"),
    ("E005", "indented by", "indent"),
    ("E005", "« : »", "colon"),
    ("E005", "tab", "tab"),
    ("E005", "expected <block end>", "indent"),
    ("E005", "did not find expected key", "indent"),
    ("E005", "did not find expected '-'", "dash"),
    ("E008", "list item", "dash"),
    ("E102", "invisible", "invisible"),
    ("E102", "capital", "capital"),
    ("E106", "accent", "accent"),
    ("E301", "'“'", "curly"),
    ("E301", "'”'", "curly"),
    ("E301", "'«'", "curly"),
    ("E301", "'»'", "curly"),
)


def fix_key(diagnostic: Diagnostic) -> str:
    """The catalogue key of the advice for this diagnostic (its code's, or a precise case of it)."""
    for code, words, case in _CASES:
        if diagnostic.code == code and words in diagnostic.message:
            return f"fix.{code}.{case}"
    return f"fix.{diagnostic.code}"


def fix(diagnostic: Diagnostic, lang: str) -> str:
    """What to do, in the trainer's language (every code has one: `tests/test_diagnostics.py` says so)."""
    key = fix_key(diagnostic)
    if key not in language(lang).messages:
        key = f"fix.{diagnostic.code}"
    if key not in language(lang).messages:
        key = "fix.E000"
    return t(key, lang)


_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")  # 250,000 → 250 000 (a narrow no-break space)
_PERCENT = re.compile(r"^(\d+)(?:\.(\d+))?%$")  # 12.5% → 12,5 % (the language's decimal mark, a no-break space)
_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    """The English sentence of a catalogue entry as a pattern: each `{field}` catches what the loader put there."""
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for found in _FIELD.finditer(template):
        parts.append(_literal(template[last : found.start()]))
        name = found.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        last = found.end()
    parts.append(_literal(template[last:]))
    return re.compile("".join(parts), re.DOTALL)


def _literal(text: str) -> str:
    """A template's words as a pattern: `{{` and `}}` stand for one brace, as `str.format` writes them."""
    return re.escape(text.replace("{{", "{").replace("}}", "}"))


# (key, pattern) for each sentence and each recurring piece, in the English catalogue's order (precise first).
_SENTENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, _pattern(text))
    for key, text in LANGUAGES["en"].messages.items()
    if re.match(r"diag\.([EWXD]\d{3}|part|hint)\b", key)
)


# The fields that hold words (a name, an id or a value in backquotes is shown as written).
_PHRASES = frozenset(
    {"rest", "expected", "got", "bound", "count", "problem", "pair", "language", "reason", "kind", "limit", "size"}
    | {"chars", "fix", "left", "right", "kinds"}
)


def _match(text: str, prefix: str) -> tuple[str, dict[str, str]] | None:
    for key, pattern in _SENTENCES:
        if key == prefix or key.startswith(prefix + "."):
            found = pattern.fullmatch(text)
            if found:
                return key, found.groupdict()
    return None


def message_key(diagnostic: Diagnostic) -> str | None:
    """The catalogue key of this diagnostic's sentence (`diag.E102`, `diag.E201.scene`…), None if it has none."""
    found = _match(diagnostic.message, f"diag.{diagnostic.code}")
    return found[0] if found else None


_QUOTED = re.compile(r"""(?:'[^']*'?|"[^"]*"?)…?""")  # one value quoted from the file, maybe cut short


def _quoted(value: str) -> bool:
    return _QUOTED.fullmatch(value) is not None


def _translate(text: str, prefix: str, lang: str, depth: int = 0) -> str:
    found = _match(text, prefix)
    if found is None:
        return text
    key, fields = found
    fields = {name: _THOUSANDS.sub(lambda m: m.group().replace(",", "\u202f"), value) for name, value in fields.items()}
    decimal = language(lang).decimal
    fields = {
        name: _PERCENT.sub(lambda m: m[1] + (decimal + m[2] if m[2] else "") + "\u00a0%", value)
        for name, value in fields.items()
    }
    if depth < 3:  # a value quoted from the file ('a and b') is shown as written, whatever words it holds
        fields = {
            name: _translate(value, "diag.part", lang, depth + 1) if name in _PHRASES and not _quoted(value) else value
            for name, value in fields.items()
        }
    chosen = language(lang) if key in language(lang).messages else LANGUAGES["en"]
    return chosen.messages[key].format(**fields)


def sentence(code: str, text: str, lang: str) -> str:
    """A finding's English sentence in the trainer's language: the loader's and the checker's, and also the
    trainer tools' (`explore`'s X-codes, `check --deep`'s D-codes), which keep their English for JSON."""
    if lang == "en":
        return text
    return _translate(text, f"diag.{code}", lang)


def message(diagnostic: Diagnostic, lang: str) -> str:
    """The diagnostic's sentence in the trainer's language (as the loader wrote it when no entry matches)."""
    return sentence(diagnostic.code, diagnostic.message, lang)


def render(diagnostic: Diagnostic, lang: str = DEFAULT, with_source: bool = True) -> str:
    """`file:line:col: erreur E102 : …`, the source line and its caret, the hint, then `  Que faire : …`."""
    hint = diagnostic.hint if lang == "en" else _translate(diagnostic.hint, "diag.hint", lang)
    shown = dataclasses.replace(diagnostic, message=message(diagnostic, lang), hint=hint)
    lines = shown.format(with_source).split("\n")
    head = f"{diagnostic.severity} {diagnostic.code}: "
    word = t(f"diag.{diagnostic.severity}", lang)
    colon = language(lang).colon
    lines[0] = lines[0].replace(head, f"{word} {diagnostic.code}{colon} ", 1)
    lines = [line.replace("    hint: ", "    " + t("diag.hint", lang) + colon + " ", 1) for line in lines]
    lines.append("  " + t("diag.fix", lang) + colon + " " + fix(diagnostic, lang))
    return "\n".join(lines)


def system_language(environ: dict[str, str] | None = None) -> str | None:
    """The system's language when the game speaks it (`LC_ALL`, `LC_MESSAGES`, `LANG`, then the locale)."""
    env = os.environ if environ is None else environ
    candidates: Iterable[str | None] = (env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"))
    if environ is None:
        try:
            candidates = [*candidates, locale.getlocale()[0]]
        except ValueError:  # an unknown locale name: fall through to the scenario's language
            pass
    for value in candidates:
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            if code in LANG_CODES:
                return code
    return None


def choose_language(requested: str | None, scenario_langs: Iterable[str] = ()) -> str:
    """`--lang` if given, else the system's language, else the scenario's first language, else French."""
    if requested in LANG_CODES:
        return requested
    found = system_language()
    if found:
        return found
    for code in scenario_langs:
        if code in LANG_CODES:
            return code
    return DEFAULT
