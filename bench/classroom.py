"""`python bench/classroom.py`: a class of simulated games against a real class server on the loopback.

Each simulated game joins a class with a real-looking header, then sends its decisions one at a time
(a decision line, and every third decision an event line), each as the game's client does: one
request, acknowledged by the server. Measured: the time from sending a decision to its
acknowledgement (p50, p99, max), decisions per second over the whole class, the server's memory
(peak resident size, from /proc), and whether every record on the server is byte for byte what was
sent. Then the same with one client flooding the server (as fast as it can, up to 1,000 requests a
second for 10 s) while the class plays.

Options: --games 60 --decisions 25 (the target class), --growth (also 250 and 1,000 games),
--flood (the flood run), --db URL (default: a fresh SQLite file), --markdown FILE (append the table).
Only 127.0.0.1 is ever used; every run is bounded in games and time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, db: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "class", "serve", "--port", str(self.port), "--db", db, "--token", TOKEN],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/api/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the class server did not start")

    def call(self, method: str, path: str, body: Any = None, auth: str = TOKEN, conn: Any = None) -> tuple[int, Any]:
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Authorization": f"Bearer {auth}", "Content-Type": "application/json"}
        try:
            conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            response = conn.getresponse()
            raw = response.read()
        finally:
            if own:
                conn.close()
        if response.getheader("content-type", "").startswith("application/json"):
            return response.status, json.loads(raw)
        return response.status, raw

    def memory(self) -> tuple[float, float]:
        """(current, peak) resident memory of the server, in MB."""
        fields = {}
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value.strip()
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(15)


def header_line(number: int) -> str:
    data = {
        "type": "header",
        "format": "partenaires-session/1",
        "session_id": str(uuid.uuid4()),
        "scenario": {"id": "cucm-plie", "version": "1.0", "digest": secrets.token_hex(32), "path": None},
        "seed": number,
        "trainee": f"Stagiaire {number}",
        "group": "Bench",
        "lang": "fr",
        "start": None,
        "gauges": {},
        "started_at": "2026-12-01T09:00:00Z",
        "app": {"name": "partenaires", "version": "bench"},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decision_lines(index: int, rng: random.Random) -> list[str]:
    gauges = {g: rng.randrange(20, 80) for g in ("sens", "identite", "pouvoir", "cohesion")}
    decision = {
        "type": "decision",
        "index": index,
        "turn": index,
        "phase": "transaction",
        "scene": f"scene_{index}",
        "choice": rng.randrange(3),
        "choice_id": "choix",
        "cost": 1,
        "tags": ["travail_pratique_du_sens"],
        "before": gauges,
        "after": gauges,
        "events": [],
        "phase_after": "transaction",
        "at": "2026-12-01T09:00:00Z",
    }
    out = [json.dumps(decision, ensure_ascii=False, separators=(",", ":"))]
    if index % 3 == 2:
        event = {"type": "event", "event": "copil", "turn": index, "deltas": {"sens": -2}, "decision": index}
        out.insert(0, json.dumps(event, separators=(",", ":")))
    return out


def play(server: Server, code: str, number: int, decisions: int, think: float, out: dict[str, Any]) -> None:
    """One simulated game: join, then each decision sent and acknowledged before the next."""
    rng = random.Random(number)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    header = header_line(number)
    status, joined = server.call("POST", f"/api/classes/{code}/games", {"header": header}, auth="", conn=conn)
    if status != 201:
        out["errors"].append(f"join {status} {joined}")
        return
    sent, waits, have = [header], [], 1
    for index in range(decisions):
        time.sleep(rng.uniform(0, 2 * think))
        batch = decision_lines(index, rng)
        began = time.perf_counter()
        status, data = server.call(
            "POST", f"/api/games/{joined['game']}/lines", {"from": have, "lines": batch}, joined["secret"], conn
        )
        waits.append(time.perf_counter() - began)
        if status != 200:
            out["errors"].append(f"append {status} {data}")
            return
        have = data["have"]
        sent += batch
    conn.close()
    with out["lock"]:
        out["waits"] += waits
        out["games"][joined["game"]] = ("".join(line + "\n" for line in sent)).encode()


def flood(port: int, code: str, seconds: float, rate: float, result: Any) -> None:
    """One client, in its own process, sending as fast as it may (at most `rate` requests a second) to its game."""
    server = Server.__new__(Server)
    server.port = port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, joined = server.call("POST", f"/api/classes/{code}/games", {"header": header_line(99_999)}, "", conn)
    line = json.dumps({"type": "note", "text": "flood"})
    end = time.monotonic() + seconds
    count, refused = 0, 0
    path = f"/api/games/{joined['game']}/lines"
    while time.monotonic() < end:
        began = time.monotonic()
        status, _ = server.call("POST", path, {"from": 1, "lines": [line]}, joined["secret"], conn)
        count += 1
        refused += status == 429
        time.sleep(max(0.0, 1 / rate - (time.monotonic() - began)))
    result.put((count, refused, seconds))


def run_class(db: str, games: int, decisions: int, think: float, with_flood: bool = False) -> dict[str, Any]:
    server = Server(db)
    try:
        status, made = server.call("POST", "/api/classes", {"name": f"Bench {games}"})
        assert status == 201, made
        out: dict[str, Any] = {"waits": [], "games": {}, "errors": [], "lock": threading.Lock()}
        threads = [
            threading.Thread(target=play, args=(server, made["code"], n, decisions, think, out)) for n in range(games)
        ]
        flooder, results = None, multiprocessing.Queue()
        if with_flood:
            flooder = multiprocessing.Process(target=flood, args=(server.port, made["code"], 10.0, 1000.0, results))
            flooder.start()
            time.sleep(1.0)  # the flood is on before the class starts
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
        if flooder is not None:
            out["flood"] = results.get(timeout=60)
            flooder.join(30)
        elapsed = time.perf_counter() - began
        current, peak = server.memory()
        lost = 0
        for game, sent in out["games"].items():
            status, stored = server.call("GET", f"/api/classes/{made['code']}/records/{game}.jsonl")
            lost += stored != sent
        lost += games - len(out["games"])
        waits = sorted(out["waits"])
        return {
            "games": games,
            "decisions": len(waits),
            "p50": statistics.median(waits) * 1000,
            "p99": waits[int(len(waits) * 0.99) - 1] * 1000 if waits else float("nan"),
            "max": waits[-1] * 1000 if waits else float("nan"),
            "rate": len(waits) / elapsed,
            "elapsed": elapsed,
            "memory": current,
            "peak": peak,
            "lost": lost,
            "errors": out["errors"][:3],
            "flood": out.get("flood"),
        }
    finally:
        server.stop()


def row(result: dict[str, Any], think: float) -> str:
    target = "p99 < 50 ms, no loss" if result["games"] <= 60 else "reported (growth), no loss"
    ok = result["lost"] == 0 and not result["errors"] and (result["games"] > 60 or result["p99"] < 50)
    flood = ""
    if result["flood"]:
        count, refused, seconds = result["flood"]
        flood = f"; with a flood of {count / seconds:,.0f} req/s ({refused:,} refused with 429)"
    return (
        f"| {result['games']} games × {result['decisions'] // max(1, result['games'])} decisions, think time "
        f"{think * 1000:.0f} ms ±100 %{flood} | p99 {result['p99']:.1f} ms (p50 {result['p50']:.1f}, max "
        f"{result['max']:.0f}) | {result['rate']:,.0f} decisions/s | {result['peak']:.0f} MB peak "
        f"({result['memory']:.0f} MB at the end) | {result['lost']} lost | {target} | {'✓' if ok else '✗'} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=60)
    parser.add_argument("--decisions", type=int, default=25)
    parser.add_argument("--think", type=float, default=0.2, help="mean seconds between two decisions of a game")
    parser.add_argument("--growth", action="store_true", help="also 250 and 1,000 games")
    parser.add_argument("--flood", action="store_true", help="also the class under a flooding client")
    parser.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file per run)")
    parser.add_argument("--markdown", default=None, help="append the table to this file")
    args = parser.parse_args()
    sizes = [min(args.games, 1000)] + ([250, 1000] if args.growth else [])
    lines = [
        "| Class | Decision → acknowledgement | Throughput | Server memory | Loss | Target | Verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines.insert(0, f"Load average when the run started: {load}; `nproc`: {os.cpu_count()}\n")
    print("\n".join(lines), flush=True)
    runs = [(n, False) for n in sizes] + ([(sizes[0], True)] if args.flood else [])
    for games, with_flood in runs:
        with tempfile.TemporaryDirectory() as folder:
            db = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
            if args.db and args.db.startswith("postgresql"):
                import psycopg

                with psycopg.connect(args.db, autocommit=True) as conn:
                    conn.execute("DROP TABLE IF EXISTS lines, seats, games, classes CASCADE")
            result = run_class(db, games, args.decisions, args.think, with_flood)
        lines.append(row(result, args.think))
        print(lines[-1], flush=True)
        if result["errors"]:
            print("  errors:", result["errors"], file=sys.stderr)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as stream:
            stream.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
