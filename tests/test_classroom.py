"""The class session end to end: a real server, real games through the public commands, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from classroom import Game, Server, cli, decisions_in, pg_dsn, play_argv, records, server_stack, wait_for

server_stack()


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path):
    db = f"sqlite:///{tmp_path / 'classe.db'}" if request.param == "sqlite" else pg_dsn()
    running = Server(db, tmp_path).start()
    yield running
    running.stop()


def export(server: Server, code: str, out) -> dict[str, bytes]:
    proc = cli("class", "export", "--server", server.url, "--token", "trainer-token-for-tests", code, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return records(out)


def test_games_played_in_class_are_exported_byte_for_byte(server, tmp_path):
    code = server.new_class()
    link = f"{server.url}/{code}"
    for seed, name in ((1, "Léa"), (2, "Karim"), (3, "Zoé")):
        proc = cli(*play_argv(link, tmp_path / "games", name, seed), stdin="1\n" * 12)
        assert proc.returncode == 0, proc.stderr
        assert "Toute la partie est arrivée à la classe." in proc.stdout
        assert "Traceback" not in proc.stderr
    local = records(tmp_path / "games")
    exported = export(server, code, tmp_path / "export")
    assert len(local) == 3
    assert exported == local  # byte for byte, nothing lost, nothing duplicated
    names = sorted(g["trainee"] for g in server.games(code))
    assert names == ["Karim", "Léa", "Zoé"]
    assert all(g["ending"] and g["group"] == "DEIS2" for g in server.games(code))
    # every existing tool reads the exported records
    debrief = cli(
        "debrief", str(tmp_path / "export"), "-o", str(tmp_path / "class.html"), "--csv", str(tmp_path / "c.csv")
    )
    assert debrief.returncode == 0, debrief.stderr
    assert "3 session(s)" in debrief.stdout
    status, csv = server.call("GET", f"/api/classes/{code}/debrief.csv")
    assert status == 200
    assert csv.decode() == (tmp_path / "c.csv").read_text(encoding="utf-8")  # the dashboard's CSV is debrief's


def test_a_killed_game_resumes_and_a_restarted_server_catches_up(server, tmp_path):
    code = server.new_class()
    link = f"{server.url}/{code}"
    games = tmp_path / "games"

    # A: killed with SIGKILL mid-way, then resumed; the link beside its record takes it back to its class.
    killed = Game(play_argv(link, games / "a", "Ana", 5))
    killed.choose("1", "1")
    wait_for(lambda: [g for g in server.games(code) if g["decisions"] >= 2], what="two decisions on the server")
    killed.choose("1")
    record = wait_for(lambda: [p for p in (games / "a").glob("*.jsonl") if decisions_in(p) >= 3], what="3 decisions")
    killed.kill()
    assert decisions_in(record[0]) < 5  # it was cut before the end

    # B: plays on while the server is down, and the server gets everything once it is back.
    offline = Game(play_argv(link, games / "b", "Bruno", 6))
    offline.choose("1")
    wait_for(lambda: [g for g in server.games(code) if g["trainee"] == "Bruno" and g["decisions"] >= 1], what="B")
    server.stop()
    offline.choose("1", "1")
    path_b = wait_for(lambda: [p for p in (games / "b").glob("*.jsonl") if decisions_in(p) >= 3], what="B offline")
    assert offline.proc.poll() is None  # the game did not wait for the network, nor stop
    server.start()
    offline.choose("1", "1", "1", "1")
    code_b, out_b, err_b = offline.finish()
    assert code_b == 0, err_b
    assert "Toute la partie est arrivée à la classe." in out_b

    resumed = cli("play", "--text", "--resume", str(record[0]), stdin="1\n" * 12)
    assert resumed.returncode == 0, resumed.stderr
    assert "Partie reliée à la classe" in resumed.stdout
    assert "Toute la partie est arrivée à la classe." in resumed.stdout

    local = {**records(games / "a"), **records(games / "b")}
    exported = export(server, code, tmp_path / "export")
    assert exported == local
    assert b'"type":"resumed"' in exported[next(iter(records(games / "a")))]
    assert decisions_in(path_b[0]) >= 5


def test_class_send_catches_up_a_game_played_while_the_server_was_away(server, tmp_path):
    code = server.new_class()
    link = f"{server.url}/{code}"
    server.stop()
    proc = cli(*play_argv(link, tmp_path / "games", "Odile", 8), stdin="1\n" * 12, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "partenaires class send" in proc.stderr  # told how to send it later
    server.start()
    (record,) = (tmp_path / "games").glob("*.jsonl")
    sent = cli("class", "send", str(record), "--class", link)
    assert sent.returncode == 0, sent.stderr
    assert export(server, code, tmp_path / "export") == records(tmp_path / "games")
    again = cli("class", "send", str(record))  # idempotent: the link file is enough, nothing is added twice
    assert again.returncode == 0, again.stderr
    assert export(server, code, tmp_path / "export2") == records(tmp_path / "games")
