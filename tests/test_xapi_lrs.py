"""xAPI statements against a real learning record store: Ralph (ralph-malph), run as a separate process.

Ralph pins its own web stack, so it lives in its own venv: `.ci/run` makes it in `.ralph-venv`
(and points `PARTENAIRES_TEST_RALPH` at the `python` of a venv that has `ralph-malph[lrs]`). Where it is
missing the test is skipped with the reason, except on CI (`CI=true`), where it must run.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from game.records.record import Recorder
from game.reports.report import build_report
from game.reports.xapi import statements, validate_statement
from game.rules.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {
    "X-Experience-API-Version": "1.0.3",
    "Authorization": "Basic " + base64.b64encode(b"trainer:secret").decode(),
}


def _ralph() -> Path:
    python = Path(os.environ.get("PARTENAIRES_TEST_RALPH") or ROOT / ".ralph-venv" / "bin" / "python")
    found = python.exists() and (python.parent / "ralph").exists()
    if not found:
        reason = f"Ralph LRS not installed ({python}); .ci/run sets it up"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return python


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _call(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    headers = {**HEADERS, "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


@pytest.fixture
def lrs(tmp_path):
    python = _ralph()
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(tmp_path / "app"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(tmp_path / "data"),
    }
    subprocess.run(
        [
            str(python.parent / "ralph"),
            "auth",
            "-u",
            "trainer",
            "-p",
            "secret",
            "-s",
            "all",
            "-M",
            "mailto:t@x.org",
            "-w",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(
        [str(python), "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/xAPI/statements"
    try:
        for _ in range(150):
            try:
                if _call(url + "?limit=1")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail("Ralph did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_ralph_accepts_every_statement_and_gives_it_back(lrs, demo_book, tmp_path):
    from game.records.record import resume

    engine = Engine(demo_book)
    sent = []
    # a finished game, a pseudonymous one, and one paused, resumed and left unfinished
    for seed, pseudonym in ((1, False), (2, True)):
        session = engine.new_session(seed, "Léa", "DEIS 1", "fr")
        with Recorder.begin(engine, session, tmp_path / f"{seed}.jsonl") as recorder:
            while not session.finished:
                engine.choose(session, engine.view(session).choices[0].index)
        sent += statements(build_report(recorder.path), "https://lrs.school.example/partenaires", pseudonym)
    session = engine.new_session(3, "Léa", "DEIS 1", "en")
    with Recorder.begin(engine, session, tmp_path / "3.jsonl") as recorder:
        engine.choose(session, engine.view(session).choices[0].index)
    engine2, session2, recorder2 = resume(recorder.path)
    with recorder2:
        engine2.choose(session2, engine2.view(session2).choices[0].index)
    sent += statements(build_report(recorder.path), "https://lrs.school.example/partenaires")
    assert {s["verb"]["display"]["en"] for s in sent} >= {"suspended", "resumed", "completed", "selected"}
    assert all(validate_statement(s) == [] for s in sent)
    # one request: Ralph's file backend writes its store once
    code, body = _call(lrs, json.dumps(sent).encode())
    assert code == 200, body[:500]
    assert json.loads(body) == [s["id"] for s in sent]
    code, body = _call(lrs + "?limit=500")
    assert code == 200
    stored = {s["id"]: s for s in json.loads(body)["statements"]}
    assert set(stored) == {s["id"] for s in sent}
    for statement in sent:
        back = stored[statement["id"]]
        for key in ("actor", "verb", "object", "result"):
            assert back.get(key) == statement.get(key), (key, statement["verb"]["display"]["en"])
        assert back["context"]["registration"] == statement["context"]["registration"]
        assert back["context"]["contextActivities"]["category"] == statement["context"]["contextActivities"]["category"]
