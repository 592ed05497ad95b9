"""Text to be read aloud or by a screen reader: sentences, not punctuation markers.

Shared by the text mode (its transcript) and the window's self-voicing key, so both read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["sentence", "read_blocks"]

SILENT_STYLES = {"space", "rule"}


def sentence(text: str) -> str:
    """A text ending as a sentence, so a speech engine pauses after it (`Imposer la méthode` → `… méthode.`)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…:»”)" else text + "."


def read_blocks(blocks: Iterable[Sequence[object]]) -> list[str]:
    """The sentences of a card's blocks (style, text), in order; layout-only blocks are skipped."""
    lines = []
    for block in blocks:
        if len(block) < 2 or block[0] in SILENT_STYLES or not isinstance(block[1], str):
            continue
        if block[1].strip():
            lines.append(sentence(block[1]))
    return lines
