"""The `class` sub-commands: a class session on the trainer's machine.

partenaires class serve [--host 127.0.0.1] [--port 8765] [--db sqlite:///classe.db | postgresql://…] [--token SECRET]
                        [--lrs URL --lrs-auth USER:PASSWORD]
partenaires class new --server http://HOST:8765 --token SECRET --name "DEIS 2 — mardi" [--scenario ID]…
partenaires class export --server http://HOST:8765 --token SECRET CODE -o DIR
partenaires class send RECORD.jsonl… [--class http://HOST:8765/CODE]

The server needs the `classroom` extra (pip install 'partenaires[classroom]'); joining a class
(`play --class`) and these clients need nothing more than the game.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

# Nothing of the game is imported here: the window imports this package before its first frame.

__all__ = ["add_commands", "cmd_serve", "cmd_new", "cmd_export", "cmd_send"]


def add_commands(sub: Any) -> None:
    group = sub.add_parser("class", help="a class session: a live dashboard and the records gathered")
    commands = group.add_subparsers(dest="class_command", required=True)

    serve = commands.add_parser("serve", help="run the class server on this machine")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: the whole school network)")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--db", default="sqlite:///classe.db", help="sqlite:///FILE.db (default) or postgresql://…")
    serve.add_argument("--token", default=None, help="the trainer's token (made and printed if not given)")
    serve.add_argument(
        "--lrs",
        default=None,
        metavar="URL",
        help="also send each game as xAPI statements to this learning record store",
    )
    serve.add_argument(
        "--lrs-auth",
        default=os.environ.get("PARTENAIRES_LRS_AUTH", ""),
        metavar="USER:PASSWORD",
        help="the store's basic authentication (or PARTENAIRES_LRS_AUTH)",
    )
    serve.add_argument("--xapi-base", default=None, metavar="IRI", help="base IRI of the statements (your school's)")
    serve.set_defaults(run=cmd_serve)

    new = commands.add_parser("new", help="open a class and print its code")
    _trainer_args(new)
    new.add_argument("--name", required=True, help='the class\'s name, e.g. "DEIS 2 — mardi"')
    new.add_argument(
        "--scenario", action="append", default=[], help="only games of this scenario may join (repeatable)"
    )
    new.set_defaults(run=cmd_new)

    export = commands.add_parser("export", help="write the class's records, byte for byte, as .jsonl files")
    _trainer_args(export)
    export.add_argument("code", help="the class code")
    export.add_argument("-o", "--out", required=True, help="folder to write the records in")
    export.set_defaults(run=cmd_export)

    send = commands.add_parser("send", help="send records the server does not have yet (after a network outage)")
    send.add_argument("records", nargs="+", help="session records (.jsonl)")
    send.add_argument("--class", dest="class_link", default=None, metavar="URL/CODE", help="the class link")
    send.add_argument("--wait", type=float, default=20.0, help="seconds to keep trying (default 20)")
    send.set_defaults(run=cmd_send)


def _trainer_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", required=True, help="the server's address, e.g. http://10.0.0.5:8765")
    parser.add_argument(
        "--token",
        default=os.environ.get("PARTENAIRES_CLASS_TOKEN"),
        help="the trainer's token (or PARTENAIRES_CLASS_TOKEN)",
    )


def _call(args: argparse.Namespace, method: str, path: str, body: Any = None) -> bytes:
    import http.client

    from game.classroom.client import error_text, request
    from game.errors import PartenairesError

    if not args.token:
        raise PartenairesError("the trainer's token is needed: --token SECRET (as printed by `class serve`)")
    server = args.server.rstrip("/")
    try:
        status, raw = request(server, method, path, body, args.token)
    except (OSError, http.client.HTTPException) as exc:
        raise PartenairesError(f"{server}: cannot reach the class server ({exc})") from None
    if status >= 300:
        raise PartenairesError(f"{server}{path}: the server refused — {error_text(status, raw)}")
    return raw


def cmd_serve(args: argparse.Namespace) -> int:
    from game.errors import PartenairesError

    try:
        from game.classroom.server import serve
    except ImportError as exc:
        raise PartenairesError(
            f"the class server needs the `classroom` extra: pip install 'partenaires[classroom]' ({exc})"
        ) from None
    from game.classroom.protocol import new_token

    token = args.token or new_token()
    host = args.host
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    address = f"http://{shown}:{args.port}"

    def ready() -> None:
        print(f"Serveur de classe / class server: {address}  (base: {_safe_db(args.db)})", flush=True)
        if host in ("0.0.0.0", "::"):
            import socket

            print(
                f"Pour les stagiaires / for the trainees: http://{socket.gethostname()}:{args.port} "
                "(ou l'adresse IP de cette machine / or this machine's IP address: ip addr, ipconfig)",
                flush=True,
            )
        print(f"Jeton du formateur / trainer's token: {token}", flush=True)
        print(f"Tableau de bord / dashboard: {address}/dashboard#token={token}", flush=True)
        print(
            f"Ouvrir une classe / open a class: partenaires class new --server {address} --token {token} --name …",
            flush=True,
        )

    lrs = None
    if args.lrs:
        from game.classroom.lrs import Forwarder

        lrs = Forwarder(args.lrs, args.lrs_auth, args.xapi_base)
    serve(host, args.port, args.db, token, lrs=lrs, ready=ready)
    return 0


def _safe_db(db: str) -> str:
    """The database address without its password, for the screen."""
    if "@" in db and "://" in db:
        scheme, rest = db.split("://", 1)
        return scheme + "://…@" + rest.rsplit("@", 1)[1]
    return db


def cmd_new(args: argparse.Namespace) -> int:
    import json

    digests = []
    if args.scenario:
        from game.scenario.catalogue import resolve_scenario
        from game.scenario.loading import load

        digests = [load(resolve_scenario(name)).digest for name in args.scenario]
    made = json.loads(_call(args, "POST", "/api/classes", {"name": args.name, "digests": digests}))
    server = args.server.rstrip("/")
    print(made["code"])
    print(f"Lien des stagiaires / trainees' link: {server}/{made['code']}", file=sys.stderr)
    print(
        f"  partenaires play --text SCENARIO --class {server}/{made['code']} --name NOM --group GROUPE", file=sys.stderr
    )
    print(f"Tableau de bord / dashboard: {server}/dashboard#token={args.token}&class={made['code']}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import json

    from game.classroom.protocol import normal_code
    from game.errors import PartenairesError

    code = normal_code(args.code)
    if not code:
        raise PartenairesError(f"{args.code!r} is not a class code (4 groups of 4 letters, e.g. ABCD-EFGH-JKMN-PQRS)")
    games = json.loads(_call(args, "GET", f"/api/classes/{code}/records"))["games"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for game in games:
        data = _call(args, "GET", f"/api/classes/{code}/records/{game}.jsonl")
        target = out / f"{game}.jsonl"
        temp = target.with_name(f".{target.name}.tmp")
        with open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
        print(target)
    print(f"{len(games)} record(s) in {out}", file=sys.stderr)
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    from game.classroom.client import send_now
    from game.errors import PartenairesError

    failed = 0
    for name in args.records:
        try:
            sender = send_now(Path(name), args.class_link, args.wait)
        except ValueError as exc:
            raise PartenairesError(str(exc)) from None
        if sender.done:
            print(f"{name}: {sender.have} line(s) on {sender.server} ({sender.code})")
        else:
            failed += 1
            reason = sender.refused or f"the server could not be reached; {sender.pending()} line(s) still to send"
            print(f"{name}: {reason}", file=sys.stderr)
    return 1 if failed else 0
