"""`partenaires po export|import`: a scenario's texts to a PO file and back, for translators' tools."""

from __future__ import annotations

import argparse
from typing import Any

from game.i18n import CODES

__all__ = ["add_commands"]


def add_commands(sub: Any) -> None:
    po = sub.add_parser("po", help="translate a scenario through a PO file (export, then import)")
    verbs = po.add_subparsers(dest="po_command", required=True)
    out = verbs.add_parser("export", help="write the scenario's texts to a PO file")
    out.add_argument("scenario")
    out.add_argument("-o", "--output", required=True, help="the PO file to write")
    out.add_argument(
        "--lang",
        choices=CODES,
        required=True,
        help="the language to translate into (messages: the system's, else --from's)",
    )
    out.add_argument("--from", dest="source", choices=CODES, default="fr", help="the texts' language (fr)")
    out.set_defaults(run=cmd_export)
    back = verbs.add_parser("import", help="bring a PO file's translations into the scenario (edited in place)")
    back.add_argument("scenario")
    back.add_argument("po")
    back.add_argument("--lang", choices=CODES, required=True, help="the language of the translations")
    back.add_argument("--from", dest="source", choices=CODES, default="fr", help="the texts' language (fr)")
    back.set_defaults(run=cmd_import)


def _language(args: argparse.Namespace) -> str:
    """The messages' language: `--lang` names the translation's, so the system's, else the texts' (`--from`)."""
    from game.scenario.diagnostics import choose_language

    return choose_language(None, [args.source])


def cmd_export(args: argparse.Namespace) -> int:
    from game.i18n import t
    from game.tools.po import export_po

    lang = args.said_in = _language(args)
    count = export_po(args.scenario, args.output, args.lang, args.source)
    print(t("cli.po.exported", lang, file=args.output, count=count, target=args.lang))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from game.i18n import t
    from game.tools.po import import_po

    lang = args.said_in = _language(args)
    result = import_po(args.scenario, args.po, args.lang, args.source)
    print(t("cli.po.imported", lang, file=args.scenario, count=result.written))
    if result.declared:
        print(t("cli.po.declared", lang, target=args.lang))
    for item in result.unplaced:
        key = "cli.po.unplaced_default" if item.default else "cli.po.unplaced"
        print(t(key, lang, place=item.place, text=item.text))
    return 0
