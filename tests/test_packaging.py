"""The game installs anywhere: the wheel carries everything it needs, and the package list is true."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_the_game_is_listed_for_the_wheel() -> None:
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")}
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    assert on_disk - listed == set()
    assert listed - on_disk == {"game.builtin_scenarios", "game.builtin_assets"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(out.glob("partenaires-*.whl"))


def test_the_wheel_carries_scenarios_portraits_templates_and_assets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for scenario in (ROOT / "scenarios").glob("*.yaml"):
        assert f"game/builtin_scenarios/{scenario.name}" in names
    for portrait in (ROOT / "scenarios" / "portraits").glob("*.png"):
        assert f"game/builtin_scenarios/portraits/{portrait.name}" in names
    for template in (ROOT / "game").rglob("templates/*"):
        assert template.relative_to(ROOT).as_posix() in names
    assert "game/builtin_assets/icon.png" in names
    for module in (ROOT / "game").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names


def test_an_installed_wheel_plays_the_tutorial_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import game; print(game.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(site))
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "tutoriel", "--seed", "3", "--out", str(elsewhere)],
        input="1\n" * 60,
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert list(elsewhere.glob("*.jsonl")) and list(elsewhere.glob("*.html"))


def test_main_py_takes_a_trainer_command_as_the_standalone_build_does() -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "check", "--lang", "en", "tutoriel"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("tutoriel.yaml: ok (0 warning(s))")


def test_the_window_entry_knows_every_command_of_the_parser() -> None:
    import argparse

    from game.cli import COMMANDS, build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == COMMANDS
    window = next(a for a in build_parser(window_only=True)._actions if isinstance(a, argparse._SubParsersAction))
    assert set(window.choices) == {"play"}


def test_about_lists_what_this_copy_carries(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from game.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # `about` makes the sessions folder if it is not there

    assert main(["about"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("partenaires 0.1.0 (Python 3.")
    assert lines[1].startswith("built-in scenarios: 4 in ")
    assert lines[2] == "  tutoriel, chalon-chantier-insertion, cucm-plie, demo"
    assert (
        lines[3] == "report templates: 5 (_sheet.html.j2, _style.css.j2, class.html.j2, report.html.j2, sheets.html.j2)"
    )
    assert lines[4].startswith("window font: Lato — ") and lines[4].endswith("Lato-Bold.ttf")
    assert lines[5] == f"sessions are recorded in: {tmp_path / 'partenaires' / 'sessions'}"


def test_about_says_when_the_window_would_fall_back_to_pygames_font(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.cli import main

    monkeypatch.setitem(sys.modules, "font_lato", None)  # as if the package were not installed
    assert main(["about"]) == 1
    assert "window font: pygame's bundled font (Lato not found: the font-lato package is missing)" in (
        capsys.readouterr().out
    )
