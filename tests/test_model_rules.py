"""The paper's rules in the engine (docs/model.md): each one played through the public engine."""

from __future__ import annotations

import pytest

from game.rules.engine import Engine
from game.scenario.loading import check, load_text
from game.scenario.model import Effects

BASE = """
format: 1
id: rules
title: "Rules"
summary: "The paper's rules."
languages: [en]
player: {role: "Adviser", organisation: ccas}
gauges: {sens: SENS, identite: IDENTITE, pouvoir: POUVOIR, cohesion: 50}
clock: {turns: 6}
RULES
organisations:
  - {id: ccas, name: "Social centre", short: CCAS, hierarchy: {title: "Director"}}
  - {id: cg71, name: "Département", short: CG71, pace: 0.5, hierarchy: {title: "Manager"}}
partners:
  - {id: lea, name: "Léa", organisation: ccas, role: "Facilitator", logic: "Ties first.", engagement: 50}
  - {id: max, name: "Max", organisation: cg71, role: "Social worker", logic: "Rights first.", engagement: 50}
inventions:
  - {id: revue, name: "Joint review", emergent: true}
  - {id: fiche, name: "Form"}
phases:
  - {id: only, name: "Only"}
scenes:
  - id: table
    phase: only
    once: false
    text: "Around the table."
    choices:
      - text: "Work a case"
        effects: {sens: 10, identite: 10}
        tags: [travail_pratique_du_sens]
      - text: "Ask the directors"
        effects: {pouvoir: 30}
        tags: [procedure_enclenche]
      - text: "Invent both"
        cost: 0
        effects: {invent: [revue, fiche]}
        tags: [institution_incertaine]
      - text: "A note de service"
        cost: 0
        effects: {inscribe: {fiche: {ccas: 40}}}
        tags: [formalisation]
      - text: "Colleagues use it"
        cost: 0
        effects: {diffuse: {fiche: {ccas: 40, cg71: 40}}}
        tags: [invention_innovation]
endings:
  - id: eclate
    at: break
    title: "Broken"
    explanation: "It broke."
    questions: ["Why?"]
  - id: fin
    title: "End"
    explanation: "The end."
    questions: ["What stayed?"]
"""


def engine(sens: int = 50, identite: int = 50, pouvoir: int = 30, rules: str = "") -> Engine:
    text = BASE.replace("SENS", str(sens)).replace("IDENTITE", str(identite)).replace("POUVOIR", str(pouvoir))
    return Engine(load_text(text.replace("RULES", rules)))


def test_gains_of_sens_and_identite_diminish_near_the_top() -> None:
    low, high = engine(50, 50), engine(80, 90)
    a, b = low.new_session(1), high.new_session(1)
    assert low.choose(a, 0).changes["sens"] == 10  # below 60: the whole gain
    outcome = high.choose(b, 0)
    # at 80: 10 × (100 − 80) / 40 = 5, then the month's upkeep (above 70) takes 2 back
    assert outcome.changes["sens"] == 5 and outcome.costs["sens"] == -2
    assert outcome.changes["identite"] == 2 and outcome.costs["identite"] == -2  # at 90: 10 × 10 / 40 = 2.5 → 2


def test_the_collectives_own_pouvoir_is_bounded() -> None:
    game = engine(pouvoir=60)
    session = game.new_session(1)
    assert game.choose(session, 1).changes["pouvoir"] == 10  # 60 + 30 stops at the cap, 70
    assert session.gauges["pouvoir"] == 70
    assert "pouvoir" not in game.choose(session, 1).changes


def test_emergent_inventions_are_born_only_in_a_light_frame() -> None:
    light, heavy = engine(pouvoir=30), engine(pouvoir=50)
    a, b = light.new_session(1), heavy.new_session(1)
    assert {"invent:revue", "invent:fiche"} <= set(light.choose(a, 2).changes)
    changes = heavy.choose(b, 2).changes
    assert "invent:fiche" in changes and "invent:revue" not in changes and changes["stifled:revue"] == 1
    assert "revue" not in b.diffusion


def test_a_note_de_service_is_weak_without_appropriation() -> None:
    game = engine()
    bare, used = game.new_session(1), game.new_session(1)
    for session in (bare, used):
        game.choose(session, 2)
    assert game.choose(bare, 3).changes["diffusion:fiche:ccas"] == 10  # a quarter of 40
    game.choose(used, 4)  # colleagues appropriate it first: 40 ≥ 30
    assert game.choose(used, 3).changes["diffusion:fiche:ccas"] == 40


def test_each_organisation_appropriates_at_its_own_pace() -> None:
    game = engine()
    session = game.new_session(1)
    game.choose(session, 2)
    changes = game.choose(session, 4).changes
    assert changes["diffusion:fiche:ccas"] == 40 and changes["diffusion:fiche:cg71"] == 20  # pace 0.5


def test_a_rich_collective_costs_upkeep_every_month() -> None:
    game = engine(90, 90, rules="rules: {diminishing_from: 100}")
    session = game.new_session(1)
    game.choose(session, 1)  # a month spent with the directors: nothing for sens and identité
    assert session.gauges["sens"] == 88 and session.gauges["identite"] == 88
    assert session.last_cause["sens"] == "rule:upkeep"


def test_procedure_that_replaces_the_collective_erodes_it() -> None:
    game = engine(30, 30, pouvoir=40)
    session = game.new_session(1)
    game.choose(session, 1)  # pouvoir 70 > (30 + 30) / 2 + 25: the procedure regulates
    assert session.gauges["sens"] == 28 and session.gauges["identite"] == 28
    assert session.last_cause["sens"] == "rule:procedure"
    calm = engine(50, 50, pouvoir=40)
    other = calm.new_session(1)
    calm.choose(other, 1)  # a negotiated minimum of procedure: 70 is not above 50 + 25
    assert other.gauges["sens"] == 50


@pytest.mark.parametrize(("threshold", "ending"), [(25, "fin"), (45, "eclate")])
def test_one_break_rule_with_the_scenarios_threshold(threshold: int, ending: str) -> None:
    game = engine(40, 40, rules=f"rules: {{break_threshold: {threshold}}}")
    session = game.new_session(1)
    outcome = None
    while not session.finished:
        outcome = game.choose(session, 1)
    assert session.ending == ending
    if ending == "eclate":
        assert outcome is not None and outcome.ending is not None
        assert outcome.ending.facts[0].text == f"cohesion < {threshold}" and outcome.ending.facts[0].held


def test_a_light_frame_protects_nothing_when_the_last_member_leaves() -> None:
    light, heavy = engine(pouvoir=0), engine(pouvoir=70)
    for game, left in ((light, 12), (heavy, 30)):  # 50 × (1 − 0.5 × 1.5) = 12.5 and 50 × (1 − 0.5 × 0.8)
        session = game.new_session(1)
        game.choose(session, 2)
        session.diffusion["fiche"]["cg71"] = 50
        session.apply(Effects(leave=["max"]), "test")
        assert session.diffusion["fiche"]["cg71"] == left


def test_check_asks_for_the_one_break_rule_and_reads_balance(tmp_path) -> None:
    text = BASE.replace("SENS", "50").replace("IDENTITE", "50").replace("POUVOIR", "30").replace("RULES", "")
    old = text.replace("    at: break\n", '    at: any\n    when: "cohesion < 30"\n')
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "balance.yaml").write_text(text + "balance: {fin: [0.9, 0.1], nope: [0, 1]}\n", encoding="utf-8")
    book, found = check(tmp_path / "old.yaml")
    assert book is not None and [d.code for d in found] == ["W206", "W121"]  # (one scene fills the six months)
    assert (
        "expected `at: break`" in found[1].message
        and found[1].location.line == old.splitlines().index("    at: any") + 1
    )
    _, found = check(tmp_path / "balance.yaml")
    assert sorted(d.code for d in found) == ["E201", "E208"]
