"""One test per kind of loader error: the line, the column and the words a trainer reads."""

import pytest

from game.errors import ScenarioError
from game.scenario.loading import check, load_text


@pytest.fixture
def demo_text(demo_path):
    return demo_path.read_text(encoding="utf-8")


def findings(tmp_path, text, name="s.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    book, found = check(path)
    return book, [d for d in found if d.severity == "error"]


def line_of(text, needle, nth=1):
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            count += 1
            if count == nth:
                return number, line.index(needle) + 1
    raise AssertionError(needle)


def only(errors):
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_demo_is_clean(demo_path):
    book, found = check(demo_path)
    assert book is not None and found == []


def test_yaml_syntax_error_is_located(tmp_path, demo_text):
    text = demo_text.replace("turns: 6", "turns: [6")
    _, errors = findings(tmp_path, text)
    err = only(errors)
    assert err.code == "E005" and "YAML syntax error" in err.message
    assert err.location.line > line_of(text, "turns: [6")[0] - 1


def test_wrong_type(tmp_path, demo_text):
    text = demo_text.replace("turns: 6", "turns: six")
    err = only(findings(tmp_path, text)[1])
    assert (err.location.line, err.location.col) == (line_of(text, "six")[0], line_of(text, "six")[1])
    assert err.message == "wrong type for `turns` — expected a whole number, got 'six'"


def test_missing_key_points_at_its_mapping(tmp_path, demo_text):
    text = demo_text.replace('    role: {fr: "Conseiller emploi", en: "Employment adviser"}\n', "")
    err = only(findings(tmp_path, text)[1])
    assert err.message == "missing key `role` — expected `role:` here"
    assert err.location.line == line_of(text, "- id: samuel")[0]


def test_unknown_key_suggests(tmp_path, demo_text):
    text = demo_text.replace("short: CG71", "shrot: CG71")
    errors = findings(tmp_path, text)[1]
    unknown = next(e for e in errors if e.code == "E102")
    assert unknown.message == "unknown key `shrot` — did you mean `short`?"
    assert (unknown.location.line, unknown.location.col) == line_of(text, "shrot")


def test_value_out_of_range(tmp_path, demo_text):
    text = demo_text.replace("engagement: 60\n", "engagement: 160\n", 1)
    err = only(findings(tmp_path, text)[1])
    assert err.message == "`engagement` out of range — expected between 0 and 100, got 160"
    assert err.location.line == line_of(text, "engagement: 160")[0]


def test_text_of_wrong_type(tmp_path, demo_text):
    text = demo_text.replace('title: {fr: "Coupe budgétaire", en: "Budget cut"}', "title: 42")
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E108" and "expected text, or `fr:` and `en:` texts, got 42" in err.message


def test_unknown_reference_suggests_and_offers_a_stub(tmp_path, demo_text):
    text = demo_text.replace("next: crise", "next: crisis")
    err = only(findings(tmp_path, text)[1])
    assert err.message == "unknown scene `crisis` — did you mean `crise`?"
    assert "- id: crisis" in err.hint and "phase:" in err.hint
    assert (err.location.line, err.location.col) == line_of(text, "crisis")


def test_duplicate_id(tmp_path, demo_text):
    text = demo_text.replace("- id: relance\n    phase: diffusion", "- id: diffuser\n    phase: diffusion")
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E202" and "duplicate id `diffuser` in scenes" in err.message
    assert err.location.line == line_of(text, "- id: diffuser", 2)[0]


def test_duplicate_yaml_key(tmp_path, demo_text):
    text = demo_text.replace('version: "2.0"', 'version: "2.0"\nversion: "3.0"')
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E008" and "duplicate key `version`" in err.message


def test_condition_error_points_inside_the_string(tmp_path, demo_text):
    text = demo_text.replace('when: "turn >= 2"', 'when: "turn >= 2 and flag(nope)"')
    err = only(findings(tmp_path, text)[1])
    line, col = line_of(text, "nope")
    assert (err.location.line, err.location.col) == (line, col)
    assert err.message == "condition: unknown flag `nope`"


def test_condition_syntax_error_column(tmp_path, demo_text):
    text = demo_text.replace('when: "turn >= 2"', 'when: "turn >= >= 2"')
    err = only(findings(tmp_path, text)[1])
    line, col = line_of(text, "turn >= >= 2")
    assert (err.location.line, err.location.col) == (line, col + len("turn >= "))


def test_unknown_concept_tag(tmp_path, demo_text):
    text = demo_text.replace("tags: [arrangement]", "tags: [arangement]", 1)
    err = only(findings(tmp_path, text)[1])
    assert err.message == "unknown concept tag `arangement` — did you mean `arrangement`?"


def test_unreachable_ending(tmp_path, demo_text):
    text = demo_text.replace('when: "pouvoir >= 55 and sens < 45"', 'when: "pouvoir >= 55 and sens > 145"')
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E206" and "ending `procedure` can never be reached" in err.message


def test_ending_shadowed_by_a_fallback(tmp_path, demo_text):
    text = demo_text.replace('    when: "innovations >= 1 and cohesion >= 40"\n', "")
    errors = findings(tmp_path, text)[1]
    assert {e.code for e in errors} == {"E206"}
    assert any("`procedure` can never be reached" in e.message for e in errors)


MEMO = '        when: "inventions >= 1"\n        effects: {inscribe: {temps: {anpe: 40}'
NO_MEMO = MEMO.replace('"inventions >= 1"', '"sens > 100"')  # the relance scene's other way out, closed


def test_scene_with_no_way_out(tmp_path, demo_text):
    text = demo_text.replace(MEMO, NO_MEMO).replace(
        '      - text: {fr: "Relancer chacun", en: "Follow up with each partner"}',
        '      - text: {fr: "Relancer chacun", en: "Follow up with each partner"}\n        when: "sens > 100"',
    )
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E204" and "scene with no way out" in err.message


def test_zero_cost_loop_is_no_way_out(tmp_path, demo_text):
    effects = "        effects: {engagement: {marie: 3, samuel: 3, lucie: 3}}"
    memo = demo_text.index('      - text: {fr: "Une note de service')
    without_memo = demo_text[:memo] + demo_text[demo_text.index("events:", memo) :]  # relance's one exit
    text = without_memo.replace(effects, effects + "\n        cost: 0\n        next: relance")
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E204" and "loop back through relance → relance" in err.message


def test_missing_fallback_ending(tmp_path, demo_text):
    head, _, _ = demo_text.partition("  - id: evaporee")
    errors = findings(tmp_path, head)[1]
    assert any(e.code == "E207" for e in errors)


def test_asset_leaving_the_folder(tmp_path, demo_text):
    text = demo_text.replace("portrait: portraits/lucie.png", "portrait: ../../etc/passwd")
    err = only(findings(tmp_path, text)[1])
    assert err.code == "E401" and "leaves the scenario folder" in err.message


def test_all_errors_at_once(tmp_path, demo_text):
    text = (
        demo_text.replace("next: crise", "next: crisis")
        .replace("speaker: marie", "speaker: mari")
        .replace("tags: [arrangement]", "tags: [arangement]", 1)
    )
    codes = sorted(e.code for e in findings(tmp_path, text)[1])
    assert codes == ["E201", "E201", "E205"]


def test_load_text_raises_with_every_diagnostic(demo_text):
    with pytest.raises(ScenarioError) as info:
        load_text(demo_text.replace("next: crise", "next: crisis").replace("speaker: marie", "speaker: mari"))
    assert len(info.value.diagnostics) == 2


@pytest.mark.parametrize(
    "raw, code, words",
    [
        (b"", "E004", "the file is empty"),
        (b"\x00\x01binary\x02", "E002", "not a text file"),
        (b"- a\n- b\n", "E004", "expected a mapping, got a list"),
        (b"caf\xe9: 1\n", "E002", "not UTF-8"),
        (b"[" * 10000 + b"]" * 10000, "E003", "nesting too deep"),
        (b"- " * 10000 + b"x\n", "E003", "nesting too deep"),
        (
            b"a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            b"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
            "E006",
            "alias bomb",
        ),
        (b"!!python/object/apply:os.system ['touch /tmp/pwned']\n", "E004", "expected a mapping"),
    ],
)
def test_bad_input_one_clear_line(tmp_path, raw, code, words):
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    book, found = check(path)
    assert book is None
    err = only(found)
    assert err.code in code.split("|") and words in err.message  # libyaml may refuse the depth itself
    assert err.location.line >= 1


def test_missing_scene_stub_pastes_as_printed(tmp_path, demo_text):
    import yaml

    text = demo_text.replace("next: crise", "next: crisis")
    err = only(findings(tmp_path, text)[1])
    printed = err.format()
    stub = printed.split("paste under `scenes:`\n", 1)[1]
    assert stub.startswith("  - id: crisis\n    phase: contacts\n")  # the phase of the scene that refers to it
    patched = text.replace("scenes:\n", "scenes:\n" + stub + "\n", 1)
    assert yaml.safe_load(patched)["scenes"][0]["id"] == "crisis"
    book, found = findings(tmp_path, patched)
    assert found == [] and book is not None
