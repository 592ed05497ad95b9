"""Trust in the class server: tokens, codes, secrets, bad bodies, garbage on the wire (SQLite, a real server)."""

from __future__ import annotations

import json
import socket
import uuid

import pytest
from classroom import TOKEN, Server, cli, play_argv, records, server_stack

server_stack()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("security")
    running = Server(f"sqlite:///{folder / 'classe.db'}", folder).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def joined(server, tmp_path_factory):
    """A class with one finished game in it: (code, session id, secret, local record)."""
    folder = tmp_path_factory.mktemp("games")
    code = server.new_class("Sécurité")
    proc = cli(*play_argv(f"{server.url}/{code}", folder, "Léa", 4), stdin="1\n" * 12)
    assert proc.returncode == 0, proc.stderr
    (record,) = folder.glob("*.jsonl")
    link = json.loads(record.with_name(record.name.replace(".jsonl", ".class.json")).read_text())
    return code, link["game"], link["secret"], record


def header(trainee: str = "Zoé", digest: str = "a" * 64) -> str:
    data = {
        "type": "header",
        "format": "partenaires-session/1",
        "session_id": str(uuid.uuid4()),
        "scenario": {"id": "demo", "version": "1.0", "digest": digest},
        "seed": 1,
        "trainee": trainee,
        "group": "",
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def test_only_the_trainers_token_opens_classes_and_records(server, joined):
    code, game, secret, _ = joined
    for auth in (None, "wrong", secret):
        assert server.call("GET", "/api/classes", auth=auth)[0] == 401
        assert server.call("GET", f"/api/classes/{code}/records/{game}.jsonl", auth=auth)[0] == 401
        assert server.call("GET", f"/api/classes/{code}/events", auth=auth)[0] == 401
        assert server.call("POST", "/api/classes", {"name": "x"}, auth=auth)[0] == 401
    proc = cli("class", "export", "--server", server.url, "--token", "wrong", code, "-o", "/tmp/never-written")
    assert proc.returncode == 1
    assert "token is missing or wrong" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_class_codes_are_long_random_and_checked(server, joined):
    code, game, _, _ = joined
    other = server.new_class("Une autre classe")
    assert other != code and len(other.replace("-", "")) == 16
    # a game's record is only reachable under its own class's code
    assert server.call("GET", f"/api/classes/{other}/records/{game}.jsonl")[0] == 404
    assert server.call("GET", f"/api/classes/{other}/records")[1] == {"games": []}
    status, data = server.call("POST", "/api/classes/AAAA-AAAA-AAAA-AAAA/games", {"header": header()}, auth=None)
    assert (status, data["error"]) == (404, "no class with this code")
    assert server.call("POST", "/api/classes/not-a-code/games", {"header": header()}, auth=None)[0] == 404


def test_only_a_games_own_secret_appends_to_it(server, joined):
    code, game, secret, record = joined
    other = server.call("POST", f"/api/classes/{code}/games", {"header": header()}, auth=None)[1]
    line = json.dumps({"type": "note", "text": "forged"})
    have = len(record.read_bytes().splitlines())
    for auth in (None, "", other["secret"], secret + "x"):
        status, data = server.call("POST", f"/api/games/{game}/lines", {"from": have, "lines": [line]}, auth=auth)
        assert status == 403, data
    # a session id already in the class cannot join again (and so cannot get a secret for it)
    first_line = record.read_bytes().split(b"\n", 1)[0].decode()
    assert server.call("POST", f"/api/classes/{code}/games", {"header": first_line}, auth=None)[0] == 409
    assert server.call("GET", f"/api/classes/{code}/records/{game}.jsonl")[1] == record.read_bytes()


def test_bad_bodies_get_a_4xx_and_never_a_half_written_record(server, joined):
    code, _, _, _ = joined
    made = server.call("POST", f"/api/classes/{code}/games", {"header": header("Bruno")}, auth=None)[1]
    game, secret = made["game"], made["secret"]
    path = f"/api/games/{game}/lines"
    good = json.dumps({"type": "decision", "index": 0, "turn": 0, "cost": 1, "after": {"sens": 50}})
    cases = [
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b"[1, 2]", 400),
        (json.dumps({"from": 1, "lines": "x"}).encode(), 422),
        (json.dumps({"from": 0, "lines": [good]}).encode(), 422),
        (json.dumps({"from": "1", "lines": [good]}).encode(), 422),
        (json.dumps({"from": 1, "lines": [good, "not json"]}).encode(), 422),  # the good line is not kept
        (json.dumps({"from": 1, "lines": [good, "[1]"]}).encode(), 422),
        (json.dumps({"from": 1, "lines": [good, header()]}).encode(), 422),
        (json.dumps({"from": 1, "lines": [good, good + "\n" + good]}).encode(), 422),
        (json.dumps({"from": 1, "lines": ["x" * 70_000]}).encode(), 413),
        (json.dumps({"from": 1, "lines": [good] * 300}).encode(), 413),
        (b"{" + b" " * (1 << 20) + b"}", 413),
        (json.dumps({"from": 5, "lines": [good]}).encode(), 409),  # a gap
    ]
    for body, expected in cases:
        status, data = server.call("POST", path, raw=body, auth=secret)
        assert status == expected, (body[:60], status, data)
        assert isinstance(data["error"], str) and data["error"]
    record = server.call("GET", f"/api/classes/{code}/records/{game}.jsonl")[1]
    assert record.count(b"\n") == 1  # the header alone: nothing of the refused batches
    assert server.call("POST", path, {"from": 1, "lines": [good]}, auth=secret) == (200, {"have": 2})
    assert server.call("POST", path, {"from": 1, "lines": [good]}, auth=secret) == (200, {"have": 2})  # a resend
    changed = good.replace("50", "51")
    assert server.call("POST", path, {"from": 1, "lines": [changed]}, auth=secret)[0] == 409
    # a header that is not a session header, or a scenario the class does not play
    lone_surrogate = header().replace('"Zoé"', '"\\ud800"')  # valid JSON, a name no database can store
    for bad in ("{}", json.dumps({"type": "header"}), header(digest="zz"), header(trainee="x" * 500), lone_surrogate):
        assert server.call("POST", f"/api/classes/{code}/games", {"header": bad}, auth=None)[0] == 422


def test_a_class_can_be_kept_to_one_scenario(server, tmp_path):
    code = server.new_class("Seulement la démo", "--scenario", "demo")
    refused = cli(*play_argv(f"{server.url}/{code}", tmp_path / "a", "Karim", 1, scenario="tutoriel"), stdin="1\n" * 40)
    assert refused.returncode == 0  # the game itself goes on, recorded locally
    assert "this class plays other scenarios" in refused.stderr
    accepted = cli(*play_argv(f"{server.url}/{code}", tmp_path / "b", "Karim", 1), stdin="1\n" * 12)
    assert "Toute la partie est arrivée à la classe." in accepted.stdout
    assert [g["scenario"] for g in server.games(code)] == ["demo"]


def test_garbage_and_dropped_connections_leave_the_server_working(server, joined):
    code, game, _, record = joined
    for junk in (b"\x00\x01garbage\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X: " + b"y" * 100_000 + b"\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
            raw.sendall(junk)
            raw.settimeout(5)
            try:
                answer = raw.recv(100)
            except (ConnectionResetError, TimeoutError):
                answer = b""
            assert not answer.startswith(b"HTTP/1.1 5")
    for _ in range(20):  # a body announced, never finished
        raw = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        raw.sendall(f"POST /api/games/{game}/lines HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{{".encode())
        raw.close()
    assert server.call("GET", "/api/health") == (200, {"ok": True, "app": "partenaires-class"})
    assert server.call("GET", f"/api/classes/{code}/records/{game}.jsonl")[1] == record.read_bytes()


def test_names_are_text_in_the_dashboard_page(server):
    status, page = server.call("GET", "/dashboard", auth=None)
    assert status == 200
    text = page.decode()
    assert ".innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text
    assert "textContent" in text
    assert "https://" not in text and "http://" not in text  # nothing from the internet


def test_exported_records_are_the_local_ones(server, joined, tmp_path):
    code, game, _, record = joined
    proc = cli("class", "export", "--server", server.url, "--token", TOKEN, code, "-o", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert records(tmp_path)[game] == record.read_bytes()


def test_a_mistyped_class_link_is_said_before_the_game_starts(tmp_path):
    proc = cli("play", "--text", "demo", "--class", "http://127.0.0.1:8765/not-a-code", "--out", str(tmp_path / "g"))
    assert proc.returncode == 1
    assert "is not a class link — expected http://HOST:PORT/CODE" in proc.stderr
    assert not (tmp_path / "g").exists()  # no record was started
