"""Translating a scenario through a PO file: export, fill the msgstrs, import; the scenario checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loading import check
from game.scenario.model import tr

pofile = pytest.importorskip("babel.messages.pofile")


@pytest.fixture(autouse=True)
def _english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """`po` speaks the system's language (its `--lang` is the translation's): these tests read English."""
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")


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


BLOCKS = """\
# Long texts written as blocks, in every way the format allows.
format: 1
id: blocs
languages: [fr, en]
title: {fr: "Blocs", en: "Blocks"}
summary: |
  Un collectif, deux scènes.
  Une deuxième ligne.
player:
  role: {fr: "CESF", en: "Adviser"}
  organisation: ccas
clock: {turns: 1}
organisations:
  - id: ccas
    name: {fr: "CCAS", en: "Social centre"}
    short: CCAS
    hierarchy: {title: {fr: "Directrice", en: "Director"}}
partners:
  - id: karim
    name: "Karim"
    organisation: ccas
    role: {fr: "Conseiller", en: "Adviser"}
    logic:
      fr: >-  # what Karim wants
        Des résultats, vite, et des chiffres à montrer à sa direction à la fin de chaque trimestre, sinon
        rien ne tient.
      # a comment that stays below the French text
phases:
  - id: contacts
    name: {fr: "Contacts", en: "Contacts"}
    start: accueil
scenes:
  - id: accueil
    phase: contacts
    speaker: karim
    text:
      fr: >
        Première réunion.

        Karim arrive en retard.
      en: |
        An old translation
        to replace.
    choices:
      - text: {fr: "Partir d'un cas", en: "Start from a case"}
        effects: {sens: 5, engagement: {karim: 5}}
      - text: {fr: "Attendre", en: "Wait"}
        effects: {sens: -5}
endings:
  - id: fin
    title: {fr: "Fin", en: "End"}
    explanation: {fr: "Le financement s'achève.", en: "Funding ends."}
    questions:
      - |
        Pourquoi\u00a0?
        Et comment\u00a0?
      - fr: |-
          Qui a lâché\u00a0?
"""

ENGLISH = {  # the translator's work, block scalars included
    "summary": "One collective, two scenes.\nA second line.\n",
    "partners.0.logic": "Results, fast, and figures to show the management at the end of every quarter, or else"
    " nothing holds — a long line that the import wraps as the French one is.",
    "scenes.0.text": "First meeting.\nKarim is late.\n",
    "endings.0.questions.0": "Why?\nAnd how?\n",
    "endings.0.questions.1": "Who let go?",
}


def test_block_scalars_come_back_as_blocks_with_the_comments_kept(tmp_path: Path, capsys):
    path = tmp_path / "blocs.yaml"
    path.write_text(BLOCKS, encoding="utf-8")
    _, found = check(path)
    assert sorted(d.code for d in found) == ["W101", "W101", "W101", "W101"]  # four texts lack their English
    po = tmp_path / "blocs.en.po"
    assert main(["po", "export", str(path), "-o", str(po), "--lang", "en"]) == 0
    with po.open("rb") as handle:
        catalog = pofile.read_po(handle)
    assert {m.context for m in catalog if m.id} >= set(ENGLISH)
    for message in catalog:
        if message.context in ENGLISH:
            message.string = ENGLISH[message.context]
    with po.open("wb") as handle:
        pofile.write_po(handle, catalog, width=0)

    assert main(["po", "import", str(path), str(po), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "5 translation(s) written" in said and "by hand" not in said
    book, found = check(path)
    assert book is not None and found == []
    model = book.model
    texts = {
        "summary": model.summary,
        "partners.0.logic": model.partners[0].logic,
        "scenes.0.text": model.scenes[0].text,
        "endings.0.questions.0": model.endings[0].questions[0],
        "endings.0.questions.1": model.endings[0].questions[1],
    }
    assert {where: tr(text, "en") for where, text in texts.items()} == ENGLISH
    assert tr(model.scenes[0].text, "fr") == "Première réunion.\nKarim arrive en retard.\n"  # the French unchanged
    after = path.read_text(encoding="utf-8")
    assert "      # a comment that stays below the French text" in after
    assert "      fr: >-  # what Karim wants" in after
    assert "An old translation" not in after
    # written as blocks, the way the French is: literal stays literal, folded is folded and wrapped
    assert "summary:\n  fr: |\n    Un collectif, deux scènes.\n" in after
    assert "\n  en: |\n    One collective, two scenes.\n    A second line.\n" in after
    assert (
        "      - fr: |\n          Pourquoi\u00a0?\n          Et comment\u00a0?\n        en: |\n          Why?\n"
        in after
    )
    assert "      en: >-\n        Results, fast," in after
    assert max(len(line) for line in after.splitlines()) <= 106


def test_importing_a_language_the_file_did_not_list_adds_it_to_languages(tmp_path: Path, capsys):
    path = tmp_path / "atelier.yaml"
    assert main(["new", str(path), "--lang", "fr"]) == 0  # French only: `languages: [fr]`
    po = tmp_path / "atelier.en.po"
    assert main(["po", "export", str(path), "-o", str(po), "--lang", "en"]) == 0
    _fill(po, "EN ")
    with po.open("rb") as handle:
        catalog = pofile.read_po(handle)
    for message in catalog:
        if message.context == "title":
            message.string = ""  # one text the translator has not done yet
    with po.open("wb") as handle:
        pofile.write_po(handle, catalog, width=0)
    capsys.readouterr()
    assert main(["po", "import", str(path), str(po), "--lang", "en"]) == 0
    assert "`languages:` now lists en" in capsys.readouterr().out
    assert "languages: [fr, en]" in path.read_text(encoding="utf-8")
    _, found = check(path)
    title = next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith("title:")
    )
    assert [(d.code, d.location.line) for d in found] == [("W101", title)]  # the untranslated title: now seen
