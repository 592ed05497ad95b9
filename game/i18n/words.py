"""The game's own words (not the scenario's), in French and English.

Views look strings up here by key so that the text mode, the window and the
reports say the same thing the same way.
"""

from __future__ import annotations

from game.scenario.model import Text, tr
from game.vocabulary.gauges import GAUGE

__all__ = ["t", "tr", "LANGS", "Text", "format_delta", "units", "gauge_name"]

LANGS = ("fr", "en")

STRINGS: dict[str, dict[str, str]] = {
    "turn": {"fr": "{unit} {turn} sur {turns}", "en": "{unit} {turn} of {turns}"},
    "turns_left": {"fr": "financement restant : {time}", "en": "funding left: {time}"},
    "phase": {"fr": "Phase : {name}", "en": "Phase: {name}"},
    "choices": {"fr": "Vos choix :", "en": "Your choices:"},
    "idle": {
        "fr": "Aucune scène à jouer : {time} passe(nt) sans réunion du collectif.",
        "en": "No scene to play: {time} go(es) by without the collective meeting.",
    },
    "cost_free": {"fr": "sans délai", "en": "no time"},
    "prompt": {"fr": "Votre choix (1 à {n}, ou ? pour l'aide) : ", "en": "Your choice (1 to {n}, or ? for help): "},
    "bad_input": {
        "fr": "« {text} » n'est pas un choix : tapez un nombre de 1 à {n}.",
        "en": '"{text}" is not a choice: type a number from 1 to {n}.',
    },
    "eof": {"fr": "Fin de l'entrée : la partie s'arrête ici.", "en": "End of input: the game stops here."},
    "help": {
        "fr": "Tapez le numéro d'un choix. p : partenaires et hiérarchies ; i : inventions ; j : jauges ; q : quitter.",
        "en": "Type a choice's number. p: partners and hierarchies; i: inventions; g: gauges; q: quit.",
    },
    "quit": {"fr": "Partie interrompue.", "en": "Game stopped."},
    "what_changed": {"fr": "Ce qui a changé : {list}", "en": "What changed: {list}"},
    "nothing_changed": {"fr": "Rien n'a bougé.", "en": "Nothing moved."},
    "event": {"fr": "Événement extérieur — {title}", "en": "Outside event — {title}"},
    "new_phase": {"fr": "Nouvelle phase : {name}", "en": "New phase: {name}"},
    "ending": {"fr": "Fin de la partie — {title}", "en": "End of the game — {title}"},
    "why": {"fr": "Pourquoi :", "en": "Why:"},
    "held": {"fr": "vrai", "en": "true"},
    "not_held": {"fr": "faux", "en": "false"},
    "innovations": {
        "fr": "Inventions devenues innovations : {list}",
        "en": "Inventions that became innovations: {list}",
    },
    "evaporated": {"fr": "Inventions évaporées : {list}", "en": "Inventions that evaporated: {list}"},
    "none": {"fr": "aucune", "en": "none"},
    "questions": {"fr": "Questions pour le débriefing :", "en": "Questions for the debrief:"},
    "partners": {"fr": "Partenaires autour de la table :", "en": "Partners around the table:"},
    "partner_line": {
        "fr": "{name} ({org}, {role}) — engagement {engagement}{gone}",
        "en": "{name} ({org}, {role}) — engagement {engagement}{gone}",
    },
    "gone": {"fr": " — a quitté le collectif", "en": " — has left the collective"},
    "hierarchy_line": {
        "fr": "{org} : {title} — informée {awareness}, soutien {support}",
        "en": "{org}: {title} — awareness {awareness}, support {support}",
    },
    "inventions": {"fr": "Inventions du collectif :", "en": "The collective's inventions:"},
    "no_invention": {"fr": "Aucune invention pour l'instant.", "en": "No invention yet."},
    "invention_line": {"fr": "{name} — diffusion : {levels}", "en": "{name} — diffusion: {levels}"},
    "role": {"fr": "Vous êtes : {role}", "en": "You are: {role}"},
    "speaker": {"fr": "{name} ({org})", "en": "{name} ({org})"},
    "leave": {"fr": "{name} quitte le collectif", "en": "{name} leaves the collective"},
    "invent": {"fr": "invention : {name}", "en": "invention: {name}"},
    "record": {"fr": "Partie enregistrée dans {path}", "en": "Game recorded in {path}"},
    "report_written": {"fr": "Rapport de débriefing écrit : {path}", "en": "Debrief report written: {path}"},
}


def t(key: str, lang: str = "fr", **values: object) -> str:
    """A game string in a language, with `{placeholders}` filled."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text


def gauge_name(gauge: str, lang: str) -> str:
    names = GAUGE[gauge].name
    return names.get(lang, names["fr"])


def units(n: int, unit: str, lang: str) -> str:
    """`2 mois`, `2 months`: the clock's unit with the number."""
    if lang == "en" and n != 1 and not unit.endswith("s"):
        unit += "s"
    return f"{n} {unit}"


def format_delta(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)
