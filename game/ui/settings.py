"""The player's display preferences, kept between games when a path is given."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .theme import TEXT_SCALES

__all__ = ["Settings", "default_settings_path"]


@dataclass
class Settings:
    lang: str = "fr"
    text_scale: float = 1.0
    high_contrast: bool = False
    fullscreen: bool = False

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
        settings = cls()
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                settings = cls(lang=str(data.get("lang", "fr")), text_scale=float(data.get("text_scale", 1.0)),
                               high_contrast=bool(data.get("high_contrast", False)))
            except (OSError, ValueError, TypeError):
                settings = cls()  # a damaged file is not worth an error: start with the defaults
        if settings.lang not in ("fr", "en"):
            settings.lang = "fr"
        if lang is not None:
            settings.lang = lang
        return settings

    def save(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = {k: v for k, v in asdict(self).items() if k != "fullscreen"}
            path.write_text(json.dumps(data), encoding="utf-8")
        except OSError:
            pass  # preferences are a comfort, never a reason to stop the game


def default_settings_path() -> Path:
    from platformdirs import user_config_dir
    return Path(user_config_dir("partenaires")) / "window.json"
