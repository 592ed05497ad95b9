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
    id: str
    name: dict[str, str]
    definition: dict[str, str]
    cite: str


REFERENCES: dict[str, str] = {
    "lyet2009": "Lyet, P. (2009). L'institution incertaine du partenariat. Une analyse socio-anthropologique "
    "de la gouvernance partenariale dans l'action sociale territoriale. IRTESS de Bourgogne.",
    "alter2000": "Alter, N. (2000). L'innovation ordinaire. Paris : PUF.",
    "blanc1992": "Remy, J. & Voyé, L., in Blanc, M. (dir.) (1992). Pour une sociologie de la transaction "
    "sociale. Paris : L'Harmattan.",
    "dubet2002": "Dubet, F. (2002). Le déclin de l'institution. Paris : Seuil.",
    "pinson2003": "Pinson, G. (2003). Le chantier de recherche de la gouvernance urbaine. Lien social et "
    "politiques, 50.",
    "bernoux2004": "Bernoux, P. (2004). Sociologie du changement. Paris : Seuil.",
    "esposito2000": "Esposito, R. (2000). Communitas. Origine et destin de la communauté. Paris : PUF.",
}


def _c(id_: str, fr: str, en: str, dfr: str, den: str, cite: str) -> Concept:
    return Concept(id_, {"fr": fr, "en": en}, {"fr": dfr, "en": den}, cite)


CONCEPTS: dict[str, Concept] = {
    c.id: c
    for c in [
        _c(
            "transaction_sociale",
            "Transaction sociale",
            "Social transaction",
            "Des règles négociées « sur terrains mouvants » : compromis d'intérêts, solutions pratiques et "
            "accord sur les valeurs ; une réciprocité dont chacun se félicite.",
            "Rules negotiated on shifting ground: a compromise of interests, practical solutions and an "
            "agreement on values; a reciprocity everyone is glad of.",
            "blanc1992",
        ),
        _c(
            "arrangement",
            "Arrangement minimal",
            "Minimal arrangement",
            "Un accord ponctuel entre intérêts divergents pour une satisfaction minimale (« un mauvais accord "
            "vaut mieux qu'un bon procès ») : il achète le calme et coûte du sens ensuite.",
            'A one-off deal between diverging interests for minimal satisfaction ("a bad deal beats a good '
            'trial"): it buys calm and costs meaning later.',
            "lyet2009",
        ),
        _c(
            "travail_pratique_du_sens",
            "Travail pratique du sens",
            "Practical work of meaning",
            "Le sens commun se construit en cherchant ensemble des solutions concrètes et en faisant monter "
            "en généralité les problèmes de quelques praticiens.",
            "Shared meaning is built by solving concrete problems together and giving practitioners' "
            "problems a general scope.",
            "lyet2009",
        ),
        _c(
            "identites",
            "Redéfinition dialogique des identités",
            "Dialogic redefinition of identities",
            "Chaque « je » s'ajuste aux autres comme les pièces d'un puzzle et construit un « nous » : "
            "identités individuelles et collective se construisent ensemble.",
            'Each "I" adjusts to the others like puzzle pieces and builds a "we": individual and '
            "collective identities are built together.",
            "lyet2009",
        ),
        _c(
            "communaute",
            "Communauté d'action",
            "Community of action",
            "Ce que les partenaires s'apportent mutuellement crée une dette réciproque, « objet précieux » "
            "qui fonde la communauté d'action.",
            'What partners bring each other creates a mutual debt, the "precious object" that founds the '
            "community of action.",
            "esposito2000",
        ),
        _c(
            "collectif_regulateur",
            "Collectif régulateur",
            "Regulating collective",
            "Le collectif qui transige devient garant de ses règles : il arbitre, valide les pratiques, "
            "répartit les activités.",
            "The collective that negotiates becomes the guarantor of its rules: it arbitrates, validates "
            "practices, shares out the work.",
            "lyet2009",
        ),
        _c(
            "hierarchies_peripheriques",
            "Hiérarchies périphériques",
            "Peripheral hierarchies",
            "Les hiérarchies valident a posteriori et sont peu au fait de ce qui se négocie ; les comités de "
            "pilotage ne portent qu'un regard superficiel.",
            "Hierarchies validate after the fact and know little of what is negotiated; steering committees "
            "only look from afar.",
            "lyet2009",
        ),
        _c(
            "occultation_du_pouvoir",
            "Occultation du pouvoir",
            "Power left unaddressed",
            "Le partenariat n'a pas de pouvoir institutionnalisé propre pour arbitrer, garantir et diffuser "
            "ses options : le problème est structurel.",
            "The partnership has no institutional power of its own to arbitrate, guarantee and spread its "
            "options: the problem is structural.",
            "lyet2009",
        ),
        _c(
            "deficit_d_institue",
            "Déficit d'institué",
            "Lack of instituted structure",
            "Une dynamique instituante sans structure instituée : fragile, dépendante de décisions prises "
            "ailleurs, de territoires défendus et de prérogatives.",
            "Instituting dynamics without an instituted structure: fragile, dependent on decisions made "
            "elsewhere, on defended territories and prerogatives.",
            "dubet2002",
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
        ),
        _c(
            "invention_innovation",
            "Invention et innovation",
            "Invention and innovation",
            "Une invention ne devient innovation qu'appropriée, routinisée et « affadie » dans les organisations.",
            'An invention becomes an innovation only once appropriated, routinised and "blunted" inside '
            "the organisations.",
            "alter2000",
        ),
        _c(
            "evaporation",
            "Évaporation",
            "Evaporation",
            "Le partenariat est éphémère : ce qui n'a pas été diffusé « s'évapore » quand l'action se termine "
            "ou que ses membres partent.",
            'The partnership is ephemeral: what was not spread "evaporates" when the action ends or its members leave.',
            "lyet2009",
        ),
        _c(
            "gouvernance_partenariale",
            "Gouvernance partenariale",
            "Partnership governance",
            "Élaboration collégiale de la décision et construction pluriprofessionnelle de l'action, du "
            "terrain au politique ; ses interactions délibératives peuvent instituer.",
            "Collegial decision-making and multi-professional construction of action, from the field to "
            "politics; its deliberative interactions can institute.",
            "pinson2003",
        ),
        _c(
            "changement",
            "Sens du changement",
            "Meaning of change",
            "Un changement réussit si les salariés lui donnent un sens et si le contexte institutionnel "
            "garantit que ce sens sera respecté.",
            "A change succeeds when staff give it meaning and the institutional context guarantees that "
            "this meaning will be respected.",
            "bernoux2004",
        ),
    ]
}
