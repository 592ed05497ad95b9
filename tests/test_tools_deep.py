"""`check --deep`: reachable endings with a pasteable path, unreachable ones proven, traps found."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from game.cli import main
from game.rules.engine import Engine
from game.scenario.loading import load
from game.textmode.game import TextGame
from game.tools.deep import Oracle, Search, deep_findings, follows, run_search

HERE = Path(__file__).resolve().parent / "scenarios"


def line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def _reader(lines: list[str]):
    feed = iter(lines)
    return lambda prompt: next(feed, None)


def findings(path: Path) -> dict[str, object]:
    book = load(path)
    engine, result = run_search(book)
    return {f.code + ":" + f.message.split("`")[1]: f for f in deep_findings(book, result, engine, seeds=200)}


def test_unreachable_ending_is_proven_with_its_location() -> None:
    path = HERE / "unreachable.yaml"
    found = findings(path)
    assert found["D101:sommet"].where == f"{path}:{line_of(path, 'id: sommet')}:9"
    assert "proven" in found["D101:sommet"].message
    assert "D100:ordinaire" in found


def test_trap_scene_is_found_with_its_location_and_the_way_there() -> None:
    path = HERE / "trap.yaml"
    found = findings(path)
    trap = found["D201:impasse"]
    assert trap.where == f"{path}:{line_of(path, 'Open with the key')}:7"
    assert trap.detail[0] == "path: hall → 2 → impasse"
    assert f"printf '2\\n' | partenaires play --text {path} --seed" in trap.detail[1]


def test_demo_every_ending_reachable_and_each_replay_works(demo_book) -> None:
    engine, result = run_search(demo_book)
    assert result.exact and set(result.endings) == {e.id for e in demo_book.model.endings}
    assert "relance" in result.scenes  # reached after the one-month closing party
    for f in deep_findings(demo_book, result, engine, seeds=500):
        if f.code != "D100":
            continue
        match = re.search(r"printf '([^']*)' \| partenaires play --text \S+ --seed (\d+)", f.detail[1])
        assert match, f.detail
        typed = match.group(1).replace("\\n", "\n")
        seed = int(match.group(2))
        session = engine.new_session(seed, lang="en")
        out = io.StringIO()
        TextGame(engine, session, out, _reader(typed.splitlines())).run()
        assert session.ending == f.message.split("`")[1]


def test_shortest_path_to_the_broken_collective(demo_book) -> None:
    engine, result = run_search(demo_book)
    path = result.endings["eclate"]
    assert path.numbers() == [3, 1]  # impose the method, then insist
    assert follows(engine, 1, path)


def test_oracle_answers_both_ways_with_probabilities() -> None:
    oracle = Oracle()
    assert (oracle.random() >= 0.3) is True  # the likelier answer first
    assert oracle.probability == 0.7
    other = Oracle(next(oracle.branches()))
    assert (other.random() >= 0.3) is False and abs(other.probability - 0.3) < 1e-9
    weighted = Oracle((True,))
    pick = weighted.random() * 4.0
    pick -= 1.0
    assert (pick < 0) is True and abs(weighted.probability - 0.25) < 1e-9


def test_bounds_are_stated_and_an_incomplete_search_proves_nothing(demo_book, demo_path, capsys) -> None:
    engine = Engine(demo_book)
    result = Search(engine, max_states=20).run()
    assert not result.complete and result.states == 20
    codes = {f.code for f in deep_findings(demo_book, result, engine, seeds=10, games=0)}
    assert "D101" not in codes and "D102" in codes  # no proof without a complete search
    # bounded: real games stand in for the search, and each one is pasteable
    assert main(["check", "--lang", "en", "--deep", "--max-states", "20", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "bounds: at most 20 states" in out and "INCOMPLETE" in out and "automatic games" in out
    assert out.count("info D100") == 4 and "error" not in out
    path = HERE / "unreachable.yaml"
    assert main(["check", "--lang", "en", "--deep", "--max-states", "2", str(path)]) == 1
    out = capsys.readouterr().out
    # the search is cut short, but the gauges' limits still prove it: pouvoir 30 + 3 months × 10 = 60 < 90
    assert (
        f"{path}:{line_of(path, 'id: sommet')}:9: error D101: ending `sommet` can never be reached — proven: "
        "`pouvoir >= 90` cannot hold"
    ) in out
    assert "pouvoir 30…60" in out


def test_gauge_limits_are_sound_on_demo_games(demo_book) -> None:
    from game.tools.deep import gauge_bounds
    from game.tools.explore import play_games

    limits = gauge_bounds(demo_book)
    assert set(limits) == {"pouvoir"}  # free choices move sens and identité: no limit for them
    low, high = limits["pouvoir"]
    engine = Engine(demo_book)
    session_values: list[int] = []
    engine_stats = play_games(engine, "pouvoir", range(30))
    for (_scene, gauge), counts in engine_stats.arrival.items():
        if gauge == "pouvoir":
            session_values.extend(counts)
    assert session_values and all(low <= v <= high for v in session_values)


def test_cli_check_deep_exit_codes(demo_path, capsys) -> None:
    assert main(["check", "--lang", "en", "--deep", str(HERE / "trap.yaml")]) == 1
    assert "error D201" in capsys.readouterr().out
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = main(["check", "--lang", "en", "--deep", "--bucket", "5", str(demo_path)])
    assert code == 0
    assert "gauges grouped in buckets of 5 points" in buffer.getvalue()


@pytest.mark.parametrize("name", ["demo", "template", "dominant.yaml", "trap.yaml"])
def test_every_state_of_real_games_is_in_the_search(name: str, demo_book) -> None:
    """The oracle follows the engine's own chance: real games never leave the searched states."""
    import random

    from game.rules.state import snapshot, state_key
    from game.scenario.loading import load_text
    from game.tools.template import template_text

    book = {"demo": lambda: demo_book, "template": lambda: load_text(template_text("t.yaml", "en"))}.get(
        name, lambda: load(HERE / name)
    )()
    engine = Engine(book)
    search = Search(engine)
    result = search.run()
    assert result.exact
    endings = set()
    for seed in range(200):
        session = engine.new_session(seed)
        rng = random.Random(seed)
        assert state_key(snapshot(session), 1) in search.seen
        while not session.finished:
            engine.choose(session, rng.choice(engine.view(session).choices).index)
            if not session.finished:
                assert state_key(snapshot(session), 1) in search.seen
        endings.add(session.ending)
    assert endings <= set(result.endings)
