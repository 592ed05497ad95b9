"""The examples in the documentation are real: they load, check clean and play."""

import re
from pathlib import Path

from game.rules.engine import Engine
from game.scenario.loading import load_text

DOCS = Path(__file__).resolve().parent.parent / "docs"


def complete_example(name: str = "scenario-format.md", heading: str = "## A complete example") -> str:
    text = (DOCS / name).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_complete_example_checks_clean_and_plays_to_each_ending():
    book = load_text(complete_example(), "example.yaml")
    assert book.warnings == []
    engine = Engine(book)
    routes = {"instituee": [0, 0, 0], "procedure": [1, 0, 1], "evaporee": [0, 0, 1], "eclate": [0, 1]}
    for ending, picks in routes.items():
        session = engine.new_session(seed=4)
        for pick in picks:
            if session.finished:
                break
            offered = engine.offered(session)
            engine.choose(session, offered[min(pick, len(offered) - 1)])
        while not session.finished:
            engine.choose(session, engine.offered(session)[-1])
        assert session.ending == ending, (ending, [d.scene for d in session.history])


def test_the_french_complete_example_loads_with_no_error():
    book = load_text(complete_example("scenario-format.fr.md", "## Un exemple complet"), "exemple.yaml")
    assert book.warnings == []
