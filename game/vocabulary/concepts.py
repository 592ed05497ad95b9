"""The concepts of the source paper that choices are tagged with.

A tag is how a trainer links a decision to the theory during the debrief, so
the vocabulary is fixed here, with a definition and the reference to cite,
and shared by the checker (unknown tags are mistakes) and the reports.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Concept", "CONCEPTS", "REFERENCES"]


@dataclass(frozen=True)
class Concept:
    """A concept of the paper: its name, a definition sourced in the paper, the reference to cite and
    the section of Lyet 2009 where a trainer finds it (the HAL text has no page numbers)."""

    id: str
    name: dict[str, str]
    definition: dict[str, str]
    cite: str
    section: str = ""


REFERENCES: dict[str, str] = {
    "lyet2009": "Lyet, P. (2009). L'institution incertaine du partenariat. Une analyse socio-anthropologique "
    "de la gouvernance partenariale dans l'action sociale territoriale. Communication au colloque « Actes "
    "éducatifs et de soins, entre éthique et gouvernance », Nice, juin 2009. HAL hal-03424524.",
    "lyet2008": "Lyet, P. (2008). L'institution incertaine du partenariat. Une analyse socio-anthropologique "
    "de la gouvernance partenariale dans l'action sociale territoriale. Paris : L'Harmattan.",
    "alter2000": "Alter, N. (2000). L'innovation ordinaire. Paris : PUF.",
    "blanc1992": "Remy, J. & Voyé, L., in Blanc, M. (dir.) (1992). Pour une sociologie de la transaction "
    "sociale. Paris : L'Harmattan.",
    "remy1992": "Remy, J., in Blanc, M. (dir.) (1992). Pour une sociologie de la transaction sociale. "
    "Paris : L'Harmattan, p. 107 (cité par Lyet 2009).",
    "dubet2002": "Dubet, F. (2002). Le déclin de l'institution. Paris : Seuil.",
    "pinson2003": "Pinson, G. (2003). Le chantier de recherche de la gouvernance urbaine. Lien social et "
    "politiques, 50.",
    "bernoux2004": "Bernoux, P. (2004). Sociologie du changement. Paris : Seuil.",
    "esposito2000": "Esposito, R. (2000). Communitas. Origine et destin de la communauté. Paris : PUF.",
}


def _c(id_: str, fr: str, en: str, dfr: str, den: str, cite: str, section: str = "") -> Concept:
    return Concept(id_, {"fr": fr, "en": en}, {"fr": dfr, "en": den}, cite, section)


CONCEPTS: dict[str, Concept] = {
    c.id: c
    for c in [
        _c(
            "transaction_sociale",
            "Transaction sociale",
            "Social transaction",
            "Des règles négociées « sur terrains mouvants » : compromis d'intérêts, solutions pratiques et "
            "accord sur les valeurs ; un « accord fait de réciprocité dont chacun se félicite ».",
            "Rules negotiated on shifting ground: a compromise of interests, practical solutions and an "
            "agreement on values; an agreement of reciprocity everyone is glad of.",
            "blanc1992",
            "Mise en réseau et transaction sociale",
        ),
        _c(
            "arrangement",
            "Arrangement minimal",
            "Minimal arrangement",
            "Un « arrangement ponctuel entre des intérêts divergents pour une satisfaction minimale » (« un "
            "mauvais accord est toujours préférable à un bon conflit ») : il achète le calme et coûte du sens.",
            'A "one-off arrangement between diverging interests for minimal satisfaction" ("a bad deal '
            'beats a good conflict"): it buys calm and costs meaning.',
            "lyet2009",
            "Mise en réseau et transaction sociale, note 6",
        ),
        _c(
            "travail_pratique_du_sens",
            "Travail pratique du sens",
            "Practical work of meaning",
            "Le sens commun, « à la fois la condition et la résultante du processus instituant », se construit "
            "en cherchant des solutions concrètes et en faisant « monter en généralité » les problèmes de "
            "quelques praticiens.",
            "Shared meaning, both the condition and the result of the instituting process, is built by "
            "solving concrete problems and giving a few practitioners' problems a general scope.",
            "lyet2009",
            "Le travail pratique du sens",
        ),
        _c(
            "identites",
            "Redéfinition dialogique des identités",
            "Dialogic redefinition of identities",
            "Comme les pièces d'un puzzle, chaque « je » s'ajuste à d'autres « je » qui s'ajustent à lui : "
            "identités individuelles et identité collective (le « nous ») se construisent dialogiquement.",
            'Like puzzle pieces, each "I" adjusts to other "I"s that adjust to it: individual identities '
            'and the collective identity (the "we") are built dialogically.',
            "lyet2009",
            "Une redéfinition dialogique des identités",
        ),
        _c(
            "communaute",
            "Communauté d'action",
            "Community of action",
            "Ce que les partenaires s'apportent mutuellement crée une « dette » réciproque, l'« objet "
            "précieux » qui fonde leur « communauté d'action ».",
            'What partners bring each other creates a mutual "debt", the "precious object" that founds '
            'their "community of action".',
            "esposito2000",
            "Des communautés identitaires singulières",
        ),
        _c(
            "collectif_regulateur",
            "Collectif régulateur",
            "Regulating collective",
            "Le collectif qui transige devient garant de ses règles : il arbitre, valide les pratiques, "
            "répartit les activités ; ce qui institue est « l'engagement mutuel des différentes parties ».",
            "The collective that negotiates becomes the guarantor of its rules: it arbitrates, validates "
            "practices, shares out the work; what institutes is the parties' mutual engagement.",
            "lyet2009",
            "Des collectifs qui deviennent les garants de ces « institutions »",
        ),
        _c(
            "hierarchies_peripheriques",
            "Hiérarchies périphériques",
            "Peripheral hierarchies",
            "Les hiérarchies valident a posteriori et ne sont « pas toujours très au fait de ce qui se "
            "négocie » ; les comités de pilotage « ne portent qu'un regard superficiel ».",
            "Hierarchies validate after the fact and do not always know what is negotiated; steering "
            "committees only take a superficial look.",
            "lyet2009",
            "Un questionnement contrasté (2) ; Des collectifs qui deviennent les garants",
        ),
        _c(
            "occultation_du_pouvoir",
            "Occultation du pouvoir",
            "Power left unaddressed",
            "Le partenariat n'a pas de « véritable pouvoir institutionnalisé propre » pour arbitrer, garantir, "
            "stabiliser et diffuser ses options. Le problème est structurel : il « ne peut s'expliquer par une "
            "négligence », les hiérarchies ayant agi de manière responsable.",
            "The partnership has no institutionalised power of its own to arbitrate, guarantee, stabilise "
            "and spread its options. The problem is structural: it cannot be explained by negligence, the "
            "hierarchies having acted responsibly.",
            "lyet2009",
            "L'occultation de la question du pouvoir",
        ),
        _c(
            "argument_autorite",
            "Argument d'autorité",
            "Argument from authority",
            "Trancher en invoquant une hiérarchie ou en imposant une décision : le pouvoir d'une organisation "
            "remplace la transaction ; le collectif n'a pas d'autorité propre, il emprunte celle des autres.",
            "Settling a question by invoking a hierarchy or imposing a decision: one organisation's power "
            "replaces the transaction; the collective has no authority of its own, it borrows others'.",
            "lyet2009",
            "Des collectifs qui deviennent les garants de ces « institutions »",
        ),
        _c(
            "institution_incertaine",
            "Institution incertaine",
            "Uncertain institution",
            "L'instituant y est « prépondérant sur l'institué » : ce caractère incertain permet d'inventer "
            "(« des marges de manœuvre pour inventer ») mais, « d'opportunité intéressante, devient rapidement "
            "la principale limite du processus ».",
            "The instituting outweighs the instituted: this uncertainty leaves room to invent but, from an "
            "interesting opportunity, quickly becomes the main limit of the process.",
            "lyet2009",
            "Des collectifs qui deviennent les garants ; Dynamiques instituantes et déficit d'institué",
        ),
        _c(
            "procedure_enclenche",
            "La procédure enclenche le processus",
            "Procedure starts the process",
            "« Un minimum de procédures » a permis au processus de s'enclencher ; il s'est stabilisé sans "
            "procédures « plaquées artificiellement par une autorité » : « la procédure enclenche le processus "
            "et lui fournit des points de contrôle et des passages obligés ».",
            "A minimum of procedure let the process start; it stabilised without procedures artificially "
            "imposed by an authority: procedure starts the process and gives it checkpoints.",
            "remy1992",
            "Mise en réseau et transaction sociale",
        ),
        _c(
            "deficit_d_institue",
            "Déficit d'institué",
            "Lack of instituted structure",
            "Une dynamique instituante sans structure instituée : « manque de cohérence du pouvoir », actions "
            "éphémères, dépendance à des « décisions venues d'ailleurs ». Concept de Lyet.",
            "Instituting dynamics without an instituted structure: incoherent power, short-lived actions, "
            "dependence on decisions made elsewhere. Lyet's concept.",
            "lyet2009",
            "Dynamiques instituantes et déficit d'institué",
        ),
        _c(
            "formalisation",
            "Mobilisation contre inscription",
            "Mobilisation versus inscription",
            "« Ce qu'elle gagne en mobilisation, elle le perd en inscription dans un ordre préexistant » : "
            "formaliser stabilise mais démobilise, sauf si le collectif co-écrit la règle.",
            '"What it gains in mobilisation it loses in inscription in a pre-existing order": formalising '
            "stabilises but demobilises, unless the collective co-authors the rule.",
            "lyet2009",
            "Le travail pratique du sens",
        ),
        _c(
            "invention_innovation",
            "Invention et innovation",
            "Invention and innovation",
            "Une invention ne devient innovation que par l'appropriation et la routinisation dans les jeux de "
            "l'organisation (pouvoir, identité), au prix d'un « affadissement » (le mot est de Lyet).",
            "An invention becomes an innovation only through appropriation and routinisation in the "
            "organisation's games (power, identity), at the price of being “blunted” (Lyet's word).",
            "alter2000",
            "Une instabilité qui freine l'innovation",
        ),
        _c(
            "evaporation",
            "Évaporation",
            "Evaporation",
            "Tout ce qui a été inventé par quelques acteurs « s'évapore » quand l'action se termine ou que ses "
            "membres la quittent : ce qui n'est pas diffusé dans les organisations disparaît.",
            'Everything a few actors invented "evaporates" when the action ends or its members leave: what '
            "was not spread into the organisations disappears.",
            "lyet2009",
            "Dynamiques instituantes et déficit d'institué",
        ),
        _c(
            "experimentation_externe",
            "Expérimentation hors des organisations",
            "Experiments outside the organisations",
            "« Privilégier le développement d'expérimentations à l'externe des organisations, c'est créer les "
            "conditions pour que ces expérimentations soient confinées » : des actions courtes, portées par "
            "quelques personnes.",
            "Favouring experiments outside the organisations creates the conditions for them to stay "
            "confined: short actions, carried by a few people.",
            "lyet2009",
            "Une instabilité qui freine l'innovation",
        ),
        _c(
            "gouvernance_partenariale",
            "Gouvernance partenariale",
            "Partnership governance",
            "Élaboration collégiale de la décision et construction pluriprofessionnelle de l'action, du "
            "terrain au politique ; « les vertus instituantes des interactions délibératives » (Pinson).",
            "Collegial decision-making and multi-professional construction of action, from the field to "
            "politics; the instituting virtues of deliberative interactions (Pinson).",
            "pinson2003",
            "La gouvernance, nouvelle logique de l'action publique ; L'institution incertaine",
        ),
        _c(
            "changement",
            "Sens du changement",
            "Meaning of change",
            "« Le changement ne se décrète pas » : il réussit si les salariés lui donnent un sens et si le "
            "contexte institutionnel garantit que ce sens sera respecté.",
            "Change cannot be decreed: it succeeds when staff give it meaning and the institutional context "
            "guarantees that this meaning will be respected.",
            "bernoux2004",
            "Dynamiques instituantes et déficit d'institué",
        ),
    ]
}
