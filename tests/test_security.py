"""Security: a scenario file or a trainee's name is data, never code, never markup, never a path out.

Every payload here would leave a marker file behind if anything ran it; the
tests assert the marker never appears. Scenario files come from other schools
and trainee names from a keyboard, so both are treated as hostile.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest
import yaml
from playing import run_cli

from game.errors import ConditionError, ScenarioError
from game.records.record import Recorder
from game.rules.engine import Engine
from game.scenario.conditions import compile_condition
from game.scenario.loading import check, load, load_text
from game.scenario.source import parse_source

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo.yaml"


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    """The file a payload would create if it ran."""
    path = tmp_path / "PWNED"
    assert not path.exists()
    return path


def payloads(marker: Path) -> list[str]:
    touch = f"__import__('os').system('touch {marker}')"
    return [
        touch,
        f"sens > 1 if {touch} else 0",
        f"sens >= 40 and {touch}",
        f"open('{marker}', 'w')",
        f"exec(\"open('{marker}','w')\")",
        f"eval(\"open('{marker}','w')\")",
        "().__class__.__bases__[0].__subclasses__()",
        "sens.__class__",
        "flag(x).__globals__",
        "__builtins__",
        "9**9**9",
        "9 ** 9 ** 9 > sens",
        "lambda: sens",
        "[x for x in (1,)]",
        "{'a': 1}",
        "f'{sens}'",
        "sens; import os",
        "sens @ 2",
        "sens[0]",
        "sens >= 40 # and __import__('os')",
        "\\x5f_import__",
        "sens >= 4e9999",
    ]


def test_code_in_a_condition_is_refused_by_the_parser_and_never_runs(marker: Path):
    for text in payloads(marker):
        with pytest.raises(ConditionError) as info:
            compile_condition(text)
        assert 1 <= info.value.col <= len(text) + 1, text
    assert not marker.exists()


def test_dunder_names_are_unknown_names_not_attributes():
    for text in ("__class__ > 1", "__import__ == 1", "_ > sens", "flag(__init__)"):
        with pytest.raises(ConditionError):
            compile_condition(text, None if "flag" not in text else _namespace())


def _namespace():
    from game.scenario.conditions import Namespace

    return Namespace({"flag": {"charte"}})


def test_huge_numbers_stay_numbers():
    """Huge literals are read as floats (infinity at worst), never as big integers a comparison would grind on."""
    import math

    from game.scenario.conditions import Binary, Compare, Number

    condition = compile_condition("sens * " + "9" * 400 + " > " + "9" * 1500)
    tree = condition.tree
    assert isinstance(tree, Compare) and isinstance(tree.left, Binary)
    factor, bound = tree.left.right, tree.right
    assert isinstance(factor, Number) and isinstance(bound, Number)
    assert isinstance(factor.value, float) and isinstance(bound.value, float) and math.isinf(bound.value)

    class Reader:
        def variable(self, name):
            return lambda ctx: 50

    assert not condition.bind(Reader())(None)  # 50 × 10^400 is not above 10^1500: answered at once


def test_code_in_a_scenario_condition_is_a_located_error_and_nothing_runs(tmp_path: Path, marker: Path):
    original = DEMO.read_text(encoding="utf-8")
    assert 'when: "awareness(ccas) < 60"' in original
    for number, text in enumerate(payloads(marker)):
        quoted = yaml.safe_dump(text, default_style='"').strip()
        path = tmp_path / f"payload{number}.yaml"
        path.write_text(original.replace('when: "awareness(ccas) < 60"', f"when: {quoted}"), encoding="utf-8")
        book, found = check(path)
        errors = [d for d in found if d.severity == "error"]
        assert book is None and errors, text
        assert errors[0].code == "E301" and errors[0].location.line > 1, (text, errors[0])
        code, out, err = run_cli(["check", "--lang", "en", str(path)])
        assert code == 1 and re.search(rf"{re.escape(str(path))}:\d+:\d+: error E301", out)
    assert not marker.exists()


def test_code_in_texts_is_shown_as_text_and_never_runs(tmp_path: Path, marker: Path):
    touch = f"__import__('os').system('touch {marker}')"
    text = DEMO.read_text(encoding="utf-8").replace(
        '"Première réunion. Lucie a fait du café.', f'"{{{{ {touch} }}}} ${{{touch}}} Première réunion.'
    )
    path = tmp_path / "texts.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(
        ["play", "--text", str(path), "--seed", "1", "--out", str(tmp_path / "s.jsonl")], stdin="1\n" * 20
    )
    assert code == 0, err
    assert f"{{{{ {touch} }}}}" in out
    assert not marker.exists()


PYTHON_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple [1, 2]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!!binary aGVsbG8=",
    "!custom 5",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_yaml_python_tags_are_refused_and_nothing_runs(tmp_path: Path, marker: Path, tag: str):
    value = tag.format(marker=marker)
    original = DEMO.read_text(encoding="utf-8")
    for place in ("clock:\n  turns: 6", "    engagement: 45"):
        assert place in original
        key = place.rsplit(":", 1)[0]
        path = tmp_path / "tagged.yaml"
        path.write_text(original.replace(place, f"{key}: {value}"), encoding="utf-8")
        book, found = check(path)
        errors = [d for d in found if d.severity == "error"]
        assert book is None and [e.code for e in errors] == ["E009"], [str(e) for e in errors]
        assert errors[0].location.line > 1 and "not allowed" in errors[0].message
        with pytest.raises(ScenarioError):
            load_text(path.read_text(encoding="utf-8"))
    with pytest.raises(ScenarioError):
        parse_source(value)
    assert not marker.exists()


# -- asset paths ------------------------------------------------------------------------------------------------
def scenario_with_portrait(folder: Path, portrait: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert "portrait: portraits/lucie.png" in text
    path = folder / "scenario.yaml"
    path.write_text(text.replace("portrait: portraits/lucie.png", f"portrait: {portrait!r}"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "portrait",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "portraits/../../secret.png",
        "..\\..\\windows\\win.ini",
        "C:/Windows/win.ini",
        "~/.ssh/id_rsa.png",
        "\\\\server\\share\\x.png",
    ],
)
def test_asset_paths_leaving_the_folder_are_refused_with_a_location(tmp_path: Path, portrait: str):
    folder = tmp_path / "school"
    folder.mkdir()
    path = scenario_with_portrait(folder, portrait)
    book, found = check(path)
    errors = [d for d in found if d.severity == "error"]
    if portrait.startswith("~"):  # stays inside: a folder literally named "~", at worst missing
        assert book is not None and not errors
        return
    assert book is None and [e.code for e in errors] == ["E401"]
    line = path.read_text(encoding="utf-8").splitlines()[errors[0].location.line - 1]
    assert "portrait:" in line and errors[0].location.col == line.index("'") + 1


def test_a_symlink_pointing_outside_is_refused(tmp_path: Path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    folder = tmp_path / "school"
    (folder / "portraits").mkdir(parents=True)
    (folder / "portraits" / "lucie.png").symlink_to(outside)
    (folder / "portraits" / "loop.png").symlink_to(folder / "portraits" / "loop.png")
    path = scenario_with_portrait(folder, "portraits/lucie.png")
    book, found = check(path)
    assert book is None and [d.code for d in found if d.severity == "error"] == ["E401"]
    looped = scenario_with_portrait(folder, "portraits/loop.png")
    book, found = check(looped)
    assert all(d.location.line > 1 for d in found)


def test_a_symlink_inside_the_folder_is_fine(tmp_path: Path):
    folder = tmp_path / "school"
    (folder / "portraits").mkdir(parents=True)
    (folder / "portraits" / "real.png").write_bytes((ROOT / "scenarios" / "portraits" / "lucie.png").read_bytes())
    (folder / "portraits" / "lucie.png").symlink_to(folder / "portraits" / "real.png")
    book, found = check(scenario_with_portrait(folder, "portraits/lucie.png"))
    assert book is not None and not [d for d in found if d.severity == "error"]


# -- markup in names and texts -------------------------------------------------------------------------------------
SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror='alert(1)'>"


@pytest.fixture
def hostile_game(tmp_path: Path) -> Path:
    """A finished game whose trainee, group and scenario texts are all markup."""
    text = DEMO.read_text(encoding="utf-8")
    text = text.replace('fr: "Démo — le comité', f'fr: "{IMG} Démo — le comité')
    text = text.replace('name: "Marie Perrin"', f'name: "Marie {SCRIPT}"')
    text = text.replace("fr: \"Partir d'une situation concrète", f"fr: \"</td></tr>{SCRIPT} Partir d'une situation")
    scenario = tmp_path / "hostile.yaml"
    scenario.write_text(text, encoding="utf-8")
    engine = Engine(load(scenario))
    session = engine.new_session(2, f"Eve {SCRIPT}", f"G {IMG}")
    with Recorder.begin(engine, session, tmp_path / "eve.jsonl") as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    return recorder.path


def assert_escaped(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html or "&lt;script&gt;alert(&#39;" in html or "&lt;script&gt;" in html


def test_markup_is_shown_as_text_in_every_report(tmp_path: Path, hostile_game: Path):
    out = tmp_path / "reports"
    code, stdout, err = run_cli(
        ["report", str(hostile_game), "-o", str(out), "--scenario", str(tmp_path / "hostile.yaml")]
    )
    assert code == 0, err
    html = (out / "eve.html").read_text(encoding="utf-8")
    assert_escaped(html)
    assert "Eve &lt;script&gt;" in html

    code, stdout, err = run_cli(
        ["debrief", str(hostile_game), "-o", str(tmp_path / "class.html"), "--csv", str(tmp_path / "class.csv")]
    )
    assert code == 0, err
    assert_escaped((tmp_path / "class.html").read_text(encoding="utf-8"))
    rows = list(csv.reader(io.StringIO((tmp_path / "class.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert any(SCRIPT in cell for cell in rows[1])  # CSV keeps the name as it was typed: it is not markup


def test_a_name_cannot_become_a_spreadsheet_formula(tmp_path: Path):
    engine = Engine(load(DEMO))
    session = engine.new_session(2, '=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0")
    with Recorder.begin(engine, session, tmp_path / "f.jsonl") as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    code, stdout, err = run_cli(
        ["debrief", str(recorder.path), "-o", str(tmp_path / "c.html"), "--csv", str(tmp_path / "c.csv")]
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    header, row = rows[0], rows[1]  # the French Excel dialect: `;`, labels in the report's language
    for column in ("Stagiaire", "Groupe"):
        assert not row[header.index(column)].startswith(("=", "+", "-", "@")), row[header.index(column)]


def test_environment_is_not_read_from_scenarios(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARTENAIRES_SECRET", "s3cr3t")
    text = DEMO.read_text(encoding="utf-8").replace('"Première réunion.', '"${PARTENAIRES_SECRET} $HOME Première')
    path = tmp_path / "env.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(
        ["play", "--text", str(path), "--seed", "1", "--out", str(tmp_path / "e.jsonl")], stdin="1\n" * 20
    )
    assert code == 0 and "${PARTENAIRES_SECRET} $HOME" in out and "s3cr3t" not in out
    assert os.environ["PARTENAIRES_SECRET"] == "s3cr3t"


def test_a_link_made_after_a_first_check_is_still_refused(tmp_path: Path):
    """The loader remembers parsed files; it must not remember what the folder looked like."""
    folder = tmp_path / "school"
    (folder / "portraits").mkdir(parents=True)
    path = scenario_with_portrait(folder, "portraits/lucie.png")
    book, found = check(path)
    assert book is not None and [d.code for d in found] == ["W401"]  # missing: a drawn portrait
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    (folder / "portraits" / "lucie.png").symlink_to(outside)
    book, found = check(path)
    assert book is None and [d.code for d in found if d.severity == "error"] == ["E401"]
