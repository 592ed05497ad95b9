"""The window's own words, in French and English (the engine's are in `game.i18n.words`)."""

from __future__ import annotations

__all__ = ["s", "STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"fr": "Partenaires", "en": "Partenaires"},
    "tagline": {
        "fr": "Faire tenir un collectif partenarial, et ce qu'il invente.",
        "en": "Hold a partnership together, and what it invents.",
    },
    "credit": {
        "fr": "D'après Philippe Lyet, « L'institution incertaine du partenariat » (2009)",
        "en": "After Philippe Lyet, « L'institution incertaine du partenariat » (2009)",
    },
    "new_game": {"fr": "Nouvelle partie", "en": "New game"},
    "continue": {"fr": "Continuer", "en": "Continue"},
    "howto": {"fr": "Comment jouer", "en": "How to play"},
    "settings": {"fr": "Réglages", "en": "Settings"},
    "quit": {"fr": "Quitter", "en": "Quit"},
    "back": {"fr": "Retour", "en": "Back"},
    "next": {"fr": "Continuer", "en": "Continue"},
    "keys_hint": {
        "fr": "Flèches ou Tab : se déplacer · Entrée : valider · Échap : pause · F11 : plein écran · "
        "Ctrl + / Ctrl − : taille du texte",
        "en": "Arrows or Tab: move · Enter: confirm · Esc: pause · F11: full screen · Ctrl + / Ctrl −: text size",
    },
    # profile
    "profile_title": {"fr": "Qui joue ?", "en": "Who is playing?"},
    "profile_intro": {
        "fr": "Votre nom et votre groupe figureront sur le rapport de débriefing.",
        "en": "Your name and group will appear on the debrief report.",
    },
    "language": {"fr": "Langue", "en": "Language"},
    "name": {"fr": "Nom", "en": "Name"},
    "group": {"fr": "Groupe", "en": "Group"},
    "name_placeholder": {"fr": "ex. Camille Martin", "en": "e.g. Camille Martin"},
    "group_placeholder": {"fr": "ex. DEIS 2e année", "en": "e.g. DEIS year 2"},
    # scenarios
    "scenarios_title": {"fr": "Choisir un scénario", "en": "Choose a scenario"},
    "minutes": {"fr": "environ {n} min", "en": "about {n} min"},
    "length": {
        "fr": "{turns} · {scenes} scènes · {phases} phases",
        "en": "{turns} · {scenes} scenes · {phases} phases",
    },
    "role_is": {"fr": "Vous jouez : {role}", "en": "You play: {role}"},
    "partners_are": {"fr": "Autour de la table : {names}", "en": "Around the table: {names}"},
    "broken": {"fr": "contient des erreurs", "en": "has errors"},
    "choose": {"fr": "Choisir", "en": "Choose"},
    "builtin": {"fr": "intégré", "en": "built-in"},
    "no_scenario": {"fr": "Aucun scénario trouvé.", "en": "No scenario found."},
    # how to
    "howto_title": {"fr": "Comment jouer", "en": "How to play"},
    "start": {"fr": "Commencer la partie", "en": "Start the game"},
    # errors
    "errors_title": {"fr": "Ce scénario ne peut pas être ouvert", "en": "This scenario cannot be opened"},
    "errors_intro": {
        "fr": "{n} erreur(s) dans {file}. Corrigez le fichier puis réessayez (F5 en jeu recharge).",
        "en": "{n} error(s) in {file}. Fix the file and try again (F5 in game reloads).",
    },
    "line_col": {"fr": "ligne {line}, colonne {col}", "en": "line {line}, column {col}"},
    "hint": {"fr": "Piste : {hint}", "en": "Hint: {hint}"},
    "reload_failed": {
        "fr": "Rechargement refusé : le fichier contient des erreurs",
        "en": "Reload refused: the file has errors",
    },
    "reloaded": {"fr": "Scénario rechargé depuis le disque", "en": "Scenario reloaded from disk"},
    "reload_restart": {
        "fr": "Scénario rechargé ; la scène « {scene} » n'existe plus : la partie recommence",
        "en": "Scenario reloaded; scene `{scene}` no longer exists: the game starts again",
    },
    "close": {"fr": "Fermer", "en": "Close"},
    # play
    "organisations": {"fr": "Hiérarchies et inventions", "en": "Hierarchies and inventions"},
    "funding": {"fr": "Le financement", "en": "The funding"},
    "collective": {"fr": "Le collectif", "en": "The collective"},
    "hierarchies": {"fr": "Les hiérarchies", "en": "The hierarchies"},
    "inventions": {"fr": "Les inventions", "en": "Inventions"},
    "no_invention": {
        "fr": "Aucune invention pour l'instant : elles naissent des règles co-écrites.",
        "en": "No invention yet: they come from co-written rules.",
    },
    "threshold": {"fr": "seuil d'innovation : {n}", "en": "innovation threshold: {n}"},
    "awareness": {"fr": "informée", "en": "aware"},
    "support": {"fr": "soutien", "en": "support"},
    "engagement": {"fr": "engagement", "en": "engagement"},
    "you": {"fr": "Vous", "en": "You"},
    "gone": {"fr": "a quitté", "en": "has left"},
    "phase": {"fr": "Phase : {name}", "en": "Phase: {name}"},
    "clock": {"fr": "{unit} {turn} sur {turns}", "en": "{unit} {turn} of {turns}"},
    "funding_left": {"fr": "Financement restant : {time}", "en": "Funding left: {time}"},
    "cost_free": {"fr": "sans délai", "en": "no time"},
    "your_choices": {"fr": "Que faites-vous ?", "en": "What do you do?"},
    "last_moved": {"fr": "Dernier changement : {delta} — {cause}", "en": "Last change: {delta} — {cause}"},
    "never_moved": {"fr": "N'a pas encore bougé.", "en": "Has not moved yet."},
    "cause_choice": {"fr": "votre choix « {choice} » ({scene})", "en": 'your choice "{choice}" ({scene})'},
    "cause_event": {"fr": "l'événement « {title} »", "en": 'the event "{title}"'},
    "cause_drift": {
        "fr": "la cohésion suit le sens, l'identité, le pouvoir et l'engagement des partenaires",
        "en": "cohesion follows meaning, identity, power and the partners' engagement",
    },
    "what_happened": {"fr": "Ce qui s'est passé", "en": "What happened"},
    "what_changed": {"fr": "Ce qui a changé", "en": "What changed"},
    "nothing_changed": {"fr": "Rien n'a bougé.", "en": "Nothing moved."},
    "outside_event": {"fr": "Événement extérieur : {title}", "en": "Outside event: {title}"},
    "new_phase": {"fr": "Nouvelle phase : {name}", "en": "New phase: {name}"},
    "idle": {
        "fr": "{time} passe(nt) sans que le collectif se réunisse.",
        "en": "{time} go(es) by without the collective meeting.",
    },
    "see_ending": {"fr": "Voir la fin de la partie", "en": "See how it ends"},
    "next_scene": {"fr": "Scène suivante", "en": "Next scene"},
    "gauge_help": {
        "fr": "Survolez ou sélectionnez une jauge pour voir ce qui l'a fait bouger.",
        "en": "Hover or select a gauge to see what moved it.",
    },
    # pause & settings
    "pause_title": {"fr": "Pause", "en": "Paused"},
    "resume": {"fr": "Reprendre", "en": "Resume"},
    "save_quit": {"fr": "Enregistrer et revenir au menu", "en": "Save and return to the menu"},
    "saved_where": {"fr": "La partie est enregistrée à chaque décision.", "en": "The game is saved at every decision."},
    "settings_title": {"fr": "Réglages", "en": "Settings"},
    "text_size": {"fr": "Taille du texte : {n} %", "en": "Text size: {n}%"},
    "smaller": {"fr": "Texte plus petit", "en": "Smaller text"},
    "larger": {"fr": "Texte plus grand", "en": "Larger text"},
    "contrast_on": {"fr": "Contraste élevé : activé", "en": "High contrast: on"},
    "contrast_off": {"fr": "Contraste élevé : désactivé", "en": "High contrast: off"},
    "lang_fr": {"fr": "Français", "en": "Français"},
    "lang_en": {"fr": "English", "en": "English"},
    "fullscreen": {"fr": "Plein écran (F11)", "en": "Full screen (F11)"},
    # ending
    "ending_kicker": {"fr": "Fin de la partie", "en": "End of the game"},
    "why": {"fr": "Pourquoi cette fin", "en": "Why this ending"},
    "final_gauges": {"fr": "État final du collectif", "en": "The collective at the end"},
    "innovated": {"fr": "Devenues innovations", "en": "Became innovations"},
    "evaporated": {"fr": "Évaporées", "en": "Evaporated"},
    "none": {"fr": "aucune", "en": "none"},
    "questions": {"fr": "Questions pour le débriefing", "en": "Questions for the debrief"},
    "write_report": {"fr": "Écrire le rapport de débriefing", "en": "Write the debrief report"},
    "open_report": {"fr": "Ouvrir le rapport", "en": "Open the report"},
    "report_written": {"fr": "Rapport écrit : {path}", "en": "Report written: {path}"},
    "report_failed": {
        "fr": "Le rapport n'a pas pu être écrit : {error}",
        "en": "The report could not be written: {error}",
    },
    "report_unavailable": {
        "fr": "L'écriture du rapport n'est pas disponible dans cette version.",
        "en": "Writing the report is not available in this version.",
    },
    "menu": {"fr": "Menu principal", "en": "Main menu"},
    "scroll_hint": {
        "fr": "Haut, Bas, Page préc./suiv. ou molette : faire défiler",
        "en": "Up, Down, Page Up/Down or wheel: scroll",
    },
    "screenshot": {"fr": "Capture enregistrée : {path}", "en": "Screenshot saved: {path}"},
    "resume_failed": {"fr": "Impossible de reprendre la partie : {error}", "en": "Cannot resume the game: {error}"},
    "not_recorded": {
        "fr": "Cette partie ne sera pas enregistrée : {error}",
        "en": "This game will not be recorded: {error}",
    },
}

HOWTO: dict[str, list[tuple[str, str]]] = {
    "fr": [
        ("h2", "Votre rôle"),
        (
            "body",
            "Vous êtes une professionnelle de terrain déléguée dans un partenariat territorial. Personne "
            "n'y a autorité sur les autres : chacun répond à sa propre hiérarchie.",
        ),
        ("h2", "Les quatre jauges"),
        ("bullet", "Sens : ce que le collectif partage (valeurs, buts, méthodes)."),
        ("bullet", "Identité : le « nous » du collectif et la place de chacun."),
        ("bullet", "Pouvoir : la légitimité reconnue par les hiérarchies."),
        ("bullet", "Cohésion : le collectif tient-il ? Elle suit les trois autres et l'engagement des partenaires."),
        ("h2", "Le temps est compté"),
        (
            "body",
            "Chaque choix coûte du temps sur le financement. Le temps passé à nourrir le collectif n'est pas "
            "passé à le légitimer ni à diffuser ses inventions dans les organisations. Une invention ne devient "
            "innovation que si elle dépasse le seuil de diffusion ; le reste s'évapore à la fin.",
        ),
        ("h2", "Les touches"),
        ("bullet", "1 à 9 : choisir directement ; flèches ou Tab : se déplacer ; Entrée : valider."),
        ("bullet", "Échap : pause et réglages ; F11 : plein écran ; Ctrl + / Ctrl − : taille du texte."),
        ("bullet", "Sélectionnez une jauge pour voir ce qui l'a fait bouger en dernier."),
        ("body", "Il n'y a pas de bonne réponse unique : le débriefing sert à discuter des compromis."),
    ],
    "en": [
        ("h2", "Your role"),
        (
            "body",
            "You are a field professional delegated into a territorial partnership. Nobody in it has "
            "authority over the others: each answers to their own hierarchy.",
        ),
        ("h2", "The four gauges"),
        ("bullet", "Meaning (sens): what the collective shares (values, aims, methods)."),
        ("bullet", "Identity (identité): the collective's \"we\" and each member's place in it."),
        ("bullet", "Power (pouvoir): legitimacy recognised by the hierarchies."),
        (
            "bullet",
            "Cohesion (cohésion): does the collective hold? It follows the other three and the partners' engagement.",
        ),
        ("h2", "Time is short"),
        (
            "body",
            "Every choice costs time on the funding clock. Time spent nurturing the collective is not spent "
            "making it legitimate or spreading its inventions inside the organisations. An invention becomes "
            "an innovation only past the diffusion threshold; the rest evaporates at the end.",
        ),
        ("h2", "Keys"),
        ("bullet", "1 to 9: pick a choice; arrows or Tab: move; Enter: confirm."),
        ("bullet", "Esc: pause and settings; F11: full screen; Ctrl + / Ctrl −: text size."),
        ("bullet", "Select a gauge to see what moved it last."),
        ("body", "There is no single right answer: the debrief is there to discuss the trade-offs."),
    ],
}


def s(key: str, lang: str, **values: object) -> str:
    """A window string; falls back to the game's strings (`game.i18n.words`) for shared words."""
    entry = STRINGS.get(key)
    if entry is None:
        from game.i18n.words import (
            t as game_t,  # lazily: game.i18n.words imports the model (pydantic), the title needs neither
        )

        return game_t(key, lang, **values)
    text = entry.get(lang) or entry["fr"]
    return text.format(**values) if values else text
