"""Session records: written as played, read back, resumed — even after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.cli import main
from game.errors import RecordError
from game.records.record import FORMAT, Recorder, latest_session, read_log, resume, sessions_folder
from game.rules.engine import Engine
from game.scenario.loading import load

ROOT = Path(__file__).resolve().parent.parent


def play(engine: Engine, session, picks: list[int] | None = None, until: int | None = None) -> None:
    """Take the n-th offered choice (0 = first) for each pick, or the first one, until the end or `until`."""
    step = 0
    while not session.finished and (until is None or step < until):
        view = engine.view(session)
        pick = picks[step] if picks and step < len(picks) else 0
        engine.choose(session, view.choices[min(pick, len(view.choices) - 1)].index)
        step += 1


@pytest.fixture
def engine(demo_book) -> Engine:
    return Engine(demo_book)


def test_header_names_the_exact_scenario_and_who_plays(engine, tmp_path):
    session = engine.new_session(7, "Zoé", "DEIS 2", "en")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        pass
    header = read_log(recorder.path).header
    assert header["format"] == FORMAT
    assert header["scenario"] == {
        "id": "demo",
        "version": engine.book.model.version,
        "digest": engine.book.digest,
        "path": str(engine.book.path.resolve()),
    }
    assert (header["seed"], header["trainee"], header["group"], header["lang"]) == (7, "Zoé", "DEIS 2", "en")
    assert header["start"] is None and header["set"] == {}
    assert len(header["session_id"]) == 36 and header["started_at"].endswith("Z")
    assert header["app"]["name"] == "partenaires"
    assert recorder.path.parent == tmp_path and "zoe" in recorder.path.name


def test_every_decision_is_on_disk_before_the_next_scene(engine, tmp_path):
    session = engine.new_session(3, "A")
    recorder = Recorder.begin(engine, session, tmp_path)
    count = 0
    while not session.finished:
        play(engine, session, until=1)
        count += 1
        log = read_log(recorder.path)  # read while the file is still open for writing
        assert [d["index"] for d in log.decisions] == list(range(count))
    recorder.close()
    log = read_log(recorder.path)
    assert log.ending is not None and log.ending["ending"] == session.ending
    assert log.choices == [d.choice for d in session.history]
    assert [d["after"] for d in log.decisions] == [d.after for d in session.history]


def test_out_can_name_the_file_and_an_existing_file_is_not_overwritten(engine, tmp_path):
    target = tmp_path / "sub" / "mine.jsonl"
    Recorder.begin(engine, engine.new_session(1), target).close()
    assert target.exists()
    with pytest.raises(RecordError, match="already exists"):
        Recorder.begin(engine, engine.new_session(1), target)


def test_default_folder_is_the_users_data_folder(engine, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Recorder.begin(engine, engine.new_session(1)) as recorder:
        pass
    assert recorder.path.parent == sessions_folder() == tmp_path / "data" / "partenaires" / "sessions"


def test_truncated_last_line_is_skipped_with_a_warning(engine, tmp_path):
    session = engine.new_session(5, "B")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, until=2)
    with open(recorder.path, "a", encoding="utf-8") as handle:
        handle.write('{"type":"decision","index":2,"turn":')  # the kill happened mid-write
    log = read_log(recorder.path)
    assert len(log.decisions) == 2
    assert len(log.warnings) == 1 and "last line" in log.warnings[0] and str(recorder.path) in log.warnings[0]


def test_resume_trims_the_cut_line_and_appends_cleanly(engine, tmp_path):
    session = engine.new_session(5, "B")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, until=2)
    with open(recorder.path, "ab") as handle:
        handle.write(b'{"type":"deci')
    _, resumed, again = resume(recorder.path)
    with again:
        play(engine=again.session.engine, session=resumed)
    log = read_log(recorder.path)
    assert log.warnings == [] and log.finished and len(log.decisions) == len(resumed.history)


def test_damage_before_the_last_line_is_refused(engine, tmp_path):
    session = engine.new_session(5)
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, until=3)
    lines = recorder.path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:20]
    recorder.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r":2: damaged line"):
        read_log(recorder.path)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b'{"type":"decision"}\n', "not a Partenaires session record"),
        (b"hello\n", "1: damaged line"),
    ],
)
def test_not_a_record(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(RecordError, match=message):
        read_log(path)


def test_resume_gives_back_the_same_game(engine, tmp_path):
    picks = [0, 1, 0, 0, 2, 0, 0]
    whole = engine.new_session(11, "C", "G", "fr")
    play(engine, whole, picks)
    session = engine.new_session(11, "C", "G", "fr")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, picks, until=2)
    engine2, resumed, recorder2 = resume(recorder.path)
    assert resumed.to_dict() == session.to_dict()
    with recorder2:
        play(engine2, resumed, picks[2:])
    assert resumed.to_dict()["history"] == whole.to_dict()["history"]
    assert (resumed.ending, resumed.gauges) == (whole.ending, whole.gauges)
    kinds = [json.loads(line)["type"] for line in recorder.path.read_text(encoding="utf-8").splitlines()]
    assert kinds[0] == "header" and "resumed" in kinds and kinds[-1] == "ending"


def test_trainer_start_and_gauges_are_replayed(engine, tmp_path):
    session = engine.new_session(2, start="habitants", gauges={"sens": 80})
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, until=1)
    header = read_log(recorder.path).header
    assert header["start"] == "habitants" and header["set"] == {"sens": 80}
    _, resumed, again = resume(recorder.path)
    again.close()
    assert resumed.to_dict() == session.to_dict()


def test_resume_refuses_a_changed_scenario(tmp_path, demo_path):
    copy = tmp_path / "demo.yaml"
    copy.write_text(demo_path.read_text(encoding="utf-8") + "# a trainer's copy\n", encoding="utf-8")
    engine = Engine(load(copy))
    session = engine.new_session(4)
    with Recorder.begin(engine, session, tmp_path) as recorder:
        play(engine, session, until=1)
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("sens: 8, identite: 4", "sens: 9, identite: 4"), encoding="utf-8"
    )
    with pytest.raises(RecordError, match="has changed since"):
        resume(recorder.path)


def test_latest_session_prefers_unfinished_ones(engine, tmp_path):
    done = engine.new_session(1)
    with Recorder.begin(engine, done, tmp_path / "a.jsonl"):
        play(engine, done)
    pending = engine.new_session(2)
    with Recorder.begin(engine, pending, tmp_path / "b.jsonl"):
        play(engine, pending, until=1)
    os.utime(tmp_path / "a.jsonl", ns=(2 * 10**18, 2 * 10**18))  # the finished one is the most recent
    (tmp_path / "junk.jsonl").write_text("not json\n", encoding="utf-8")
    assert latest_session(tmp_path) == tmp_path / "b.jsonl"
    assert latest_session(tmp_path, unfinished=False) == tmp_path / "a.jsonl"
    assert latest_session(tmp_path / "empty-does-not-exist") is None


def test_text_mode_records_and_reports(tmp_path, monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n" * 12))
    assert main(["play", "--text", "demo", "--seed", "9", "--name", "Dora", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    [log] = list(tmp_path.glob("*.jsonl"))
    assert f"Partie enregistrée dans {log}" in out
    assert f"Rapport de débriefing écrit\u00a0: {log.with_suffix('.html')}" in out
    assert read_log(log).finished and log.with_suffix(".json").exists()


def test_resume_without_a_file_takes_the_latest_unfinished(tmp_path, monkeypatch, capsys):
    import io

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n1\n"))
    assert main(["play", "--text", "demo", "--seed", "9"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n" * 12))
    assert main(["play", "--text", "--resume"]) == 0
    out = capsys.readouterr().out
    assert "Reprise de la partie après 2 décision(s)." in out
    [log] = list(sessions_folder().glob("*.jsonl"))
    assert read_log(log).finished
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["play", "--text", "--resume", "--lang", "en"]) == 1
    assert "no unfinished session to resume" in capsys.readouterr().err


def _wait_for_decisions(path: Path, count: int, proc: subprocess.Popen) -> None:
    """Until the record holds `count` decisions (the game fsyncs before showing the next scene)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if path.exists():
            try:
                if len(read_log(path).decisions) >= count:
                    return
            except RecordError:
                pass
        assert proc.poll() is None, "the game stopped early"
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {count} decisions")


def test_a_killed_game_resumes_with_no_decision_lost(tmp_path):
    log = tmp_path / "killed.jsonl"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "game", "play", "--text", "demo", "--seed", "21", "--out", str(log)]
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path, env=env
    )
    assert proc.stdin is not None
    for count, line in enumerate([b"1\n", b"2\n"], start=1):  # fed slowly: one choice, wait for it on disk
        proc.stdin.write(line)
        proc.stdin.flush()
        _wait_for_decisions(log, count, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdin.close()
    assert proc.stderr is not None
    with proc.stderr:
        assert proc.stderr.read() == b""
    before = read_log(log)
    assert len(before.decisions) == 2 and not before.finished

    rest = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "--resume", str(log)],
        input=b"1\n" * 12,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert "Reprise de la partie après 2 décision(s)." in rest.stdout.decode("utf-8")
    after = read_log(log)
    assert after.finished and after.decisions[:2] == before.decisions

    engine = Engine(load(ROOT / "scenarios" / "demo.yaml"))
    whole = engine.replay(21, after.choices)
    assert [d.to_dict() for d in whole.history] == [
        {k: v for k, v in d.items() if k not in ("type", "at")} for d in after.decisions
    ]
    assert whole.ending == after.ending["ending"]
