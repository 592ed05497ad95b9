"""Put the engine's plain results into words, the same way in every view.

The text mode, the window and the reports all need to say "Sens +8,
engagement of Marie −5, Karim leaves the collective"; this is the one place
that knows how.
"""

from __future__ import annotations

from .conditions import Fact
from .i18n import format_delta, gauge_name, t
from .loader import Book
from .model import tr

__all__ = ["describe_change", "describe_changes", "describe_fact", "partner_name", "org_short", "invention_name"]


def partner_name(book: Book, partner: str) -> str:
    return next((p.name for p in book.model.partners if p.id == partner), partner)


def org_short(book: Book, org: str) -> str:
    return next((o.short for o in book.model.organisations if o.id == org), org)


def invention_name(book: Book, invention: str, lang: str) -> str:
    return next((tr(i.name, lang) for i in book.model.inventions if i.id == invention), invention)


_LABELS = {
    "engagement": {"fr": "engagement de {x}", "en": "{x}'s engagement"},
    "awareness": {"fr": "information de la hiérarchie {x}", "en": "{x} hierarchy's awareness"},
    "support": {"fr": "soutien de la hiérarchie {x}", "en": "{x} hierarchy's support"},
    "diffusion": {"fr": "diffusion de « {x} » ({y})", "en": "diffusion of \"{x}\" ({y})"},
}


def describe_change(book: Book, label: str, delta: int, lang: str) -> str:
    """One entry of an Outcome's `changes`, as a short phrase."""
    kind, _, rest = label.partition(":")
    if kind in ("sens", "identite", "pouvoir", "cohesion"):
        return f"{gauge_name(kind, lang)} {format_delta(delta)}"
    if kind == "engagement":
        return _LABELS[kind][lang].format(x=partner_name(book, rest)) + f" {format_delta(delta)}"
    if kind in ("awareness", "support"):
        return _LABELS[kind][lang].format(x=org_short(book, rest)) + f" {format_delta(delta)}"
    if kind == "diffusion":
        invention, _, org = rest.partition(":")
        text = _LABELS[kind][lang].format(x=invention_name(book, invention, lang), y=org_short(book, org))
        return f"{text} {format_delta(delta)}"
    if kind == "invent":
        return t("invent", lang, name=invention_name(book, rest, lang))
    if kind == "leave":
        return t("leave", lang, name=partner_name(book, rest))
    return f"{label} {format_delta(delta)}"


def describe_changes(book: Book, changes: dict[str, int], lang: str) -> list[str]:
    order = {"sens": 0, "identite": 1, "pouvoir": 2, "cohesion": 3}
    keys = sorted(changes, key=lambda k: (order.get(k, 9), k))
    return [describe_change(book, k, changes[k], lang) for k in keys]


def describe_fact(fact: Fact, lang: str) -> str:
    """`sens >= 40 (sens = 62): true`."""
    values = ", ".join(f"{name} = {value:g}" for name, value in fact.values)
    verdict = t("held", lang) if fact.held else t("not_held", lang)
    detail = f" ({values})" if values else ""
    colon = " :" if lang == "fr" else ":"
    return f"{fact.text}{detail}{colon} {verdict}"
