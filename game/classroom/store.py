"""The class server's storage: classes, games (logs with seats) and their lines, in SQLite or PostgreSQL.

SQLAlchemy Core with an async driver (aiosqlite, psycopg): the same statements run on an SQLite
file that needs nothing installed and on a school's PostgreSQL. Every append is one transaction
that checks the line numbers first, so a request is stored whole or not at all, and the primary
key (game, line) makes a duplicate line impossible even if two requests race.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from game.classroom.protocol import SOLO_SEAT, BadInput, empty_view, fold, new_class_code, new_secret

__all__ = ["Store", "database_url"]

_meta = sa.MetaData()

classes = sa.Table(
    "classes",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(32), nullable=False, unique=True),
    sa.Column("name", sa.String(400), nullable=False),
    sa.Column("digests", sa.Text, nullable=False, default="[]"),  # allowed scenario digests; [] = any
    sa.Column("created_at", sa.String(32), nullable=False),
)

games = sa.Table(
    "games",
    _meta,
    sa.Column("id", sa.String(64), primary_key=True),  # the record's session id
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id"), nullable=False, index=True),
    sa.Column("have", sa.Integer, nullable=False),  # lines stored (the next line's number)
    sa.Column("view", sa.Text, nullable=False),  # the dashboard's view, folded line by line
    sa.Column("joined_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

seats = sa.Table(
    "seats",
    _meta,
    sa.Column("game_id", sa.String(64), sa.ForeignKey("games.id"), primary_key=True),
    sa.Column("seat", sa.String(64), primary_key=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("trainee", sa.String(400), nullable=False),
    sa.Column("grp", sa.String(400), nullable=False),
)

lines = sa.Table(
    "lines",
    _meta,
    sa.Column("game_id", sa.String(64), sa.ForeignKey("games.id"), primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True),
    sa.Column("seat", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)


CHECKPOINT_EVERY = 5.0  # seconds between two SQLite checkpoints


def database_url(db: str) -> str:
    """`sqlite:///file.db` or `postgresql://…` (what a trainer types) → the async driver's URL."""
    if db.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + db.removeprefix("sqlite:///")
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db.removeprefix(prefix)
    if "://" in db:
        return db  # a full SQLAlchemy URL
    return "sqlite+aiosqlite:///" + db  # a bare file name


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class Store:
    """One database; its methods are what the server does, each in its own transaction."""

    def __init__(self, db: str) -> None:
        url = database_url(db)
        self.sqlite = url.startswith("sqlite")
        self.engine: AsyncEngine = create_async_engine(url, pool_pre_ping=not self.sqlite)
        self._write = asyncio.Lock()  # SQLite has one writer; queueing here beats "database is locked"
        self._game_locks: dict[str, asyncio.Lock] = {}
        self._secrets: dict[str, dict[str, str]] = {}  # game → seat → secret hash (a cache: floods stay cheap)
        self._games: dict[str, dict[str, Any]] = {}  # game → have, view, class (a write-through cache)
        self._pending: list[_Write] = []
        self._joining: set[str] = set()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._checkpoint_task: asyncio.Task[None] | None = None

    async def open(self) -> None:
        if self.sqlite:

            @sa.event.listens_for(self.engine.sync_engine, "connect")
            def _pragmas(connection: Any, _record: Any) -> None:
                cursor = connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints run beside the commits (_checkpoints)
                cursor.close()

        async with self.engine.begin() as conn:
            await conn.run_sync(_meta.create_all)
        self._task = asyncio.create_task(self._writer())
        if self.sqlite:
            self._checkpoint_task = asyncio.create_task(self._checkpoints())

    async def close(self) -> None:
        for task in (self._task, self._checkpoint_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.engine.dispose()

    # -- classes --------------------------------------------------------------------------------------
    async def new_class(self, name: str, digests: list[str]) -> dict[str, Any]:
        async with self._write, self.engine.begin() as conn:
            code = new_class_code()
            await conn.execute(
                classes.insert().values(code=code, name=name, digests=json.dumps(digests), created_at=_now())
            )
        return {"code": code, "name": name, "digests": digests}

    async def find_class(self, code: str) -> dict[str, Any] | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(classes).where(classes.c.code == code))).mappings().first()
        if row is None:
            return None
        return {**row, "digests": json.loads(row["digests"])}

    async def list_classes(self) -> list[dict[str, Any]]:
        count = sa.func.count(games.c.id)
        query = (
            sa.select(classes.c.code, classes.c.name, classes.c.created_at, count.label("games"))
            .select_from(classes.outerjoin(games, games.c.class_id == classes.c.id))
            .group_by(classes.c.id)
            .order_by(classes.c.id)
        )
        async with self.engine.connect() as conn:
            return [dict(r) for r in (await conn.execute(query)).mappings()]

    # -- games ----------------------------------------------------------------------------------------
    async def join(self, class_row: dict[str, Any], header_text: str, header: dict[str, Any]) -> dict[str, Any]:
        """Admit a game with its header as line 0; its seat's secret is returned once and kept hashed."""
        game = header["session_id"]
        secret = new_secret()
        view = empty_view(header)
        stamp = _now()
        if game in self._joining or game in self._games or await self._exists(game):
            raise BadInput("this session has already joined a class (resume it with its own link file)", 409)
        self._joining.add(game)
        try:
            await self._commit(
                _Write(
                    games=[
                        {
                            "id": game,
                            "class_id": class_row["id"],
                            "have": 1,
                            "view": json.dumps(view),
                            "joined_at": stamp,
                            "updated_at": stamp,
                        }
                    ],
                    seats=[
                        {
                            "game_id": game,
                            "seat": SOLO_SEAT,
                            "secret_hash": _hash(secret),
                            "trainee": str(header.get("trainee", "")),
                            "grp": str(header.get("group", "")),
                        }
                    ],
                    lines=[{"game_id": game, "n": 0, "seat": SOLO_SEAT, "text": header_text}],
                )
            )
            self._secrets[game] = {SOLO_SEAT: _hash(secret)}
            self._games[game] = {"have": 1, "view": view, "class_id": class_row["id"]}
        finally:
            self._joining.discard(game)
        return {"game": game, "seat": SOLO_SEAT, "secret": secret, "have": 1, "view": view, "class_id": class_row["id"]}

    async def _exists(self, game: str) -> bool:
        async with self.engine.connect() as conn:
            return await conn.scalar(sa.select(games.c.id).where(games.c.id == game)) is not None

    async def _commit(self, write: _Write) -> None:
        """Queue a write for the next transaction and wait until it is on disk."""
        self._pending.append(write)
        self._wakeup.set()
        await write.done

    async def seat_of(self, game: str, secret: str) -> str | None:
        """The seat this secret holds in this game, or None (a wrong secret, an unknown game)."""
        known = self._secrets.get(game)
        if known is None:
            async with self.engine.connect() as conn:
                rows = (
                    await conn.execute(sa.select(seats.c.seat, seats.c.secret_hash).where(seats.c.game_id == game))
                ).all()
            known = {seat: digest for seat, digest in rows}
            if known:
                self._secrets[game] = known
        presented = _hash(secret)
        for seat, digest in known.items():
            if hmac.compare_digest(digest, presented):
                return seat
        return None

    async def append(
        self, game: str, seat: str, start: int, texts: list[str], entries: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """Store lines start… of a game; lines already there must be the same (a resend), a gap is refused."""
        lock = self._game_locks.setdefault(game, asyncio.Lock())
        async with lock:
            state = await self._state(game)
            have = int(state["have"])
            if start > have:
                raise BadInput(f"lines missing before line {start}: the server has {have}", 409, have=have)
            overlap = texts[: max(0, have - start)]
            if overlap and await self._texts(game, start, len(overlap)) != overlap:
                raise BadInput("these lines differ from the ones already received", 409, have=have)
            fresh = texts[len(overlap) :]
            if not fresh:
                return {"have": have, "view": None, "class_id": state["class_id"]}
            view = json.loads(json.dumps(state["view"]))
            for entry in entries[len(overlap) :]:
                fold(view, entry)
            rows = [{"game_id": game, "n": have + i, "seat": seat, "text": text} for i, text in enumerate(fresh)]
            change = {"game": game, "have": have + len(fresh), "view": json.dumps(view), "stamp": _now()}
            await self._commit(_Write(lines=rows, updates=[change]))  # with the other games' lines of the moment
            state["have"], state["view"] = have + len(fresh), view
            return {"have": have + len(fresh), "view": view, "class_id": state["class_id"]}

    async def _state(self, game: str) -> dict[str, Any]:
        """What appending needs to know of a game (kept in memory once read: the database is written through)."""
        state = self._games.get(game)
        if state is None:
            async with self.engine.connect() as conn:
                row = (await conn.execute(sa.select(games).where(games.c.id == game))).mappings().first()
            if row is None:
                raise BadInput("no such game", 404)
            state = {"have": row["have"], "view": json.loads(row["view"]), "class_id": row["class_id"]}
            self._games[game] = state
        return state

    async def _texts(self, game: str, start: int, count: int) -> list[str]:
        query = (
            sa.select(lines.c.text)
            .where(lines.c.game_id == game, lines.c.n >= start, lines.c.n < start + count)
            .order_by(lines.c.n)
        )
        async with self.engine.connect() as conn:
            return list((await conn.execute(query)).scalars())

    async def _checkpoints(self) -> None:
        """SQLite: copy the write-ahead log into the database every few seconds, on a connection of its own.

        A passive checkpoint never blocks the commits; done inside a commit (SQLite's default), its fsync of
        the whole database would stall every game waiting on that commit.
        """
        while True:
            await asyncio.sleep(CHECKPOINT_EVERY)
            with contextlib.suppress(Exception):  # a busy database: the next round copies it
                async with self.engine.connect() as conn:
                    await conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    async def _writer(self) -> None:
        """Group commit: every append waiting when a transaction starts goes into it (one fsync for all)."""
        update = (
            games.update()
            .where(games.c.id == sa.bindparam("game"))
            .values(have=sa.bindparam("have"), view=sa.bindparam("view"), updated_at=sa.bindparam("stamp"))
        )
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            batch, self._pending = self._pending, []
            if not batch:
                continue
            try:
                async with self._write_lock(), self.engine.begin() as conn:
                    for table, key in ((games, "games"), (seats, "seats"), (lines, "lines")):
                        rows = [row for write in batch for row in getattr(write, key)]
                        if rows:
                            await conn.execute(table.insert(), rows)
                    changes = [change for write in batch for change in write.updates]
                    if changes:
                        await conn.execute(update, changes)
            except Exception as exc:  # the database failed: every waiting request learns it, none is half-stored
                for write in batch:
                    if not write.done.done():
                        write.done.set_exception(exc)
                continue
            for write in batch:
                if not write.done.done():
                    write.done.set_result(None)

    def _write_lock(self) -> Any:
        return self._write if self.sqlite else _NoLock()

    async def views(self, class_id: int) -> list[dict[str, Any]]:
        """Every game of a class as the dashboard shows it."""
        query = sa.select(games).where(games.c.class_id == class_id).order_by(games.c.joined_at, games.c.id)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [view_of(r) for r in rows]

    async def game_ids(self, class_id: int) -> list[str]:
        async with self.engine.connect() as conn:
            query = sa.select(games.c.id).where(games.c.class_id == class_id).order_by(games.c.joined_at, games.c.id)
            return list((await conn.execute(query)).scalars())

    async def record(self, class_id: int, game: str) -> bytes | None:
        """A game's record, byte for byte as the game wrote it (its lines, each ending in a line break)."""
        async with self.engine.connect() as conn:
            owner = await conn.scalar(sa.select(games.c.class_id).where(games.c.id == game))
            if owner != class_id:
                return None
            texts = (
                await conn.execute(sa.select(lines.c.text).where(lines.c.game_id == game).order_by(lines.c.n))
            ).scalars()
            return b"".join(t.encode("utf-8") + b"\n" for t in texts)


def view_of(row: Any) -> dict[str, Any]:
    return {
        "game": row["id"],
        "lines": row["have"],
        "joined_at": row["joined_at"],
        "updated_at": row["updated_at"],
        **json.loads(row["view"]),
    }


@dataclass
class _Write:
    """Rows to insert and games to update, stored in the same transaction as the other writes waiting with it."""

    games: list[dict[str, Any]] = field(default_factory=list)
    seats: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    done: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class _NoLock:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None
