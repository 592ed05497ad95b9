"""The reports' own words, in French and English (the scenario's words come from the scenario).

Kept apart from `i18n.py` because only the reports use them, and they are
long: the debrief prompts follow the PEARLS structure (Eppich & Cheng, 2015):
reactions, description, analysis, summary.
"""

from __future__ import annotations

__all__ = ["WORDS", "words", "reflection_prompts"]

WORDS: dict[str, dict[str, str]] = {
    # the individual report
    "colon": {"fr": " :", "en": ":"},
    "report_title": {"fr": "Rapport de débriefing", "en": "Debrief report"},
    "trainee": {"fr": "Stagiaire", "en": "Trainee"},
    "anonymous": {"fr": "(sans nom)", "en": "(no name)"},
    "group": {"fr": "Groupe", "en": "Group"},
    "date": {"fr": "Date", "en": "Date"},
    "scenario": {"fr": "Scénario", "en": "Scenario"},
    "version": {"fr": "version", "en": "version"},
    "seed": {"fr": "Graine", "en": "Seed"},
    "session_id": {"fr": "Session", "en": "Session"},
    "decisions_count": {"fr": "Décisions", "en": "Decisions"},
    "role": {"fr": "Rôle joué", "en": "Role played"},
    "duration": {"fr": "Durée du financement", "en": "Funding time"},
    "unfinished": {
        "fr": "Partie inachevée : le rapport s'arrête à la dernière décision enregistrée.",
        "en": "Unfinished game: the report stops at the last recorded decision.",
    },
    "contents": {"fr": "Sommaire", "en": "Contents"},
    "s_reactions": {"fr": "1. Réactions", "en": "1. Reactions"},
    "s_reactions_lead": {
        "fr": "À chaud, avant de regarder les chiffres : laisser chacun dire ce qu'il a vécu.",
        "en": "First, before the figures: let everyone say what they went through.",
    },
    "s_description": {"fr": "2. Description", "en": "2. Description"},
    "s_description_lead": {
        "fr": "Ce qui s'est passé : la fin atteinte, les courbes, les décisions dans l'ordre.",
        "en": "What happened: the ending reached, the curves, the decisions in order.",
    },
    "s_analysis": {"fr": "3. Analyse", "en": "3. Analysis"},
    "s_analysis_lead": {
        "fr": "Pourquoi : les tournants, les conditions de la fin, l'état du partenariat, le sort des inventions.",
        "en": "Why: the turning points, the ending's conditions, the state of the "
        "partnership, what became of the inventions.",
    },
    "s_summary": {"fr": "4. Synthèse", "en": "4. Summary"},
    "s_summary_lead": {
        "fr": "Ce que l'on retient pour la pratique, avec les concepts de l'article.",
        "en": "What to keep for practice, with the paper's concepts.",
    },
    "notes": {"fr": "Notes", "en": "Notes"},
    "ending_reached": {"fr": "Fin atteinte", "en": "Ending reached"},
    "ending_at": {"fr": "au bout de {time}", "en": "after {time}"},
    "curves": {"fr": "Les jauges au fil du temps", "en": "The gauges over time"},
    "curves_note": {
        "fr": "Chaque point numéroté est une décision ; les décisions « sans délai » se placent dans "
        "leur mois, et un mois de plusieurs décisions est élargi d'autant. Valeurs de 0 à 100.",
        "en": "Each numbered point is a decision; decisions that take no time sit inside their month, "
        "and a month of several decisions is widened to match. Values from 0 to 100.",
    },
    "curve_title": {
        "fr": "Sens, identité, pouvoir et cohésion après chaque décision",
        "en": "Meaning, identity, power and cohesion after each decision",
    },
    "timeline": {"fr": "Les décisions, dans l'ordre", "en": "The decisions, in order"},
    "decision_n": {"fr": "Décision {n}", "en": "Decision {n}"},
    "month_n": {"fr": "{unit} {n}", "en": "{unit} {n}"},
    "free": {"fr": "sans délai", "en": "takes no time"},
    "takes": {"fr": "dure {time}", "en": "takes {time}"},
    "event_mark": {"fr": "! = événement extérieur", "en": "! = outside event"},
    "choice": {"fr": "Choix", "en": "Choice"},
    "concepts": {"fr": "Concepts", "en": "Concepts"},
    "feedback": {"fr": "Retour", "en": "Feedback"},
    "changes": {"fr": "Effets", "en": "Effects"},
    "nothing": {"fr": "rien n'a bougé", "en": "nothing moved"},
    "outside_event": {"fr": "Événement extérieur", "en": "Outside event"},
    "new_phase": {"fr": "Nouvelle phase", "en": "New phase"},
    "idle": {"fr": "Sans scène à jouer : {time} sans réunion", "en": "No scene to play: {time} without a meeting"},
    "idle_choice": {
        "fr": "Laisser passer le mois sans réunir le collectif",
        "en": "Let the month pass without gathering the collective",
    },
    "no_decision": {"fr": "Aucune décision n'a été enregistrée.", "en": "No decision was recorded."},
    "turning_points": {"fr": "Les tournants", "en": "Turning points"},
    "turning_lead": {
        "fr": "Les décisions qui ont le plus fait bouger les quatre jauges (somme des écarts, "
        "événements du même mois compris).",
        "en": "The decisions that moved the four gauges most (sum of the changes, including "
        "outside events in the same move).",
    },
    "swing": {"fr": "amplitude", "en": "swing"},
    "why": {"fr": "Pourquoi cette fin", "en": "Why this ending"},
    "why_lead": {
        "fr": "Les conditions de cette fin, vérifiées sur l'état final :",
        "en": "This ending's conditions, checked on the final state:",
    },
    "fallback": {
        "fr": "Cette fin est celle qui reste quand aucune autre ne tient.",
        "en": "This ending is the one left when no other holds.",
    },
    "why_not": {"fr": "Et pourquoi pas les autres fins", "en": "And why not the other endings"},
    "held": {"fr": "tenue", "en": "held"},
    "not_held": {"fr": "non tenue", "en": "did not hold"},
    "partnership": {"fr": "Le partenariat à la fin", "en": "The partnership at the end"},
    "partners": {"fr": "Engagement des partenaires", "en": "Partners' engagement"},
    "partner": {"fr": "Partenaire", "en": "Partner"},
    "organisation": {"fr": "Organisation", "en": "Organisation"},
    "start": {"fr": "début", "en": "start"},
    "end": {"fr": "fin", "en": "end"},
    "engagement": {"fr": "Engagement", "en": "Engagement"},
    "left": {"fr": "a quitté le collectif", "en": "left the collective"},
    "present": {"fr": "présent·e", "en": "present"},
    "hierarchies": {"fr": "Les hiérarchies", "en": "The hierarchies"},
    "hierarchy": {"fr": "Hiérarchie", "en": "Hierarchy"},
    "awareness": {"fr": "Information", "en": "Awareness"},
    "support": {"fr": "Soutien", "en": "Support"},
    "inventions": {"fr": "Inventions et diffusion", "en": "Inventions and their diffusion"},
    "inventions_lead": {
        "fr": "Une invention devient innovation dans une organisation quand sa diffusion y "
        "atteint {threshold} (Alter, 2000) ; sinon elle s'évapore à la fin du financement.",
        "en": "An invention becomes an innovation in an organisation when its diffusion "
        "there reaches {threshold} (Alter, 2000); otherwise it evaporates when the "
        "funding ends.",
    },
    "no_invention": {"fr": "Le collectif n'a rien inventé.", "en": "The collective invented nothing."},
    "status_innovation": {"fr": "devenue innovation", "en": "became an innovation"},
    "status_evaporated": {"fr": "évaporée", "en": "evaporated"},
    "status_in_progress": {"fr": "en cours de diffusion", "en": "spreading"},
    "born": {"fr": "née à la décision {n}", "en": "born at decision {n}"},
    "questions": {"fr": "Questions pour le débriefing", "en": "Questions for the debrief"},
    "glossary": {"fr": "Glossaire des concepts", "en": "Glossary of concepts"},
    "glossary_lead": {
        "fr": "Les concepts de l'article que les décisions de cette partie illustrent.",
        "en": "The paper's concepts that this game's decisions illustrate.",
    },
    "seen_in": {"fr": "décisions", "en": "decisions"},
    "references": {"fr": "Références", "en": "References"},
    "no_concept": {"fr": "Aucune décision étiquetée.", "en": "No tagged decision."},
    "footer": {
        "fr": "Rapport produit par Partenaires {version} en rejouant le journal {log} (scénario "
        "{scenario} {sversion}, empreinte {digest}).",
        "en": "Report made by Partenaires {version} by replaying the record {log} (scenario "
        "{scenario} {sversion}, digest {digest}).",
    },
    "warning": {"fr": "Avertissement", "en": "Warning"},
    # the class report
    "class_title": {"fr": "Débriefing de la classe", "en": "Class debrief"},
    "class_lead": {"fr": "{n} sessions, regroupées par scénario.", "en": "{n} sessions, grouped by scenario."},
    "sessions": {"fr": "sessions", "en": "sessions"},
    "finished_n": {"fr": "{n} terminées", "en": "{n} finished"},
    "endings": {"fr": "Répartition des fins", "en": "Distribution of endings"},
    "unfinished_ending": {"fr": "(inachevée)", "en": "(unfinished)"},
    "count": {"fr": "Nombre", "en": "Count"},
    "share": {"fr": "Part", "en": "Share"},
    "scenes": {"fr": "Les choix, scène par scène", "en": "Choices, scene by scene"},
    "scenes_lead": {
        "fr": "Part des stagiaires ayant joué la scène qui ont pris chaque choix (première fois qu'ils l'ont jouée).",
        "en": "Share of the trainees who played the scene who took each choice (the first time they played it).",
    },
    "played_by": {"fr": "jouée par {n}", "en": "played by {n}"},
    "gauges_over_time": {"fr": "Les jauges au fil du temps", "en": "The gauges over time"},
    "gauges_lead": {
        "fr": "Moyenne (trait) et écart-type (bande) de chaque jauge à la fin de chaque mois ; "
        "une session terminée garde ses valeurs finales.",
        "en": "Mean (line) and standard deviation (band) of each gauge at the end of each "
        "month; a finished session keeps its final values.",
    },
    "turn": {"fr": "Mois", "en": "Month"},
    "mean": {"fr": "moyenne", "en": "mean"},
    "sd": {"fr": "écart-type", "en": "sd"},
    "divergent": {"fr": "Les parcours les plus divergents", "en": "The most divergent paths"},
    "divergent_lead": {
        "fr": "Distance entre deux parcours : la part des scènes où leurs choix diffèrent "
        "(une scène jouée par un seul compte comme une différence), plus l'écart moyen "
        "des jauges finales / 100, le tout divisé par deux (de 0, identiques, à 1). "
        "« Singularité » : distance moyenne d'un parcours à tous les autres.",
        "en": "Distance between two paths: the share of scenes where their choices differ "
        "(a scene played by only one counts as a difference), plus the mean gap of "
        'the final gauges / 100, halved (from 0, identical, to 1). "Singularity": '
        "a path's mean distance to all the others.",
    },
    "pair": {"fr": "Paire", "en": "Pair"},
    "distance": {"fr": "Distance", "en": "Distance"},
    "singularity": {"fr": "Singularité", "en": "Singularity"},
    "most_pairs": {"fr": "Paires les plus éloignées", "en": "Most distant pairs"},
    "most_single": {"fr": "Parcours les plus singuliers", "en": "Most singular paths"},
    "roster": {"fr": "Les sessions", "en": "The sessions"},
    "final": {"fr": "Jauges finales", "en": "Final gauges"},
    "report_link": {"fr": "rapport", "en": "report"},
    "skipped": {"fr": "Journaux écartés", "en": "Records left out"},
    "class_footer": {
        "fr": "Produit par Partenaires {version} en rejouant chaque journal.",
        "en": "Made by Partenaires {version} by replaying every record.",
    },
}

PROMPTS: dict[str, dict[str, list[str]]] = {
    "reactions": {
        "fr": [
            "Comment vous sentez-vous après cette partie ?",
            "Quel moment vous a le plus marqué, agacé ou surpris ?",
            "À qui, autour de la table, vous êtes-vous senti·e le plus proche ? le plus loin ?",
        ],
        "en": [
            "How do you feel after this game?",
            "Which moment struck, annoyed or surprised you most?",
            "Who around the table did you feel closest to? furthest from?",
        ],
    },
    "summary": {
        "fr": [
            "Qu'avez-vous appris sur ce qui fait tenir un collectif de partenaires ?",
            "Qu'avez-vous sacrifié pour le sens et l'identité, ou pour le pouvoir et la diffusion ?",
            "Que feriez-vous autrement dans votre propre partenariat, dès demain ?",
        ],
        "en": [
            "What did you learn about what holds a partnership collective together?",
            "What did you give up for meaning and identity, or for power and diffusion?",
            "What would you do differently in your own partnership, starting tomorrow?",
        ],
    },
}


def words(lang: str) -> dict[str, str]:
    """Every report word in one language (what the templates read as `w`)."""
    return {key: entry.get(lang) or entry["fr"] for key, entry in WORDS.items()}


def reflection_prompts(lang: str) -> dict[str, list[str]]:
    """The PEARLS prompts that open and close the debrief (the ending's own questions go in between)."""
    return {part: list(texts.get(lang) or texts["fr"]) for part, texts in PROMPTS.items()}
