"""Hostile scenarios: whatever a file holds, the checker answers with located sentences.

Three layers: golden files (tests/bad/*.yaml, each with the exact place and
sentence it must give), property-based mutations of the built-in scenarios
(wrong types, missing and unknown keys, broken references, random conditions,
deep nesting, random edits of the text), and fixed monsters (empty file, junk,
alias bomb, 10,000-deep nesting, 20 MB, non-UTF-8) run as real processes with
their memory measured.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.errors import ConditionError
from game.scenario.catalogue import builtin_scenarios
from game.scenario.conditions import compile_condition
from game.scenario.loading import check

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad"
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error (?P<code>E\d{3}): (?P<message>.+)$")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


# -- helpers -------------------------------------------------------------------------------------------
@contextlib.contextmanager
def hang_guard(seconds: int = 20) -> Iterator[None]:
    """Turn a hang into a failure (not a timing test: the bound is ten times the expected time)."""

    def interrupt(signum: int, frame: Any) -> None:
        raise AssertionError(f"no answer after {seconds} s: the checker hangs")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(*argv: str) -> tuple[int, str, str]:
    """`partenaires …` in this process (fast), with its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), hang_guard():
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_answered(path: Path, found: list[Any], book: Any) -> None:
    """Every finding is located inside the file; a refused file has at least one error."""
    lines = max(1, path.read_bytes().count(b"\n") + 1)
    for diagnostic in found:
        where = diagnostic.location
        assert where.file == str(path)
        assert 1 <= where.line <= lines, diagnostic
        assert where.col >= 1, diagnostic
        assert "\n" not in diagnostic.message and diagnostic.message.strip(), diagnostic
        assert re.fullmatch(r"[EW]\d{3}", diagnostic.code), diagnostic
    if book is None:
        assert any(d.severity == "error" for d in found)


FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning) [EW]\d{3}: \S")


def assert_cli_answers(path: Path) -> None:
    """Through `partenaires check`: located findings only, exit 1 exactly when there is an error."""
    code, out, err = run_cli("check", "--lang", "en", str(path))
    assert "Traceback" not in out + err and "internal error" not in out + err, err
    assert err == "", err
    lines = max(1, path.read_bytes().count(b"\n") + 1)
    findings = [
        line for line in out.splitlines() if line.startswith(f"{path}:") and line[len(str(path)) + 1 :][:1].isdigit()
    ]
    for line in findings:
        match = FINDING.match(line)
        assert match, line
        assert 1 <= int(match["line"]) <= lines and int(match["col"]) >= 1, line
    summary = out.splitlines()[-1]
    refused = summary.endswith("warning(s)") and " error(s)" in summary
    assert code == (1 if refused else 0), out[-2000:]
    if refused:
        assert any(" error E" in line for line in findings), out[-2000:]


# -- golden files ----------------------------------------------------------------------------------------
def expectations(yaml_file: Path) -> list[tuple[int, int, str, str]]:
    found = []
    for line in yaml_file.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        place, code, fragment = line.split(" ", 2)
        row, col = place.split(":")
        found.append((int(row), int(col), code, fragment))
    return found


GOLDEN = sorted(BAD.glob("*.yaml"))


def test_every_bad_file_has_its_expectation():
    assert len(GOLDEN) >= 30
    assert not [f.name for f in GOLDEN if not f.with_suffix(".expect").exists()]


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_bad_file(path: Path):
    book, found = check(path)
    errors = [d for d in found if d.severity == "error"]
    assert book is None
    got = [(d.location.line, d.location.col, d.code, d.message) for d in errors]
    want = expectations(path)
    assert len(got) == len(want), "\n".join(str(d) for d in errors)
    for (line, col, code, message), (w_line, w_col, w_code, fragment) in zip(got, want, strict=True):
        assert (line, col, code) == (w_line, w_col, w_code), message
        assert fragment in message
    code, out, err = run_cli("check", "--lang", "en", str(path))
    assert code == 1 and "Traceback" not in out + err
    assert f"{path}:{want[0][0]}:{want[0][1]}: error {want[0][2]}" in out


# -- mutations of the built-in scenarios --------------------------------------------------------------------
SCENARIOS = builtin_scenarios()
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
DATA = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SCENARIOS}


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(paths_of(value, prefix + (key,)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(paths_of(value, prefix + (index,)))
    return found


def get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [copy(v) for v in data]
    return data


JUNK = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["", "   ", "__import__('os')", "../../etc/passwd", "é" * 70, "x" * 3000, "1e999"]),
)
CONDITION_PIECES = list("abcdefgnorst_()<>=!+-*/., 0123456789'\"[]{}:é\\") + [
    "sens",
    "and",
    "or",
    "not",
    "flag(",
    "engagement(",
    "turn",
    ">=",
    "__class__",
    "**",
]
CONDITION_TEXT = st.lists(st.sampled_from(CONDITION_PIECES), max_size=25).map("".join)


def mutated(draw: Any) -> tuple[str, Any]:
    """One built-in scenario with one hostile change (drawn step by step, so failures print small)."""
    name = draw(st.sampled_from(sorted(DATA)))
    data = copy(DATA[name])
    paths = paths_of(data)[1:]
    kind = draw(st.sampled_from(["retype", "delete", "unknown", "reference", "condition", "nest", "swap"]))
    path = draw(st.sampled_from(paths))
    parent, last = get(data, path[:-1]), path[-1]
    if kind == "retype":
        parent[last] = draw(JUNK)
    elif kind == "delete":
        del parent[last]
    elif kind == "unknown":
        target = get(data, path)
        holder = target if isinstance(target, dict) else parent if isinstance(parent, dict) else data
        holder[draw(st.sampled_from(["colour_", "when_", "__init__", "nxt", "choises", "Text"]))] = draw(JUNK)
    elif kind == "reference":
        strings = [
            p
            for p in paths
            if isinstance(get(data, p), str)
            and p[-1] in ("next", "start", "phase", "speaker", "organisation", "to", "id")
            or (len(p) > 1 and p[-2] in ("invent", "leave", "phases", "tags", "engagement", "awareness"))
        ]
        chosen = draw(st.sampled_from(strings))
        get(data, chosen[:-1])[chosen[-1]] = draw(st.sampled_from(["nobody", "s_s", "ÉTÉ", "a" * 65, "2x", ""]))
    elif kind == "condition":
        whens = [p for p in paths if p[-1] == "when"] or [path]
        chosen = draw(st.sampled_from(whens))
        get(data, chosen[:-1])[chosen[-1]] = draw(CONDITION_TEXT)
    elif kind == "nest":
        depth = draw(st.integers(min_value=1, max_value=120))
        value = parent[last]
        for _ in range(depth):
            value = [value] if draw(st.booleans()) else {"k": value}
        parent[last] = value
    else:
        other = draw(st.sampled_from(paths))
        if other[: len(path)] != path and path[: len(other)] != other:
            parent[last] = copy(get(data, other))  # a value of another kind put in this place
    return name, data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@SETTINGS
@given(draws=st.data())
def test_mutated_scenario_gets_located_answers(workdir: Path, draws: st.DataObject):
    name, data = mutated(draws.draw)
    path = workdir / name
    path.write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    assert_cli_answers(path)


EDITS = st.sampled_from(["delete_line", "duplicate_line", "insert", "truncate", "swap_lines", "indent"])


@SETTINGS
@given(
    name=st.sampled_from([p.name for p in SCENARIOS]),
    edits=st.lists(
        st.tuples(EDITS, st.integers(min_value=0, max_value=10**6), st.text(max_size=8)), min_size=1, max_size=4
    ),
)
def test_edited_text_gets_located_answers(workdir: Path, name: str, edits: list[tuple[str, int, str]]):
    text = (ROOT / "scenarios" / name).read_text(encoding="utf-8")
    for kind, where, junk in edits:
        lines = text.splitlines(keepends=True)
        row = where % max(1, len(lines))
        if kind == "delete_line" and lines:
            del lines[row]
        elif kind == "duplicate_line" and lines:
            lines.insert(row, lines[row])
        elif kind == "swap_lines" and len(lines) > 1:
            other = (row * 7 + 3) % len(lines)
            lines[row], lines[other] = lines[other], lines[row]
        elif kind == "indent" and lines:
            lines[row] = " " * (where % 7) + lines[row]
        text = "".join(lines)
        if kind == "insert":
            at = where % (len(text) + 1)
            text = text[:at] + junk + text[at:]
        elif kind == "truncate":
            text = text[: where % (len(text) + 1)]
    path = workdir / f"edited-{name}"
    path.write_text(text, encoding="utf-8")
    with hang_guard():
        book, found = check(path)
    assert_answered(path, found, book)


@SETTINGS
@given(text=CONDITION_TEXT)
def test_random_condition_text_parses_or_names_its_column(text: str):
    try:
        compile_condition(text)
    except ConditionError as exc:
        assert 1 <= exc.col <= len(text) + 1
        assert exc.message and "\n" not in exc.message


# -- fixed monsters, as real processes --------------------------------------------------------------------------
def monsters() -> dict[str, bytes]:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    indent = "".join(" " * i + f"k{i}:\n" for i in range(2000))
    return {
        "empty": b"",
        "junk": bytes((i * 7919 + 13) % 256 for i in range(65536)),
        "alias_bomb": bomb.encode(),
        "flow_10000": b"[" * 10_000 + b"]" * 10_000,
        "flow_hidden_by_quote": b'a: ["x", ' + b"[" * 10_000 + b"]" * 10_001 + b"\n",
        "block_10000": b"- " * 10_000 + b"x\n",
        "indent_2000": indent.encode(),
        "big_20mb": b"# padding\n" * 2_000_000,
        "latin1": "format: 1\nid: démo\ntitle: Été\n".encode("latin-1"),
        "many_values": b"scenes:\n" + b"- x\n" * 300_000,
    }


CHILD = """
import os, sys
from game.cli import main
code = main(sys.argv[1:])
status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
open(os.environ["PEAK_FILE"], "w").write(status)
sys.exit(code)
"""


def run_limited(argv: list[str], workdir: Path, timeout: float = 20) -> tuple[int, str, str, int]:
    """`partenaires …` in a fresh process: exit code, output and its own peak memory (KB)."""
    peak_file = workdir / "peak.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEAK_FILE": str(peak_file)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            cwd=ROOT,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"no answer after {timeout} s") from None
    return (
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
        int(peak_file.read_text()),
    )


def assert_one_located_error(path: Path, code: int, out: str, err: str) -> None:
    assert code == 1, (out, err)
    assert "Traceback" not in out + err and err == ""
    errors = [line for line in out.splitlines() if " error E" in line]
    assert len(errors) == 1, out[:2000]
    match = LOCATED.match(errors[0])
    assert match and match["file"] == str(path) and int(match["line"]) >= 1, errors[0]
    assert len(errors[0]) < 300


@pytest.mark.parametrize("name", [n for n in monsters() if n != "many_values"])
def test_monster_refused_with_one_located_line(tmp_path: Path, name: str):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(monsters()[name])
    tracemalloc.start()
    try:
        code, out, err = run_cli("check", "--lang", "en", str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_one_located_error(path, code, out, err)
    assert peak < 300 * 1024 * 1024, f"peak {peak // 1_048_576} MB of Python objects"


@pytest.mark.parametrize("name", ["alias_bomb", "block_10000", "big_20mb", "many_values"])
def test_monster_in_a_real_process(tmp_path: Path, name: str):
    """The command a trainer types: exit 1, one located line, and the process stays small."""
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(monsters()[name])
    code, out, err, peak_kb = run_limited(["check", "--lang", "en", str(path)], tmp_path)
    assert_one_located_error(path, code, out, err)
    assert peak_kb < 200 * 1024, f"peak memory {peak_kb // 1024} MB"
