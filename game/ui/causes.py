"""Say in words what moved a gauge last (`session.last_cause` + the last delta)."""

from __future__ import annotations

from game.i18n import format_delta
from game.scenario.loading import Book
from game.scenario.model import tr
from game.ui.strings import s

__all__ = ["describe_cause", "explain_last"]


def describe_cause(book: Book, cause: str | None, lang: str) -> str:
    """`scene#2` → the choice's words; `event:id` → the event's title; "" → cohesion's own drift."""
    if not cause:
        return s("cause_drift", lang)
    if cause in ("rule:upkeep", "rule:procedure"):
        return s("cause_" + cause.partition(":")[2], lang)
    if cause.startswith("event:"):
        event_id = cause.partition(":")[2]
        event = next((e for e in book.model.events if e.id == event_id), None)
        return s("cause_event", lang, title=tr(event.title, lang) if event else event_id)
    scene_id, _, number = cause.partition("#")
    scene = next((sc for sc in book.model.scenes if sc.id == scene_id), None)
    if scene is None or not number.isdigit() or not 1 <= int(number) <= len(scene.choices):
        return cause
    choice = scene.choices[int(number) - 1]
    where = tr(scene.title, lang) if scene.title is not None else scene.id
    return s("cause_choice", lang, choice=tr(choice.text, lang), scene=where)


def explain_last(book: Book, label: str, causes: dict[str, str], deltas: dict[str, int], lang: str) -> str:
    """One line for a gauge's tooltip: its last change and why."""
    if label not in causes and label not in deltas:
        return s("never_moved", lang)
    delta = format_delta(deltas[label]) if label in deltas else "±"
    return s("last_moved", lang, delta=delta, cause=describe_cause(book, causes.get(label), lang))
