"""Hostile scenario files: what check accepts must play, no recursion or digit limit reachable from a file,
"did you mean" bounded, images measured before decoding."""

from __future__ import annotations

import os
import struct
import sys
import zlib
from pathlib import Path

import pytest
from playing import run_cli

from game.images import MAX_IMAGE_SIDE, ImageRefused, image_info
from game.scenario.loading import check
from game.scenario.suggest import SUGGESTIONS

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo.yaml"
CHOICE = "effects: {sens: 8, identite: 4,"
TURN_CONDITION = 'when: "turn >= 2"'


def _line_of(text: str) -> int:
    """The line of the demo where `text` is (the demo is revised now and then: never a line number by hand)."""
    return next(n for n, line in enumerate(DEMO.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _column_of(text: str, within: str) -> int:
    line = DEMO.read_text(encoding="utf-8").splitlines()[_line_of(text) - 1]
    return line.index(text) + text.index(within) + 1


CHOICE_AT = f":{_line_of(CHOICE)}:{_column_of(CHOICE, '8')}:"  # where the value of `sens` stands


def _variant(folder: Path, old: str, new: str, name: str = "variant.yaml") -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert old in text
    path = folder / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    _, found = check(path)
    return [d.format(with_source=False) for d in found if d.severity == "error"]


# -- 8. what check accepts must play ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("yes", "E107: wrong type for `sens` — expected a whole number, got 'yes'"),
        ("On", "got 'On'"),
        ("1:30", "got '1:30'"),
        ("190:20:30", "got '190:20:30'"),
        (".nan", "E010: not a finite number"),
        ("-.inf", "E010: not a finite number"),
    ],
)
def test_yaml_11_values_and_non_numbers_are_refused_where_a_number_is_expected(tmp_path, value, said):
    path = _variant(tmp_path, CHOICE, CHOICE.replace("8", value))
    errors = _errors(path)
    assert len(errors) == 1 and said in errors[0] and CHOICE_AT in errors[0], errors


def test_a_nan_cohesion_weight_is_refused_and_a_finite_one_plays(tmp_path):
    gauges = "gauges: {sens: 55, identite: 50, pouvoir: 30, cohesion: 50}"
    for weight, ok in ((".nan", False), (".inf", False), ("1e999", False), ("0.5", True)):
        path = _variant(
            tmp_path,
            gauges,
            gauges
            + f"\nrules:\n  cohesion_weights: {{sens: {weight}, identite: 0.3, pouvoir: 0.15, engagement: 0.25}}",
        )
        code, out, _ = run_cli(["check", "--lang", "en", str(path)])
        assert (code == 0) is ok, (weight, out)
        if ok:
            code, _, err = run_cli(["explore", str(path), "--runs", "20"])
            assert code in (0, 1) and "internal error" not in err


def test_yaml_11_words_stay_text_where_text_is_expected(tmp_path):
    path = _variant(
        tmp_path,
        'text: {fr: "Proposer une charte de valeurs", en: "Propose a charter of values"}',
        "text: {fr: oui, en: yes}",
    )
    book, found = check(path)
    assert book is not None, [str(d) for d in found]
    scene = next(s for s in book.model.scenes if any(c.id == "charte" for c in s.choices))
    assert next(c for c in scene.choices if c.id == "charte").text.en == "yes"


# -- 9. no recursion limit reachable from a file ---------------------------------------------------------
def test_a_condition_of_600_additions_is_located_and_the_next_files_are_checked(tmp_path):
    chain = "1" + "+1" * 600 + ">1"  # 1,203 characters
    bad = _variant(tmp_path, TURN_CONDITION, f'when: "{chain}"', "chain.yaml")
    code, out, err = run_cli(["check", "--lang", "en", str(bad), str(DEMO)])
    assert code == 1 and "internal error" not in err
    lines = out.splitlines()
    at = f":{_line_of(TURN_CONDITION)}:"
    assert any(at in line and "too long a chain" in line for line in lines), out
    assert lines[-1].endswith("demo.yaml: ok (0 warning(s))")


def test_the_parser_refuses_deep_trees_without_recursion():
    from game.errors import ConditionError
    from game.scenario.conditions import MAX_TREE_DEPTH, compile_condition

    compile_condition("1" + " + 1" * (MAX_TREE_DEPTH - 1) + " > 1")
    with pytest.raises(ConditionError, match="too long a chain"):
        compile_condition("1" + " + 1" * MAX_TREE_DEPTH + " > 1")
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # refused before any recursive walk, even on a small stack
    try:
        with pytest.raises(ConditionError):
            compile_condition("1" + " * 1" * 900 + " > 1")
    finally:
        sys.setrecursionlimit(old)


# -- 10. huge integers never crash the message -----------------------------------------------------------
@pytest.mark.parametrize(
    "value", ["0x" + "f" * 3600, "0o" + "7" * 3600, "9" * 5000, "1" + ":59" * 1200, "0b" + "1" * 9000]
)
def test_huge_integers_get_a_located_message(tmp_path, value):
    path = _variant(tmp_path, CHOICE, CHOICE.replace("8", value))
    code, out, err = run_cli(["check", "--lang", "en", str(path)])
    assert code == 1 and "internal error" not in err and "Traceback" not in err
    first = out.splitlines()[0]
    assert f"{CHOICE_AT} error" in first and len(first) < 400


# -- 4. did-you-mean bounded -----------------------------------------------------------------------------
def test_only_the_first_mistakes_get_a_suggestion(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen_scenario import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path / "dangling.yaml"
    path.write_text(generate(40, dangling=True), encoding="utf-8")
    _, found = check(path)
    dangling = [d for d in found if d.code == "E201"]
    assert len(dangling) > 3 * SUGGESTIONS
    assert 0 < sum("did you mean" in d.message for d in dangling) <= SUGGESTIONS
    assert all(d.location.line > 0 for d in dangling)


# -- 12. image dimensions read before decoding -----------------------------------------------------------
def _png(width: int, height: int, body: bytes = b"") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + body


def _portrait_scenario(folder: Path, picture: bytes | None) -> Path:
    (folder / "portraits").mkdir(exist_ok=True)
    target = folder / "portraits" / "big.png"
    if picture is None:
        os.mkfifo(target)
    else:
        target.write_bytes(picture)
    return _variant(folder, "organisation: cg71", "organisation: cg71\n    portrait: portraits/big.png")


@pytest.mark.parametrize(
    ("picture", "said"),
    [
        (
            _png(20_000, 20_000, b"\0" * 1024),
            "image too large — expected at most 4096 × 4096 pixels, got 20000 × 20000",
        ),
        (b"GIF89a" + struct.pack("<HH", 9000, 10) + b"\0" * 20, "got 9000 × 10"),
        (b"<svg>not an image</svg>", "not a PNG, JPEG, GIF or BMP image"),
        (None, "named pipe"),
    ],
)
def test_oversized_or_foreign_portraits_are_refused_by_check(tmp_path, picture, said):
    path = _portrait_scenario(tmp_path, picture)
    errors = _errors(path)
    assert len(errors) == 1 and "E402" in errors[0] and said in errors[0], errors


def test_image_headers_are_read_for_each_format():
    assert image_info(_png(300, 200)).width == 300
    jpeg = b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9
    jpeg += b"\xff\xc0" + struct.pack(">HBHH", 17, 8, 480, 640) + b"\0" * 12
    info = image_info(jpeg)
    assert (info.kind, info.width, info.height) == ("JPEG", 640, 480)
    with pytest.raises(ImageRefused):
        image_info(_png(MAX_IMAGE_SIDE + 1, 1))


def test_the_window_draws_a_portrait_instead_of_decoding_a_huge_one(tmp_path):
    pygame = pytest.importorskip("pygame")
    from game.ui.widgets.portrait import portrait

    pygame.display.init()
    pygame.display.set_mode((10, 10))
    big = tmp_path / "big.png"
    big.write_bytes(_png(20_000, 20_000, b"\0" * 1024))
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    for image in (big, fifo):
        surface = portrait(f"k{image.name}", (10, 20, 30), 64, image)
        assert surface.get_size() == (64, 64)


def test_a_file_cut_in_the_middle_of_a_key_is_located_on_its_last_line(tmp_path):
    """libyaml reports the end of a file without a final line break one line past it: brought back."""
    cut = "format: 1\nid: coupe\ntitle: Coupé\ni"
    path = tmp_path / "cut.yaml"
    path.write_text(cut, encoding="utf-8")
    errors = _errors(path)
    assert errors and all(e.split(" error")[0].endswith(":4:2:") for e in errors), errors
