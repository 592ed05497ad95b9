"""Crash safety: a game cut at any byte resumes with every finished decision; files appear whole or not at all.

The SIGKILL-then-resume test lives with the records (tests/test_record.py).
Here: every way the last line of a record can be damaged by a crash or a
power cut (cut at each byte, zero-filled tail, junk, a half-written line of
another kind), resumed through the command line; and the write path of every
file the game produces (reports, class debrief, CSV, xAPI): written beside,
fsynced, then renamed over — a failure on the way leaves the old file intact
and no debris.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playing import run_cli

from game.records.record import Recorder, read_log
from game.rules.engine import Engine
from game.scenario.loading import load

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo.yaml"
SEED = 8


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a record of three decisions (the game goes on after them)."""
    engine = Engine(load(DEMO))
    session = engine.new_session(SEED, "Crash", "G1")
    folder = tmp_path_factory.mktemp("record")
    with Recorder.begin(engine, session, folder / "game.jsonl") as recorder:
        for _ in range(3):
            view = engine.view(session)
            engine.choose(session, view.choices[-1].index)
    assert not session.finished
    return recorder.path.read_bytes()


def last_decision_line(raw: bytes) -> tuple[int, int]:
    """Start and end (past the newline) of the last decision line."""
    lines = raw.split(b"\n")
    offset, found = 0, (0, 0)
    for line in lines:
        if line.startswith(b"{") and json.loads(line).get("type") == "decision":
            found = (offset, offset + len(line) + 1)
        offset += len(line) + 1
    return found


DAMAGE = st.one_of(
    st.tuples(st.just("cut"), st.integers(min_value=1, max_value=10_000)),
    st.tuples(st.just("zeros"), st.integers(min_value=1, max_value=4096)),  # a power cut on a journaling FS
    st.tuples(
        st.just("junk"),
        st.binary(min_size=1, max_size=64).filter(
            lambda b: b"\n" not in b and b.strip() != b"" and not b.strip().startswith(b"{")
        ),
    ),
    st.tuples(st.just("not_an_object"), st.sampled_from([b"[1, 2]", b'"decision"', b"42", b"null"])),
)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(damage=DAMAGE)
def test_a_damaged_last_line_costs_only_that_line(
    tmp_path_factory: pytest.TempPathFactory, record: bytes, damage: tuple[str, Any]
):
    start, end = last_decision_line(record)
    kind, value = damage
    if kind == "cut":
        damaged = record[: start + 1 + value % (end - start - 2)]  # inside the line, before its newline
    elif kind == "zeros":
        damaged = record[:start] + b"\x00" * value
    else:
        damaged = record[:start] + value
    path = tmp_path_factory.mktemp("damaged") / "game.jsonl"
    path.write_bytes(damaged)
    whole = read_log_bytes(record, path.parent)

    log = read_log(path)
    assert log.decisions == whole.decisions[:-1]
    assert len(log.warnings) == 1 and f"{path}:" in log.warnings[0]

    code, out, err = run_cli(["play", "--text", "--resume", str(path)], stdin="1\n" * 20)
    assert code == 0, err
    assert "Traceback" not in out + err
    after = read_log(path)
    assert after.warnings == []
    assert after.decisions[: len(log.decisions)] == log.decisions
    assert after.finished
    engine = Engine(load(DEMO))
    replayed = engine.replay(SEED, after.choices)
    assert replayed.ending == after.ending["ending"]


def read_log_bytes(raw: bytes, folder: Path) -> Any:
    path = folder / "whole.jsonl"
    path.write_bytes(raw)
    return read_log(path)


def test_resume_tells_the_player_a_line_was_lost(tmp_path: Path, record: bytes):
    start, end = last_decision_line(record)
    path = tmp_path / "game.jsonl"
    path.write_bytes(record[: start + 10])
    code, out, err = run_cli(["play", "--text", "--resume", str(path)], stdin="1\n" * 20)
    assert code == 0
    assert f"{path}:" in out + err and ("cut" in out + err or "coupée" in out + err)


# -- atomic writes ---------------------------------------------------------------------------------------------
class Spy:
    """Records fsyncs (by file path) and renames, in order, while letting them happen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, str, str]] = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd: int) -> None:
            self.calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"), ""))
            real_fsync(fd)

        def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            self.calls.append(("replace", os.path.abspath(src), os.path.abspath(dst)))
            real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)

    def assert_atomic(self, target: Path) -> None:
        """`target` was produced by renaming a file that had been fsynced, in the same folder."""
        renames = [c for c in self.calls if c[0] == "replace" and c[2] == str(target.resolve())]
        assert renames, f"{target.name} was not written through a rename: {self.calls}"
        src = renames[-1][1]
        index = self.calls.index(renames[-1])
        assert ("fsync", src, "") in self.calls[:index], f"{target.name}: renamed before being fsynced"
        assert Path(src).parent == target.resolve().parent


@pytest.fixture
def finished_log(tmp_path: Path) -> Path:
    engine = Engine(load(DEMO))
    session = engine.new_session(3, "<script>alert(1)</script>", "G1")
    with Recorder.begin(engine, session, tmp_path / "done.jsonl") as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    return recorder.path


def test_report_files_are_written_atomically(monkeypatch: pytest.MonkeyPatch, finished_log: Path, tmp_path: Path):
    spy = Spy(monkeypatch)
    out = tmp_path / "out"
    code, stdout, err = run_cli(["report", str(finished_log), "-o", str(out), "--xapi"])
    assert code == 0, err
    for name in ("done.html", "done.json", "done.xapi.jsonl"):
        spy.assert_atomic(out / name)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_class_debrief_and_csv_are_written_atomically(
    monkeypatch: pytest.MonkeyPatch, finished_log: Path, tmp_path: Path
):
    spy = Spy(monkeypatch)
    html, csv = tmp_path / "class.html", tmp_path / "class.csv"
    code, stdout, err = run_cli(["debrief", str(finished_log), "-o", str(html), "--csv", str(csv)])
    assert code == 0, err
    spy.assert_atomic(html)
    spy.assert_atomic(csv)


def test_a_failed_rename_leaves_the_old_report_whole_and_no_debris(
    monkeypatch: pytest.MonkeyPatch, finished_log: Path, tmp_path: Path
):
    out = tmp_path / "out"
    assert run_cli(["report", str(finished_log), "-o", str(out)])[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def crash(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    code, stdout, err = run_cli(["report", str(finished_log), "-o", str(out), "--lang", "en"])
    assert code != 0 and "Traceback" not in stdout + err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_each_decision_is_fsynced_before_the_game_goes_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    engine = Engine(load(DEMO))
    session = engine.new_session(4)
    path = tmp_path / "sync.jsonl"
    with Recorder.begin(engine, session, path):
        spy = Spy(monkeypatch)
        for number in range(1, 4):
            engine.choose(session, engine.view(session).choices[0].index)
            synced = [c for c in spy.calls if c[0] == "fsync" and c[1] == str(path.resolve())]
            assert len(synced) >= number
            assert len(read_log(path).decisions) == number
