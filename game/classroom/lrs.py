"""Forwarding a class's games to a school's learning record store, as xAPI statements, as each game ends.

When a game's ending reaches the server, its record is replayed (`report.build_report`, in a worker
thread) and its statements built exactly as `partenaires report --xapi` builds them
(game/reports/xapi.py), then posted in one request. One replay and one request per game, not per
decision: the appends of the other games keep their pace. Statement ids are derived from the session
and the position, so a resend is harmless. The class never waits for the store; a store that is down
is logged, and `partenaires report --xapi` on the exported records gives the same statements.
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import json
import logging
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Forwarder"]

log = logging.getLogger("partenaires.class.lrs")


class Forwarder:
    """Posts each game's new statements to `url` (the LRS's xAPI root, e.g. http://lrs:8100/xAPI)."""

    def __init__(self, url: str, auth: str = "", base: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.auth = "Basic " + base64.b64encode(auth.encode()).decode() if auth else ""
        self.base = base
        self.sent: dict[str, int] = {}  # game → statements the store has
        self.running: dict[str, asyncio.Task[None]] = {}
        self.again: set[str] = set()
        self.failures = 0

    def forward(self, game: str, record: Any) -> None:
        """A game has new lines; `record` is an async callable giving its record's bytes."""
        if game in self.running:
            self.again.add(game)
            return
        self.running[game] = asyncio.create_task(self._job(game, record))

    async def _job(self, game: str, record: Any) -> None:
        try:
            while True:
                self.again.discard(game)
                data = await record()
                if data:
                    built = await asyncio.to_thread(self._statements, data)
                    fresh = built[self.sent.get(game, 0) :]
                    if fresh:
                        await asyncio.to_thread(self._post, fresh)
                        self.sent[game] = len(built)
                if game not in self.again:
                    return
        except Exception as exc:  # the store is down or refuses: the next decision tries again
            self.failures += 1
            log.warning("learning record store: %s", exc)
        finally:
            self.running.pop(game, None)

    def _statements(self, data: bytes) -> list[dict[str, Any]]:
        from game.reports.report import build_report
        from game.reports.xapi import DEFAULT_BASE, statements

        with tempfile.TemporaryDirectory(prefix="partenaires-lrs-") as folder:
            path = Path(folder) / "record.jsonl"
            path.write_bytes(data)
            return statements(build_report(path), self.base or DEFAULT_BASE)

    def _post(self, batch: list[dict[str, Any]]) -> None:
        parts = urlsplit(self.url)
        factory = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = factory(parts.hostname or "localhost", parts.port, timeout=10)
        headers = {"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"}
        if self.auth:
            headers["Authorization"] = self.auth
        try:
            conn.request("POST", parts.path.rstrip("/") + "/statements", json.dumps(batch), headers)
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()
        if response.status not in (200, 204):
            raise ConnectionError(f"{self.url}: {response.status} {body[:200]!r}")
