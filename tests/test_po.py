"""Translating a scenario through a PO file: export, fill the msgstrs, import; the scenario checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loading import check
from game.scenario.model import tr

pofile = pytest.importorskip("babel.messages.pofile")


def _fill(po: Path, prefix: str) -> int:
    with po.open("rb") as handle:
        catalog = pofile.read_po(handle)
    for message in catalog:
        if message.id:
            message.string = prefix + str(message.id)
    with po.open("wb") as handle:
        pofile.write_po(handle, catalog, width=0)
    return sum(1 for m in catalog if m.id)


def test_round_trip_keeps_the_layout_and_brings_every_text(tmp_path: Path, capsys):
    path = tmp_path / "atelier.yaml"
    assert main(["new", str(path), "--lang", "fr"]) == 0
    text = path.read_text(encoding="utf-8").replace("languages: [fr]", "languages: [fr, en]")
    path.write_text(text, encoding="utf-8")
    _, found = check(path)
    assert any(d.code == "W101" for d in found)  # texts written once, in French only
    po = tmp_path / "atelier.en.po"
    assert main(["po", "export", str(path), "-o", str(po), "--lang", "en"]) == 0
    count = _fill(po, "EN ")
    assert count > 40
    assert main(["po", "import", str(path), str(po), "--lang", "en"]) == 0
    assert f"{count} translation(s) written" in capsys.readouterr().out
    book, found = check(path)
    assert book is not None and [d for d in found if d.severity == "warning"] == []
    assert tr(book.model.scenes[0].text, "en") == "EN " + tr(book.model.scenes[0].text, "fr")
    after = path.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments == [line for line in after.splitlines() if line.lstrip().startswith("#")]
    assert len(after.splitlines()) == len(text.splitlines())  # each text changed on its own line
    # a second pass replaces the translations in place
    assert main(["po", "export", str(path), "-o", str(po), "--lang", "en"]) == 0
    _fill(po, "V2 ")
    assert main(["po", "import", str(path), str(po), "--lang", "en"]) == 0
    book, _ = check(path)
    assert book is not None
    assert tr(book.model.title, "en").startswith("V2 ") and "EN " not in path.read_text(encoding="utf-8")
