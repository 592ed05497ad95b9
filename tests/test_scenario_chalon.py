"""The Chalon-sur-Saône scenario (bottom-up chantier d'insertion, Lyet 2009's first case): it checks clean,
meets the quality bar of issue 3, tells the case as the paper does (issue 12), and scripted players reach
each of its four endings in the proportions the paper's findings call for."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from game.rules.engine import Engine, SceneView
from game.rules.reading import READER
from game.rules.session import Session
from game.scenario.loading import check, load
from game.scenario.model import Tr, tr
from game.tools.explore import explore

PATH = Path(__file__).resolve().parent.parent / "scenarios" / "chalon-chantier-insertion.yaml"

Policy = Callable[[SceneView, Session], int]

# A professional who starts the action with a negotiated minimum of procedure, builds the collective on
# concrete cases, then spends its time informing the hierarchies and spreading the inventions inside
# the organisations, appropriation before inscription.
DIFFUSER = [
    "directrice",
    "tour",
    "rouvrir",
    "ecrire_ensemble",
    "relancer",
    "convention_ensemble",
    "criteres",
    "rendre_compte",
    "negocier",
    "modules",
    "fiche",
    "repartir",
    "lancer",
    "tripartite",
    "reseau",
    "definir",
    "rattraper",
    "associer",
    "equipe",
    "appeler_absents",
    "collectif_decide",
    "reprendre",
    "construire",
    "ouvrir",
    "presenter",
    "seminaire_ouvert",
    "traduire",
    "inviter_participants",
    "former_collegues",
    "plan",
    "affadir",
    "accompagner_annie",
    "traduire_pap",
    "ecrire_offre",
    "demi_journee",
    "outils_encadrants",
    "inscrire",
    "pratique_agence",
    "projet_service",
    "adopter_ca",
    "arbitrer",
    "coauteurs",
    "fete_ouverte",
    "former_service",
    "ecrire_pratique",
    "transmission",
    "derniere_revue",
    "intranets",
    "fete_transmet",
    "coanimer",
    "transmettre_acquis",
    "transmettre_service",
]
# The same professional who never leaves the warmth of the collective.
COCOON = [
    "situation",
    "tour",
    "rouvrir",
    "ecrire_ensemble",
    "relancer",
    "convention_ensemble",
    "criteres",
    "ca_avance",
    "negocier",
    "modules",
    "fiche",
    "repartir",
    "lancer",
    "tripartite",
    "reseau",
    "definir",
    "rattraper",
    "associer",
    "repas",
    "appeler_absents",
    "collectif_decide",
    "reprendre",
    "construire",
    "regle_revue",
    "profil_bas",
    "jardins",
    "pas_de_chiffre",
    "inviter_participants",
    "nourrir",
    "chantier_dabord",
    "telle_quelle",
    "attendre_nathalie",
    "taire",
    "examens",
    "notre_truc",
    "on_verra",
    "temoigner",
    "coauteurs",
    "feter",
    "collectif",
    "collectif_vide",
    "profiter",
    "derniere_revue",
    "guide",
    "grande_fete",
    "garder_revue",
    "ensemble",
    "ensemble_acquis",
]
# A professional who asks the hierarchies for every rule and the steering committee for legitimacy.
BUREAU = [
    "dispositif",
    "charte",
    "projet_type",
    "ccas_signe",
    "rendre_compte",
    "faire_trancher",
    "direction_of",
    "procedure",
    "fiches_poste",
    "presidee",
    "referent_unique",
    "dossier_commun",
    "indicateurs_anpe",
    "procedure_acceleree",
    "compte_rendu",
    "rappel_regles",
    "remonter",
    "convention",
    "presenter",
    "seminaire_ouvert",
    "traduire",
    "demander_regle",
    "hierarchies",
    "inscrire",
    "pratique_agence",
    "ecrire_offre",
    "projet_service",
    "bilan_ca",
    "chiffres",
    "voir_direction",
    "direction_vide",
    "elus",
    "confier",
    "rendre_compte_fin",
    "rendre_compte_acquis",
    "reprendre_ses_gens",
    "pas_de_fete",
]
# A professional who imposes, decides alone and excludes logics instead of negotiating them.
IMPOSER = [
    "sans_cadre",
    "ficele",
    "maintenir",
    "anpe_trie",
    "cave",
    "benevolat",
    "cas_par_cas",
    "centraliser",
    "referent_unique",
    "ralentir",
    "social_dabord",
    "tant_pis",
    "contourner",
    "rappel_regles",
    "bruno_tranche",
    "chantier_regles",
    "suspendre",
    "profil_bas",
    "pas_de_chiffre",
    "revendiquer",
    "decliner",
    "pas_de_fete",
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load(PATH))


def prefer(order: Sequence[str], last: bool = False) -> Policy:
    """Pick the first offered choice whose id is in `order`; otherwise the first (or last) offered one."""

    def pick(view: SceneView, session: Session) -> int:
        offered = {c.id: c.index for c in view.choices}
        for choice_id in order:
            if choice_id in offered:
                return offered[choice_id]
        return view.choices[-1 if last else 0].index

    return pick


def play(engine: Engine, seed: int, policy: Policy) -> Session:
    session = engine.new_session(seed)
    for _ in range(100):
        if session.finished:
            break
        engine.choose(session, policy(engine.view(session), session))
    assert session.finished
    return session


def test_checks_clean_with_no_warning() -> None:
    book, diagnostics = check(PATH)
    assert book is not None
    assert diagnostics == []


def test_meets_the_quality_bar_of_the_issue() -> None:
    model = load(PATH).model
    assert len(model.scenes) >= 30
    assert model.clock.turns >= 12
    assert len(model.partners) >= 5 and len({p.organisation for p in model.partners}) >= 4
    assert len(model.events) >= 6 and len(model.inventions) >= 3
    assert [p.id for p in model.phases] == ["contacts", "transaction", "regulation", "diffusion", "fin"]
    endings = {e.id: e for e in model.endings}
    assert set(endings) == {"instituee", "evaporee", "eclate", "procedure"}
    assert tr(endings["evaporee"].title, "fr") == "Invention évaporée"
    assert all(len(e.questions) >= 3 for e in model.endings)
    for scene in model.scenes:
        for choice in scene.choices:
            assert choice.tags, (scene.id, choice.id)
            assert isinstance(choice.feedback, Tr) and choice.feedback.fr and choice.feedback.en, (scene.id, choice.id)


def test_starts_rich_in_meaning_and_poor_in_power(engine: Engine) -> None:
    session = engine.new_session(0)
    assert session.gauges["sens"] >= 60 and session.gauges["identite"] >= 60
    assert session.gauges["pouvoir"] <= 25
    assert len(set(session.support.values())) >= 4  # hierarchies back their agents "more or less"


def test_diffusing_player_can_institute_but_not_always(engine: Engine) -> None:
    endings = [play(engine, seed, prefer(DIFFUSER)).ending for seed in range(20)]
    # good play is necessary, not sufficient: Lyet found evaporation even where hierarchies behaved well
    assert 3 <= endings.count("instituee") <= 12, endings
    assert set(endings) <= {"instituee", "evaporee"}, endings  # the collective held, with meaning
    session = next(play(engine, s, prefer(DIFFUSER)) for s in range(20) if endings[s] == "instituee")
    result = engine.result(session)
    assert sum(len(orgs) for orgs in result.innovations.values()) >= 2
    assert result.facts


def test_player_who_stays_in_the_collective_sees_everything_evaporate(engine: Engine) -> None:
    for seed in range(5):
        session = play(engine, seed, prefer(COCOON))
        assert session.ending == "evaporee"
        assert session.gauges["sens"] >= 65 and session.gauges["cohesion"] >= 55  # rich, and yet
        assert session.gauges["sens"] < 100 and session.gauges["identite"] < 100  # a rich collective costs
        assert READER.variable("innovations")(session) == 0


def test_player_who_formalises_everything_ends_with_a_soulless_procedure(engine: Engine) -> None:
    session = play(engine, 0, prefer(BUREAU))
    # power first ends in procédure or, when the procedure replaces the collective's regulation long
    # enough to wear sens and identité down, in a collective that breaks up (docs/model.md)
    assert session.ending in ("procedure", "eclate")
    assert session.gauges["pouvoir"] >= 50 and session.gauges["sens"] < 50
    assert session.gauges["pouvoir"] <= engine.book.model.rules.pouvoir_cap  # the collective's own power is bounded


def test_player_who_imposes_breaks_the_collective(engine: Engine) -> None:
    session = play(engine, 0, prefer(IMPOSER, last=True))
    assert session.ending == "eclate"
    assert session.turn < engine.book.model.clock.turns  # before the funding ends


def test_a_negotiated_minimum_of_procedure_starts_things() -> None:
    """« la procédure enclenche le processus »: seeking the scheme or briefing the director is not punished."""
    first = next(s for s in load(PATH).model.scenes if s.id == "idee")
    starters = [c for c in first.choices if "procedure_enclenche" in c.tags]
    assert {c.id for c in starters} == {"dispositif", "directrice"}
    for choice in starters:
        assert choice.effects.pouvoir > 0 and choice.effects.sens >= 0 and choice.effects.identite >= 0, choice.id


def test_procedure_that_replaces_the_collective_erodes_it(engine: Engine) -> None:
    negotiated = play(engine, 0, prefer(["directrice"] + DIFFUSER))
    imposed = play(engine, 0, prefer(BUREAU))
    assert negotiated.gauges["sens"] - imposed.gauges["sens"] >= 25


def test_the_case_review_is_born_only_in_a_light_frame(engine: Engine) -> None:
    """L'institution incertaine: the review comes from the collective's margin of manoeuvre."""
    launch = next(c for c in engine.book.model.scenes if c.id == "revue").choices[0]
    assert launch.id == "lancer" and launch.effects.invent == ["revue"]
    light, heavy = engine.new_session(0), engine.new_session(0)
    heavy.gauges["pouvoir"] = engine.book.model.rules.light_frame
    light.apply(launch.effects, "test")
    heavy.apply(launch.effects, "test")
    assert "revue" in light.diffusion and "revue" not in heavy.diffusion


def test_occultation_marks_structural_moments_not_grabs_for_power() -> None:
    model = load(PATH).model
    for scene in model.scenes:
        for choice in scene.choices:
            if "occultation_du_pouvoir" in choice.tags:
                assert choice.effects.pouvoir <= 0, (scene.id, choice.id)
            if "argument_autorite" in choice.tags:
                assert choice.effects.sens < 0 or choice.effects.identite < 0, (scene.id, choice.id)


def test_facts_checked_against_the_paper() -> None:
    """Lyet's note 1: the maison de quartier team, the CG71's social service, the ANPE and a training body;
    the worksite is conventionné by the State (DDTEFP); no anachronism for the RMI years."""
    model = load(PATH).model
    assert {o.id for o in model.organisations} == {"ccas", "cg71", "anpe", "of"}
    texts = PATH.read_text(encoding="utf-8")
    assert "DDTEFP" in texts and "convention" in texts
    assert "vidéoprotection" not in texts and "Pôle emploi" not in texts and "RSA" not in texts
    assert any(i.emergent for i in model.inventions)


def test_people_are_not_borrowed_from_the_other_scenarios() -> None:
    mine = {p.name.split()[0] for p in load(PATH).model.partners}
    for other in PATH.parent.glob("*.yaml"):
        if other != PATH:
            theirs = {p.name.split()[0] for p in load(other).model.partners}
            assert not mine & theirs, (other.name, mine & theirs)


def test_french_typography_and_address() -> None:
    model = load(PATH).model
    texts = [model.player.role, model.summary]
    for scene in model.scenes:
        texts += [scene.text] + [c.text for c in scene.choices] + [c.feedback for c in scene.choices]
    for ending in model.endings:
        texts += [ending.explanation] + list(ending.questions)
    for text in texts:
        french = tr(text, "fr")
        assert not re.search(r" [:;!?»]|« ", french), french
        assert "vous êtes une" not in french
    assert "ou conseillère" in tr(model.player.role, "fr")  # épicène


def test_every_ending_states_the_baseline_and_asks_about_the_policy_design() -> None:
    for ending in load(PATH).model.endings:
        explanation = tr(ending.explanation, "fr")
        assert "Lyet" in explanation, ending.id
        assert any(
            "hors des organisations" in tr(q, "fr") or "quelques personnes" in tr(q, "fr") for q in ending.questions
        )
    evaporee = next(e for e in load(PATH).model.endings if e.id == "evaporee")
    assert "a été riche" not in tr(evaporee.explanation, "fr")  # whatever the collective was


def test_outcome_bands_match_the_paper() -> None:
    """Random and competent play end mostly in évaporée; power first in procédure or éclaté; every ending
    is reachable and no strategy institutes the innovation in more than two games in three."""
    book = load(PATH)
    found = explore(book, ["random", "pouvoir", "hierarchy", "balanced", "sens"], runs=100, seed=1, jobs=1)
    random_shares = {e.id: found.share("random", e.id) for e in book.model.endings}
    assert max(random_shares, key=lambda e: random_shares[e]) == "evaporee", random_shares
    assert found.share("pouvoir", "procedure") + found.share("pouvoir", "eclate") >= 0.8
    assert found.share("balanced", "evaporee") >= 0.5
    assert all(found.share(name, "instituee") <= 0.67 for name in found.results)
    for ending in book.model.endings:
        assert max(found.share(name, ending.id) for name in found.results) > 0, ending.id


def test_scenes_never_give_the_floor_to_a_partner_who_left(engine: Engine) -> None:
    for seed in range(60):
        rng = random.Random(seed)
        session = engine.new_session(seed)
        while not session.finished:
            view = engine.view(session)
            if view.speaker is not None:
                assert session.active[view.speaker], (seed, view.id, view.speaker)
            engine.choose(session, rng.choice(view.choices).index)
