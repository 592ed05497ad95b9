"""A prompt that can do something else while it waits for the player's line (`play --text --watch`).

`stdin_reader` blocks in `readline` until a line comes, so a scenario saved while the player reads a
scene could only be reloaded after their next choice. `WaitingReader` waits on the file descriptor with
`select` and a timeout instead, and calls `idle` between two waits: the watch can reload the scenario and
show the scene again at once. It reads the descriptor itself (never through `sys.stdin`'s buffer: a line
already buffered there would be invisible to `select`), and returns the same lines `readline` would, so
piped answers are read exactly as before.

`select` does not work on a Windows console: there, `waiting_reader` returns None and the game keeps the
plain reader (the scenario reloads before the next scene).
"""

from __future__ import annotations

import codecs
import os
import select
import sys
from collections.abc import Callable
from typing import TextIO

from game.safeio import printable

__all__ = ["WaitingReader", "waiting_reader", "POLL_SECONDS"]

POLL_SECONDS = 0.25  # how often `idle` runs while the prompt waits: a save shows within a quarter second


class WaitingReader:
    """`read(prompt)` → a line (with its newline, as `readline` gives it) or None at end of input."""

    def __init__(self, fd: int, encoding: str, errors: str, echo: TextIO, interactive: bool) -> None:
        self.fd = fd
        self.echo = echo
        self.interactive = interactive  # a terminal shows what is typed; a pipe's answers are echoed
        self.decoder = codecs.getincrementaldecoder(encoding)(errors)
        self.pending = ""  # decoded text not yet returned: what follows the last line given
        self.ended = False
        self.idle: Callable[[], None] | None = None  # called between two waits; it may raise to end the wait

    def read(self, prompt: str) -> str | None:
        self.echo.write(prompt)
        self.echo.flush()
        line = self._line()
        if line is not None and not self.interactive:
            self.echo.write(printable(line.rstrip("\n")) + "\n")
        return line

    def forget_typed(self) -> None:
        """Drop a line half typed in the terminal: it answered a scene that has just been shown again."""
        if not self.interactive:
            return  # piped answers are the player's script: none is lost
        try:
            import termios

            termios.tcflush(self.fd, termios.TCIFLUSH)
        except (ImportError, OSError):
            pass

    def _line(self) -> str | None:
        while True:
            cut = self.pending.find("\n")
            if cut >= 0:
                line, self.pending = self.pending[: cut + 1], self.pending[cut + 1 :]
                return line
            if self.ended:
                line, self.pending = self.pending, ""
                return line or None
            ready, _, _ = select.select([self.fd], [], [], POLL_SECONDS)
            if not ready:
                if self.idle is not None:
                    try:
                        self.idle()
                    except BaseException:  # the wait ends: what was half typed answered the old screen
                        self.forget_typed()
                        raise
                continue
            data = os.read(self.fd, 65536)
            self.ended = not data
            self.pending += self.decoder.decode(data, final=self.ended)


def waiting_reader(stream: TextIO | None, echo: TextIO) -> WaitingReader | None:
    """A reader on `stream`'s descriptor, or None where waiting with `select` is not possible."""
    if stream is None or sys.platform == "win32":
        return None
    try:
        fd = stream.fileno()
        select.select([fd], [], [], 0)
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError and a ValueError
        return None
    encoding = getattr(stream, "encoding", None) or "utf-8"
    errors = getattr(stream, "errors", None) or "strict"
    return WaitingReader(fd, encoding, errors, echo, stream.isatty())
