"""Under `--lang fr`, a trainer reads French in every finding: `check`, `check --deep` and `explore`.

Each case below makes the game say one of its sentences (a file it cannot read, a number too large, a key
that is a list, a condition that mixes a number and a truth value, an image that is not one, an ending no
game reaches…); the French output must hold no English sentence left untranslated, and the English output
stays what it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"
BASE = (SCENARIOS / "trap.yaml").read_text(encoding="utf-8")
HEAD = re.compile(r"\b(erreur|error|avertissement|warning|info) [EWXD]\d{3}\u00a0?: ")

# Words an English sentence cannot do without, and that French never spells this way.
ENGLISH = re.compile(
    r"\b(the|is|are|was|were|not|no|never|cannot|can|could|expected|got|unknown|missing|must|too|with|"
    r"without|of|to|and|or|file|number|key|read|reached|error|warning|how|fix|did|you|mean|games?|space|"
    r"strategy|ending|scenes?|choices?|path|states|proven|decided|seeds?|takes|using|link|"
    r"operator|empty|characters?|bytes?|folder|pixels wide|should|have|at most|at least|let|month|pass|event|"
    r"searched|none|endings|share|best|warnings?|arrival|gauges|visited|offered|taken|decisions|stuck)\b",
    re.IGNORECASE,
)


def _english_left(text: str) -> list[str]:
    """The English words of a line once what is quoted from the file (`…`, '…', "…") is set aside."""
    plain = re.sub(r"`[^`]*`|'[^'…]*['…]|\"[^\"]*\"|--[a-z-]+|\S*/\S*", " ", text)
    return ENGLISH.findall(plain)


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    return code, out.getvalue()


def _findings(output: str) -> list[str]:
    """The sentences a trainer reads: each finding's message (without its place), its hints and its advice."""
    said: list[str] = []
    for line in output.splitlines():
        found = HEAD.search(line)
        if found:
            said.append(line[found.end() :])
        elif line.startswith(("    aide", "    hint", "  Que faire", "  How to fix")):
            said.append(line.split(":", 1)[1])
    return said


def _variant(tmp_path: Path, name: str, *edits: tuple[str, str], tail: str = "") -> Path:
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text + tail, encoding="utf-8")
    return path


CONDITIONS = {
    "mixed_and": "sens and 3",
    "text_compared": "flag(key) > 2",
    "not_a_number": "not 3",
    "sum_of_truths": "sens + flag(key) > 2",
    "number_alone": "3",
    "cut_short": "sens >",
    "open_parenthesis": "(sens > 3",
    "two_arguments": "flag(key, lea) or sens > 2",
    "number_argument": "flag(3)",
    "attribute": "sens.real > 3",
    "single_equals": "sens = 3",
    "function_as_name": "flag > 3",
    "unknown_scene": "seen(cellar)",
    "unknown_phase": "phase(winter)",
    "two_values": "sens > 3 4",
    "too_long": "sens > 1 " + "and sens > 1 " * 160,
    "too_nested": "(" * 70 + "sens > 1" + ")" * 70,
    "too_long_a_chain": "sens + " * 130 + "1 > 2",
}


def _cases(tmp_path: Path) -> dict[str, Path]:
    cases = {
        "missing_file": tmp_path / "nowhere.yaml",
        "key_is_a_list": _variant(tmp_path, "key_list", ("clock: {turns: 4}", "clock: {turns: 4}\n? [a, b]\n: 1")),
        "merge_of_text": _variant(
            tmp_path, "merge", ('summary: "A door', 'summary: &s "A door'), ("clock: {turns: 4}", "clock: {<<: *s}")
        ),
        "number_too_long": _variant(tmp_path, "long_number", ("turns: 4", "turns: " + "4" * 80)),
        "number_too_large": _variant(tmp_path, "large_number", ("turns: 4", "turns: 40000000000000000")),
        "number_not_finite": _variant(tmp_path, "infinite", ("turns: 4", "turns: .inf")),
        "text_too_long": _variant(tmp_path, "short_name", ("short: CCAS", "short: CENTRECOMMUNALDACTIONSOCIALE")),
        "balance_of_nothing": _variant(tmp_path, "balance_nothing", tail="balance: {dne: [0.1, 0.2]}\n"),
        "balance_reversed": _variant(tmp_path, "balance_reversed", tail="balance: {done: [0.5, 0.2]}\n"),
        "not_an_image": _variant(
            tmp_path, "not_image", ('role: "Facilitator"', 'role: "Facilitator", portrait: lea.png')
        ),
        "image_is_a_folder": _variant(
            tmp_path, "folder_image", ('role: "Facilitator"', 'role: "Facilitator", portrait: album.png')
        ),
        "image_through_a_link": _variant(
            tmp_path, "link_image", ('role: "Facilitator"', 'role: "Facilitator", portrait: away.png')
        ),
        "invisible_in_key": _variant(tmp_path, "invisible", ("    draw: false", "    draw\u00a0: false")),
        "value_not_allowed": _variant(
            tmp_path, "at", ('    questions: ["Why', '    at: sometimes\n    questions: ["Why')
        ),
        "neither_true_nor_false": _variant(tmp_path, "draw", ("    draw: false", "    draw: maybe")),
        "number_left_empty": _variant(tmp_path, "empty_turns", ("turns: 4", "turns: ")),
        "yaml_unclosed_brace": _variant(tmp_path, "unclosed_brace", ("clock: {turns: 4}", "clock: {turns: 4")),
        "yaml_unknown_escape": _variant(tmp_path, "escape", ('summary: "A door', 'summary: "A \\q door')),
        "yaml_percent_sign": _variant(tmp_path, "percent", ('title: "Trap scene"', "title: %Trap scene")),
        "yaml_text_after_quote": _variant(tmp_path, "after_quote", ('"A door that', '"A door" that')),
        "yaml_dash_misplaced": _variant(tmp_path, "dash", ("  - id: ccas", "  - id: ccas\n   - x")),
    }
    (tmp_path / "lea.png").write_bytes(b"these are words, not a picture")
    (tmp_path / "album.png").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"\x89PNG")
    os.symlink(outside, tmp_path / "away.png")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    cases["file_is_a_folder"] = folder
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(9 * 1024 * 1024)  # a sparse file: larger than a scenario may be, and cheap
    cases["file_too_large"] = big
    for name, condition in CONDITIONS.items():
        cases[f"condition_{name}"] = _variant(tmp_path, f"c_{name}", ('when: "sens >= 80"', f"when: {condition!r}"))
    return cases


CASES = [
    "missing_file",
    "file_is_a_folder",
    "file_too_large",
    "key_is_a_list",
    "merge_of_text",
    "number_too_long",
    "number_too_large",
    "number_not_finite",
    "text_too_long",
    "balance_of_nothing",
    "balance_reversed",
    "not_an_image",
    "image_is_a_folder",
    "image_through_a_link",
    "invisible_in_key",
    "value_not_allowed",
    "neither_true_nor_false",
    "number_left_empty",
    "yaml_unclosed_brace",
    "yaml_unknown_escape",
    "yaml_percent_sign",
    "yaml_text_after_quote",
    "yaml_dash_misplaced",
    *(f"condition_{name}" for name in CONDITIONS),
]


@pytest.mark.parametrize("case", CASES)
def test_every_check_finding_is_said_in_french(tmp_path: Path, case: str):
    path = _cases(tmp_path)[case]
    _, french = _run(["check", "--lang", "fr", str(path)])
    _, english = _run(["check", "--lang", "en", str(path)])
    said, said_en = _findings(french), _findings(english)
    assert said and len(said) == len(said_en), (french, english)
    for line, line_en in zip(said, said_en, strict=True):
        assert not _english_left(line), (line, _english_left(line))
        assert line.strip() != line_en.strip()
    assert "How to fix" not in french and "Que faire" not in english


def test_explore_warnings_are_said_in_french(capsys: pytest.CaptureFixture[str]):
    args = ["explore", str(SCENARIOS / "dominant.yaml"), "--runs", "20", "--jobs", "1", "--strategy", "random,sens"]
    assert main([*args, "--lang", "fr", "--rare", "60", "--dominant", "10"]) == 1
    french = capsys.readouterr().out
    assert main([*args, "--lang", "en", "--rare", "60", "--dominant", "10"]) == 1
    english = capsys.readouterr().out
    codes = set(re.findall(r"\b(X\d{3})\b", french))
    assert {"X102", "X103", "X104"} <= codes, french
    assert codes == set(re.findall(r"\b(X\d{3})\b", english))
    assert "How to fix" in english and "Gauges on arrival" in english
    for line in french.splitlines():
        assert not _english_left(line), line


def test_explore_coverage_is_said_in_french(capsys: pytest.CaptureFixture[str]):
    args = ["explore", "--cover", str(SCENARIOS / "cover.yaml"), "--runs", "5"]
    assert main([*args, "--lang", "fr"]) == 1
    french = capsys.readouterr().out
    assert main([*args, "--lang", "en"]) == 1
    english = capsys.readouterr().out
    assert "never taken" in english and "never true" in english
    assert len(french.splitlines()) == len(english.splitlines())
    for line in french.splitlines():
        assert not _english_left(line), line


def test_every_explore_warning_has_its_french_sentence(tmp_path: Path):
    from game.scenario.loading import load
    from game.tools.explore import Thresholds, explore, find_warnings, format_report

    path = tmp_path / "balanced.yaml"
    text = (SCENARIOS / "unreachable.yaml").read_text(encoding="utf-8")
    path.write_text(text + "balance: {ordinaire: [0.0, 0.1]}\n", encoding="utf-8")
    report = explore(load(path), ["random", "sens"], runs=10, seed=1, jobs=1)
    report.results["random"].stuck = 2  # no scenario the checker accepts loops for ever: said as if one did
    report.warnings = find_warnings(report, Thresholds(rare=1.01, dominant=0.01))
    assert {w.code for w in report.warnings} >= {"X101", "X102", "X105", "X106"}
    for line in format_report(report, "fr").splitlines():
        assert not _english_left(line), line
    assert format_report(report, "en") == format_report(report)
    report.warnings = find_warnings(report, Thresholds(rare=0.0, dominant=1.0, most=0.01, least=0.99))
    assert {w.code for w in report.warnings} >= {"X107", "X108"}
    for line in format_report(report, "fr").splitlines():
        assert not _english_left(line), line
    idle = explore(load(SCENARIOS / "phase_runs_out.yaml"), ["random"], runs=10, seed=1, jobs=1)
    assert {w.code for w in idle.warnings} >= {"X109"}
    assert format_report(idle, "en") == format_report(idle)
    for line in format_report(idle, "fr").splitlines():
        assert not _english_left(line), line


def test_deep_check_findings_are_said_in_french():
    for name, args in (("trap.yaml", []), ("unreachable.yaml", ["--max-states", "2"])):
        path = str(SCENARIOS / name)
        _, french = _run(["check", "--lang", "fr", "--deep", *args, path])
        _, english = _run(["check", "--lang", "en", "--deep", *args, path])
        assert "deep check" in english and re.search(r"(error|info) D\d{3}", english)
        for line in french.splitlines():
            assert not _english_left(line), line


def test_undecided_and_unplayed_findings_of_the_deep_check_are_said_in_french(tmp_path: Path):
    from game.scenario.loading import load
    from game.tools.deep import format_deep, prove

    attic = (
        '  - id: attic\n    phase: only\n    draw: false\n    text: "An attic."\n    choices:\n      - text: "Look"\n'
    )
    path = _variant(tmp_path, "attic", ("endings:", attic + "endings:"))
    proofs = [
        prove(load(ROOT / "scenarios" / "tutoriel.yaml"), max_states=20, games=0),
        prove(load(path), max_states=50, games=0),
    ]
    codes = {f.code for proof in proofs for f in proof.findings}
    assert {"D102", "D301"} <= codes, codes
    for proof in proofs:
        for line in format_deep(proof, "fr").splitlines():
            assert not _english_left(line), line
        assert format_deep(proof, "en") == format_deep(proof)


# -- the trainer's other commands: their mistakes on the command line and what they wrote --------------------
DEMO = str(ROOT / "scenarios" / "demo.yaml")
DOMINANT = str(SCENARIOS / "dominant.yaml")
TRAP = str(SCENARIOS / "trap.yaml")

WEIGHTS = {  # one spec per sentence `--weights` can say
    "weights_not_a_number": "1:sens=x",
    "weights_month_zero": "0:sens=1",
    "weights_unknown_name": "1:sense=1",
    "weights_not_a_month": "a:sens=1",
    "weights_no_weight": "1:sens",
    "weights_empty": "1:",
    "weights_twice": "1:sens=1,sens=2",
    "weights_month_twice": "1:sens=1 1:identite=1",
    "weights_not_finite": "1:sens=inf",
}


def _command_cases(tmp_path: Path) -> dict[str, list[str]]:
    """Each command with one mistake (or none), as a French trainer types it, without its `--lang`."""
    out = ["--out", str(tmp_path / "records")]
    cases = {
        "play_no_scenario": ["play", "--text"],
        "play_nothing_to_resume": ["play", "--text", DEMO, "--resume", "--out", str(tmp_path / "empty")],
        "start_unknown_scene": ["play", "--text", DEMO, "--start", "nowhere", *out],
        "start_unknown_scene_close": ["play", "--text", DEMO, "--start", "difuser", *out],
        "set_bad_shape": ["play", "--text", DEMO, "--set", "force=3", *out],
        "set_unknown_id": ["play", "--text", DEMO, "--set", "engagement.zzzzzz=3", *out],
        "set_unknown_id_close": ["play", "--text", DEMO, "--set", "engagement.mari=3", *out],
        "explore_runs": ["explore", DOMINANT, "--runs", "0"],
        "explore_share": ["explore", DOMINANT, "--rare", "101"],
        "explore_best": ["explore", DOMINANT, "--best", "nowhere"],
        "explore_strategy": ["explore", DOMINANT, "--strategy", "lucky"],
        "graph_written": ["graph", TRAP, "-o", str(tmp_path / "g.dot")],
        "graph_unknown_format": ["graph", TRAP, "-o", str(tmp_path / "g.png")],
        "graph_no_format": ["graph", TRAP, "-o", str(tmp_path / "g")],
        "new_written": ["new", str(tmp_path / "atelier.yaml")],
        "new_exists": ["new", str(tmp_path / "mine.yaml")],
        "new_no_folder": ["new", str(tmp_path / "nowhere" / "atelier.yaml")],
    }
    for name, spec in WEIGHTS.items():
        cases[name] = ["explore", DOMINANT, *(f"--weights={part}" for part in spec.split())]
    return cases


def _said(args: list[str]) -> str:
    """What a command prints, on both outputs."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(args)
    return out.getvalue() + err.getvalue()


def _compare(french: str, english: str) -> None:
    """The same number of lines, each French line differs from the English one and holds no English word."""
    lines, lines_en = french.strip().splitlines(), english.strip().splitlines()
    assert lines and len(lines) == len(lines_en), (french, english)
    for line, line_en in zip(lines, lines_en, strict=True):
        assert not _english_left(line), (line, _english_left(line))
        assert line != line_en, line


@pytest.mark.parametrize("case", [*_command_cases(Path("unused")), "graph_no_graphviz"])
def test_every_command_line_sentence_is_said_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str):
    (tmp_path / "mine.yaml").write_text("mine", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    if case == "graph_no_graphviz":
        import shutil

        monkeypatch.setattr(shutil, "which", lambda name: None)
        args = ["graph", TRAP, "-o", str(tmp_path / "g.svg")]
    else:
        args = _command_cases(tmp_path)[case]
    english = _said([*args, "--lang", "en"])
    for written in (tmp_path / "atelier.yaml", tmp_path / "g.dot"):
        written.unlink(missing_ok=True)  # a second `new` or `graph` writes again
    french = _said([*args, "--lang", "fr"])
    assert english.startswith("partenaires: ") is not case.endswith("_written"), english  # a mistake is said so
    _compare(french, english)


def test_an_unknown_strategy_is_said_in_french():
    from game.tools.explore import WeightsError, picker

    with pytest.raises(WeightsError) as raised:
        picker("lucky")
    assert "unknown strategy `lucky`" in str(raised.value)
    _compare(raised.value.say("fr"), raised.value.say("en"))


def test_po_speaks_the_system_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`po`'s `--lang` is the translation's language: its messages are in the system's (else the texts')."""
    pofile = pytest.importorskip("babel.messages.pofile")
    path = tmp_path / "trap.yaml"
    text = (SCENARIOS / "trap.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('summary: "A door that', 'summary: "A door\n  that'), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    po = tmp_path / "trap.po"

    def both(args: list[str], reset: bool = False) -> tuple[str, str]:
        said = []
        for system in ("fr_FR.UTF-8", "en_GB.UTF-8"):
            monkeypatch.setenv("LC_ALL", system)
            if reset:
                path.write_text(original, encoding="utf-8")
            said.append(_said(args))
        return said[0], said[1]

    _compare(*both(["po", "export", str(path), "-o", str(po), "--lang", "fr", "--from", "en"]))
    with po.open("rb") as handle:
        catalog = pofile.read_po(handle)
    for message in catalog:
        if message.id:
            message.string = "traduit"  # what the translator wrote is shown as it is: no English in it here
    with po.open("wb") as handle:
        pofile.write_po(handle, catalog, width=0)
    french, english = both(["po", "import", str(path), str(po), "--lang", "fr", "--from", "en"], reset=True)
    assert "not placed (paste it by hand): summary" in english and "(a default, not written" in english
    assert "now lists fr" in english
    _compare(french, english)
    monkeypatch.setitem(__import__("sys").modules, "babel.messages", None)  # Babel is not installed
    french, english = both(["po", "export", str(path), "-o", str(po), "--lang", "fr", "--from", "en"])
    assert "needs Babel" in english
    _compare(french, english)
