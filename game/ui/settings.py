"""The player's display preferences, kept between games when a path is given."""

from __future__ import annotations

import contextlib
import json
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from game.i18n import LANGUAGES
from game.safeio import read_limited
from game.ui.theme import TEXT_SCALES

__all__ = ["Settings", "default_settings_path", "MAX_SETTINGS_BYTES"]

MAX_SETTINGS_BYTES = 64 * 1024  # four preferences fit in 100 bytes
MAX_LINK = 200  # characters of a class link (http://HOST:PORT/ABCD-EFGH-JKMN-PQRS is about 50)


@dataclass
class Settings:
    lang: str = "fr"
    text_scale: float = 1.0
    high_contrast: bool = False
    fullscreen: bool = False
    name: str = ""  # the trainee's name and group, remembered for the next game on this computer
    group: str = ""
    sound: bool = False  # off by default: a class of twenty laptops must stay quiet
    class_link: str = ""  # "Join a class": every game of this computer is sent there (http://HOST:PORT/CODE)

    def bigger(self, step: int) -> bool:
        """Move the text size one step up or down; False when already at the end."""
        scales = list(TEXT_SCALES)
        current = min(range(len(scales)), key=lambda i: abs(scales[i] - self.text_scale))
        target = max(0, min(len(scales) - 1, current + step))
        changed = scales[target] != self.text_scale
        self.text_scale = scales[target]
        return changed

    @classmethod
    def load(cls, path: Path | None, lang: str | None = None) -> Settings:
        """The saved preferences; any damaged or foreign content gives the defaults instead of an error."""
        settings = cls()
        if path is not None:
            try:
                raw = read_limited(path, MAX_SETTINGS_BYTES)  # a FIFO or a device here must not hang the window
                settings = cls.from_data(json.loads(raw.decode("utf-8")))
            except (OSError, ValueError, TypeError, RecursionError):
                settings = cls()  # missing, unreadable or not JSON: start with the defaults
        if lang is not None:
            settings.lang = lang
        return settings

    @classmethod
    def from_data(cls, data: object) -> Settings:
        """Keep only the fields that make sense; a wrong value falls back to its default, never an exception."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        if data.get("lang") in LANGUAGES:
            settings.lang = data["lang"]
        scale = data.get("text_scale")
        if isinstance(scale, (int, float)) and not isinstance(scale, bool) and math.isfinite(scale):
            settings.text_scale = min(TEXT_SCALES, key=lambda known: abs(known - scale))
        if isinstance(data.get("high_contrast"), bool):
            settings.high_contrast = data["high_contrast"]
        for field in ("name", "group"):
            value = data.get(field)
            if isinstance(value, str):
                setattr(settings, field, "".join(ch for ch in value if ch.isprintable())[:60])
        if isinstance(data.get("sound"), bool):
            settings.sound = data["sound"]
        link = data.get("class_link")
        if isinstance(link, str) and len(link) <= MAX_LINK and link.isprintable():
            settings.class_link = link
        return settings

    def save(self, path: Path | None) -> None:
        """Write atomically (temporary file, fsync, rename): a crash never leaves half a file."""
        if path is None:
            return
        data = {k: v for k, v in asdict(self).items() if k != "fullscreen"}
        import tempfile  # here, not at the top: the window imports this module before its first frame

        temp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(data))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
            temp = None
        except OSError:
            pass  # preferences are a comfort, never a reason to stop the game
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


def default_settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("partenaires")) / "window.json"
