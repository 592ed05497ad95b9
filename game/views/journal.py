"""The game's journal and the concept glossary as lines of text, for the window's pages (keys J and G).

The journal reads the session's own history: each decision with its month, the scene, the choice, and the
outside events that struck during it; the glossary is the paper's concepts (game/vocabulary/concepts.py) with
their definitions and sources, the same the report prints."""

from __future__ import annotations

from game.i18n import t
from game.rules.engine import IDLE_CHOICE
from game.rules.session import Session
from game.scenario.loading import Book
from game.scenario.model import tr
from game.views.narration import describe_changes
from game.vocabulary.concepts import CONCEPTS, REFERENCES

__all__ = ["journal_lines", "glossary_lines"]

Line = tuple[str, str]  # a role the page knows ("h2", "body", "muted", "bullet") and its text


def journal_lines(book: Book, session: Session, lang: str) -> list[Line]:
    """Past decisions, oldest first: `Mois 3 — scene title`, the choice, then each event that struck."""
    if not session.history:
        return [("muted", t("journal.empty", lang))]
    model = book.model
    unit = tr(model.clock.unit, lang)
    scenes = {s.id: s for s in model.scenes}
    events = {e.id: e for e in model.events}
    hits = list(session.events)  # in the order they struck, as the decisions list them
    lines: list[Line] = []
    for decision in session.history:
        scene = scenes.get(decision.scene)
        title = tr(scene.title, lang) if scene is not None and scene.title is not None else ""
        month = t("journal.month", lang, unit=unit.capitalize(), month=decision.turn + 1)
        lines.append(("h2", f"{month} — {title}" if title else month))
        if decision.choice == IDLE_CHOICE or scene is None:
            choice = t("report.idle_choice", lang)
        else:
            choice = tr(scene.choices[decision.choice].text, lang)
        lines.append(("body", t("journal.choice", lang, choice=choice)))
        for event_id in decision.events:
            event = events.get(event_id)
            name = tr(event.title, lang) if event is not None else event_id
            hit = next((h for h in hits if h.id == event_id), None)
            if hit is not None:
                hits.remove(hit)
            changes = describe_changes(book, hit.deltas, lang) if hit is not None else []
            said = t("journal.event", lang, event=name)
            lines.append(("bullet", said + (" — " + ", ".join(changes) if changes else "")))
    return lines


def glossary_lines(lang: str) -> list[Line]:
    """Each concept: its name, its definition, and where the paper says it."""
    lines: list[Line] = [("muted", t("glossary.intro", lang))]
    for concept in CONCEPTS.values():
        lines.append(("h2", concept.name.get(lang, concept.name["fr"])))
        lines.append(("body", concept.definition.get(lang, concept.definition["fr"])))
        source = REFERENCES.get(concept.cite, concept.cite)
        where = t("glossary.section", lang, section=concept.section) if concept.section else ""
        lines.append(("muted", t("glossary.source", lang, source=source) + where))
    return lines
