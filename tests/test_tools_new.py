"""`partenaires new`: a template that checks clean and plays to an ending; the stub hint is pasteable."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.cli import main
from game.rules.engine import Engine
from game.scenario.loading import check, load_text
from game.tools.coverage import cover
from game.tools.explore import STRATEGIES, explore
from game.tools.template import slug, template_text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_new_checks_clean_and_plays(tmp_path: Path, lang: str, capsys) -> None:
    target = tmp_path / "mon-territoire"
    assert main(["new", str(target), "--lang", lang]) == 0
    path = tmp_path / "mon-territoire.yaml"
    book, found = check(path)
    assert book is not None and found == []  # no error, no warning
    assert book.model.id == "mon-territoire" and book.model.languages == [lang]
    engine = Engine(book)
    endings = set()
    for seed in range(40):
        session = engine.new_session(seed)
        rng = random.Random(seed)
        while not session.finished:
            view = engine.view(session)
            engine.choose(session, rng.choice(view.choices).index)
        endings.add(session.ending)
    assert endings == {e.id for e in book.model.endings}  # every ending of the template can be met
    assert main(["check", "--lang", "en", "--deep", str(path)]) == 0
    assert "error" not in capsys.readouterr().out
    # a trainer starts from a balanced scenario: explore and coverage have nothing to say
    report = explore(book, list(STRATEGIES), runs=100, seed=1, jobs=1)
    assert report.warnings == []
    assert cover(book, runs=20).missed == []


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("mine", encoding="utf-8")
    assert main(["new", str(path), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine"


def test_slug_and_quoted_title() -> None:
    assert slug("Mon Territoire à Chalon") == "mon-territoire-a-chalon"
    assert slug("2024 plan") == "scenario-2024-plan"
    book = load_text(template_text('Le "PLIE" 2.yaml', "fr"))
    assert book.model.title == 'Le "PLIE" 2'


def test_missing_scene_offers_a_pasteable_stub(tmp_path: Path, capsys) -> None:
    text = template_text("t.yaml", "fr").replace("start: diffuser", "start: bilan")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out
    assert "unknown scene `bilan`" in out
    shown = out.split("paste under `scenes:`\n", 1)[1]
    # the stub is printed as it must be pasted, under the `hint:` line
    stub = "".join(line + "\n" for line in shown.splitlines() if line.startswith("  ") and "How to fix" not in line)
    assert stub.startswith("  - id: bilan\n")
    assert '    text: "…"\n' in stub and '- text: "Continuer"' in stub and "en:" not in stub  # French only, as the file
    fixed = text.replace("\nscenes:\n", "\nscenes:\n" + stub)
    path.write_text(fixed, encoding="utf-8")
    book, found = check(path)
    assert book is not None, [d.format() for d in found]
