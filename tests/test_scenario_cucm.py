"""The CUCM PLIE scenario (a dispositif created before the local actors, a formal frame that does not regulate):
it checks clean, each ending is reachable by a scripted player, and random play is not cast as a procedure trap.

Each playthrough is a small policy that picks choices by id in order of preference
(first offered id wins, otherwise the first choice on screen), on a fixed seed, so
the test follows the player's intent rather than a fragile list of positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from game.rules.engine import Engine
from game.scenario.loading import check, load
from game.scenario.model import Tr
from game.tools.explore import explore

PATH = Path(__file__).resolve().parent.parent / "scenarios" / "cucm-plie.yaml"

# Builds meaning on concrete cases, informs the hierarchies, then spreads one tool and has it routinised.
INSTITUTING = [
    "comite_technique",
    "mots_metier",
    "cg71_expliquer",
    "cg71_responsable",
    "cas_ensemble",
    "anpe_chercher",
    "crepi_ecouter",
    "of_positionnement",
    "entrees_situations",
    "roles_binome",
    "commission_creer",
    "anpe_commun",
    "candidat_analyser",
    "grilles_ensemble",
    "anpe_rencontrer",
    "mi_parcours_raconte",
    "crise_commission",
    "chiffres_partage",
    "entrees_reviser",
    "lexique_enrichir",
    "parrainage_construire",
    "seminaire_journee",
    "president_visite",
    "of_directeur_voir",
    "absente_direction",
    "regul_cas",
    "directions_reunies",
    "vers_cg71",
    "vers_cucm",
    "vers_of",
    "vers_anpe",
    "vers_crepi",
    "cg71_entrees",
    "cg71_commission",
    "cucm_former",
    "of_commission",
    "anpe_entrees",
    "crepi_parrainage",
    "routine_cg71",
    "routine_cucm",
    "routine_of",
    "routine_anpe",
    "routine_crepi",
    "fin_routine_cg71",
    "fin_routine_cucm",
    "fin_routine_of",
    "fin_routine_anpe",
    "fin_routine_crepi",
    "rapport_collectif",
    "elus_defendre",
    "pot_collegues",
    "fin_orienter",
]
# Works only on cases and on the collective; never goes to the hierarchies nor into the organisations.
COLLECTIVE_ONLY = [
    "mots_metier",
    "cas_ensemble",
    "crepi_ecouter",
    "anpe_chercher",
    "cg71_reconnaitre",
    "of_positionnement",
    "tech_situation",
    "cg71_laisser",
    "entrees_situations",
    "lexique",
    "roles_binome",
    "commission_creer",
    "candidat_rencontre",
    "anpe_commun",
    "grilles_ensemble",
    "anpe_deux_lignes",
    "regles_maintenir",
    "mi_parcours_raconte",
    "crise_commission",
    "crise_reunion",
    "chiffres_partage",
    "lexique_enrichir",
    "entrees_reviser",
    "parrainage_construire",
    "seminaire_journee",
    "president_plaquette",
    "of_directeur_chiffres",
    "regul_cas",
    "rester_cas",
    "collectif_retour",
    "diff_cas",
    "rapport_collectif",
    "elus_defendre",
    "pot_entre_nous",
    "fin_orienter",
    "routine_laisser",
]
# The efficient manager of the dispositif: grids, conventions, figures, memos.
PROCEDURAL = [
    "grilles",
    "laisser_nadia",
    "cas_fiche",
    "crepi_promesse",
    "anpe_trier",
    "cg71_convention",
    "of_remplir",
    "tech_chiffres",
    "cg71_laisser",
    "entrees_criteres",
    "mots_plie",
    "roles_plie",
    "commission_officielle",
    "candidat_excuser",
    "anpe_deux",
    "grilles_seule",
    "anpe_deux_lignes",
    "regles_annuler",
    "mi_chiffres",
    "crise_exclure",
    "chiffres_plie",
    "lexique_logo",
    "entrees_grille",
    "seminaire_questionnaire",
    "president_plaquette",
    "of_directeur_chiffres",
    "regul_reporting",
    "bilan_audit",
    "cucm_note",
    "rapport_indicateurs",
    "elus_accepter",
    "fin_archiver",
    "diff_directions",
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load(PATH))


def play(engine: Engine, seed: int, preferences: Sequence[str]) -> str:
    """Play a whole game with a preference list; return the ending id."""
    session = engine.new_session(seed)
    for _ in range(200):
        if session.finished:
            break
        view = engine.view(session)
        chosen = next((c for wanted in preferences for c in view.choices if c.id == wanted), view.choices[0])
        engine.choose(session, chosen.index)
    assert session.ending is not None
    return session.ending


def test_checks_clean_with_no_warning() -> None:
    book, diagnostics = check(PATH)
    assert book is not None
    assert list(diagnostics) == []


def test_meets_the_issue_quality_bar() -> None:
    model = load(PATH).model
    assert len(model.scenes) >= 30
    assert model.clock.turns >= 12
    assert len(model.partners) >= 5
    assert len({p.organisation for p in model.partners}) >= 4
    assert len(model.events) >= 6
    assert len(model.inventions) >= 3
    assert {"instituee", "evaporee", "eclate", "procedure"} <= {e.id for e in model.endings}
    assert all(len(e.questions) >= 3 for e in model.endings)
    assert all(c.tags and c.feedback is not None for s in model.scenes for c in s.choices)
    assert all(isinstance(c.feedback, Tr) and c.feedback.fr and c.feedback.en for s in model.scenes for c in s.choices)


def test_starts_with_a_frame_that_does_not_regulate_and_moderate_sens_and_identite() -> None:
    """The PLIE exists before the actors, yet sens and identité are moderate and can grow from the ground."""
    model = load(PATH).model
    gauges = model.gauges
    assert 40 <= gauges.sens <= 50 and 40 <= gauges.identite <= 50
    assert gauges.pouvoir < model.rules.light_frame  # an emergent invention can be born at the start
    assert any(i.emergent for i in model.inventions)


def test_has_its_own_dilemmas_not_the_secrecy_form_of_chalon() -> None:
    model = load(PATH).model
    for scene in model.scenes:
        texts = [scene.text.fr or ""] + [c.text.fr or "" for c in scene.choices]
        assert not any("secret" in t.lower() or "fiche de liaison" in t.lower() for t in texts), scene.id
    assert not any("secret" in (i.description.fr or "").lower() for i in model.inventions if i.description)
    assert "agrement_entrees" in {s.id for s in load(PATH).model.scenes}


def test_occultation_du_pouvoir_never_tags_a_choice_that_raises_pouvoir() -> None:
    for scene in load(PATH).model.scenes:
        for choice in scene.choices:
            if "occultation_du_pouvoir" in choice.tags:
                assert (choice.effects.pouvoir or 0) <= 0, choice.id


def test_a_negotiated_minimum_of_procedure_can_start_the_process() -> None:
    first = next(s for s in load(PATH).model.scenes if s.id == "copil_lancement")
    start = next(c for c in first.choices if "procedure_enclenche" in c.tags)
    assert (start.effects.pouvoir or 0) > 0 and (start.effects.sens or 0) >= 0


def test_the_state_is_present_where_the_funding_is_discussed() -> None:
    assert "DDTEFP" in PATH.read_text(encoding="utf-8")


def test_random_play_ends_most_often_in_evaporation_not_in_procedure() -> None:
    found = explore(load(PATH), ["random"], runs=200, seed=1, jobs=1)
    shares = {e.id: found.share("random", e.id) for e in found.book.model.endings}
    assert max(shares, key=lambda e: shares[e]) == "evaporee", shares
    assert shares["procedure"] <= 0.4, shares


def test_instituting_player_can_institute_but_mostly_sees_evaporation(engine: Engine) -> None:
    """Good play is necessary, not sufficient: Lyet found evaporation even where everyone behaved well."""
    endings = [play(engine, seed, INSTITUTING) for seed in range(10)]
    assert "instituee" in endings
    assert endings.count("evaporee") >= 5, endings


def test_collective_only_player_sees_inventions_evaporate(engine: Engine) -> None:
    assert play(engine, 1, COLLECTIVE_ONLY) == "evaporee"


def test_procedural_player_ends_in_procedure_sans_ame(engine: Engine) -> None:
    assert play(engine, 0, PROCEDURAL) in ("procedure", "eclate")  # procedure that replaces the collective


def test_procedural_player_can_break_the_collective(engine: Engine) -> None:
    assert play(engine, 2, PROCEDURAL) == "eclate"
