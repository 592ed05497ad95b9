"""Le catalogue français : every word the game says in French, and French grammar.

Keys: plain for what every view says, `ui.` the window, `report.` the reports, `change.`/`reads.`/`holds.`
narration. A third language is a module like this one, listed in `game/i18n/__init__.py`.
"""

from __future__ import annotations

from game.i18n.catalogue import Language

MESSAGES: dict[str, str] = {
    "text.title": "{title}.",
    "text.clock": "{clock}, phase « {phase} ».",
    "text.scene": "Scène : {title}.",
    "text.speaker": "{name}, {org}, prend la parole.",
    "text.gauges": "Jauges : {list}. Financement restant : {time}.",
    "text.choice": "Choix {n} : {text} Durée : {cost}.",
    "text.event": "Un événement extérieur : {title}.",
    "text.new_phase": "Le collectif entre dans une nouvelle phase : {name}.",
    "text.ending": "Fin de la partie : {title}.",
    "text.question": "Question {n} : {text}",
    "turn": "{unit} {turn} sur {turns}",
    "phase": "Phase : {name}",
    "choices": "Vos choix :",
    "idle": "Aucune scène à jouer : {time} passe(nt) sans réunion du collectif.",
    "cost_free": "sans délai",
    "prompt": "Votre choix (1 à {n}, ou ? pour l'aide) : ",
    "bad_input": "« {text} » n'est pas un choix : tapez un nombre de 1 à {n}.",
    "eof": "Fin de l'entrée : la partie s'arrête ici.",
    "help": "Tapez le numéro d'un choix. p : partenaires et hiérarchies ; i : inventions ; j : jauges ; q : quitter.",
    "quit": "Partie interrompue.",
    "what_changed": "Ce qui a changé : {list}",
    "nothing_changed": "Rien n'a bougé.",
    "new_phase": "Nouvelle phase : {name}",
    "why": "Pourquoi :",
    "held": "vrai",
    "not_held": "faux",
    "innovations": "Inventions devenues innovations : {list}",
    "evaporated": "Inventions évaporées : {list}",
    "none": "aucune",
    "questions": "Questions pour le débriefing :",
    "partners": "Partenaires autour de la table :",
    "partner_line": "{name} ({org}, {role}) — engagement {engagement}{gone}",
    "gone": " — a quitté le collectif",
    "hierarchy_line": "{org} : {title} — information {awareness}, soutien {support}",
    "inventions": "Inventions du collectif :",
    "no_invention": "Aucune invention pour l'instant.",
    "invention_line": "{name} — diffusion : {levels}",
    "role": "Vous êtes : {role}",
    "leave": "{name} quitte le collectif",
    "invent": "invention : {name}",
    "stifled": "« {name} » ne peut pas naître : le cadre est trop lourd (pouvoir ≥ {frame}), "
    "l'institution n'est plus assez incertaine",
    "breaks_below": "(éclate sous {threshold})",
    "rule_upkeep": "(Un collectif riche s'entretient : au-dessus de {level}, sens et identité perdent un peu chaque mois.)",
    "rule_procedure": "(La procédure remplace la régulation du collectif : le pouvoir dépasse de loin le sens et "
    "l'identité, qui s'usent chaque mois.)",
    "record": "Partie enregistrée dans {path}",
    "report_written": "Rapport de débriefing écrit : {path}",
    "ui.app_title": "Partenaires",
    "ui.tagline": "Faire tenir un collectif partenarial, et ce qu'il invente.",
    "ui.credit": "D'après Philippe Lyet, « L'institution incertaine du partenariat » (2009)",
    "ui.new_game": "Nouvelle partie",
    "ui.continue": "Continuer",
    "ui.saved_title": "Reprendre une partie",
    "ui.saved_game": "{who} · {scenario}",
    "ui.saved_month": "{unit} {month}",
    "ui.saved_games_hint": "{n} parties en cours : choisissez laquelle reprendre",
    "ui.nameless": "Sans nom",
    "ui.reading_aloud": "Lecture à voix haute (V pour relire).",
    "ui.no_voice": "Aucun moteur de synthèse vocale sur cet ordinateur : installez espeak-ng (Linux) ou utilisez le mode texte avec votre lecteur d’écran.",
    "ui.sound_on": "Son activé (M pour le couper).",
    "ui.sound_off": "Son coupé (M pour le remettre).",
    "ui.no_sound": "Pas de sortie son sur cet ordinateur : le jeu reste silencieux.",
    "ui.howto": "Comment jouer",
    "ui.settings": "Réglages",
    "ui.quit": "Quitter",
    "ui.back": "Retour",
    "ui.next": "Continuer",
    "ui.keys_hint": "Flèches ou Tab : se déplacer · Entrée : valider · Échap : pause · F11 : plein écran · Ctrl + / "
    "Ctrl − : taille du texte · I : hiérarchies et inventions · J : journal · G : glossaire · V : lire à voix haute · M : son",
    "ui.profile_title": "Qui joue ?",
    "ui.profile_intro": "Votre nom et votre groupe figureront sur le rapport de débriefing.",
    "ui.language": "Langue",
    "ui.name": "Nom",
    "ui.group": "Groupe",
    "ui.name_placeholder": "ex. Camille Martin",
    "ui.group_placeholder": "ex. DEIS 2e année",
    "ui.join_class": "Rejoindre une classe",
    "ui.in_class": "Classe {code}",
    "ui.in_class_hint": "Vos parties sont envoyées à cette classe ({server}). Pour changer ou la quitter\xa0: ici.",
    "ui.class_title": "Rejoindre une classe",
    "ui.class_intro": "Tapez le lien que donne le formateur ou la formatrice, par exemple "
    "http://10.0.0.5:8765/ABCD-EFGH-JKMN-PQRS. Chaque partie lancée ensuite y est envoyée\xa0; "
    "sans classe, vos parties restent sur cet ordinateur.",
    "ui.class_link": "Lien de la classe",
    "ui.class_placeholder": "http://HÔTE:8765/CODE",
    "ui.class_check": "Vérifier et rejoindre",
    "ui.class_leave": "Quitter la classe",
    "ui.class_now": "Classe actuelle\xa0: {code} ({server})",
    "ui.class_checking": "Vérification du lien…",
    "ui.class_ok": "Classe {code} rejointe\xa0: chaque partie lancée y sera envoyée.",
    "ui.class_left": "Vous avez quitté la classe\xa0: vos parties restent sur cet ordinateur.",
    "ui.class_bad_link": "Ce n’est pas un lien de classe\xa0: il a la forme http://HÔTE:8765/CODE, "
    "par exemple http://10.0.0.5:8765/ABCD-EFGH-JKMN-PQRS.",
    "ui.class_unreachable": "Aucun serveur ne répond à {server}\xa0: vérifiez le lien et le réseau. "
    "Vous pouvez jouer sans classe en attendant.",
    "ui.class_not_server": "{server} répond, mais ce n’est pas un serveur de classe Partenaires\xa0: vérifiez le lien.",
    "ui.class_no_class": "Le serveur ne connaît pas la classe {code}\xa0: vérifiez le code auprès du formateur ou de la formatrice.",
    "ui.scenarios_title": "Choisir un scénario",
    "ui.minutes": "environ {n} min",
    "ui.length": "{turns} · {scenes} scènes · {phases} phases",
    "ui.role_is": "Vous jouez : {role}",
    "ui.partners_are": "Autour de la table : {names}",
    "ui.broken": "contient des erreurs",
    "ui.choose": "Choisir",
    "ui.builtin": "intégré",
    "ui.no_scenario": "Aucun scénario trouvé.",
    "ui.howto_title": "Comment jouer",
    "ui.start": "Commencer la partie",
    "ui.errors_title": "Ce scénario ne peut pas être ouvert",
    "ui.errors_intro": "{n} erreur(s) dans {file}. Corrigez le fichier puis réessayez (F5 en jeu recharge).",
    "ui.line_col": "ligne {line}, colonne {col}",
    "ui.hint": "Piste : {hint}",
    "ui.reload_failed": "Rechargement refusé : le fichier contient des erreurs",
    "ui.reloaded": "Scénario rechargé depuis le disque",
    "ui.reload_restart": "Scénario rechargé ; la scène « {scene} » n'existe plus : la partie recommence",
    "journal.empty": "Aucune décision pour l'instant\xa0: le journal se remplit à chaque choix.",
    "journal.month": "{unit} {month}",
    "journal.choice": "Votre choix\xa0: {choice}",
    "journal.event": "Événement\xa0: {event}",
    "glossary.intro": "Les notions de l'article de Philippe Lyet (2009) que le jeu met en scène, avec leur source.",
    "glossary.source": "Source\xa0: {source}",
    "glossary.section": " — section «\xa0{section}\xa0»",
    "ui.journal": "Journal",
    "ui.journal_title": "Le journal de vos décisions",
    "ui.glossary": "Glossaire",
    "ui.glossary_title": "Les notions du partenariat",
    "report.other_not_held": "sa condition n'était pas remplie\xa0:",
    "report.other_checked_first": "sa condition était remplie aussi, mais le scénario vérifie {first} d'abord.",
    "report.other_came_first": "sa condition était remplie aussi, mais {first} est arrivée avant qu'elle soit vérifiée.",
    "ui.your_path": "Votre parcours",
    "ui.turning_points": "Les tournants",
    "ui.no_turning_point": "Aucun tournant marqué : la partie a avancé à petits pas.",
    "ui.turning_line": "{unit} {month} : {choice}",
    "ui.concept_line": "Notion : {name} — {definition}",
    "ui.why_not": "Et pourquoi pas les autres fins",
    "ui.chart_title": "Les quatre jauges au fil des mois",
    "ui.break_line": "seuil de rupture ({n})",
    "ui.report_cannot_open": "Le rapport n'a pas pu être ouvert\xa0; il est ici\xa0: {path}",
    "ui.close": "Fermer",
    "ui.organisations": "Hiérarchies et inventions",
    "ui.funding": "Le financement",
    "ui.collective": "Le collectif",
    "ui.hierarchies": "Les hiérarchies",
    "ui.inventions": "Les inventions",
    "ui.no_invention": "Aucune invention pour l'instant : elles naissent des règles co-écrites.",
    "ui.threshold": "seuil d'innovation : {n}",
    "ui.awareness": "information",
    "ui.levels_scale": "niveaux de 0 à 100",
    "ui.see_all": "+{n} — voir tout",
    "ui.see_organisations": "Voir tout",
    "ui.support": "soutien",
    "ui.engagement": "engagement",
    "ui.you": "Vous",
    "ui.gone": "a quitté",
    "ui.phase": "Phase : {name}",
    "ui.clock": "{unit} {turn} sur {turns}",
    "ui.funding_left": "Financement restant : {time}",
    "ui.cost_free": "sans délai",
    "ui.your_choices": "Que faites-vous ?",
    "ui.last_moved": "Dernier changement : {delta} — {cause}",
    "ui.never_moved": "N'a pas encore bougé.",
    "ui.cause_choice": "votre choix « {choice} » ({scene})",
    "ui.cause_event": "l'événement « {title} »",
    "ui.cause_upkeep": "un collectif riche s'entretient : chaque mois coûte un peu de sens et d'identité",
    "ui.cause_procedure": "la procédure remplace la régulation du collectif : le pouvoir dépasse de loin le sens "
    "et l'identité",
    "ui.cause_drift": "la cohésion suit le sens, l'identité, le pouvoir et l'engagement des partenaires",
    "ui.what_happened": "Ce qui s'est passé",
    "ui.what_changed": "Ce qui a changé",
    "ui.nothing_changed": "Rien n'a bougé.",
    "ui.outside_event": "Événement extérieur : {title}",
    "ui.new_phase": "Nouvelle phase : {name}",
    "ui.idle": "{time} passe(nt) sans que le collectif se réunisse.",
    "ui.see_ending": "Voir la fin de la partie",
    "ui.next_scene": "Scène suivante",
    "ui.gauge_help": "Survolez ou sélectionnez une jauge pour voir ce qui l'a fait bouger.",
    "ui.pause_title": "Pause",
    "ui.resume": "Reprendre",
    "ui.save_quit": "Enregistrer et revenir au menu",
    "ui.saved_where": "La partie est enregistrée à chaque décision.",
    "ui.settings_title": "Réglages",
    "ui.text_size": "Taille du texte : {n} %",
    "ui.smaller": "Texte plus petit",
    "ui.larger": "Texte plus grand",
    "ui.contrast_on": "Contraste élevé : activé",
    "ui.contrast_off": "Contraste élevé : désactivé",
    "ui.fullscreen": "Plein écran (F11)",
    "ui.ending_kicker": "Fin de la partie",
    "ui.why": "Pourquoi cette fin",
    "ui.final_gauges": "État final du collectif",
    "ui.innovated": "Devenues innovations",
    "ui.evaporated": "Évaporées",
    "ui.none": "aucune",
    "ui.questions": "Questions pour le débriefing",
    "ui.write_report": "Écrire le rapport de débriefing",
    "ui.open_report": "Ouvrir le rapport",
    "ui.report_written": "Rapport écrit : {path}",
    "ui.report_failed": "Le rapport n'a pas pu être écrit : {error}",
    "ui.report_unavailable": "L'écriture du rapport n'est pas disponible dans cette version.",
    "ui.menu": "Menu principal",
    "ui.scroll_hint": "Haut, Bas, Page préc./suiv. ou molette : faire défiler",
    "ui.screenshot": "Capture enregistrée : {path}",
    "ui.resume_failed": "Impossible de reprendre la partie : {error}",
    "report.colon": " :",
    "report.report_title": "Rapport de débriefing",
    "report.trainee": "Stagiaire",
    "report.anonymous": "(sans nom)",
    "report.group": "Groupe",
    "report.date": "Date",
    "report.scenario": "Scénario",
    "report.version": "version",
    "report.seed": "Graine",
    "report.session_id": "Session",
    "report.decisions_count": "Décisions",
    "report.role": "Rôle joué",
    "report.duration": "Durée du financement",
    "report.unfinished": "Partie inachevée : le rapport s'arrête à la dernière décision enregistrée.",
    "report.contents": "Sommaire",
    "report.s_reactions": "1. Réactions",
    "report.s_reactions_lead": "À chaud, avant de regarder les chiffres : laisser chacun dire ce qu'il a vécu.",
    "report.s_description": "2. Description",
    "report.s_description_lead": "Ce qui s'est passé : la fin atteinte, les courbes, les décisions dans l'ordre.",
    "report.s_analysis": "3. Analyse",
    "report.s_analysis_lead": "Pourquoi : les tournants, les conditions de la fin, l'état du partenariat, le sort des "
    "inventions.",
    "report.s_summary": "4. Synthèse",
    "report.s_summary_lead": "Ce que l'on retient pour la pratique, avec les concepts de l'article.",
    "report.notes": "Notes",
    "report.ending_reached": "Fin atteinte",
    "report.ending_at": "au bout de {time}",
    "report.curves": "Les jauges au fil du temps",
    "report.curves_note": "Chaque point numéroté est une décision, placée dans le mois où elle commence (tous les mois "
    "ont la même largeur). Les tirets marquent le début d'une phase, les numéros cerclés les tournants. Valeurs de "
    "0 à 100.",
    "report.curve_title": "Sens, identité, pouvoir et cohésion après chaque décision",
    "report.timeline": "Les décisions, dans l'ordre",
    "report.decision_n": "Décision {n}",
    "report.month_n": "{unit} {n}",
    "report.free": "sans délai",
    "report.takes": "dure {time}",
    "report.event_mark": "! = événement extérieur",
    "report.choice": "Choix",
    "report.concepts": "Concepts",
    "report.feedback": "Retour",
    "report.changes": "Effets",
    "report.nothing": "rien n'a bougé",
    "report.outside_event": "Événement extérieur",
    "report.new_phase": "Nouvelle phase",
    "report.idle": "Sans scène à jouer : {time} sans réunion",
    "report.idle_choice": "Laisser passer le mois sans réunir le collectif",
    "report.no_decision": "Aucune décision n'a été enregistrée.",
    "report.turning_points": "Les tournants",
    "report.turning_lead": "Les décisions où un jalon de l'article a été franchi (une invention naît ou devient "
    "innovation, une hiérarchie apprend ou bascule, un partenaire part, le collectif frôle la rupture), puis celles "
    "dont le choix lui-même a le plus fait bouger les jauges. Ce que le choix a fait et ce qu'un événement "
    "extérieur a fait sont comptés à part.",
    "report.tp_choice": "Le choix",
    "report.tp_event": "Événement extérieur",
    "report.tp_by_event": "(par un événement : {event})",
    "report.tp_question": "Question à poser",
    "report.tp.invented": "L'invention {name} naît",
    "report.tp.innovation": "{name} devient une innovation à {where}",
    "report.tp.learnt": "La hiérarchie {of_name} apprend ce que le collectif négocie",
    "report.tp.turned_against": "La hiérarchie {of_name} se retourne contre le travail de son agent",
    "report.tp.turned_for": "La hiérarchie {of_name} bascule et soutient le travail de son agent",
    "report.tp.left": "{name} quitte le collectif",
    "report.tp.near_break": "Le collectif frôle la rupture",
    "report.tpq.invented": "Qu'est-ce qui, dans le cadre du moment, a permis à cette invention de naître ?",
    "report.tpq.innovation": "Qu'a-t-il fallu pour que l'organisation s'approprie cette invention et l'inscrive ?",
    "report.tpq.learnt": "Qu'est-ce que cette hiérarchie savait avant, et qu'a changé le fait qu'elle apprenne ?",
    "report.tpq.turned_against": "Qu'est-ce qui a fait basculer cette hiérarchie ? Pouvait-on le voir venir ?",
    "report.tpq.turned_for": "Qu'est-ce qui a convaincu cette hiérarchie de soutenir le travail du collectif ?",
    "report.tpq.left": "Pourquoi ce partenaire est-il parti ? Qu'est-ce qui l'aurait retenu ?",
    "report.tpq.near_break": "À quoi avez-vous vu que le collectif était près de se rompre ? Qu'avez-vous fait ensuite ?",
    "report.tpq.choice": "Qu'est-ce qui vous a fait choisir cela à ce moment-là ? Qu'attendiez-vous ?",
    "report.tpq.event": "Cet événement venait de l'extérieur : qu'est-ce qui, dans l'état du collectif, en a amorti ou "
    "aggravé l'effet ?",
    "report.swing": "amplitude",
    "report.why": "Pourquoi cette fin",
    "report.why_lead": "Les conditions de cette fin, vérifiées sur l'état final :",
    "report.fallback": "Cette fin est celle qui reste quand aucune autre ne tient.",
    "report.why_not": "Et pourquoi pas les autres fins",
    "report.held": "tenue",
    "report.not_held": "non tenue",
    "report.partnership": "Le partenariat à la fin",
    "report.partners": "Engagement des partenaires",
    "report.partner": "Partenaire",
    "report.organisation": "Organisation",
    "report.start": "début",
    "report.end": "fin",
    "report.engagement": "Engagement",
    "report.left": "a quitté le collectif",
    "report.present": "présent·e",
    "report.hierarchies": "Les hiérarchies",
    "report.hierarchy": "Hiérarchie",
    "report.awareness": "Information",
    "report.support": "Soutien",
    "report.inventions": "Inventions et diffusion",
    "report.inventions_lead": "Une invention devient innovation dans une organisation quand sa diffusion y atteint "
    "{threshold} (Alter, 2000) ; sinon elle s'évapore à la fin du financement.",
    "report.no_invention": "Le collectif n'a rien inventé.",
    "report.status_innovation": "devenue innovation",
    "report.status_evaporated": "évaporée",
    "report.status_in_progress": "en cours de diffusion",
    "report.born": "née à la décision {n}",
    "report.questions": "Questions pour le débriefing",
    "report.glossary": "Glossaire des concepts",
    "report.glossary_lead": "Les concepts de l'article que les décisions de cette partie illustrent.",
    "report.seen_in": "décisions",
    "report.references": "Références",
    "report.no_concept": "Aucune décision étiquetée.",
    "report.footer": "Rapport produit par Partenaires {version} en rejouant le journal {log} (scénario {scenario} "
    "{sversion}, empreinte {digest}).",
    "report.warning": "Avertissement",
    "report.class_title": "Débriefing de la classe",
    "report.class_lead": "{n} sessions, regroupées par scénario.",
    "report.sessions": "sessions",
    "report.finished_n": "{n} terminées",
    "report.endings": "Répartition des fins",
    "report.unfinished_ending": "(inachevée)",
    "report.count": "Nombre",
    "report.share": "Part",
    "report.scenes": "Les choix, scène par scène",
    "report.scenes_lead": "Part des stagiaires ayant joué la scène qui ont pris chaque choix (première fois qu'ils "
    "l'ont jouée).",
    "report.played_by": "jouée par {n}",
    "report.gauges_over_time": "Les jauges au fil du temps",
    "report.gauges_lead": "Moyenne (trait) et écart-type (bande) de chaque jauge à la fin de chaque mois ; une session "
    "terminée garde ses valeurs finales.",
    "report.turn": "Mois",
    "report.mean": "moyenne",
    "report.sd": "écart-type",
    "report.divergent": "Les parcours les plus divergents",
    "report.divergent_lead": "Distance entre deux parcours : la part des scènes où leurs choix diffèrent (une scène "
    "jouée par un seul compte comme une différence), plus l'écart moyen des jauges finales / "
    "100, le tout divisé par deux (de 0, identiques, à 1). « Singularité » : distance moyenne "
    "d'un parcours à tous les autres.",
    "report.pair": "Paire",
    "report.distance": "Distance",
    "report.singularity": "Singularité",
    "report.most_pairs": "Paires les plus éloignées",
    "report.most_single": "Parcours les plus singuliers",
    "report.roster": "Les sessions",
    "report.final": "Jauges finales",
    "report.report_link": "rapport",
    "report.skipped": "Journaux écartés",
    "report.duplicate": "La session {id} figure dans {n} fichiers ({files}) : elle n'est comptée qu'une fois.",
    "report.warnings": "Avertissements",
    "report.dq_split": "Ceux qui ont choisi {a}, et ceux qui ont choisi {b} : qu'est-ce qui vous a décidé ? Qu'avez-vous vu que les autres n'ont pas vu ?",
    "report.dq_all": "Tout le monde a choisi {a} : qu'est-ce qui rendait les autres options si peu tentantes ?",
    "report.dq_nobody": "Personne n'a choisi {a} : dans quelle situation ce choix aurait-il eu du sens ?",
    "report.status_apart": "{unfinished} partie(s) inachevée(s) et {empty} partie(s) vide(s) (quittée(s) avant toute décision) sont listées mais laissées hors des moyennes, des courbes et des singularités.",
    "report.compare": "Comparer",
    "report.by_group": "Par groupe",
    "report.by_ending": "Par fin atteinte",
    "report.games_n.one": "{n} partie terminée",
    "report.games_n.other": "{n} parties terminées",
    "report.no_group": "(sans groupe)",
    "report.final_mean": "Jauges finales (moyenne)",
    "report.guide": "Guide de discussion",
    "report.guide_lead": "Les dilemmes, du plus partagé au plus unanime (partage = 1 − part de l'option la plus choisie). Toutes les options sont montrées, même celles que personne n'a choisies.",
    "report.split": "partage",
    "report.of_those": "{k} sur {n} ont atteint {ending}",
    "report.nobody_chose": "personne",
    "report.questions_to_ask": "Questions à poser",
    "report.class_outcomes": "Ce que dit l'article, à l'échelle de la classe",
    "report.class_outcomes_lead": "Sur les {n} parties achevées : les inventions devenues innovations et où, la connaissance et le soutien des hiérarchies, les départs, les concepts rencontrés.",
    "report.born_in": "née dans",
    "report.innovation_in": "innovation dans",
    "report.where": "où",
    "report.left_n": "parti·e",
    "report.times_met": "rencontré",
    "report.status.finished": "achevée",
    "report.status.unfinished": "inachevée",
    "report.status.empty": "vide",
    "report.no_finished": "Aucune partie achevée : pas de moyenne à montrer.",
    "report.csv.scenario": "Scénario",
    "report.csv.scenario_version": "Version",
    "report.csv.session": "Session",
    "report.csv.trainee": "Stagiaire",
    "report.csv.group": "Groupe",
    "report.csv.started_at": "Début",
    "report.csv.lang": "Langue",
    "report.csv.seed": "Graine",
    "report.csv.status": "État",
    "report.csv.ending": "Fin atteinte",
    "report.csv.turn": "Mois",
    "report.csv.decisions": "Décisions",
    "report.csv.sens": "Sens",
    "report.csv.identite": "Identité",
    "report.csv.pouvoir": "Pouvoir",
    "report.csv.cohesion": "Cohésion",
    "report.csv.singularity": "Singularité",
    "report.cut_line": "La ligne {line} de {file} est coupée (la partie a sans doute été interrompue pendant son écriture) : elle a été ignorée, la décision qu'elle portait manque.",
    "report.sheet_title": "Fiche formateur",
    "report.sheets_title": "Fiches formateur",
    "report.sheet_path": "Le parcours",
    "report.sheet_months": "mois {a} à {b}",
    "report.sheet_questions": "Trois questions",
    "report.you_and_class": "Vous et la classe",
    "report.you_and_class_lead": "Vos choix parmi ceux des {n} autres parties de la classe sur ce scénario (premier passage de chaque scène).",
    "report.scene": "Scène",
    "report.your_choice": "Votre choix",
    "report.same_as_you": "Même choix",
    "report.most_chose": "Le choix le plus fréquent",
    "report.class_endings": "Les fins de la classe",
    "report.class_footer": "Produit par Partenaires {version} en rejouant chaque journal.",
    "change.engagement": "engagement {of_x}",
    "change.awareness": "information de la hiérarchie {x}",
    "change.support": "soutien de la hiérarchie {x}",
    "change.diffusion": "diffusion de {x} ({y})",
    "reads.turn": "le nombre de {units} écoulés",
    "reads.turns_left": "le nombre de {units} de financement restants",
    "reads.inventions": "le nombre d’inventions du collectif",
    "reads.innovations": "le nombre d’inventions devenues innovations",
    "reads.present": "le nombre de partenaires encore autour de la table",
    "reads.innovated": "le nombre d’organisations où {x} est devenue innovation",
    "holds.active": "{x} est encore dans le collectif",
    "holds_not.active": "{x} a quitté le collectif",
    "holds.invented": "l'invention {x} a vu le jour",
    "holds_not.invented": "l'invention {x} n'a pas vu le jour",
    "holds.flag": "repère {x} posé",
    "holds_not.flag": "repère {x} non posé",
    "holds.seen": "scène {x} jouée",
    "holds_not.seen": "scène {x} pas encore jouée",
    "holds.phase": "phase {x} en cours",
    "holds_not.phase": "phase {x} pas en cours",
    "reads.total_innovated": "le nombre d’organisations où {list} est devenue innovation, au total",
    "here": "ici\u00a0: {values}",
    "word.and": "et",
    "word.or": "ou",
    "word.not": "non",
    "play.resumed": "Reprise de la partie après {n} décision(s).",
    "play.over": "Cette partie est déjà terminée.",
    "play.no_report": "Le rapport n'a pas pu être écrit : {error}",
    "template.author": "À compléter",
    "graph.draw": "tirage",
    "graph.end": "fin du financement",
    "graph.any": "à tout moment",
    "graph.break": "cohésion sous le seuil",
    "graph.start": "début",
    "month": "mois",
    "ui.time_left.one": "{time} restant",
    "ui.time_left.other": "{time} restants",
    "gauge.sens": "Sens",
    "gauge.identite": "Identité",
    "gauge.pouvoir": "Pouvoir",
    "gauge.cohesion": "Cohésion",
    "ui.not_recorded": "Cette partie ne sera pas enregistrée : {error}",
    "spread_in": "dans {n}\xa0organisations",
    "ui.net_change": "Le bilan",
    "ui.by_choice": "Votre choix",
    "ui.by_months": "Le temps qui passe",
    "net_change": "Le bilan\xa0: {list}.",
    "by_choice": "Votre choix\xa0: {list}.",
    "by_months": "Le temps qui passe\xa0: {why}\xa0; {list}.",
    "levels.engagement": "Engagement",
    "levels.awareness": "Information des hiérarchies",
    "levels.support": "Soutien des hiérarchies",
    "play.class": "Partie reliée à la classe {code} ({server})\xa0: chaque décision y est envoyée.",
    "play.class_problem": "partenaires\xa0: classe\xa0: {error} — la partie continue, enregistrée sur cette machine.",
    "play.class_sent": "Toute la partie est arrivée à la classe.",
    "play.class_pending": "Le serveur de la classe n'a pas encore tout reçu\xa0; pour l'envoyer plus tard\xa0: partenaires class send {path}",
    "cmp.ge": "{x} atteint au moins {k}",
    "cmp.gt": "{x} dépasse {k}",
    "cmp.le": "{x} ne dépasse pas {k}",
    "cmp.lt": "{x} reste sous {k}",
    "cmp.eq": "{x} vaut {k}",
    "cmp.ne": "{x} ne vaut pas {k}",
    "arith.plus": "{a} plus {b}",
    "arith.minus": "{a} moins {b}",
    "arith.times": "{a} multiplié par {b}",
    "arith.over": "{a} divisé par {b}",
    "arith.neg": "l’opposé de {a}",
    "fact_unread": "Une partie de la condition, lue ainsi\xa0: {values}.",
    "reads.sens": "le sens",
    "reads.identite": "l’identité",
    "reads.pouvoir": "le pouvoir",
    "reads.cohesion": "la cohésion",
    "reads.engagement": "l’engagement {of_x}",
    "reads.awareness": "l’information de la hiérarchie {x}",
    "reads.support": "le soutien de la hiérarchie {x}",
    "reads.diffusion": "la diffusion de {x} ({y})",
}


def _typeset(text: str) -> str:
    """French typography for the advice below: a non-breaking space before « : ; ! ? » and inside « »."""
    for mark in (" :", " ;", " !", " ?"):
        text = text.replace(mark, "\u00a0" + mark[1])
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


# What to do about each diagnostic code (`game/scenario/diagnostics.py`), printed after it as « Que faire : ».
FIXES: dict[str, str] = {
    "watch.on": "Suivi du fichier {path} : chaque enregistrement recharge le scénario et affiche aussitôt de nouveau la scène en cours.",
    "watch.on_between": "Suivi du fichier {path} : chaque enregistrement recharge le scénario avant la scène suivante.",
    "watch.reloaded": "Scénario rechargé : la partie continue à la même scène, avec le même état.",
    "watch.restarted": "Scénario rechargé : la scène « {scene} » n'existe plus, la partie recommence au début.",
    "watch.refused": "Le fichier enregistré contient des erreurs : la partie continue avec la version précédente.",
    "diag.error": "erreur",
    "diag.warning": "avertissement",
    "diag.hint": "aide",
    "diag.summary_failed": "{file}\u00a0: {errors} erreur(s), {warnings} avertissement(s)",
    "diag.summary_ok": "{file}\u00a0: correct ({warnings} avertissement(s))",
    "diag.fix": "Que faire",
    "fix.E000": "relisez la ligne indiquée ; si le message reste obscur, envoyez le fichier à l'équipe du jeu.",
    "fix.E001": "vérifiez le nom du fichier et qu'il s'ouvre dans votre éditeur ; un scénario fait au plus 8 Mo.",
    "fix.E002": "enregistrez le fichier en texte UTF-8 (« Enregistrer sous… », encodage UTF-8).",
    "fix.E002.utf16": "le fichier est en UTF-16 (« Unicode » dans le Bloc-notes) : enregistrez-le en UTF-8.",
    "fix.E003": "remontez les blocs imbriqués : un scénario n'a jamais besoin d'autant de niveaux.",
    "fix.E004": "partez du modèle `partenaires new` : le fichier commence par `format:`, `id:`, `title:`…",
    "fix.E005": "regardez la ligne indiquée et celle d'avant : indentation, guillemets, tirets de liste.",
    "fix.E005.colon": "un texte contient « : » : mettez tout le texte entre guillemets droits, "
    'par exemple fr: "Réunion : le bilan".',
    "fix.E005.quote": "un guillemet ouvert n'est jamais fermé : fermez-le à la fin du texte, "
    "sur la ligne où il a été ouvert.",
    "fix.E005.tab": "remplacez la tabulation par des espaces (deux par niveau).",
    "fix.E005.indent": "alignez cette ligne sur les clés du bloc auquel elle appartient "
    "(les clés d'un même bloc commencent à la même colonne).",
    "fix.E005.dash": "un élément de liste commence par « - » : ajoutez le tiret devant la première clé de l'élément.",
    "fix.E006": "découpez le scénario : il dépasse la taille qu'un scénario raisonnable atteint.",
    "fix.E007": "une clé est un nom simple (lettres, chiffres, `_`) suivi de « : ».",
    "fix.E008": "gardez une seule fois cette clé dans le bloc ; s'il s'agit d'un nouvel élément de liste, "
    "ajoutez « - » devant sa première clé.",
    "fix.E008.dash": "ajoutez « - » devant la première clé de chaque élément de la liste.",
    "fix.E009": "retirez la balise `!!…` : un scénario ne contient que du texte, des nombres, des listes et des blocs.",
    "fix.E010": "écrivez un nombre plus court (une jauge va de 0 à 100).",
    "fix.E101": "ajoutez la clé manquante (voir docs/scenario-format.fr.md pour ce qu'elle attend).",
    "fix.E102": "corrigez l'orthographe de la clé (en minuscules, sans accent) ou retirez-la ; "
    "les clés possibles sont dans docs/scenario-format.fr.md.",
    "fix.E102.capital": "écrivez la clé en minuscules, comme dans docs/scenario-format.fr.md.",
    "fix.E102.invisible": "retapez la clé : elle contient un caractère invisible (espace insécable ou autre).",
    "fix.E103": "mettez une valeur dans l'intervalle indiqué.",
    "fix.E104": "ajoutez ou retirez des éléments pour entrer dans les limites indiquées.",
    "fix.E105": "choisissez une des valeurs indiquées.",
    "fix.E106": "un identifiant s'écrit avec des lettres sans accent, des chiffres, `_` ou `-`, "
    "et commence par une lettre.",
    "fix.E106.accent": "retirez les accents de l'identifiant (et de toutes les références qui l'utilisent).",
    "fix.E107": "donnez une valeur du type attendu (un texte, un nombre, une liste ou un bloc, selon la clé).",
    "fix.E108": 'écrivez un texte, ou un bloc fr: "…" et en: "…".',
    "fix.E201": "corrigez le nom (voir la suggestion) ou créez l'élément qu'il désigne.",
    "fix.E202": "donnez à chaque élément un identifiant différent.",
    "fix.E203": "ajoutez une scène avec `phase:` à cet identifiant, ou retirez la phase.",
    "fix.E204": "ajoutez un choix sans `when:`, ou un `cost:` ou un autre `next:` qui fasse avancer le temps.",
    "fix.E205": "choisissez une étiquette dans la liste des concepts (voir l'aide ci-dessus).",
    "fix.E206": "placez cette fin avant la fin sans condition, ou corrigez sa condition.",
    "fix.E207": "ajoutez en dernier une fin sans `when:` (at: end), pour que toute partie se termine.",
    "fix.E208": "écrivez [plus petite part, plus grande part].",
    "fix.E301": "corrigez la condition à la colonne indiquée (voir « Le langage des conditions » dans "
    "docs/scenario-format.fr.md).",
    "fix.E301.curly": "remplacez les guillemets typographiques (“ ” « ») par des guillemets droits \" ou retirez-les : une condition n'en a pas besoin ; désactivez les guillemets automatiques de votre traitement de texte.",
    "fix.E401": "placez l'image dans le dossier du scénario et donnez un chemin relatif, sans « .. ».",
    "fix.E402": "enregistrez l'image en PNG ou JPEG de quelques centaines de pixels de large.",
    "fix.W101": "ajoutez le texte dans la langue manquante, ou écrivez le texte sous forme fr: … en: ….",
    "fix.W102": (
        "mettez une espace insécable avant : ; ! ? et à l'intérieur des « », à la place de l'espace ordinaire : "
        'dans un texte entre guillemets droits, écrivez \\_ ("Pourquoi\\_?") ; ailleurs, le caractère U+00A0 '
        "(AltGr+Maj+Espace sous Linux, Alt+0160 sous Windows). Voir « Les textes » dans docs/scenario-format.fr.md."
    ),
    "fix.W121": "remplacez la condition par `at: break` (le seuil commun, rules.break_threshold).",
    "fix.W201": "ajoutez un partenaire de cette organisation, ou retirez-la.",
    "fix.W202": "ajoutez au moins une question de débriefing (`questions:`).",
    "fix.W203": "donnez un effet au choix (jauge, engagement, drapeau…) ou un `next:`/`cost:` qui change la suite ; "
    "sinon il ne compte pas dans la partie.",
    "fix.W204": "ajoutez un choix sans `when:`, pour que la scène ne dépende pas d'une condition pour avancer.",
    "fix.W205": "donnez à cette phase une scène répétable (`once: false`) sans `when:` qui fasse passer un mois (une réunion ordinaire), ou davantage de scènes jouées une fois, ou raccourcissez la phase (le `turn >= …` de son `next:`).",
    "fix.W206": "écrivez d'autres scènes pour cette phase, ou plusieurs variantes de celle-ci (chacune `once: true`, ou chacune avec son `when:`), ou raccourcissez la phase.",
    "fix.W207": "accordez le texte et la condition : corrigez le seuil ou le sens de la comparaison que dit l'explication, ou le `when:` de la fin.",
    "fix.W301": "donnez une probabilité supérieure à 0, ou retirez l'événement.",
    "fix.W401": "placez l'image à ce chemin dans le dossier du scénario, ou retirez la clé.",
    "fix.X101": "vérifiez la condition de la fin et les effets qui y mènent (partenaires check --deep).",
    "fix.X102": "assouplissez la condition de la fin, ou déclarez la part attendue dans `balance:`.",
    "fix.X103": "faites compter les choix : cette fin arrive quoi que fasse le ou la stagiaire ; resserrez sa condition, ou déclarez la part attendue dans `balance:`.",
    "fix.X104": "affaiblissez les effets qui favorisent cette stratégie (le même genre de choix gagne toujours), ou donnez-lui un coût.",
    "fix.X105": "donnez un `cost:` ou un autre `next:` aux choix qui tournent en rond.",
    "fix.X106": "ajustez les effets qui mènent à cette fin, ou la part attendue dans `balance:`.",
    "fix.X107": "si cette façon de jouer ne doit pas toujours finir ici, donnez un prix aux choix qu'elle prend toujours (du temps, une perte ailleurs) ou resserrez la condition de la fin ; si elle le doit, déclarez la part attendue de cette fin dans `balance:`.",
    "fix.X108": "ouvrez à cette façon de jouer un chemin vers cette fin (un choix qu'elle prendrait y mène), ou assouplissez la condition de la fin ; si elle doit y être rare, déclarez la part attendue de cette fin dans `balance:`.",
    "fix.X109": 'donnez à la phase une scène ouverte quand les autres sont fermées (une scène qui se répète, par exemple `when: "inventions == 0"`), ou faites que les conditions de ses scènes échouent moins souvent ensemble.',
}
FIXES = {key: _typeset(text) for key, text in FIXES.items()}
MESSAGES.update(FIXES)


# Chaque diagnostic en français (voir `game/scenario/diagnostics.py`), mêmes clés et mêmes champs qu'en anglais.
DIAGNOSTICS: dict[str, str] = {
    "diag.E002.bytes": "le fichier n'est pas en UTF-8 (octet {byte}) — enregistrez-le en texte UTF-8",
    "diag.E002.utf16": "le fichier est enregistré en UTF-16 («\u00a0Unicode\u00a0») — attendu\u00a0: du texte UTF-8",
    "diag.E002.nul": "ce n'est pas un fichier texte (il contient des octets NUL) — attendu\u00a0: un scénario YAML",
    "diag.E003": "imbrication trop profonde — attendu\u00a0: au plus {n} niveaux",
    "diag.E004.no_data": "le fichier ne contient aucune donnée — attendu\u00a0: un scénario (des lignes `clé: valeur`)",
    "diag.E004.empty": "le fichier est vide — attendu\u00a0: un scénario (des lignes `id: …`, `title: …`)",
    "diag.E004.top": (
        "le premier niveau doit être fait de lignes `clé: valeur` (`id: …`, `title: …`) — trouvé\u00a0: {got}"
    ),
    "diag.E005.quote_line": "mise en page YAML incorrecte — un guillemet ouvert sur cette ligne n'est jamais refermé",
    "diag.E005.colon": (
        "mise en page YAML incorrecte — le texte contient «\u00a0:\u00a0», que YAML lit comme une nouvelle clé"
    ),
    "diag.E005.tab": "mise en page YAML incorrecte — une tabulation, là où YAML demande des espaces",
    "diag.E005.indent": (
        "mise en page YAML incorrecte\u00a0: cette ligne est décalée de {indent} espaces, les clés de son "
        "bloc de {block} (ligne {line}) — attendu\u00a0: la même colonne que les clés de son bloc"
    ),
    "diag.E005.syntax": "mise en page YAML incorrecte (message de YAML\u00a0: {problem})",
    "diag.E005.quote": (
        "un guillemet ouvert ici n'est jamais refermé (YAML s'est arrêté à la ligne {line}) — "
        "attendu\u00a0: un `{quote}` fermant"
    ),
    "diag.E005.document": "un second document YAML (`---`) — attendu\u00a0: un seul scénario par fichier",
    "diag.E005.alias": (
        "alias inconnu `*{name}` — attendu\u00a0: une ancre `&{name}` écrite avant lui, et pas autour de lui"
    ),
    "diag.E006.aliases": (
        "trop de valeurs une fois les `*alias` développés (plus de {n}) — est-ce une «\u00a0bombe "
        "d'alias\u00a0»\u00a0? attendu\u00a0: que chaque alias représente une petite valeur"
    ),
    "diag.E008.dash": (
        "un élément de liste commence par `- ` — `{key}` commence ici un nouvel élément (le précédent "
        "commençait à la ligne {line})\u00a0; attendu\u00a0: `- {key}: …`"
    ),
    "diag.E008": (
        "clé `{key}` en double — attendu\u00a0: chaque clé une seule fois à ce niveau (la dernière "
        "l'emporterait sans prévenir)"
    ),
    "diag.E009": (
        "l'étiquette YAML `{tag}` est interdite — attendu\u00a0: des valeurs simples (textes, nombres, "
        "true/false, listes, lignes `clé: valeur`)\u00a0; un scénario n'exécute jamais de code"
    ),
    "diag.E101": "clé `{key}` manquante — attendu\u00a0: `{key}:` ici",
    "diag.E102.invisible": "clé inconnue `{key}`, qui contient un caractère invisible — {chars}",
    "diag.E102.capital": "clé inconnue `{key}` — les clés s'écrivent sans majuscules\u00a0: `{lower}`",
    "diag.E102": "clé inconnue `{key}`{rest}",
    "diag.E103": "`{name}` hors limites — attendu\u00a0: {bound}, trouvé\u00a0: {got}",
    "diag.E104.items": "`{name}` n'a pas le bon nombre d'éléments — attendu\u00a0: {count}, trouvé\u00a0: {got}",
    "diag.E105": "`{name}` a une valeur inattendue — attendu\u00a0: {expected}, trouvé\u00a0: {got}",
    "diag.E106.accent": "`{name}` contient un accent\u00a0: `{value}` — attendu\u00a0: `{plain}`",
    "diag.E106.invalid": (
        "`{name}` n'est pas un identifiant valable — attendu\u00a0: des lettres sans accent, des chiffres, "
        "`_` ou `-`, en commençant par une lettre\u00a0; trouvé\u00a0: {got}"
    ),
    "diag.E106.reference": "`{name}` désigne un identifiant écrit avec un accent — attendu\u00a0: `{plain}`",
    "diag.E107": "type incorrect pour `{name}` — attendu\u00a0: {expected}, trouvé\u00a0: {got}",
    "diag.E108": "type incorrect pour `{name}` — attendu\u00a0: {expected}, trouvé\u00a0: {got}",
    "diag.E201.partner": "partenaire inconnu `{id}`{rest}",
    "diag.E201.scene": "scène inconnue `{id}`{rest}",
    "diag.E201.ending": "fin inconnue `{id}`{rest}",
    "diag.E201.phase": "phase inconnue `{id}`{rest}",
    "diag.E201.event": "événement inconnu `{id}`{rest}",
    "diag.E201.organisation": "organisation inconnue `{id}`{rest}",
    "diag.E201.invention": "invention inconnue `{id}`{rest}",
    "diag.E202": (
        "identifiant `{id}` en double dans la liste `{family}` — attendu\u00a0: chaque identifiant une seule "
        "fois\u00a0; il est déjà pris à la ligne {line}"
    ),
    "diag.E202.choice": "identifiant de choix `{id}` en double dans cette scène",
    "diag.E203": "la phase `{id}` n'a aucune scène — attendu\u00a0: au moins une scène avec `phase: {id}`",
    "diag.E204.loop": (
        "scène sans issue — ses choix reviennent en boucle par {path} sans faire passer le temps\u00a0; "
        "attendu\u00a0: un `cost` ou un autre `next`"
    ),
    "diag.E205": "étiquette de concept inconnue `{tag}`{rest}",
    "diag.E206.never": "la fin `{id}` ne peut jamais être atteinte — aucune valeur des jauges ne rend `{when}` vraie",
    "diag.E206.order": (
        "la fin `{id}` ne peut jamais être atteinte — attendu\u00a0: placée avant `{other}`, qui n'a pas "
        "de condition et passe en premier"
    ),
    "diag.E207": (
        "aucune fin n'est certaine quand le financement s'arrête — attendu\u00a0: une dernière fin sans "
        "`when`, pour que chaque partie ait une fin"
    ),
    "diag.E301": "condition\u00a0: {problem}",
    "diag.E401.leaves": (
        "le chemin du fichier sort du dossier du scénario — attendu\u00a0: un chemin à l'intérieur, avec "
        "`/` entre les dossiers\u00a0; trouvé\u00a0: {got}"
    ),
    "diag.W101.one": "texte écrit dans une seule langue — attendu\u00a0: {pair}",
    "diag.W102": (
        "texte français sans ses espaces insécables — {n} manquante(s) "
        "(avant les signes\u00a0:\u00a0;\u00a0!\u00a0? ou dans les guillemets «\u00a0»)"
    ),
    "diag.W121": (
        "la fin `{id}` compare la cohésion à un nombre qui lui est propre — attendu\u00a0: `at: break`, la "
        "règle d'éclatement commune (cohésion sous rules.break_threshold, {n} ici, tracé sur la jauge)"
    ),
    "diag.W201": "l'organisation `{id}` n'a aucun partenaire dans le collectif",
    "diag.W202": "la fin `{id}` n'a pas de question de débriefing",
    "diag.W301": "l'événement `{id}` n'arrive jamais (probabilité 0)",
    "diag.W401": "fichier `{path}` introuvable — un portrait dessiné sera utilisé",
    "diag.E204.none": (
        "scène sans issue — aucun de ses choix ne peut jamais être proposé\u00a0; "
        "attendu\u00a0: au moins un choix sans `when` ou avec une condition qui peut être vraie"
    ),
    "diag.W101.missing": "texte {language} manquant",
    "diag.W101.more": "{n} autres textes sans traduction",
    "diag.W203": (
        "le choix {n} n'a aucun effet — il ne change rien que les autres ne changent pas\u00a0; "
        "attendu\u00a0: `effects:` ou un `next:`"
    ),
    "diag.W204": (
        "chaque choix de cette scène a un `when` — dans une partie où aucun ne tient, la scène ne propose rien\u00a0; "
        "attendu\u00a0: au moins un choix sans `when`"
    ),
    "diag.W205.none": (
        "la phase `{id}` peut manquer de scènes — elle dure jusqu'à {months} mois (du tour {first} au tour "
        "{last}) et ses scènes jouées une seule fois ({n}) en remplissent au plus {fill}, et elle n'a aucune "
        "scène répétable\u00a0; attendu\u00a0: une scène répétable (`once: false`) sans `when`, ou davantage de scènes"
    ),
    "diag.W205.guarded": (
        "la phase `{id}` peut manquer de scènes — elle dure jusqu'à {months} mois (du tour {first} au tour "
        "{last}) et ses scènes jouées une seule fois ({n}) en remplissent au plus {fill}, et ses scènes "
        "répétables ({names}) peuvent toutes être écartées par leur `when`\u00a0; attendu\u00a0: une scène "
        "répétable (`once: false`) sans `when`, ou davantage de scènes"
    ),
    "diag.W206": (
        "la scène `{id}` peut être jouée {n} fois dans une même partie — la phase `{phase}` dure jusqu'à "
        "{months} mois et, quand cette scène peut être tirée, les scènes jouées une seule fois en remplissent "
        "au plus {fill}\u00a0; attendu\u00a0: une scène répétable qui revient au plus deux fois"
    ),
    "diag.W207.other": (
        "l'explication de la fin `{id}` dit «\u00a0{words}\u00a0», mais sa condition teste {tests} — "
        "attendu\u00a0: une explication qui dit ce que teste la condition"
    ),
    "diag.W207.missing": (
        "l'explication de la fin `{id}` dit «\u00a0{words}\u00a0», mais sa condition ne teste pas {gauge} — "
        "attendu\u00a0: une explication qui dit ce que teste la condition"
    ),
    "diag.hint.flags": "les drapeaux viennent de `flags:` dans les effets d'un choix ou d'un événement",
    "diag.hint.stub": "pour la créer, collez sous `scenes:`\n{stub}",
    "diag.hint.tags": "étiquettes connues\u00a0: {tags}",
    "diag.part.suggest": " — vouliez-vous dire `{best}`\u00a0?",
    "diag.part.one_of": " — attendu\u00a0: l'une de ces clés\u00a0: {names}",
    "diag.part.between": "entre {low} et {high}",
    "diag.part.at_most": "au plus {n}",
    "diag.part.at_least": "au moins {n}",
    "diag.part.a_list": "une liste",
    "diag.part.a_list_dash": "une liste (des lignes qui commencent par `- `)",
    "diag.part.a_mapping": "des lignes `clé: valeur`",
    "diag.part.a_mapping_lines": "des lignes `clé: valeur`",
    "diag.part.whole": "un nombre entier",
    "diag.part.number": "un nombre",
    "diag.part.texts": "un texte, ou des textes `fr:` et `en:`",
    "diag.part.text": "un texte",
    "diag.part.no_power": "il n'y a pas d'opérateur de puissance — attendu\u00a0: un nombre ou un nom",
    "diag.part.equals": "`=` inattendu — attendu\u00a0: `>=` ou `<=` (le `=` vient en second)",
    "diag.part.equals_other": "`=` inattendu — attendu\u00a0: {fix}",
    "diag.part.character": "caractère inattendu {char} — attendu\u00a0: un nom, un nombre ou un opérateur",
    "diag.part.flag": "drapeau inconnu `{id}`{rest}",
    "diag.part.function": "fonction inconnue `{id}`{rest}",
    "diag.part.name": "nom inconnu `{id}`{rest}",
    "diag.part.partner": "partenaire inconnu `{id}`{rest}",
    "diag.part.invention": "invention inconnue `{id}`{rest}",
    "diag.part.organisation": "organisation inconnue `{id}`{rest}",
    "diag.part.empty": "condition vide — attendu\u00a0: une expression comme `sens >= 40`",
    "diag.part.chained": (
        "les comparaisons ne s'enchaînent pas — attendu\u00a0: `and` entre elles, par exemple `a < b and b < c`"
    ),
    "diag.part.boolean": (
        "une condition doit être vraie ou fausse — attendu\u00a0: une comparaison comme `sens >= "
        "40`\u00a0; trouvé\u00a0: un nombre"
    ),
    "diag.part.french": "en français",
    "diag.part.english": "en anglais",
    "diag.part.and": "{first} et {second}",
    "diag.E001.read": "impossible de lire le fichier — {reason}",
    "diag.E001.refused": "{reason}",
    "diag.E005.unreadable": "YAML n'a pas pu lire le fichier (message de YAML\u00a0: {problem})",
    "diag.E006.values": "trop de valeurs (plus de {n}) — attendu\u00a0: un scénario de taille raisonnable",
    "diag.E007.key": "une clé doit être un nom — attendu\u00a0: un texte, trouvé\u00a0: {got}",
    "diag.E007.merge": (
        "`<<` ne fusionne que des lignes `clé: valeur` — attendu\u00a0: `*ancre` d'un bloc de lignes `clé: valeur`"
    ),
    "diag.E010.long": "nombre trop long — attendu\u00a0: au plus {n} caractères",
    "diag.E010.large": "nombre trop grand — attendu\u00a0: au plus {n} en valeur absolue",
    "diag.E010.infinite": "ce n'est pas un nombre fini — attendu\u00a0: un nombre comme `1.5`, trouvé\u00a0: `{value}`",
    "diag.E104.text_empty": "`{name}` est vide — attendu\u00a0: au moins 1 caractère, trouvé\u00a0: {got}",
    "diag.E104.text_short": "`{name}` est trop court — attendu\u00a0: au moins {n} caractères, trouvé\u00a0: {got}",
    "diag.E104.text_long": "`{name}` est trop long — attendu\u00a0: au plus {n} caractères, trouvé\u00a0: {got}",
    "diag.E208": (
        "part attendue de `{id}`\u00a0: [{low}, {high}] — attendu\u00a0: [plus petite part, plus grande part], "
        "la plus petite d'abord"
    ),
    "diag.E401.loop": ("le chemin du fichier ne mène nulle part (un lien renvoie à lui-même) — trouvé\u00a0: {got}"),
    "diag.E401.link": "le chemin du fichier sort du dossier du scénario (par un lien) — trouvé\u00a0: {got}",
    "diag.E402.unread": "impossible de lire l'image — {reason}",
    "diag.E402": "{problem} — un portrait s'affiche sur quelques centaines de pixels de large au plus",
    "diag.X101": "la fin `{id}` n'est jamais atteinte, quelle que soit la stratégie",
    "diag.X102": (
        "la fin `{id}` n'est presque jamais atteinte (au mieux {best} des parties d'une stratégie, "
        "attendu\u00a0: au moins {rare})"
    ),
    "diag.X103": (
        "la fin `{id}` conclut {share} des parties jouées au hasard (attendu\u00a0: au plus {dominant})\u00a0: "
        "les choix ne comptent guère"
    ),
    "diag.X104": (
        "la stratégie `{leader}` gagne (fin `{best}`) dans {top} de ses parties, bien plus que toute autre "
        "(la suivante\u00a0: {second})\u00a0: une stratégie dominante"
    ),
    "diag.X105": (
        "{n} partie(s) ont duré {limit} décisions sans arriver à une fin\u00a0: une boucle de choix qui ne "
        "prennent pas de temps"
    ),
    "diag.X106": (
        "la fin `{id}` conclut {share} des parties jouées au hasard, hors de la fourchette {low}–{high} "
        "que le scénario prévoit dans `balance`"
    ),
    "diag.X107": (
        "la fin `{id}` conclut {share} des parties de la stratégie `{name}` (au plus {most} attendus)\u00a0: "
        "cette façon de jouer finit toujours de la même manière"
    ),
    "diag.X108": (
        "la fin `{id}` ne conclut que {share} des parties de la stratégie `{name}` (au moins {least} attendus)\u00a0: "
        "cette façon de jouer n'y arrive presque jamais"
    ),
    "diag.X109": (
        "{share} des parties de la stratégie `{name}` passent des mois sans scène à jouer (surtout dans la phase "
        "`{phase}`, au plus {most} des parties attendus)\u00a0: le joueur ne peut que regarder le temps passer"
    ),
    "diag.D100": "la fin `{id}` peut être atteinte en {n} choix",
    "diag.D101.bounds": (
        "la fin `{id}` ne peut jamais être atteinte — c'est prouvé\u00a0: `{when}` ne peut pas être vraie quand "
        "les jauges restent dans {span} (d'après les valeurs de départ, les effets et le calendrier)"
    ),
    "diag.D101.states": "la fin `{id}` ne peut jamais être atteinte — c'est prouvé sur les {n} états du jeu",
    "diag.D101": (
        "la fin `{id}` ne peut jamais être atteinte — c'est prouvé\u00a0: aucune partie ne peut remplir sa "
        "condition, même en comptant toutes les valeurs que les jauges et les niveaux peuvent prendre (une "
        "sur-approximation de toutes les parties)"
    ),
    "diag.D102": (
        "la fin `{id}` reste indécise\u00a0: aucune partie trouvée ne l'atteint ({states} états explorés, "
        "{games} parties par stratégie), et la sur-approximation ne peut pas l'exclure (augmentez --max-states "
        "pour chercher plus loin)"
    ),
    "diag.D201": (
        "la scène `{id}` peut bloquer le ou la stagiaire\u00a0: aucun de ses choix n'est disponible, le "
        "jeu ne peut proposer que «\u00a0laisser passer le mois\u00a0»"
    ),
    "diag.D301": "la scène `{id}` n'est jamais jouée (c'est prouvé)",
    "diag.D302": (
        "la scène `{id}` reste indécise\u00a0: aucune partie trouvée n'y passe, et la sur-approximation ne "
        "peut pas l'exclure"
    ),
    "diag.part.too_large_got": "fichier trop volumineux — attendu\u00a0: au plus {limit}, trouvé\u00a0: {size}",
    "diag.part.too_large": "fichier trop volumineux — attendu\u00a0: au plus {limit}",
    "diag.part.image_too_large": "fichier image trop volumineux — attendu\u00a0: au plus {limit}",
    "diag.part.irregular": "{kind} — attendu\u00a0: un fichier ordinaire",
    "diag.part.folder": "c'est un dossier",
    "diag.part.fifo": "c'est un tube nommé (FIFO)",
    "diag.part.device": "c'est un périphérique",
    "diag.part.socket": "c'est une socket",
    "diag.part.not_regular": "ce n'est pas un fichier ordinaire",
    "diag.part.no_such_file": "fichier ou dossier introuvable",
    "diag.part.denied": "permission refusée",
    "diag.part.link_loop": "trop de liens symboliques à la suite",
    "diag.part.megabytes": "{n}\u00a0Mo",
    "diag.part.kilobytes": "{n}\u00a0Ko",
    "diag.part.bytes": "{n}\u00a0octets",
    "diag.part.empty_image": "une image {kind} de {width} × {height} pixels est vide",
    "diag.part.huge_image": (
        "image trop grande — attendu\u00a0: au plus {side} × {side} pixels, trouvé\u00a0: {width} × {height}"
    ),
    "diag.part.not_image": "ce n'est pas une image PNG, JPEG, GIF ou BMP",
    "diag.part.jpeg_size": "une image JPEG dont la taille ne se lit pas dans ses 64 premiers Ko",
    "diag.part.true_false": "`true` ou `false`",
    "diag.part.nothing": "rien",
    "diag.part.any_range": "une valeur dans les limites (0 à 100 pour un niveau, −100 à +100 pour une variation)",
    "diag.part.one_ending_suggest": (" — vouliez-vous dire `{best}`\u00a0? attendu\u00a0: l'une des fins du scénario"),
    "diag.part.one_ending": " — attendu\u00a0: l'une des fins du scénario",
    "diag.part.nbsp": "U+00A0 (espace insécable)",
    "diag.part.narrow_nbsp": "U+202F (espace fine insécable)",
    "diag.part.zero_width": "U+200B (espace sans chasse)",
    "diag.part.bom": "U+FEFF (espace insécable sans chasse)",
    "diag.part.thin": "U+2009 (espace fine)",
    "diag.part.soft_hyphen": "U+00AD (trait d'union conditionnel)",
    "diag.part.condition_long": "condition trop longue — attendu\u00a0: au plus {n} caractères, trouvé\u00a0: {got}",
    "diag.part.condition_deep": "condition trop imbriquée — attendu\u00a0: au plus {n} niveaux",
    "diag.part.condition_chain": (
        "enchaînement d'opérations trop long — attendu\u00a0: au plus {n} opérateurs imbriqués les uns dans "
        "les autres\u00a0; découpez-la en plusieurs conditions"
    ),
    "diag.part.compare": "impossible de comparer {left} et {right} avec `{op}` — attendu\u00a0: deux nombres",
    "diag.part.arguments": "`{func}` prend {n} argument(s) ({kinds}) — trouvé\u00a0: {count}",
    "diag.part.is_function": " — `{func}` est une fonction\u00a0: écrivez `{func}(id)`",
    "diag.part.scene": "scène inconnue `{id}`{rest}",
    "diag.part.phase": "phase inconnue `{id}`{rest}",
    "diag.part.expected_got": "il faut ici {expected}, mais on trouve {got}",
    "diag.part.a_comparison": "une comparaison comme `sens >= 40`",
    "diag.part.a_bool": "une valeur vraie ou fausse",
    "diag.part.an_operator": "un opérateur comme `and`, `or`, `>=`",
    "diag.part.close": "`)` pour fermer la parenthèse",
    "diag.part.close_or_comma": "`)` ou `,` après l'argument",
    "diag.part.to_compare": "`==` pour comparer",
    "diag.part.no_attribute": "un opérateur (il n'y a pas d'accès aux attributs)",
    "diag.part.an_atom": "un nombre, un nom ou `(`",
    "diag.part.an_id": "un identifiant (partenaire, organisation, invention, drapeau…)",
    "diag.part.as_text": "une condition écrite comme un texte",
    "diag.part.the_end": "la fin de la condition",
    "diag.part.kind_bool": "une valeur vraie ou fausse",
    "diag.part.kind_number": "un nombre",
    "diag.part.kind_partner": "partenaire",
    "diag.part.kind_flag": "drapeau",
    "diag.part.yaml_brace": "il manque une `,` ou l'accolade fermante `}}`",
    "diag.part.yaml_bracket": "il manque une `,` ou le crochet fermant `]`",
    "diag.part.yaml_key": "une clé était attendue ici",
    "diag.part.yaml_dash": "le tiret `-` d'un élément de liste était attendu ici",
    "diag.part.yaml_node": "une valeur était attendue ici",
    "diag.part.yaml_colon": "il manque un `:` après la clé",
    "diag.part.yaml_document": "le début du document était attendu ici",
    "diag.part.yaml_name": "une lettre ou un chiffre était attendu ici",
    "diag.part.yaml_escape": "une barre oblique inverse `\\` suivie d'un caractère que YAML ne connaît pas",
    "diag.part.yaml_token": "un caractère qui ne peut pas commencer une valeur écrite sans guillemets",
    "diag.part.yaml_end": "le fichier s'arrête trop tôt",
    "diag.part.yaml_mapping": "une ligne `clé: valeur` n'est pas permise à cet endroit",
    "diag.part.yaml_sequence": "un élément de liste `- ` n'est pas permis à cet endroit",
    "diag.part.kind_scene": "scène",
    "diag.part.or": "{first} ou {second}",
}
MESSAGES.update(DIAGNOSTICS)

# Ce que les outils du formateur écrivent autour de leurs constats (`explore`, `check --deep`).
TOOLS: dict[str, str] = {
    "diag.info": "info",
    "deep.idle": " (laisser passer le mois)",
    "deep.events": " [événement {events}]",
    "deep.ending": "fin ",
    "deep.path": "chemin\u00a0: {path}",
    "deep.replay": "rejouer\u00a0: printf '{numbers}' | partenaires play --text {file} --seed {seed}",
    "deep.choices": (
        "choix\u00a0: printf '{numbers}' (probabilité de ces tirages\u00a0: {chance}\u00a0; aucune des {seeds} "
        "premières graines ne les reproduit)"
    ),
    "deep.witness": (
        "chemin\u00a0: {scenes} (une partie de la stratégie `{strategy}`\u00a0; aucune recherche n'a prouvé "
        "qu'il est le plus court)"
    ),
    "deep.decided": (
        "fins\u00a0: {endings} atteignable(s) (un chemin rejoué), {unreachable} inatteignable(s) (c'est "
        "prouvé)\u00a0; scènes\u00a0: {scenes} atteignable(s), {unplayed} jamais jouée(s) (c'est prouvé)"
    ),
    "deep.complete": "COMPLÈTE",
    "deep.incomplete": "INCOMPLÈTE ({n} non tranché(s), voir les avertissements)",
    "deep.exact": "jauges exactes",
    "deep.buckets": "jauges regroupées par tranches de {n} points",
    "deep.complete_search": "complète",
    "deep.bounded_search": "bornée",
    "deep.games": "\u00a0; {n} parties automatiques par stratégie",
    "deep.status": (
        "vérification approfondie\u00a0: {status} — {decided}\n"
        "    comment\u00a0: une sur-approximation de toutes les parties ({places} lieux\u00a0: phase × scène × "
        "mois, chaque niveau comme un intervalle, chaque événement extérieur et chaque tirage dans les deux "
        "sens)\u00a0; une recherche exacte sur {states} états ({search}\u00a0: au plus {max_states} états, "
        "{max_depth} décisions, {gauges}){games}\u00a0; {seconds}\u00a0s"
    ),
    "cover.head": (
        "{file}\u00a0: couverture d'après une recherche sur {states} états ({status}) et {games} parties automatiques"
    ),
    "cover.complete": "complète",
    "cover.bounded": "bornée (INCOMPLÈTE)",
    "cover.covered": (
        "{covered} cibles atteintes sur {targets} (scènes, choix, événements, fins, les deux réponses de chaque "
        "condition)"
    ),
    "cover.all": "Chaque ligne a été atteinte.",
    "cover.missed": "Jamais atteint\u00a0:",
    "cover.scene": "la scène `{id}` n'est jamais jouée",
    "cover.choice": "le choix {label} de la scène `{id}` n'est jamais retenu",
    "cover.event": "l'événement `{id}` n'arrive jamais",
    "cover.ending": "la fin `{id}` n'est jamais atteinte",
    "cover.untested": "la condition `{text}` n'est jamais évaluée",
    "cover.never_true": "la condition `{text}` n'est jamais vraie",
    "cover.never_false": "la condition `{text}` n'est jamais fausse",
    "explore.head": "{file}\u00a0: {runs} parties par stratégie, graines {first}…{last}",
    "explore.strategy": "stratégie",
    "explore.endings": "Fins (part des parties\u00a0; meilleure fin = `{best}`)\u00a0:",
    "explore.unvisited": "Scènes jamais visitées\u00a0:",
    "explore.unvisited_none": "Scènes jamais visitées\u00a0: aucune",
    "explore.scene": "{where}: scène `{scene}`",
    "explore.never_offered": "Choix jamais proposés\u00a0:",
    "explore.never_offered_none": "Choix jamais proposés\u00a0: aucun",
    "explore.never_taken": "Choix jamais retenus\u00a0:",
    "explore.never_taken_none": "Choix jamais retenus\u00a0: aucun",
    "explore.choice": "{where}: scène `{scene}`, choix {choice}",
    "explore.arrival": "Jauges à l'arrivée dans chaque scène (min / Q1 / médiane / Q3 / max)\u00a0:",
    "explore.warnings": "{n} avertissement(s)\u00a0:",
    "explore.no_warning": (
        "Aucun avertissement\u00a0: chaque fin est atteinte, aucune ne domine, aucune stratégie ne l'emporte toujours."
    ),
}
MESSAGES.update(TOOLS)

# Ce que disent les commandes du formateur en dehors des constats : leurs erreurs de ligne de commande et ce
# qu'elles ont écrit (`play --start/--set`, `explore`, `po`, `graph`, `new`).
COMMANDS: dict[str, str] = {
    "cli.play.which": "quel scénario ? Par exemple `partenaires play --text demo`",
    "cli.play.no_resume": (
        "aucune partie inachevée à reprendre dans {folder} — commencez une nouvelle partie, ou indiquez "
        "son enregistrement : `partenaires play --text --resume FICHIER.jsonl`"
    ),
    "cli.play.no_resume_anywhere": (
        "aucune partie inachevée à reprendre dans le dossier des parties — commencez une nouvelle partie, ou "
        "indiquez son enregistrement : `partenaires play --text --resume FICHIER.jsonl`"
    ),
    "cli.start.unknown": "scène inconnue : `{scene}`",
    "cli.start.unknown_close": "scène inconnue : `{scene}` — vouliez-vous dire `{close}` ?",
    "cli.set.expected": (
        "--set {item} : la forme attendue est NOM=NOMBRE, où NOM est l'une des jauges {gauges} (de 0 à 100), turn (tours "
        "déjà écoulés), engagement.PARTENAIRE, awareness.ORGANISATION, support.ORGANISATION (de 0 à 100), "
        "flag.NOM, invention.ID (1 ou 0) ou diffusion.INVENTION.ORGANISATION"
    ),
    "cli.set.unknown": "--set {name} : `{value}` n'existe pas dans le scénario — attendu : l'un de ces identifiants : {ids}",
    "cli.set.unknown_close": "--set {name} : `{value}` n'existe pas dans le scénario — vouliez-vous dire `{close}` ?",
    "cli.explore.runs": "--runs {runs} : il faut au moins une partie par stratégie",
    "cli.explore.share": "--{name} {value} : attendu : un pourcentage, de 0 à 100",
    "cli.explore.best": "--best {best} : fin inconnue — attendu : l'une de ces fins : {endings}",
    "cli.explore.strategy": "--strategy {name} : stratégie inconnue — attendu : l'une de ces stratégies : {strategies}, ou all",
    "cli.explore.unknown_strategy": (
        "stratégie inconnue : `{strategy}` — attendu : l'une de ces stratégies : {strategies}, ou une stratégie --weights"
    ),
    "cli.explore.games": "parties",
    "cli.weights.month": (
        "--weights {spec} : `{head}` n'est pas un mois — attendu : MOIS:nom=poids,…, où MOIS est un nombre "
        "entier à partir de 1"
    ),
    "cli.weights.month_zero": "--weights {spec} : mois {month} — les mois se comptent à partir de 1",
    "cli.weights.month_twice": "--weights {spec} : le mois {month} apparaît deux fois — un seul jeu de poids par mois",
    "cli.weights.name": "--weights {spec} : nom inconnu `{name}` — attendu : l'un de ces noms : {names}",
    "cli.weights.no_weight": "--weights {spec} : `{part}` n'a pas de poids — attendu : {name}=NOMBRE, par exemple {name}=1",
    "cli.weights.not_number": "--weights {spec} : `{value}` n'est pas un nombre — attendu : {name}=NOMBRE",
    "cli.weights.not_finite": "--weights {spec} : `{value}` — attendu : un nombre fini",
    "cli.weights.name_twice": "--weights {spec} : `{name}` apparaît deux fois",
    "cli.weights.empty": "--weights {spec} : aucun poids — attendu, par exemple : 1:sens=1,identite=1",
    "cli.weights.none": "--weights : aucun poids donné — attendu, par exemple : 1:sens=1,identite=1",
    "cli.po.babel": ("la traduction par fichiers PO demande Babel — installez-le avec `pip install 'partenaires[po]'`"),
    "cli.po.exported": "{file} écrit : {count} texte(s) à traduire (langue cible : {target})",
    "cli.po.imported": "{file} : {count} traduction(s) écrite(s)",
    "cli.po.declared": (
        "  `languages:` mentionne maintenant {target} : `partenaires check` signale chaque texte qui y manque encore"
    ),
    "cli.po.unplaced": "  non placée (à coller à la main) : {place} : {text}",
    "cli.po.unplaced_default": (
        "  non placée (à coller à la main) : {place} (valeur par défaut, absente du fichier) : {text}"
    ),
    "cli.graph.wrote": "{path} écrit",
    "cli.graph.no_dot": (
        "il faut le programme `dot` de Graphviz pour écrire un .svg, et il est introuvable — installez "
        "Graphviz (Debian/Ubuntu : sudo apt install graphviz ; macOS : brew install graphviz ; Windows : "
        "https://graphviz.org/download/), ou écrivez plutôt FICHIER.dot ou FICHIER.md, qui n'ont besoin de rien"
    ),
    "cli.graph.dot_failed": "Graphviz a échoué : {error}",
    "cli.graph.format": "{path} : format de diagramme inconnu `{suffix}` — attendu : .svg, .dot ou .md",
    "cli.graph.no_format": "{path} : le nom du fichier n'indique aucun format de diagramme — attendu : .svg, .dot ou .md",
    "cli.new.wrote": "{path} écrit — ensuite : partenaires check {command}",
    "cli.new.exists": "{path} existe déjà — choisissez un autre nom, ou ajoutez --force pour le remplacer",
    "cli.new.no_folder": "{folder} : ce dossier n'existe pas — créez-le d'abord, ou choisissez un autre endroit",
    "cli.new.lang": "--lang {lang} : attendu : fr ou en",
}
MESSAGES.update(COMMANDS)


HOWTO: list[tuple[str, str]] = [
    ("h2", "Votre rôle"),
    (
        "body",
        "Vous travaillez sur le terrain, et votre service vous envoie le représenter dans un partenariat territorial. Personne n'y a autorité sur "
        "les autres : chacun répond à sa propre hiérarchie.",
    ),
    ("h2", "Les quatre jauges"),
    ("bullet", "Sens : ce que le collectif partage (valeurs, buts, méthodes)."),
    ("bullet", "Identité : le « nous » du collectif et la place de chacun."),
    ("bullet", "Pouvoir : la légitimité reconnue par les hiérarchies."),
    ("bullet", "Cohésion : le collectif tient-il ? Elle suit les trois autres et l'engagement des partenaires."),
    ("h2", "Le temps est compté"),
    (
        "body",
        "Chaque choix coûte du temps sur le financement. Le temps passé à nourrir le collectif n'est pas passé à le "
        "légitimer ni à diffuser ses inventions dans les organisations. Une invention ne devient innovation que si elle "
        "dépasse le seuil de diffusion ; le reste s'évapore à la fin.",
    ),
    ("h2", "Les touches"),
    ("bullet", "1 à 9 : choisir directement ; flèches ou Tab : se déplacer ; Entrée : valider."),
    ("bullet", "Échap : pause et réglages ; F11 : plein écran ; Ctrl + / Ctrl − : taille du texte."),
    ("bullet", "V : lire l’écran à voix haute (synthèse vocale) ; M : sons et ambiance, coupés par défaut."),
    (
        "bullet",
        "I : les hiérarchies et toutes les inventions, en grand (aussi le bouton « Voir tout » du panneau de droite).",
    ),
    (
        "bullet",
        "J : le journal de vos décisions, mois par mois, avec les événements survenus ; G : le glossaire des notions de l'article (aussi dans le menu pause).",
    ),
    ("bullet", "Sélectionnez une jauge pour voir ce qui l'a fait bouger en dernier."),
    ("body", "Il n'y a pas de bonne réponse unique : le débriefing sert à discuter des compromis."),
]

PROMPTS: dict[str, list[str]] = {
    "reactions": [
        "Comment vous sentez-vous après cette partie ?",
        "Quel moment vous a le plus marqué, agacé ou surpris ?",
        "À qui, autour de la table, vous êtes-vous senti·e le plus proche ? le plus loin ?",
    ],
    "summary": [
        "Qu'avez-vous appris sur ce qui fait tenir un collectif de partenaires ?",
        "Qu'avez-vous sacrifié pour le sens et l'identité, ou pour le pouvoir et la diffusion ?",
        "Que feriez-vous autrement dans votre propre partenariat, dès demain ?",
    ],
}

UNITS: dict[str, tuple[str, str]] = {"decision": ("décision", "décisions")}


def plural(n: int) -> str:
    """CLDR's French rule: 0 and 1 take the singular."""
    return "one" if n in (0, 1) else "other"


def pluralize(word: str) -> str:
    """« mois » stays « mois », « semaine » becomes « semaines »."""
    return word if word[-1:] in ("s", "x", "z") else word + "s"


def of(name: str) -> str:
    """« de Marie », « d'Odile »: the elision before a vowel or a mute h."""
    return ("d’" if name[:1].lower() in ELIDING else "de ") + name


ELIDING = "aeiouyhàâäéèêëîïôöùûüœæ"
NBSP = "\u00a0"  # before « : », « ; », « ! », « ? » and inside « »

# French typography everywhere the game speaks: every message, the how-to and the debrief prompts
# (`tests/test_vocabulary.py` checks that no ordinary space is left before : ; ! ? or inside « »).
MESSAGES.update({key: _typeset(text) for key, text in MESSAGES.items()})
HOWTO[:] = [(kind, _typeset(text)) for kind, text in HOWTO]
PROMPTS.update({name: [_typeset(text) for text in texts] for name, texts in PROMPTS.items()})

LANGUAGE = Language(
    "fr",
    "Français",
    "French",
    MESSAGES,
    HOWTO,
    PROMPTS,
    UNITS,
    plural,
    pluralize,
    of,
    colon=NBSP + ":",
    quotes=("«\u00a0", "\u00a0»"),
    decimal=",",
)
