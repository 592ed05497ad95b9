"""`play --text --watch`: saving the scenario reloads it, as F5 does in the window.

Through a pipe that is not a descriptor (the first tests), before the next scene; in a real process, at
once, while the prompt waits for a choice.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from game.cli import main
from game.records.record import read_log

BASE = Path(__file__).resolve().parent / "scenarios" / "no_effect_choice.yaml"


class EditingInput(io.StringIO):
    """Typed answers; after the first one, the scenario file is saved with an edit (or a mistake)."""

    def __init__(self, answers: str, path: Path, edited: str) -> None:
        super().__init__(answers)
        self.path, self.edited, self.lines = path, edited, 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.lines += 1
        if self.lines == 2:
            self.path.write_text(self.edited, encoding="utf-8")
            stat = self.path.stat()
            os.utime(self.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        return super().readline(size)


def _play(tmp_path: Path, monkeypatch, edit) -> tuple[int, str, Path]:
    path = tmp_path / "s.yaml"
    text = BASE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", EditingInput("1\n1\n1\n1\n", path, edit(text)))
    out = tmp_path / "records"
    out.mkdir()
    args = ["play", "--text", "--watch", str(path), "--seed", "1", "--lang", "en", "--out", str(out)]
    return main(args), str(out), out


def test_a_saved_edit_is_played_from_the_next_scene(tmp_path, monkeypatch, capsys):
    code, _, out = _play(tmp_path, monkeypatch, lambda s: s.replace("A month passes.", "A month passes, edited."))
    shown = capsys.readouterr().out
    assert code == 0
    assert "Scenario reloaded: the game goes on at the same scene, with the same state." in shown
    assert "A month passes, edited." in shown
    records = sorted(out.glob("*.jsonl"))
    assert len(records) == 2  # the old version's record closed, a new one for the new version
    digests = {read_log(r).header["scenario"]["digest"] for r in records}
    assert len(digests) == 2


def test_a_saved_mistake_keeps_the_previous_version(tmp_path, monkeypatch, capsys):
    code, _, _ = _play(tmp_path, monkeypatch, lambda s: s.replace("speaker: karim", "speaker: karimm"))
    shown = capsys.readouterr().out
    assert code == 0
    assert "The saved file has errors: the game goes on with the previous version." in shown
    assert "  How to fix: " in shown


# -- a real terminal game: the scenario reloads while the prompt waits ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent
PROMPT = "Your choice (1 to 1, or ? for help): "


class Running:
    """`partenaires play --text --watch` in its own process, its standard input a pipe kept open."""

    def __init__(self, *argv: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "play", "--text", "--watch", *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.shown = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 4096):  # the prompt ends no line: read what comes
            self.shown += chunk

    def text(self) -> str:
        return self.shown.decode("utf-8", "replace")

    def wait_for(self, what: str, count: int = 1, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.text().count(what) < count:
            assert self.proc.poll() is None, f"the game stopped:\n{self.text()}"
            assert time.monotonic() < deadline, f"never shown: {what!r}\n{self.text()}"
            time.sleep(0.05)

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def end(self) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        self.reader.join(timeout=10)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return code


def _save(path: Path, text: str) -> None:
    """Saved as an editor does, with a later modification time even on a coarse clock."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


@pytest.mark.skipif(sys.platform == "win32", reason="select does not wait on a Windows console: between scenes")
def test_a_save_while_the_prompt_waits_shows_the_scene_again_before_any_choice(tmp_path):
    path = tmp_path / "s.yaml"
    text = BASE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    game = Running(str(path), "--seed", "1", "--lang", "en", "--out", str(tmp_path))
    try:
        game.wait_for(PROMPT)
        assert "First meeting." in game.text()
        _save(path, text.replace("First meeting.", "First meeting, edited while you read."))
        game.wait_for("First meeting, edited while you read.")  # nothing typed yet: shown by the save alone
        game.wait_for(PROMPT, count=2)
        assert "Scenario reloaded: the game goes on at the same scene, with the same state." in game.text()
        assert "Month 1 of 4" in game.text().split("edited while you read")[0].rsplit("reloaded", 1)[1]

        _save(path, text.replace("speaker: karim", "speaker: karimm"))  # a mistake: said, then asked again
        game.wait_for("error E201: unknown partner `karimm`")
        game.wait_for(PROMPT, count=3)

        game.type("1")  # the game goes on with the edited version
        game.wait_for("A month passes.")
    finally:
        code = game.end()
    assert code == 0
    assert len(list(tmp_path.glob("*.jsonl"))) == 2  # one record per version played


@pytest.mark.skipif(sys.platform == "win32", reason="select does not wait on a Windows console")
def test_piped_answers_play_the_same_game_with_or_without_watch(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(BASE.read_text(encoding="utf-8"), encoding="utf-8")

    def played(*extra: str) -> list[str]:
        argv = ["play", "--text", str(path), "--seed", "4", "--lang", "fr", "--out", str(tmp_path), *extra]
        done = subprocess.run(
            [sys.executable, "-m", "game", *argv], input="1\nzz\n2\n1\n1\n", capture_output=True, text=True,
            cwd=ROOT, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return [line for line in done.stdout.splitlines() if str(tmp_path) not in line]  # paths differ

    assert played("--watch") == played()


def test_a_waiting_reader_gives_the_lines_readline_would(tmp_path):
    from game.textmode.prompt import waiting_reader

    inlet, outlet = os.pipe()
    echo = io.StringIO()
    with os.fdopen(inlet, encoding="utf-8") as stream:
        reader = waiting_reader(stream, echo)
        assert reader is not None
        os.write(outlet, "1\nré".encode()[:-1])  # a line, then half of a two-byte letter
        assert reader.read("? ") == "1\n"
        woken: list[int] = []
        reader.idle = lambda: (woken.append(1), os.write(outlet, "é".encode()[1:] + b"\nlast"), os.close(outlet))
        assert reader.read("? ") == "ré\n"
        assert woken == [1]  # the wait went through `idle` while the line was incomplete
        assert reader.read("? ") == "last"  # a last line without its newline, as readline gives it
        assert reader.read("? ") is None
    assert echo.getvalue() == "? 1\n? ré\n? last\n? "
