"""Hostile and unlucky input around files, processes and streams (issue: no traceback, no hang, no lost record).

Where the failure is about processes, files or streams, the test runs the real thing: a second
`partenaires` process, a FIFO, `/dev/zero`, a 64 KB tmpfs (or `/dev/full`) for the full disk.
Every process gets a timeout: a hang is a failure, not a stuck test run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playing import run_cli

from game.errors import RecordError
from game.records.record import FORMAT, Recorder, read_log, replay_log, resume
from game.rules.engine import Engine
from game.safeio import FileRefused, printable, read_limited
from game.textmode.game import choice_number

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo.yaml"


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}


def _cli(tmp_path: Path, *argv: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "game", *argv],
        input=stdin,
        capture_output=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=timeout,
    )


def _start_game(tmp_path: Path, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "game", "play", "--text", "demo", "--seed", "21", "--out", str(log), *extra]
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=_env(tmp_path),
    )


def _wait_for(log: Path, count: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if len(read_log(log).decisions) >= count:
                return
        except RecordError:
            pass
        assert proc.poll() is None, "the game stopped early"
        time.sleep(0.02)
    raise AssertionError(f"{log} never reached {count} decisions")


def _finished_record(tmp_path: Path, name: str = "done.jsonl", seed: int = 4) -> Path:
    engine = Engine(__import__("game.scenario.loading", fromlist=["load"]).load(DEMO))
    session = engine.new_session(seed, "Alex")
    with Recorder.begin(engine, session, tmp_path / name) as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    return recorder.path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_lines(path: Path, entries: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


# -- 1. one writer per record ----------------------------------------------------------------------------
def test_resuming_a_record_whose_game_is_still_running_is_refused(tmp_path):
    log = tmp_path / "running.jsonl"
    game = _start_game(tmp_path, log)
    try:
        assert game.stdin is not None
        game.stdin.write(b"1\n")
        game.stdin.flush()
        _wait_for(log, 1, game)
        second = _cli(tmp_path, "play", "--text", "--resume", str(log), stdin=b"1\n" * 12)
        assert second.returncode == 1
        err = second.stderr.decode()
        assert "another game is writing this session record" in err and "Traceback" not in err
        latest = _cli(tmp_path, "play", "--text", "--lang", "en", "--resume", "--out", str(tmp_path), stdin=b"1\n")
        assert latest.returncode == 1 and "no unfinished session to resume" in latest.stderr.decode()
    finally:
        game.send_signal(signal.SIGKILL)
        game.wait()
        assert game.stdin is not None and game.stderr is not None
        game.stdin.close()
        game.stderr.close()
    assert len(read_log(log).decisions) == 1  # untouched by the refused writer


def test_two_concurrent_resumes_one_writes_and_the_record_stays_whole(tmp_path):
    log = tmp_path / "twice.jsonl"
    game = _start_game(tmp_path, log)
    assert game.stdin is not None and game.stderr is not None
    game.stdin.write(b"1\n")
    game.stdin.flush()
    _wait_for(log, 1, game)
    game.send_signal(signal.SIGKILL)  # the lock dies with the process
    game.wait()
    game.stdin.close()
    game.stderr.close()
    command = [sys.executable, "-m", "game", "play", "--text", "--resume", str(log)]
    first = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=_env(tmp_path),
    )
    try:
        deadline = time.monotonic() + 30
        while b'"resumed"' not in log.read_bytes():  # the first resume holds the record, waiting for a choice
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.02)
        second = _cli(tmp_path, "play", "--text", "--resume", str(log), stdin=b"2\n" * 14)
        assert second.returncode == 1 and "another game is writing" in second.stderr.decode()
        _, err = first.communicate(b"2\n" * 14, timeout=60)
        assert first.returncode == 0, err.decode()
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
    after = read_log(log)
    assert after.finished and after.warnings == []
    replay_log(after)  # replays to its own ending


def test_a_record_is_released_when_its_writer_closes(tmp_path, demo_book):
    engine = Engine(demo_book)
    recorder = Recorder.begin(engine, engine.new_session(3), tmp_path / "r.jsonl")
    with pytest.raises(RecordError, match="another game is writing"):
        resume(recorder.path)
    recorder.close()
    _, _, again = resume(recorder.path)
    again.close()


# -- 2. whatever changes the start is recorded -------------------------------------------------------------
def test_set_turn_is_recorded_replayed_and_reported(tmp_path):
    log = tmp_path / "late.jsonl"
    done = _cli(
        tmp_path,
        "play",
        "--text",
        "demo",
        "--seed",
        "3",
        "--set",
        "turn=5",
        "--set",
        "sens=70",
        "--out",
        str(log),
        stdin=b"1\n" * 40,
    )
    assert done.returncode == 0, done.stderr.decode()
    header = read_log(log).header
    assert header["format"] == FORMAT and header["set"] == {"turn": 5, "sens": 70}
    assert log.with_suffix(".html").exists()  # the report could replay it
    _, session = replay_log(read_log(log))
    assert session.finished and session.history[0].turn == 5


def test_a_crashed_late_start_game_resumes(tmp_path):
    log = tmp_path / "late.jsonl"
    game = _start_game(tmp_path, log, "--set", "turn=4")
    assert game.stdin is not None and game.stderr is not None
    game.stdin.write(b"1\n")
    game.stdin.flush()
    _wait_for(log, 1, game)
    game.send_signal(signal.SIGKILL)
    game.wait()
    game.stdin.close()
    game.stderr.close()
    rest = _cli(tmp_path, "play", "--text", "--resume", str(log), stdin=b"1\n" * 40)
    assert rest.returncode == 0, rest.stderr.decode()
    assert read_log(log).finished


def test_records_of_the_previous_format_still_load(tmp_path, demo_book):
    path = _finished_record(tmp_path)
    entries = _lines(path)
    header = dict(entries[0], format="partenaires-session/1", gauges=entries[0].pop("set"))
    old = _write_lines(tmp_path / "old.jsonl", [header, *entries[1:]])
    _, session = replay_log(read_log(old))
    assert session.finished


def test_resume_never_appends_after_an_ending_the_replay_does_not_reach(tmp_path):
    path = _finished_record(tmp_path)
    entries = _lines(path)
    last = max(i for i, e in enumerate(entries) if e["type"] == "decision")
    cut = _write_lines(tmp_path / "cut.jsonl", entries[:last] + entries[last + 1 :])
    before = cut.read_bytes()
    with pytest.raises(RecordError, match="do not reach an ending"):
        resume(cut)
    assert cut.read_bytes() == before


# -- 3. only regular files, read with a limit --------------------------------------------------------------
def test_special_files_are_refused_without_reading_them(tmp_path):
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        done = _cli(tmp_path, "check", "--lang", "en", target, timeout=30)
        assert done.returncode == 1
        assert "expected a regular file" in done.stdout.decode() + done.stderr.decode()
    with pytest.raises(FileRefused, match="named pipe"):
        read_limited(fifo, 100)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileRefused, match="too large"):
        read_limited(big, 100)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_record_naming_a_special_file_as_its_scenario_is_reported_from_the_builtin(tmp_path, special):
    path = _finished_record(tmp_path)
    target = tmp_path / "pipe.yaml"
    if special == "fifo":
        os.mkfifo(target)
    else:
        target = Path(special)
    entries = _lines(path)
    entries[0]["scenario"]["path"] = str(target)
    _write_lines(path, entries)
    done = _cli(tmp_path, "report", str(path), timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    damaged = _write_lines(tmp_path / "second.jsonl", [{**entries[0], "lang": 5}])
    os.mkfifo(tmp_path / "third.jsonl")
    debrief = _cli(tmp_path, "debrief", str(tmp_path), "-o", str(tmp_path / "out"), timeout=60)
    assert debrief.returncode == 0, debrief.stderr.decode()
    assert damaged.name in debrief.stdout.decode() and "third.jsonl" in debrief.stdout.decode()


def test_the_window_preferences_may_be_a_fifo(tmp_path):
    fifo = tmp_path / "window.json"
    os.mkfifo(fifo)
    code = (
        "from pathlib import Path; from game.ui.settings import Settings; "
        f"print(Settings.load(Path({str(fifo)!r})).lang)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30, env=_env(tmp_path))
    assert done.stdout.decode().strip() == "fr"


def test_an_oversized_record_is_refused_before_reading(tmp_path):
    from game.records import record

    path = _finished_record(tmp_path)
    with path.open("ab") as out:
        out.truncate(record.MAX_RECORD_BYTES + 1)
    with pytest.raises(RecordError, match="too large"):
        read_log(path)


# -- 7. tampered or damaged records: every field validated, located ---------------------------------------
@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("seed", "seven", "`seed`"),
        ("seed", True, "`seed`"),
        ("seed", 1.5, "`seed`"),
        ("set", {"sens": "high"}, "`set`"),
        ("set", [1], "`set`"),
        ("set", {"sens": 10**20}, "`set`"),
        ("scenario", "demo", "`scenario`"),
        ("scenario", {"id": 3, "digest": "x"}, "`scenario.id`"),
        ("start", 12, "`start`"),
        ("trainee", {"a": 1}, "`trainee`"),
        ("lang", "xx", "`lang`"),
        ("lang", ["fr"], "`lang`"),
        ("app", "1.0", "`app`"),
        ("app", {"version": 2}, "`app`"),
    ],
)
def test_a_tampered_header_field_is_named(tmp_path, field, value, named):
    entries = _lines(_finished_record(tmp_path))
    entries[0][field] = value
    bad = _write_lines(tmp_path / "bad.jsonl", entries)
    with pytest.raises(RecordError) as caught:
        read_log(bad)
    assert f"{bad}:1: damaged header" in str(caught.value) and named in str(caught.value)


def test_deep_json_and_wrong_decision_types_are_located(tmp_path):
    entries = _lines(_finished_record(tmp_path))
    deep = tmp_path / "deep.jsonl"
    text = [json.dumps(e) for e in entries]
    text[1] = '{"type": "note", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    deep.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"deep.jsonl:2: damaged line.*nested"):
        read_log(deep)
    decision = next(i for i, e in enumerate(entries) if e["type"] == "decision")
    entries[decision]["choice"] = "1"
    with pytest.raises(RecordError, match=rf":{decision + 1}: damaged decision"):
        read_log(_write_lines(tmp_path / "types.jsonl", entries))
    entries[decision].update(choice=0, index=10**20)
    with pytest.raises(RecordError, match="a very large number"):
        read_log(_write_lines(tmp_path / "huge.jsonl", entries))
    huge = _write_lines(tmp_path / "digits.jsonl", entries)
    huge.write_text(huge.read_text(encoding="utf-8").replace(str(10**20), "9" * 5000), encoding="utf-8")
    with pytest.raises(RecordError, match=rf"digits.jsonl:{decision + 1}: damaged line"):
        read_log(huge)


def test_an_unknown_start_scene_is_a_located_record_error(tmp_path):
    entries = _lines(_finished_record(tmp_path))
    entries[0]["start"] = "nowhere"
    bad = _write_lines(tmp_path / "start.jsonl", entries)
    with pytest.raises(RecordError, match=r"start.jsonl:1: .*unknown scene `nowhere`"):
        replay_log(read_log(bad))


def test_one_damaged_record_never_stops_a_class_debrief(tmp_path):
    good = _finished_record(tmp_path, "good.jsonl")
    entries = _lines(good)
    for name, change in [
        ("seed.jsonl", {"seed": "x"}),
        ("start.jsonl", {"start": "nowhere"}),
        ("lang.jsonl", {"lang": 5}),
    ]:
        _write_lines(tmp_path / name, [{**entries[0], **change}, *entries[1:]])
    code, out, err = run_cli(["debrief", str(tmp_path), "-o", str(tmp_path / "out")])
    assert code == 0, err
    assert "1 session(s)" in out and out.count("left out:") == 3


def test_the_window_continue_survives_a_damaged_record(tmp_path):
    import pygame  # noqa: F401  (the window's own test set-up)

    from game.ui.app import App
    from game.ui.screens.title import TitleScreen

    entries = _lines(_finished_record(tmp_path))
    unfinished = [e for e in entries if e["type"] not in ("ending",)][:3]
    bad = _write_lines(tmp_path / "bad.jsonl", [{**unfinished[0], "start": "nowhere"}, *unfinished[1:]])
    app = App((1024, 640), "fr", record=True, records_dir=tmp_path)
    try:
        app.continue_game(bad)
        assert isinstance(app.screen, TitleScreen)
        assert "nowhere" in str(app.toasts[0][0])
    finally:
        app.close()


# -- 11. text-mode input -----------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["²", "٣", "9" * 5000, "1e3", "-1", "0", "+1", " ", "１"])
def test_any_input_that_is_not_a_choice_gets_the_plain_sentence(typed):
    assert choice_number(typed, 3) is None


def test_text_mode_answers_odd_keys_and_huge_numbers(tmp_path):
    stdin = "²\n" + "9" * 5000 + "\n?\nq\n"
    code, out, err = run_cli(["play", "--text", "demo", "--seed", "1", "--out", str(tmp_path)], stdin=stdin)
    assert code == 0 and err == ""
    assert out.count("tapez un nombre de 1 à") == 2 and "…" in out


# -- 13. terminal escape sequences are shown, never obeyed -------------------------------------------------
def test_escape_sequences_in_a_scenario_never_reach_the_terminal(tmp_path):
    text = DEMO.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.lstrip().startswith("fr:"))
    evil = title_line.split("fr:")[0] + 'fr: "\\e[2J\\e]52;c;aGk=\\a\\x9b31m Titre"'
    scenario = tmp_path / "evil.yaml"
    scenario.write_text(text.replace(title_line, evil, 1), encoding="utf-8")
    done = _cli(tmp_path, "play", "--text", str(scenario), "--seed", "1", "--out", str(tmp_path), stdin=b"q\n")
    output = done.stdout + done.stderr
    assert b"\x1b" not in output and b"\x07" not in output and "\x9b".encode() not in output
    assert done.returncode == 0 and b"\\x1b]52;c;aGk=" in output


def test_record_values_reach_report_and_debrief_messages_neutralised(tmp_path):
    entries = _lines(_finished_record(tmp_path))
    _write_lines(tmp_path / "evil\x1b[2J.jsonl", [{**entries[0], "seed": "\x1b]52;c;aGk=\x07"}])
    _finished_record(tmp_path, "fine.jsonl")
    done = _cli(tmp_path, "debrief", str(tmp_path), "-o", str(tmp_path / "out"))
    assert done.returncode == 0
    assert b"\x1b" not in done.stdout + done.stderr and b"evil\\x1b[2J" in done.stdout


def test_printable_keeps_text_and_lines():
    assert printable("Zoé — « ok » \u202f!\n\tsuite") == "Zoé — « ok » \u202f!\n\tsuite"
    assert printable("a\rb\x1b[2J\u202e") == "a\\x0db\\x1b[2J\\u202e"
    assert printable("a\nb", one_line=True) == "a\\nb"


# -- 14. ordinary I/O errors: one line naming the file and the cause ---------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB tmpfs when this process may mount one (root on Linux); else None and the test skips."""
    where = tmp_path / "small"
    where.mkdir()
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if os.geteuid() != 0 or not mount or not umount:
        yield None
        return
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run([umount, "-l", str(where)], capture_output=True)  # lazy: even if a failed test left a file open


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as out, pytest.raises(OSError):
        while True:
            out.write(b"\0" * 4096)


@pytest.fixture
def full_disk(small_disk):
    """The 64 KB tmpfs, filled; None when no tmpfs can be mounted (the output test uses /dev/full)."""
    if small_disk is not None:
        _fill(small_disk)
    return small_disk


def test_a_full_disk_during_a_game_stops_it_with_one_sentence_and_keeps_what_was_written(small_disk):
    from game.scenario.loading import load

    engine = Engine(load(ROOT / "scenarios" / "chalon-chantier-insertion.yaml"))  # a long game: 4 KB pages fill
    session = engine.new_session(5, "Alex")
    if small_disk is None:  # no tmpfs here: the same writer on /dev/full, whose every write fails
        stream = open("/dev/full", "w", encoding="utf-8")  # closed by the recorder
        recorder = Recorder(Path("/dev/full"), session, stream, "0")
        with pytest.raises(RecordError, match=r"/dev/full: No space left on device — the game stops here"):
            engine.choose(session, engine.view(session).choices[0].index)
        recorder.close()
        return
    recorder = Recorder.begin(engine, session, small_disk / "game.jsonl")
    engine.choose(session, engine.view(session).choices[0].index)
    _fill(small_disk)
    with pytest.raises(RecordError, match=r"game.jsonl: No space left on device — the game stops here"):
        while True:  # lines still fit in the record's last allocated page, then the disk is full
            engine.choose(session, engine.view(session).choices[0].index)
    recorder.close()
    kept = read_log(small_disk / "game.jsonl")
    assert len(kept.decisions) >= 1


def test_a_game_that_cannot_record_says_so_before_the_first_decision(tmp_path, full_disk):
    if full_disk is None:
        pytest.skip("no tmpfs can be mounted here (needs root); /dev/full is covered by the output test")
    done = _cli(tmp_path, "play", "--text", "demo", "--out", str(full_disk / "g.jsonl"), stdin=b"1\n")
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err and "internal error" not in err
    assert "g.jsonl" in err and "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert b"1." not in done.stdout  # no scene was shown


def test_reports_onto_a_full_disk_name_the_file(tmp_path, full_disk):
    record = _finished_record(tmp_path)
    if full_disk is None:
        pytest.skip("no tmpfs can be mounted here (needs root); /dev/full is covered by the output test")
    for argv in (
        ["report", str(record), "-o", str(full_disk / "r.html")],
        ["debrief", str(record), "-o", str(full_disk / "c.html")],
        ["debrief", str(record), "-o", str(tmp_path / "c.html"), "--csv", str(full_disk / "c.csv")],
        ["graph", "demo", "-o", str(full_disk / "g.dot")],
        ["new", str(full_disk / "n.yaml")],
    ):
        done = _cli(tmp_path, *argv)
        err = done.stderr.decode()
        assert done.returncode == 1 and "No space left on device" in err and "internal error" not in err, argv
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no temporary file left


def test_output_to_dev_full_and_closed_streams_are_one_line(tmp_path):
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "game", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
            timeout=60,
        )
    assert done.returncode == 1 and done.stderr.decode().count("\n") == 1
    assert "No space left on device" in done.stderr.decode()
    closed = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "demo", "--out", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
        cwd=tmp_path,
    )
    assert closed.returncode == 0 and b"Traceback" not in closed.stderr
    shell = shutil.which("sh")
    if shell:  # the output closed altogether (`>&-`): one line on stderr, no traceback
        gone = subprocess.run(
            [shell, "-c", f"'{sys.executable}' -m game check demo >&-"],
            capture_output=True,
            env=_env(tmp_path),
            timeout=60,
            cwd=tmp_path,
        )
        assert gone.returncode == 0 and gone.stderr.decode().strip() == (
            "partenaires: the standard output is closed — nothing can be shown"
        )


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["graph", "demo", "-o", "afolder.dot"], "afolder.dot: Is a directory"),
        (["play", "--text", "demo", "--lang", "en", "--set", "sens=²"], "--set sens=²: expected NAME=NUMBER"),
        (["play", "--text", "demo", "--lang", "en", "--set", "sens=" + "9" * 5000], "expected NAME=NUMBER"),
        (["play", "--text", "demo", "--out", "notes.jsonl"], "notes.jsonl: a file already exists there"),
    ],
)
def test_ordinary_mistakes_are_one_line(tmp_path, argv, said):
    (tmp_path / "afolder.dot").mkdir()
    (tmp_path / "notes.jsonl").write_text("my notes\n", encoding="utf-8")
    done = _cli(tmp_path, *argv, stdin=b"q\n")
    err = done.stderr.decode()
    assert done.returncode == 1 and said in err and len(err.strip().splitlines()) == 1, err
    assert (tmp_path / "notes.jsonl").read_text(encoding="utf-8") == "my notes\n"


def test_graph_into_a_missing_folder_creates_it(tmp_path):
    done = _cli(tmp_path, "graph", "demo", "-o", "missing/g.dot")
    assert done.returncode == 0 and (tmp_path / "missing" / "g.dot").read_text(encoding="utf-8").startswith("digraph")


def test_an_unwritable_sessions_folder_is_one_line(tmp_path):
    locked = tmp_path / "ro"
    locked.mkdir()
    (locked / "sessions").write_text("a file where a folder is expected", encoding="utf-8")
    done = _cli(tmp_path, "play", "--text", "demo", "--out", str(locked / "sessions" / "x"), stdin=b"q\n")
    err = done.stderr.decode()
    assert done.returncode == 1 and "cannot create the sessions folder" in err and "internal error" not in err


# -- 5. every URL the reports write comes from a safe scheme ----------------------------------------------
def test_a_record_named_like_a_script_links_as_a_relative_file(tmp_path):
    from game.reports.links import safe_url
    from game.reports.report import write_report

    logs = tmp_path / "logs"
    logs.mkdir()
    record = _finished_record(logs, "javascript:alert(1).jsonl")
    write_report(record)
    for out in (tmp_path / "out" / "class.html", logs / "class.html"):
        code, _, err = run_cli(["debrief", str(logs), "-o", str(out)])
        assert code == 0, err
        html = out.read_text(encoding="utf-8")
        assert "javascript:" not in html.split("<body", 1)[1].replace("javascript:alert(1).jsonl", "")
        assert (
            'href="../logs/javascript%3Aalert%281%29.html"' in html or 'href="./javascript%3Aalert%281%29.html"' in html
        )
    for bad in ("javascript:alert(1)", "JavaScript:x", "data:text/html,x", "vbscript:x", "//evil", "./a\nb"):
        assert safe_url(bad) == "#"
    assert safe_url("./a%20b.html") == "./a%20b.html"


# -- 6. the CSV formula guard, for both separators --------------------------------------------------------
def test_csv_cells_never_become_formulas_whatever_the_separator(tmp_path, demo_book):
    import csv
    import io

    from game.reports.debrief import class_data, csv_text, load_sessions

    names = ["Eve\r=1+1", "b;=1+1", "a,@SUM(A1)", "x\n-2+3", "ok\r\n+1", "\t=2", "Zoé"]
    engine = Engine(demo_book)
    paths = []
    for number, name in enumerate(names):
        session = engine.new_session(number, name)
        with Recorder.begin(engine, session, tmp_path / f"{number}.jsonl") as recorder:
            engine.choose(session, engine.view(session).choices[0].index)
        paths.append(recorder.path)
    reports, skipped = load_sessions(paths)
    assert skipped == []
    text = csv_text(class_data(reports)["groups"][0], "fr", "plain")
    assert len(text.splitlines()) == len(names) + 1  # no line break inside a cell
    for separator in (",", ";"):
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            for cell in row:
                assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), (separator, cell)
    trainees = sorted(row["trainee"] for row in csv.DictReader(io.StringIO(text)))
    assert trainees == sorted(["Eve =1+1", "b;'=1+1", "a,'@SUM(A1)", "x -2+3", "ok +1", " '=2", "Zoé"])


def test_the_window_says_a_game_will_not_be_recorded_before_the_first_decision(tmp_path):
    import pygame  # noqa: F401  (the window's own test set-up)

    from game.ui.app import App
    from game.ui.screens.play import PlayScreen

    blocked = tmp_path / "sessions"
    blocked.write_text("a file where the sessions folder should be", encoding="utf-8")
    app = App((1024, 640), "fr", record=True, records_dir=blocked)
    try:
        app.open_play(DEMO, seed=3)
        assert isinstance(app.screen, PlayScreen) and app.screen.match.session.history == []
        said = str(app.toasts[0][0])
        assert said.startswith("Cette partie ne sera pas enregistrée\u00a0:") and "sessions" in said
    finally:
        app.close()


def test_the_window_starts_with_fifos_as_preferences_records_and_scenarios(tmp_path):
    """Run in its own process with a timeout: a FIFO read by mistake would hang it, not the test run."""
    for name in ("window.json", "sessions/fifo.jsonl", "extra/fifo.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        os.mkfifo(tmp_path / name)
    (tmp_path / "extra" / "demo-copy.yaml").write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    code = f"""
from pathlib import Path
from game.ui.app import App
from game.ui.screens.title import TitleScreen
root = Path({str(tmp_path)!r})
app = App((800, 600), "fr", record=True, records_dir=root / "sessions", settings_path=root / "window.json",
          scenarios_dir=root / "extra")
for _ in range(5):
    app.step(16)
entries = app.catalogue()
print(isinstance(app.screen, TitleScreen), app.saved_session())
print(sorted((e.path.name, e.ok, "named pipe" in " ".join(str(d) for d in e.errors)) for e in entries))
app.close()
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, env=_env(tmp_path))
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode().splitlines()
    assert lines[0] == "True None"
    assert "('demo-copy.yaml', True, False)" in lines[1] and "('fifo.yaml', False, True)" in lines[1]


def test_every_set_value_the_command_line_accepts_is_a_readable_record(tmp_path):
    log = tmp_path / "big.jsonl"
    code, _, err = run_cli(["play", "--text", "demo", "--set", "sens=999999", "--out", str(log)], stdin="q\n")
    assert code == 0, err
    assert read_log(log).header["set"] == {"sens": 999999}
    _, session = replay_log(read_log(log))
    assert session.gauges["sens"] == 100  # clamped by the engine, as when it was played


def test_the_progress_bar_keeps_its_carriage_return_behind_the_filter(monkeypatch):
    import io

    from game.safeio import PrintableStream
    from game.tools.explore import Progress

    terminal = io.StringIO()
    monkeypatch.setattr(sys, "stderr", PrintableStream(terminal))
    bar = Progress(2, force=True)
    bar.advance(1)
    print("evil\rline", file=sys.stderr)
    assert terminal.getvalue().startswith("\r[") and "evil\\x0dline" in terminal.getvalue()


def test_the_xapi_base_must_be_a_web_iri(tmp_path):
    record = _finished_record(tmp_path)
    code, _, err = run_cli(["report", str(record), "--xapi", "--xapi-base", "javascript:alert(1)"])
    assert code == 1 and "expected an IRI such as https://" in err and "must start with https://" in err
    assert not record.with_suffix(".xapi.jsonl").exists() and not record.with_suffix(".html").exists()
