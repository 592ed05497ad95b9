"""Every consequence readable: the feedback's totals are what the gauges show, causes apart, nothing hidden."""

from __future__ import annotations

import random
import re

import pytest

from game.rules.engine import Engine
from game.scenario.catalogue import builtin_scenarios
from game.scenario.loading import load
from game.views.consequences import consequences
from game.vocabulary.gauges import GAUGES


@pytest.mark.parametrize("path", builtin_scenarios(), ids=lambda p: p.stem)
def test_the_net_change_is_what_the_gauges_show_and_the_causes_add_up_to_it(path) -> None:
    engine = Engine(load(path))
    checked = 0
    for seed in range(30):
        rng, session = random.Random(seed), engine.new_session(seed)
        while not session.finished:
            before = dict(session.gauges)
            outcome = engine.choose(session, rng.choice(engine.view(session).choices).index)
            told = consequences(engine.book, outcome, "fr")
            for gauge in GAUGES:
                delta = session.gauges[gauge] - before[gauge]
                by_causes = outcome.changes.get(gauge, 0) + outcome.costs.get(gauge, 0)
                by_causes += sum(hit.deltas.get(gauge, 0) for hit in outcome.events)
                assert by_causes == delta, (gauge, outcome.decision.scene)
            shown = {line.text for line in told.net}
            assert len(told.net) == sum(1 for g in GAUGES if session.gauges[g] != before[g])
            assert all(text.rsplit(" ", 1)[1] not in ("+0", "0", "−0") for text in shown)
            checked += 1
    assert checked > 30


def test_an_outside_event_is_its_own_cause_and_diffusion_is_grouped_per_invention() -> None:
    engine = Engine(load(next(p for p in builtin_scenarios() if p.stem == "demo")))
    for seed in range(200):
        session = engine.new_session(seed)
        outcome = engine.choose(session, engine.view(session).choices[0].index)
        if outcome.events:
            break
    else:
        pytest.fail("no outside event struck in the demo's first month")
    told = consequences(engine.book, outcome, "fr")
    kinds = [cause.kind for cause in told.causes]
    assert kinds[0] == "event" and "choice" in kinds
    from game.rules.engine import Outcome
    from game.views.consequences import grouped_changes

    org_ids = [o.id for o in engine.book.model.organisations]
    invention = engine.book.model.inventions[0]
    same = {f"diffusion:{invention.id}:{org}": 15 for org in org_ids}
    lines = grouped_changes(engine.book, same, "fr")
    assert len(lines) == 1 and lines[0].text.endswith(f"+15 dans {len(org_ids)}\u00a0organisations")
    mixed = {f"diffusion:{invention.id}:{org_ids[0]}": 10, f"diffusion:{invention.id}:{org_ids[1]}": -5}
    (line,) = grouped_changes(engine.book, mixed, "en")
    assert "+10 (" in line.text and "\u22125 (" in line.text
    assert isinstance(outcome, Outcome)


OPERATORS = re.compile(r"≥|≤|>=|<=|==|!=| < | > |×|÷|/100| \* |\b(vrai|faux|true|false)\b")


@pytest.mark.parametrize("path", builtin_scenarios(), ids=lambda p: p.stem)
def test_no_operator_or_formula_in_what_an_ending_tells_a_trainee(path) -> None:
    """The endings' own texts, and the reasons given for any ending (reached or not) on real final states."""
    from game.rules.reading import READER
    from game.scenario.model import tr
    from game.views.narration import describe_condition_fact

    book = load(path)
    engine = Engine(book)
    for lang in ("fr", "en"):
        for ending in book.model.endings:
            texts = [tr(ending.explanation, lang), *(tr(q, lang) for q in ending.questions)]
            assert not [text for text in texts if OPERATORS.search(text)], ending.id
    for seed in range(15):
        rng, session = random.Random(seed), engine.new_session(seed)
        while not session.finished:
            engine.choose(session, rng.choice(engine.view(session).choices).index)
        for index in range(len(book.model.endings)):
            condition = book.cond("endings", index, "when")
            if condition is None:
                continue
            for lang in ("fr", "en"):
                for fact in condition.explain(session, READER):
                    said = describe_condition_fact(book, fact, lang)
                    assert not OPERATORS.search(said), said
