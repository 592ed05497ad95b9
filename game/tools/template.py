"""`partenaires new`: a new scenario from a commented template that already works.

A trainer starts from something that passes `check` and plays to an ending,
then changes it step by step. The template is plain YAML with comments in the
trainer's language; only the id, title and file name are filled in.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from game.errors import PartenairesError
from game.i18n import t
from game.safeio import write_atomic

__all__ = ["new_scenario", "template_text", "slug", "TEMPLATES"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


def slug(name: str) -> str:
    """An id the format accepts (letters, digits, `_`, `-`, starting with a letter) from any name."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    plain = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-_")
    if not plain or not plain[0].isalpha():
        plain = "scenario-" + plain if plain else "scenario"
    return plain[:64].rstrip("-_")


def _quoted(text: str) -> str:
    """Safe inside a double-quoted YAML scalar."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def template_text(name: str, lang: str = "fr", file: str = "") -> str:
    if not (TEMPLATES / f"new-scenario.{lang}.yaml").is_file():
        raise PartenairesError.said("cli.new.lang", lang=lang)
    stem = Path(name).stem
    title = " ".join(re.split(r"[-_\s]+", stem)).strip() or slug(stem)
    text = (TEMPLATES / f"new-scenario.{lang}.yaml").read_text(encoding="utf-8")
    for key, value in (
        ("id", slug(stem)),
        ("title", _quoted(title[:1].upper() + title[1:])),
        ("author", t("template.author", lang)),
        ("file", file or f"{stem}.yaml"),
    ):
        text = text.replace("{{" + key + "}}", value)
    return text


def new_scenario(name: str, lang: str = "fr", force: bool = False) -> Path:
    """Write NAME.yaml (one file: easy to mail to a colleague); refuse to overwrite unless forced."""
    path = Path(name)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = path.with_name(path.name + ".yaml")
    if path.exists() and not force:
        raise PartenairesError.said("cli.new.exists", path=path)
    if not path.parent.exists():
        raise PartenairesError.said("cli.new.no_folder", folder=path.parent)
    write_atomic(path, template_text(path.name, lang, str(path)))
    return path
