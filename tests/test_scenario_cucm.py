"""The CUCM PLIE scenario (top-down): it checks clean and each ending is reachable by a scripted player.

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

PATH = Path(__file__).resolve().parent.parent / "scenarios" / "cucm-plie.yaml"

# Builds meaning on concrete cases, informs the hierarchies, then spreads one tool and has it routinised.
INSTITUTING = [
    "mots_metier",
    "cg71_expliquer",
    "cg71_responsable",
    "cas_ensemble",
    "anpe_chercher",
    "crepi_ecouter",
    "of_positionnement",
    "dossier_volets",
    "roles_binome",
    "commission_creer",
    "anpe_commun",
    "candidat_analyser",
    "grilles_ensemble",
    "anpe_rencontrer",
    "mi_parcours_raconte",
    "crise_commission",
    "chiffres_partage",
    "dossier_reviser",
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
    "cg71_dossier",
    "cg71_commission",
    "cucm_former",
    "of_commission",
    "anpe_dossier",
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
    "dossier_volets",
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
    "dossier_reviser",
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
    "dossier_imposer",
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
    "dossier_champs",
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


def test_starts_top_down_rich_in_pouvoir_poor_in_sens() -> None:
    gauges = load(PATH).model.gauges
    assert gauges.pouvoir > gauges.sens and gauges.pouvoir > gauges.identite


def test_instituting_player_reaches_instituee(engine: Engine) -> None:
    assert play(engine, 1, INSTITUTING) == "instituee"


def test_collective_only_player_sees_inventions_evaporate(engine: Engine) -> None:
    assert play(engine, 1, COLLECTIVE_ONLY) == "evaporee"


def test_procedural_player_ends_in_procedure_sans_ame(engine: Engine) -> None:
    assert play(engine, 0, PROCEDURAL) in ("procedure", "eclate")  # procedure that replaces the collective


def test_procedural_player_can_break_the_collective(engine: Engine) -> None:
    assert play(engine, 2, PROCEDURAL) == "eclate"
