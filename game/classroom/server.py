"""The class server: games append their records, the trainer watches the class live and takes the records.

Starlette on uvicorn; the dashboard follows the class through server-sent events. Three kinds of
callers, three kinds of proof:

- the trainer's token (`Authorization: Bearer TOKEN`) opens classes, the dashboard and the exports;
- a class code only admits a game (`POST /api/classes/CODE/games` with its record's header);
- a game's own secret, given once when it joins, is the only key that appends to its log.

Every body is read within a size limit and checked (`protocol`) before anything is stored; bad
input gets a 4xx with a sentence, and an append is stored whole or not at all (`store`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import io
import json
import tempfile
import time
import zipfile
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from game.classroom.protocol import (
    MAX_BODY,
    MAX_NAME,
    BadInput,
    check_header,
    check_lines,
    check_name,
    normal_code,
    parse_body,
)
from game.classroom.store import Store

__all__ = ["create_app", "serve"]

Handler = Callable[[Request], Awaitable[Response]]
HEARTBEAT = 15.0  # seconds between SSE comments, so proxies and browsers keep the stream open


class Hub:
    """Who is watching which class: each dashboard has a bounded queue of changes."""

    def __init__(self) -> None:
        self.watchers: dict[int, set[asyncio.Queue[dict[str, Any] | None]]] = {}

    def watch(self, class_id: int) -> asyncio.Queue[dict[str, Any] | None]:
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(maxsize=2000)
        self.watchers.setdefault(class_id, set()).add(queue)
        return queue

    def leave(self, class_id: int, queue: asyncio.Queue[dict[str, Any] | None]) -> None:
        self.watchers.get(class_id, set()).discard(queue)

    def publish(self, class_id: int, view: dict[str, Any]) -> None:
        for queue in list(self.watchers.get(class_id, ())):
            try:
                queue.put_nowait(view)
            except asyncio.QueueFull:  # a dashboard that stopped reading: it gets a fresh snapshot instead
                while not queue.empty():
                    queue.get_nowait()
                queue.put_nowait(None)


class Bucket:
    """A token bucket per key: a client that floods gets 429s, answered without touching the database."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.state: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> bool:
        stamp = time.monotonic()
        tokens, last = self.state.get(key, (self.burst, stamp))
        tokens = min(self.burst, tokens + (stamp - last) * self.rate)
        if len(self.state) > 100_000:
            self.state.clear()
        if tokens < 1:
            self.state[key] = (tokens, stamp)
            return False
        self.state[key] = (tokens - 1, stamp)
        return True


async def _body(request: Request) -> dict[str, Any]:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BadInput(f"request body too large — at most {MAX_BODY} bytes", 413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise BadInput(f"request body too large — at most {MAX_BODY} bytes", 413)
        chunks.append(chunk)
    return parse_body(b"".join(chunks))


def _bearer(request: Request) -> str:
    value = request.headers.get("authorization", "")
    return value[7:].strip() if value[:7].lower() == "bearer " else ""


def create_app(db: str, token: str, lrs: Any = None) -> Starlette:
    """The server's application over one database; `token` is the trainer's."""
    store = Store(db)
    hub = Hub()
    appends = Bucket(
        rate=20.0, burst=60.0
    )  # per game: far above a trainee's pace (a catch-up sends 256 lines a request)
    failures = Bucket(rate=20.0, burst=100.0)  # per client address: refused requests

    def guarded(handler: Handler) -> Handler:
        async def run(request: Request) -> Response:
            peer = request.client.host if request.client else "?"
            try:
                return await handler(request)
            except BadInput as exc:
                if not failures.take(peer):
                    return JSONResponse({"error": "too many refused requests — slow down"}, 429)
                return JSONResponse({"error": str(exc), **exc.extra}, exc.status)

        return run

    def trainer(request: Request) -> None:
        if not hmac.compare_digest(_bearer(request).encode(), token.encode()):
            raise BadInput("the trainer's token is missing or wrong", 401)

    async def the_class(request: Request) -> dict[str, Any]:
        code = normal_code(request.path_params["code"])
        found = await store.find_class(code) if code else None
        if found is None:
            raise BadInput("no class with this code", 404)
        return found

    # -- the trainer ------------------------------------------------------------------------------------
    async def new_class(request: Request) -> Response:
        trainer(request)
        data = await _body(request)
        name = check_name(data.get("name", ""), "name")
        if not name.strip():
            raise BadInput(f"`name` must be a text of 1 to {MAX_NAME} characters", 422)
        digests = data.get("digests", [])
        if (
            not isinstance(digests, list)
            or len(digests) > 50
            or not all(isinstance(d, str) and len(d) == 64 for d in digests)
        ):
            raise BadInput("`digests` must be a list of scenario digests", 422)
        made = await store.new_class(name.strip(), digests)
        return JSONResponse(made, 201)

    async def list_classes(request: Request) -> Response:
        trainer(request)
        return JSONResponse({"classes": await store.list_classes()})

    async def class_view(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        return JSONResponse(await _snapshot(found))

    async def _snapshot(found: dict[str, Any]) -> dict[str, Any]:
        return {"class": {"code": found["code"], "name": found["name"]}, "games": await store.views(found["id"])}

    async def events(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        queue = hub.watch(found["id"])

        async def stream() -> AsyncIterator[str]:
            try:
                yield f"event: snapshot\ndata: {json.dumps(await _snapshot(found))}\n\n"
                while True:
                    try:
                        item = await asyncio.wait_for(queue.get(), HEARTBEAT)
                    except TimeoutError:
                        yield ": still here\n\n"
                        continue
                    if item is None:
                        yield f"event: snapshot\ndata: {json.dumps(await _snapshot(found))}\n\n"
                    else:
                        yield f"event: game\ndata: {json.dumps(item)}\n\n"
            finally:
                hub.leave(found["id"], queue)

        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    async def record_list(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        return JSONResponse({"games": await store.game_ids(found["id"])})

    async def record(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        data = await store.record(found["id"], request.path_params["game"])
        if data is None:
            raise BadInput("no such game in this class", 404)
        return Response(data, media_type="application/x-ndjson")

    async def _records(found: dict[str, Any]) -> dict[str, bytes]:
        out = {}
        for game in await store.game_ids(found["id"]):
            data = await store.record(found["id"], game)
            if data:
                out[game] = data
        return out

    async def records_zip(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for game, data in (await _records(found)).items():
                archive.writestr(f"{game}.jsonl", data)
        disposition = f'attachment; filename="{found["code"]}.zip"'
        return Response(buffer.getvalue(), media_type="application/zip", headers={"Content-Disposition": disposition})

    async def debrief(request: Request) -> Response:
        trainer(request)
        found = await the_class(request)
        kind = request.path_params["kind"]
        lang = request.query_params.get("lang")
        if lang not in (None, "fr", "en"):
            raise BadInput("`lang` is fr or en", 422)
        records = await _records(found)
        if not records:
            raise BadInput("no game in this class yet", 404)
        made = await asyncio.to_thread(_debrief, records, kind, lang)
        if isinstance(made, bytes):  # a class that played several scenarios: one CSV each, in a zip
            disposition = f'attachment; filename="{found["code"]}-csv.zip"'
            return Response(made, media_type="application/zip", headers={"Content-Disposition": disposition})
        if kind == "csv":
            return Response(made, media_type="text/csv; charset=utf-8")
        return HTMLResponse(made)

    # -- the games --------------------------------------------------------------------------------------
    async def join(request: Request) -> Response:
        found = await the_class(request)
        data = await _body(request)
        header = check_header(data.get("header"), found["digests"])
        joined = await store.join(found, data["header"], header)
        hub.publish(found["id"], {"game": joined["game"], "lines": 1, **joined["view"]})
        return JSONResponse({k: joined[k] for k in ("game", "seat", "secret", "have")}, 201)

    async def append(request: Request) -> Response:
        game = request.path_params["game"]
        seat = await store.seat_of(game, _bearer(request)) if _bearer(request) else None
        if seat is None:
            raise BadInput("this game's secret is missing or wrong", 403)
        if not appends.take(game):
            return JSONResponse({"error": "too many requests for this game — slow down"}, 429)
        data = await _body(request)
        start = data.get("from")
        entries = check_lines(data.get("lines"), start)  # type: ignore[arg-type]
        done = await store.append(game, seat, start, data["lines"], entries)  # type: ignore[arg-type]
        if done["view"] is not None:
            hub.publish(done["class_id"], {"game": game, "lines": done["have"], **done["view"]})
            if lrs is not None and done["view"].get("ending"):  # the game is over: its statements go to the LRS
                class_id = done["class_id"]
                lrs.forward(game, lambda: store.record(class_id, game))
        return JSONResponse({"have": done["have"]})

    # -- pages ------------------------------------------------------------------------------------------
    async def dashboard(request: Request) -> Response:
        page = resources.files("game.classroom").joinpath("dashboard.html").read_text(encoding="utf-8")
        headers = {
            "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'",
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
        }
        return HTMLResponse(page, headers=headers)

    async def home(request: Request) -> Response:
        return RedirectResponse("/dashboard")

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "app": "partenaires-class"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await store.open()
        try:
            yield
        finally:
            await store.close()

    routes = [
        Route("/", guarded(home)),
        Route("/dashboard", guarded(dashboard)),
        Route("/api/health", guarded(health)),
        Route("/api/classes", guarded(new_class), methods=["POST"]),
        Route("/api/classes", guarded(list_classes), methods=["GET"]),
        Route("/api/classes/{code}", guarded(class_view), methods=["GET"]),
        Route("/api/classes/{code}/events", guarded(events), methods=["GET"]),
        Route("/api/classes/{code}/records", guarded(record_list), methods=["GET"]),
        Route("/api/classes/{code}/records.zip", guarded(records_zip), methods=["GET"]),
        Route("/api/classes/{code}/records/{game}.jsonl", guarded(record), methods=["GET"]),
        Route("/api/classes/{code}/debrief.{kind:str}", guarded(debrief), methods=["GET"]),
        Route("/api/classes/{code}/games", guarded(join), methods=["POST"]),
        Route("/api/games/{game}/lines", guarded(append), methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.store = store
    return app


def _debrief(records: dict[str, bytes], kind: str, lang: str | None) -> str | bytes:
    """The class debrief over the records, exactly as `partenaires debrief` builds it: the HTML page, or the CSV
    (one file per scenario, as `--csv` writes them; a zip of them when the class played several)."""
    if kind not in ("html", "csv"):
        raise BadInput("the debrief is .html or .csv", 404)
    from game.cli.reports import _majority_lang
    from game.reports.debrief import class_data, load_sessions, write_csv
    from game.reports.html import render

    with tempfile.TemporaryDirectory(prefix="partenaires-class-") as folder:
        paths = []
        for game, data in records.items():
            path = Path(folder) / f"{game}.jsonl"
            path.write_bytes(data)
            paths.append(path)
        chosen = lang or _majority_lang(paths)
        reports, skipped = load_sessions(paths, chosen)
        if not reports:
            raise BadInput("no record of this class could be replayed here:\n" + "\n".join(skipped), 422)
        data_ = class_data(reports, skipped, chosen, None)
        if kind != "csv":
            return render("class.html.j2", data_)
        written = write_csv(data_, Path(folder) / "class.csv")
        if len(written) == 1:
            return written[0].read_text(encoding="utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in written:
                archive.write(path, path.name)
        return buffer.getvalue()


def serve(host: str, port: int, db: str, token: str, lrs: Any = None, ready: Callable[[], None] | None = None) -> None:
    """Run the server until interrupted (Ctrl-C), on one process: the dashboard's events live in it."""
    import uvicorn

    config = uvicorn.Config(
        create_app(db, token, lrs),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # no tokens or secrets in logs
        timeout_keep_alive=30,
        timeout_graceful_shutdown=2,
        limit_concurrency=2000,
        h11_max_incomplete_event_size=64 * 1024,
    )
    server = uvicorn.Server(config)
    if ready is not None:
        original = server.startup

        async def startup(sockets: Any = None) -> None:
            await original(sockets)
            ready()

        server.startup = startup  # type: ignore[method-assign]
    server.run()
