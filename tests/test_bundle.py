"""The standalone build (`pyinstaller partenaires.spec`) plays, reports, and carries what it needs.

The bundle is built once into a temporary folder and run from another one, far from the source:
a whole tutorial piped into its text mode writes the record and the report (templates and
built-in scenarios came along), `about` names the Lato files the window draws with, and a
trainer's command works. Without PyInstaller the tests are skipped, except in CI (CI=true),
which installs it with the `test` extra and must not pass by skipping.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder's executable."""
    if importlib.util.find_spec("PyInstaller") is None:
        reason = "PyInstaller is not installed (pip install -e '.[test]')"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must build the standalone bundle")
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "partenaires.spec"),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    exe = work / "dist" / "partenaires" / ("partenaires.exe" if sys.platform == "win32" else "partenaires")
    assert exe.is_file()
    return exe


def run(exe: Path, args: list[str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(cwd / "data"), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([str(exe), *args], input=stdin, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_bundle_plays_a_whole_tutorial_in_the_terminal_and_writes_its_report(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "sessions"
    done = run(bundle, ["play", "--text", "tutoriel", "--seed", "3", "--out", str(out)], tmp_path, "1\n" * 80)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    records = list(out.glob("*-tutoriel-*.jsonl"))
    reports = list(out.glob("*-tutoriel-*.html"))
    assert len(records) == 1 and len(reports) == 1
    last = json.loads(records[0].read_text(encoding="utf-8").splitlines()[-1])
    assert last["type"] == "ending"
    assert "<html" in reports[0].read_text(encoding="utf-8")
    assert f"{reports[0]}" in done.stdout


def test_about_names_the_lato_files_the_window_uses_and_the_four_builtin_scenarios(
    bundle: Path, tmp_path: Path
) -> None:
    about = run(bundle, ["about"], tmp_path)
    assert about.returncode == 0, about.stdout + about.stderr
    lines = about.stdout.splitlines()
    assert lines[0].endswith("(standalone build)")
    scenarios = next(line for line in lines if line.startswith("built-in scenarios:"))
    assert scenarios.startswith("built-in scenarios: 4 in ")
    assert Path(scenarios.split(" in ", 1)[1]).is_relative_to(bundle.parent)
    assert "  tutoriel, chalon-chantier-insertion, cucm-plie, demo" in lines
    font = next(line for line in lines if line.startswith("window font:"))
    assert font.startswith("window font: Lato — ")
    files = [Path(part) for part in font.removeprefix("window font: Lato — ").split(", ")]
    assert [f.name for f in files] == ["Lato-Regular.ttf", "Lato-Bold.ttf"]
    assert all(f.is_file() and f.is_relative_to(bundle.parent) for f in files)
    assert "report templates: 5 " in about.stdout


def test_a_trainer_command_runs_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    checked = run(bundle, ["check", "--lang", "en", "tutoriel"], tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip().endswith("tutoriel.yaml: ok (0 warning(s))")
    written = run(bundle, ["new", "essai"], tmp_path)
    assert written.returncode == 0, written.stderr
    again = run(bundle, ["check", "--lang", "en", "essai.yaml"], tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
