"""One writer per session record: an OS lock that dies with the process holding it.

Two games appending to the same record interleave their lines and destroy it (two
`--resume` of one file, or `--resume` picking the record of a game still running). Each
writer holds an exclusive, non-blocking lock on the record file itself for as long as it
writes: `fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows (on one byte far past
any real content, so readers are never blocked). The system releases it when the process
ends, even by `kill -9` or a power cut, so a crashed game never leaves a stale lock behind.
Readers (report, debrief) take no lock: the record is append-only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["RecordLock", "Busy", "is_locked"]

_FAR = 1 << 40  # Windows: the byte locked, far beyond any record's content


class Busy(Exception):
    """Another process (or another writer in this one) holds the record."""


class RecordLock:
    """An exclusive lock on one file, taken at once or refused (`Busy`); release with `release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            _acquire(self._fd)
        except OSError:
            os.close(self._fd)
            self._fd = None
            raise Busy(str(path)) from None

    def release(self) -> None:
        """Let another writer in (closing the descriptor also releases it; safe to call twice)."""
        if self._fd is None:
            return
        try:
            _release(self._fd)
        except OSError:
            pass
        os.close(self._fd)
        self._fd = None


def is_locked(path: Path) -> bool:
    """Whether a writer holds this record now (a record that cannot be opened is not said to be locked)."""
    try:
        lock = RecordLock(path)
    except Busy:
        return True
    except OSError:
        return False
    lock.release()
    return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _acquire(fd: int) -> None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _release(fd: int) -> None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
