"""`class serve --lrs`: games forwarded live, as xAPI statements, to a real learning record store (Ralph).

Ralph pins its own web stack, so it runs from its own venv as a separate process: PARTENAIRES_TEST_RALPH
names that venv's python (.ci/run makes it).
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import subprocess
from pathlib import Path

from classroom import Server, cli, free_port, needed, play_argv, server_stack, wait_for

server_stack()


def ralph(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    python = os.environ.get("PARTENAIRES_TEST_RALPH", "")
    needed("Ralph (an LRS)", not python or not Path(python).exists(), "set PARTENAIRES_TEST_RALPH to its venv's python")
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(tmp_path / "ralph"),
        "RALPH_AUTH_FILE": str(tmp_path / "ralph" / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(tmp_path / "ralph" / "data"),
    }
    (tmp_path / "ralph").mkdir()
    made = subprocess.run(
        [
            python,
            "-m",
            "ralph",
            "auth",
            "-u",
            "school",
            "-p",
            "secret",
            "-s",
            "all",
            "-M",
            "mailto:lrs@example.org",
            "-w",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    port = free_port()
    log = open(tmp_path / "ralph.log", "wb")
    proc = subprocess.Popen(
        [python, "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    wait_for(lambda: _statements(port) is not None, timeout=60, what="Ralph to start")
    return proc, port


def _statements(port: int) -> list[dict] | None:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        auth = "Basic " + base64.b64encode(b"school:secret").decode()
        conn.request(
            "GET", "/xAPI/statements/?limit=500", headers={"Authorization": auth, "X-Experience-API-Version": "1.0.3"}
        )
        response = conn.getresponse()
        body = response.read()
        conn.close()
    except OSError:
        return None
    return json.loads(body)["statements"] if response.status == 200 else None


def test_a_class_game_reaches_the_schools_lrs_as_report_xapi_would_write_it(tmp_path):
    lrs, port = ralph(tmp_path)
    lrs_args = ["--lrs", f"http://127.0.0.1:{port}/xAPI", "--lrs-auth", "school:secret"]
    server = Server(f"sqlite:///{tmp_path / 'classe.db'}", tmp_path, lrs_args)
    try:
        server.start()
        code = server.new_class()
        proc = cli(*play_argv(f"{server.url}/{code}", tmp_path / "games", "Léa", 3), stdin="1\n" * 12)
        assert proc.returncode == 0, proc.stderr
        (record,) = (tmp_path / "games").glob("*.jsonl")
        local = cli("report", str(record), "--xapi", "-o", str(tmp_path / "report.html"))
        assert local.returncode == 0, local.stderr
        expected = [json.loads(line) for line in (tmp_path / "report.xapi.jsonl").read_text().splitlines()]
        wanted = {s["id"] for s in expected}

        def arrived() -> list[dict] | None:
            found = [s for s in _statements(port) or [] if s["id"] in wanted]
            return found if len(found) == len(wanted) else None

        stored = wait_for(arrived, timeout=60, what="every statement in the LRS")
        by_id = {s["id"]: s for s in stored}
        for statement in expected:
            got = by_id[statement["id"]]
            assert got["verb"] == statement["verb"] and got["object"]["id"] == statement["object"]["id"]
            assert got.get("result") == statement.get("result")
        assert len(_statements(port) or []) == len(wanted)  # nothing sent twice
    finally:
        server.stop()
        lrs.terminate()
        lrs.wait(15)
