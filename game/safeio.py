"""Reading files and printing text that someone else made: bounded, regular files only, no escapes.

Every file the game reads (scenarios, session records, preferences, portraits) comes from a
folder a colleague, a trainee or an attacker may have filled. A FIFO never delivers its end, a
device like `/dev/zero` never ends at all, and a file of a gigabyte is read whole by
`read_bytes()`. So every read goes through `read_limited`: the file is opened without
blocking, refused unless it is a regular file, and never read past its limit.

Text that reaches a terminal (the text mode, the messages of report and debrief) goes through
`printable`: control characters and escape sequences (clear the screen, OSC 52 to write the
clipboard, a carriage return that hides a line) are shown as visible `\\x1b`-style codes instead.

Both failures are `FileRefused`, an `OSError` with `filename` and `strerror` set, so every caller
that already reports an unreadable file ("path: cannot read — cause") reports these the same way.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import TextIO

__all__ = [
    "FileRefused",
    "read_limited",
    "check_regular",
    "printable",
    "PrintableStream",
    "describe_os_error",
    "human_size",
    "write_atomic",
]


class FileRefused(OSError):
    """A file that is not read: not a regular file, or larger than its limit."""


def human_size(size: int) -> str:
    """`8 MB`, `64 KB`, `512 bytes`: sizes as the messages and the docs write them."""
    if size >= 1_048_576:
        value = size / 1_048_576
        return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
    if size >= 1024:
        value = size / 1024
        return f"{value:.0f} KB" if value == int(value) else f"{value:.1f} KB"
    return f"{size} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: str | Path, limit: int | None = None) -> int:
    """The size of a regular file within its limit, without opening it; FileRefused otherwise."""
    info = os.stat(path)
    _refuse_unless_regular(path, info, limit)
    return info.st_size


def _refuse_unless_regular(path: str | Path, info: os.stat_result, limit: int | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(errno.EINVAL, f"{_kind(info.st_mode)}, expected a regular file", str(path))
    if limit is not None and info.st_size > limit:
        raise FileRefused(
            errno.EFBIG,
            f"file too large — expected at most {human_size(limit)}, got {human_size(info.st_size)}",
            str(path),
        )


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; FileRefused (an OSError) otherwise.

    Opened non-blocking (a FIFO's open would wait for a writer forever), checked with `fstat` on the
    open descriptor (no swap between the check and the read), and read at most `limit + 1` bytes,
    so a file that grows while being read, or lies about its size, is refused all the same.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _refuse_unless_regular(path, os.fstat(fd), limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileRefused(errno.EFBIG, f"file too large — expected at most {human_size(limit)}", str(path))
    return data


def _umask() -> int:
    """The process's umask (reading it means setting it: set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temporary file beside it, fsynced, then renamed over.

    Any failure (a full disk, a missing folder, a folder in the way) is an OSError naming `path`
    itself, not the temporary file, and leaves no temporary file behind.
    """
    import tempfile  # here: the window imports this module before its first frame

    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # readable like the records (mkstemp makes 0600)
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        exc.filename, exc.filename2 = str(path), None
        raise
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def describe_os_error(exc: OSError) -> str:
    """`path: cause` in one line (the file named once, the system's words for the cause)."""
    cause = exc.strerror or str(exc) or type(exc).__name__
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    return f"{' → '.join(names)}: {cause}" if names else cause


# C0 controls but newline and tab, DEL, and the C1 controls (0x9b is a one-byte CSI on some terminals).
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if c not in (0x0A, 0x09)}
_CONTROLS_ONE_LINE = {**_CONTROLS, 0x0A: "\\n", 0x09: "\\t"}
# Bidirectional overrides and isolates reorder what follows them on screen ("Trojan source").
_CONTROLS.update({c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})
_CONTROLS_ONE_LINE.update({c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def printable(text: object, one_line: bool = False) -> str:
    """Text safe to write to a terminal: every control character shown as a visible code.

    Newlines and tabs are kept unless `one_line` (for values quoted inside a one-line message).
    """
    return str(text).translate(_CONTROLS_ONE_LINE if one_line else _CONTROLS)


class PrintableStream(io.TextIOBase):
    """A text stream that writes through `printable`: put in front of stdout and stderr by the CLI."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")

    def writable(self) -> bool:
        return True
