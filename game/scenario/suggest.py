""" "Did you mean …?" with a budget, so a file full of mistakes is still checked in linear time.

Each suggestion compares one wrong name with every id of its family; a generated file with
5,000 dangling references against 5,000 ids made that quadratic (1,000 of them took 40 s).
A checker suggests for its first `SUGGESTIONS` mistakes only — a trainer reads the first
ones, fixes a pattern and runs the check again — and sorts each family of ids once.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

__all__ = ["Suggester", "SUGGESTIONS"]

SUGGESTIONS = 25  # mistakes that get a "did you mean"; the others are reported without one


class Suggester:
    """Suggests the closest id for the first `limit` mistakes; callable like a function."""

    def __init__(self, limit: int = SUGGESTIONS) -> None:
        self.left = limit
        self._ordered: dict[int, tuple[Collection[str], list[str]]] = {}

    def __call__(self, word: str, options: Collection[str]) -> str:
        if self.left <= 0 or not options:
            return ""
        self.left -= 1
        close = difflib.get_close_matches(word, self._sorted(options), n=1, cutoff=0.6)
        return f" — did you mean `{close[0]}`?" if close else ""

    def _sorted(self, options: Collection[str]) -> list[str]:
        """Each family sorted once (the same set object asked again gets the same list)."""
        known = self._ordered.get(id(options))
        if known is not None and known[0] is options and len(known[1]) == len(options):
            return known[1]
        ordered = sorted(options)
        self._ordered[id(options)] = (options, ordered)
        return ordered
