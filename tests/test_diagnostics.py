"""Every diagnostic in the trainer's language, each followed by what to do.

Golden outputs: for each `tests/bad/NAME.yaml`, `NAME.fr.out` and `NAME.en.out` hold what
`partenaires check --lang fr|en tests/bad/NAME.yaml` prints, exactly (regenerate one with that command
from the repository's root after checking the sentence is what a trainer needs).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from game.cli import main
from game.errors import Diagnostic, Location
from game.i18n import CODES as LANGS
from game.i18n import language
from game.scenario.diagnostics import CODES, choose_language, fix, message, message_key, render, system_language
from game.scenario.loading import check

ROOT = Path(__file__).resolve().parent.parent
BAD = sorted((ROOT / "tests" / "bad").glob("*.yaml"))
SOURCES = [p for p in (ROOT / "game").rglob("*.py") if p.name not in ("deep.py", "graph.py")]
HEAD = re.compile(r"^\S.*:\d+:\d+: (erreur|error|avertissement|warning) [EWX]\d{3}")


def _check(lang: str, path: Path) -> tuple[int, str]:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            code = main(["check", "--lang", lang, str(path.relative_to(ROOT))])
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_golden_output_in_each_language(path: Path, lang: str):
    code, out = _check(lang, path)
    assert code == 1
    assert out == path.with_suffix(f".{lang}.out").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_every_error_is_followed_by_what_to_do(path: Path):
    for lang, word in (("fr", "  Que faire\u00a0: "), ("en", "  How to fix: ")):
        lines = _check(lang, path)[1].splitlines()
        heads = [i for i, line in enumerate(lines) if HEAD.match(line)]
        assert heads, lines
        ends = heads[1:] + [len(lines) - 1]  # the last line is the file's summary
        for start, end in zip(heads, ends, strict=True):
            block = lines[start:end]
            assert block[-1].startswith(word) and len(block[-1]) > len(word) + 10, block


def test_every_code_the_game_gives_has_its_advice_in_each_language():
    used = set()
    for source in SOURCES:
        used.update(re.findall(r"[\"']([EWX]\d{3})[\"']", source.read_text(encoding="utf-8")))
    used.discard("E000")
    assert used <= set(CODES), used - set(CODES)
    for code in CODES:
        for lang in LANGS:
            assert f"fix.{code}" in language(lang).messages, (code, lang)


def test_a_precise_case_gets_its_own_advice():
    where = Location("s.yaml", 3, 5)
    colon = Diagnostic(where, "YAML syntax error: … — the text holds « : », which YAML reads as a new key", "E005")
    assert "guillemets" in fix(colon, "fr") and "quotes" in fix(colon, "en")
    other = Diagnostic(where, "YAML syntax error: something else", "E005")
    assert fix(other, "en") != fix(colon, "en")
    shown = render(colon, "fr").splitlines()
    expected = "mise en page YAML incorrecte — le texte contient «\u00a0:\u00a0», que YAML lit comme une nouvelle clé"
    assert shown[0] == "s.yaml:3:5: erreur E005\u00a0: " + expected
    assert shown[-1].startswith("  Que faire\u00a0: un texte contient «\u00a0:\u00a0»")


def test_the_default_language_follows_the_system_then_the_scenario(monkeypatch: pytest.MonkeyPatch):
    assert system_language({"LANG": "en_GB.UTF-8"}) == "en"
    assert system_language({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"}) == "fr"
    assert system_language({"LANG": "C.UTF-8"}) is None
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert choose_language(None, ["fr"]) == "en"
    assert choose_language("fr", ["en"]) == "fr"
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))
    assert choose_language(None, ["en", "fr"]) == "en"


@pytest.mark.parametrize(
    ("name", "code", "line", "fragment", "fragment_fr"),
    [
        ("no_effect_choice.yaml", "W203", 50, "choice 2 has no effect", "le choix 2 n'a aucun effet"),
        ("guarded_scene.yaml", "W204", 48, "every choice of this scene has a `when`", "chaque choix de cette scène"),
        ("plain_text.yaml", "W101", 4, "text written in one language only", "texte écrit dans une seule langue"),
        (
            "phase_runs_out.yaml",
            "W205",
            30,
            "phase `contacts` can run out of scenes — it lasts up to 3 months (turn 0 to 3) and its scenes played "
            "once (1) fill at most 1, and its repeatable scenes (`relance`) can all be guarded out",
            "la phase `contacts` peut manquer de scènes — elle dure jusqu'à 3 mois (du tour 0 au tour 3)",
        ),
        ("phase_runs_out.yaml", "W205", 34, "and it has no repeatable scene", "et elle n'a aucune scène répétable"),
        (
            "filler_repeats.yaml",
            "W206",
            48,
            "scene `reunion` can be played 4 times in one game — phase `contacts` lasts up to 6 months",
            "la scène `reunion` peut être jouée 4 fois dans une même partie",
        ),
        (
            "ending_contradicts.yaml",
            "W207",
            54,
            "ending `eclate` explains “cohésion est passée sous 30”, but its condition tests `cohesion < 25`",
            "l'explication de la fin `eclate` dit «\u00a0cohésion est passée sous 30\u00a0», mais sa condition "
            "teste `cohesion < 25`",
        ),
    ],
)
def test_authoring_warnings_are_located_and_say_what_to_do(
    name: str, code: str, line: int, fragment: str, fragment_fr: str
):
    path = ROOT / "tests" / "scenarios" / name
    for lang, word in (("fr", "  Que faire\u00a0: "), ("en", "  How to fix: ")):
        wanted = fragment_fr if lang == "fr" else fragment
        status, out = _check(lang, path)
        assert status == 0
        lines = out.splitlines()
        found = [i for i, text in enumerate(lines) if f":{line}:" in text and code in text]
        assert len(found) == 1 and wanted in lines[found[0]], out
        rest = lines[found[0] + 1 :]
        assert next(text for text in rest if not text.startswith("    ")).startswith(word)


def _warned(path: Path) -> list[str]:
    """`LINE:COL CODE` of each warning the loader gives on a file, in the file's order."""
    found = sorted(check(path)[1], key=lambda d: (d.location.line, d.location.col))
    return [f"{d.location.line}:{d.location.col} {d.code}" for d in found if d.severity == "warning"]


def test_an_explanation_is_judged_only_where_it_states_a_level_with_a_number():
    """`eclate` says 30 for a threshold of 25; `bien` states pouvoir, which its condition does not test (in
    each language); `tenu` says what its condition tests, and `fin`, the fallback, holds because the others
    failed: those two are not reported."""
    assert _warned(ROOT / "tests" / "scenarios" / "ending_contradicts.yaml") == [
        "54:23 W207",
        "59:23 W207",
        "59:85 W207",
    ]


def test_a_phase_is_judged_on_months_the_clock_decides(tmp_path: Path):
    """Repeatable scenes whose conditions cannot fail together keep a phase supplied; a phase moved on
    something else than the clock alone has no length known in advance and is not judged; a repeatable scene
    whose choices take two months comes back half as often (`tendue` in filler_repeats.yaml)."""
    text = (ROOT / "tests" / "scenarios" / "phase_runs_out.yaml").read_text(encoding="utf-8")
    both = text.replace('when: "flag(cas)"', 'when: "sens >= 40"').replace(
        "  - id: bilan",
        '  - id: creux\n    phase: contacts\n    once: false\n    when: "sens < 40"\n'
        '    text: "…"\n    choices: [{text: "…", effects: {sens: 1}}]\n  - id: bilan',
    )
    (tmp_path / "both.yaml").write_text(both, encoding="utf-8")
    assert [w for w in _warned(tmp_path / "both.yaml") if w.endswith(("W205", "W206"))] == ["34:9 W205"]
    for move in ("seen(accueil)", "turn >= 3 and flag(cas)"):
        (tmp_path / "moved.yaml").write_text(text.replace('when: "turn >= 3"', f'when: "{move}"'), encoding="utf-8")
        assert [w for w in _warned(tmp_path / "moved.yaml") if w.endswith("W205")] == [], move
    assert _warned(ROOT / "tests" / "scenarios" / "filler_repeats.yaml") == ["48:9 W206"]


def test_builtin_scenarios_stay_warning_free():
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        assert _check("en", path)[1].strip().endswith("ok (0 warning(s))"), path


ENGLISH = re.compile(r"\b(expected|got|unknown|did you mean|missing|duplicate|cannot|error|warning)\b")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_french_output_is_french_throughout(path: Path):
    for line in _check("fr", path)[1].splitlines():
        if HEAD.match(line) or line.startswith(("    aide", "  Que faire")):
            assert not ENGLISH.search(line.split(": ", 1)[-1]), line


def test_each_sentence_has_the_same_fields_in_each_language():
    en, fr = language("en").messages, language("fr").messages
    keys = [key for key in en if re.match(r"diag\.([EWX]\d{3}|part|hint)\b", key)]
    assert len(keys) > 60
    for key in keys:
        assert key in fr, key
        assert set(re.findall(r"\{(\w+)\}", fr[key])) <= set(re.findall(r"\{(\w+)\}", en[key])), key


def test_a_diagnostic_is_written_again_in_french_with_its_pieces():
    where = Location("s.yaml", 3, 5)
    typo = Diagnostic(where, "unknown key `effets` — did you mean `effects`?", "E102")
    assert message_key(typo) == "diag.E102"
    assert message(typo, "fr") == "clé inconnue `effets` — vouliez-vous dire `effects`\u00a0?"
    assert message(typo, "en") == typo.message
    kind = Diagnostic(where, "wrong type for `turns` — expected a whole number, got 'quatre'", "E107")
    assert (
        message(kind, "fr") == "type incorrect pour `turns` — attendu\u00a0: un nombre entier, trouvé\u00a0: 'quatre'"
    )
    odd = Diagnostic(where, "a sentence no catalogue knows", "E107")
    assert message_key(odd) is None and message(odd, "fr") == odd.message


def test_a_french_text_without_its_non_breaking_spaces_is_warned_once_with_a_count(tmp_path: Path):
    from game.scenario.checks import french_slips
    from game.tools.template import template_text

    assert french_slips("Bilan\u00a0: «\u00a0nous\u00a0» 10:30 http://x\u00a0?!") == 0
    assert french_slips("Bilan : « nous » ! Pourquoi?") == 5
    text = template_text("t.yaml", "fr")
    clean = "Des résultats mesurables\u00a0: des retours à l'emploi."
    assert clean in text
    path = tmp_path / "t.yaml"
    path.write_text(text.replace(clean, "Des résultats mesurables : des « retours » !"), encoding="utf-8")
    for lang, words in (("fr", "4 manquante(s)"), ("en", "4 missing")):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["check", "--lang", lang, str(path)]) == 0
        lines = out.getvalue().splitlines()
        found = [i for i, line in enumerate(lines) if "W102" in line]
        assert len(found) == 1 and words in lines[found[0]] and HEAD.match(lines[found[0]]), lines
        assert lines[found[0] + 3].startswith(("  Que faire\u00a0: mettez une espace insécable", "  How to fix: put"))
    # the advice, followed: `\_` between straight quotes is the non-breaking space
    followed = "Des résultats mesurables\\_: des «\\_retours\\_»\\_!"
    path.write_text(text.replace(clean, followed), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "--lang", "en", str(path)]) == 0
    assert "W102" not in out.getvalue()
