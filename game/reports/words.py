"""The reports' own words, in French and English (the scenario's words come from the scenario).

Kept apart from `i18n.py` because only the reports use them, and they are
long: the debrief prompts follow the PEARLS structure (Eppich & Cheng, 2015):
reactions, description, analysis, summary.
"""

from __future__ import annotations

from game.i18n import language

__all__ = ["words", "reflection_prompts"]


def words(lang: str) -> dict[str, str]:
    """Every report word in one language (what the templates read as `w`)."""
    messages = language(lang).messages
    return {key[len("report.") :]: text for key, text in messages.items() if key.startswith("report.")}


def reflection_prompts(lang: str) -> dict[str, list[str]]:
    """The PEARLS prompts that open and close the debrief (the ending's own questions go in between)."""
    return {part: list(texts) for part, texts in language(lang).prompts.items()}
