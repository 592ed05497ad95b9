"""The game's side of a class session: its record, sent line by line, never in the player's way.

A `Sender` runs in a background thread. It reads the local record (already written and fsynced:
the record stays the source of truth), joins the class once with the header line, keeps the
game's secret in a small file beside the record (`NAME.class.json`), and sends every complete
line the server does not have yet. When the server cannot be reached it waits and tries again;
a resumed game, or a game run again with `class send`, starts by asking the server how many
lines it holds. The engine and the screens never wait for it.

Standard library only (http.client): joining a class needs nothing more than the game.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from game.classroom.protocol import MAX_BATCH, MAX_BODY, split_link

__all__ = ["Sender", "Refused", "link_file", "request", "read_link_file", "check_link"]

TIMEOUT = 5.0  # seconds for one request: a dead server is noticed, then retried in the background
RETRY_MAX = 5.0  # the longest wait between two attempts


class Refused(Exception):
    """The server answered, and said no: retrying will not help (wrong code, bad record…)."""


def request(
    server: str, method: str, path: str, body: Any = None, auth: str = "", conn: Any = None
) -> tuple[int, bytes]:
    """One HTTP request; returns (status, body). Network failures raise OSError or HTTPException."""
    parts = urlsplit(server)
    own = conn is None
    if own:
        factory = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = factory(parts.hostname or "localhost", parts.port, timeout=TIMEOUT)
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json"
    if auth:
        headers["Authorization"] = f"Bearer {auth}"
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def check_link(link: str, timeout: float = TIMEOUT) -> tuple[str, str, str]:
    """Is this a class a game can join? `(problem, server, code)`, problem '' when it is.

    The problems: `bad_link` (not http://HOST:PORT/CODE), `unreachable` (nothing answers),
    `not_server` (something answers, not a class server), `no_class` (the server has no such class).
    It asks the server to admit a game without a record: the server looks for the class first
    (404 when there is none) and then refuses the empty request, so nothing is written on the server.
    Blocking (up to a few seconds): the window calls it in a background thread.
    """
    try:
        server, code = split_link(link)
    except ValueError:
        return "bad_link", "", ""
    parts = urlsplit(server)
    factory = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        conn = factory(parts.hostname or "localhost", parts.port, timeout=timeout)
        try:
            status, raw = request(server, "GET", "/api/health", conn=conn)
            try:
                health = json.loads(raw)
            except ValueError:
                health = None
            if status != 200 or not isinstance(health, dict) or health.get("app") != "partenaires-class":
                return "not_server", server, code
            status, _raw = request(server, "POST", f"/api/classes/{code}/games", {}, conn=conn)
        finally:
            conn.close()
    except (OSError, http.client.HTTPException, ValueError):
        return "unreachable", server, code
    if status == 404:
        return "no_class", server, code
    if status >= 500 or status == 429:
        return "unreachable", server, code
    return "", server, code


def error_text(status: int, raw: bytes) -> str:
    try:
        return f"{status}: {json.loads(raw)['error']}"
    except (ValueError, KeyError, TypeError):
        return f"HTTP {status}"


def link_file(record: Path) -> Path:
    """Where a game keeps its class link and secret: beside its record."""
    return record.with_name(record.name.removesuffix(".jsonl") + ".class.json")


def read_link_file(record: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(link_file(record).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and {"server", "code", "game", "secret"} <= set(data) else None


def _write_link_file(record: Path, data: dict[str, Any]) -> None:
    target = link_file(record)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class Sender:
    """Sends one record to its class in the background; `wake()` after each line, `close()` at the end."""

    def __init__(self, record: Path, link: str | None = None, problem: Callable[[str], None] | None = None) -> None:
        self.record = Path(record)
        self.joined = read_link_file(self.record)
        if self.joined is None and link is None:
            raise ValueError(f"{record}: this game has not joined a class — give the class link")
        if link is not None:
            server, code = split_link(link)
            if self.joined is not None and (self.joined["server"], self.joined["code"]) != (server, code):
                self.joined = None if self.joined["code"] != code else {**self.joined, "server": server}
            self.target = (server, code)
        else:
            assert self.joined is not None
            self.target = (self.joined["server"], self.joined["code"])
        self.problem = problem or (lambda _message: None)
        self.have: int | None = None  # lines the server holds, once asked
        self.total = 0  # complete lines in the local record, last time it was read
        self.refused = ""
        self.reached = False
        self._dirty = True  # lines may have been written since the record was last read
        self._wake = threading.Event()
        self._closing = False
        self._conn: Any = None
        self._thread = threading.Thread(target=self._loop, name="partenaires-class", daemon=True)

    @property
    def server(self) -> str:
        return self.target[0]

    @property
    def code(self) -> str:
        return self.target[1]

    @property
    def done(self) -> bool:
        return self.have is not None and self.have >= self.total and not self._dirty

    def start(self) -> Sender:
        self._thread.start()
        return self

    def wake(self, *_line: Any) -> None:
        """A line was written (a Recorder line listener): send it soon."""
        self._dirty = True
        self._wake.set()

    def close(self, wait: float = 5.0) -> bool:
        """Give the thread up to `wait` seconds to send what is left; True when the server has it all."""
        self._closing = True
        self._dirty = True
        self._wake.set()
        self._thread.join(wait)
        return self.done

    def pending(self) -> int:
        return max(0, self.total - (self.have or 0))

    # -- the thread ---------------------------------------------------------------------------------------
    def _loop(self) -> None:
        try:
            self._run()
        finally:
            self._drop()

    def _run(self) -> None:
        delay = 0.25
        while not self.refused:
            self._wake.clear()  # before reading the record: a line written meanwhile wakes the next round
            try:
                self._sync()
                delay = 0.25
                self.reached = True
                if self._closing and self.done:
                    return
                self._wake.wait(None if not self._closing else 0.05)
            except Refused as exc:
                self.refused = str(exc)
                self.problem(self.refused)
                return
            except (OSError, http.client.HTTPException):
                self._drop()
                self._wake.wait(delay)
                delay = min(RETRY_MAX, delay * 2)

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _call(self, method: str, path: str, body: Any, auth: str = "") -> tuple[int, dict[str, Any]]:
        if self._conn is None:
            parts = urlsplit(self.server)
            factory = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            self._conn = factory(parts.hostname or "localhost", parts.port, timeout=TIMEOUT)
        try:
            status, raw = request(self.server, method, path, body, auth, self._conn)
        except (OSError, http.client.HTTPException):
            self._drop()
            raise
        if status == 429 or status >= 500:
            raise ConnectionError(f"server busy ({status})")
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            raise ConnectionError("not a class server") from None
        return status, data if isinstance(data, dict) else {}

    def _sync(self) -> None:
        self._dirty = False
        with open(self.record, "rb") as stream:
            with contextlib.suppress(OSError):  # (Windows cannot fsync a file opened for reading)
                os.fsync(stream.fileno())  # only what is on the disk of this machine leaves it
            content = stream.read()
        lines = content[: content.rfind(b"\n") + 1].split(b"\n")[:-1]
        self.total = len(lines)
        if not lines:
            return
        if self.joined is None:
            self._join(lines[0].decode("utf-8"))
        assert self.joined is not None
        path = f"/api/games/{self.joined['game']}/lines"
        if self.have is None:
            self.have = self._append(path, 1, [])
        while self.have < len(lines):
            batch: list[str] = []
            size = 0
            for raw in lines[self.have : self.have + MAX_BATCH]:
                size += len(raw) + 8
                if batch and size > MAX_BODY // 2:
                    break
                batch.append(raw.decode("utf-8"))
            self.have = self._append(path, self.have, batch)

    def _append(self, path: str, start: int, batch: list[str]) -> int:
        assert self.joined is not None
        status, data = self._call("POST", path, {"from": start, "lines": batch}, self.joined["secret"])
        if status == 200:
            return int(data["have"])
        if status == 409 and isinstance(data.get("have"), int) and "missing" in str(data.get("error", "")):
            return int(data["have"])  # the server lost the end (restored from a backup): send from there
        raise Refused(error_text(status, json.dumps(data).encode()))

    def _join(self, header: str) -> None:
        status, data = self._call("POST", f"/api/classes/{self.code}/games", {"header": header})
        if status != 201:
            raise Refused(error_text(status, json.dumps(data).encode()))
        self.joined = {"server": self.server, "code": self.code, "game": data["game"], "secret": data["secret"]}
        self.have = int(data["have"])
        _write_link_file(self.record, self.joined)


def send_now(record: Path, link: str | None, wait: float) -> Sender:
    """Send a record (a finished game, one played offline) and wait up to `wait` seconds."""
    sender = Sender(record, link).start()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and not sender.refused and not sender.done:
        sender.wake()
        time.sleep(0.05)
    sender.close(0.5)
    return sender
