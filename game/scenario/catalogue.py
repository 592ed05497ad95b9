"""Where the built-in scenarios are, and what a name on the command line points to.

The built-in scenarios live in the top-level `scenarios/` folder of the source tree; an installed
wheel or the standalone build carries them inside the package as `game/builtin_scenarios/` (see
`pyproject.toml`). Everything that looks for them asks here, so the two layouts never leak out.
This module imports no YAML and no pydantic: the window asks it before its first frame.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["builtin_folder", "assets_folder", "builtin_scenarios", "resolve_scenario"]

_PACKAGE = Path(__file__).resolve().parent.parent
_ORDER = ("tutoriel", "chalon-chantier-insertion", "cucm-plie", "demo")


def _data_folder(installed: str, source: str) -> Path:
    """The folder inside an installed package if it is there, else the source tree's top-level one."""
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parent / source


def builtin_folder() -> Path:
    """The scenarios shipped with the game."""
    return _data_folder("builtin_scenarios", "scenarios")


def assets_folder() -> Path:
    """The files the window draws from (the game's own, made by `assets/make.py`)."""
    return _data_folder("builtin_assets", "assets")


def builtin_scenarios() -> list[Path]:
    """The shipped scenarios, the tutorial first, then the two cases of the paper."""

    def rank(path: Path) -> tuple[int, str]:
        return (_ORDER.index(path.stem) if path.stem in _ORDER else len(_ORDER), path.stem)

    return sorted(builtin_folder().glob("*.yaml"), key=rank)


def resolve_scenario(name: str) -> Path:
    """A path, or the id / file name of a built-in scenario (`demo`, `cucm-plie`)."""
    path = Path(name)
    if path.exists():
        return path
    for candidate in builtin_scenarios():
        if candidate.stem == name or candidate.name == name:
            return candidate
    return path
