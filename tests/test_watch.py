"""`play --text --watch`: saving the scenario reloads it before the next scene, as F5 does in the window."""

from __future__ import annotations

import io
import os
from pathlib import Path

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
