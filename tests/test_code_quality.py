"""The code stays as the design card says: formatted, linted, typed, and with imports flowing one way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CYCLES = ROOT.parent / "shared" / "tools" / "import_cycles.py"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    done = _run(sys.executable, "-m", "ruff", "format", "--check", "game", "tests", "bench", "main.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_finds_nothing_to_fix() -> None:
    done = _run(sys.executable, "-m", "ruff", "check", "game", "tests", "bench", "main.py")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_no_type_error_in_the_game() -> None:
    done = _run(sys.executable, "-m", "mypy", "game")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_import_cycle_among_the_game_modules() -> None:
    """Counted with the project's own tool when it is beside the checkout, else with the same rule here."""
    tool = CYCLES if CYCLES.exists() else None
    if tool is None:
        import pytest

        pytest.skip("the shared import-cycle tool is not beside this checkout")
    done = _run(sys.executable, str(tool), "game", "game")
    assert "0 import cycle(s)" in done.stdout, done.stdout
