"""Every URL a report writes, built from a safe scheme (escaping alone does not stop `javascript:`).

A session record may be named `javascript:alert(1).jsonl`; a link to its report made with
`os.path.relpath` is then `javascript:alert(1).html`, a script the trainer runs by clicking.
Links to files are built here only: relative ones start with `./` or `../` and are
percent-encoded (a colon can never start a scheme), absolute ones are `file:` URIs. The
templates pass every `href` through `safe_url`, which lets nothing else through.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

__all__ = ["file_link", "safe_url"]

_SAFE_STARTS = ("./", "../", "#", "file:///", "https://", "http://")


def file_link(target: Path, base: Path | None) -> str:
    """A link to `target`: relative to the folder `base` when given (percent-encoded), else a `file:` URI."""
    if base is None:
        return target.resolve().as_uri()
    relative = Path(os.path.relpath(target, base)).as_posix()
    encoded = quote(relative, safe="/")
    return encoded if encoded.startswith("../") else "./" + encoded


def safe_url(url: object) -> str:
    """The URL when it starts with a safe prefix (relative path, anchor, file or web), else an empty link."""
    text = str(url)
    return text if text.startswith(_SAFE_STARTS) and not any(ord(c) < 0x20 for c in text) else "#"
