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
from game.tools.deep import Oracle, Search, follows, prove, run_search

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
    proof = prove(load(path), seeds=200)
    return {f.code + ":" + f.message.split("`")[1]: f for f in proof.findings}


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
    proof = prove(demo_book, seeds=500)
    assert proof.complete and set(proof.endings.values()) == {"reachable"}
    assert proof.scenes["relance"] == "reachable"  # reached after the one-month closing party
    engine = Engine(demo_book)
    for f in proof.findings:
        if f.code == "D100":
            assert replayed_ending(engine, f.detail[1]) == f.message.split("`")[1]


def replayed_ending(engine: Engine, line: str) -> str | None:
    """Type a `replay:` line's numbers into the text game with its seed: the ending reached."""
    match = re.search(r"printf '([^']*)' \| partenaires play --text \S+ --seed (\d+)", line)
    assert match, line
    typed = match.group(1).replace("\\n", "\n")
    session = engine.new_session(int(match.group(2)), lang="en")
    TextGame(engine, session, io.StringIO(), _reader(typed.splitlines())).run()
    return session.ending


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


def test_a_bounded_search_is_completed_by_games_and_the_over_approximation(demo_book, demo_path, capsys) -> None:
    engine = Engine(demo_book)
    result = Search(engine, max_states=20).run()
    assert not result.complete and result.states == 20
    # bounded search: real games stand in for it, each one pasteable, and the proof is still complete
    assert main(["check", "--lang", "en", "--deep", "--max-states", "20", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "deep check: COMPLETE — endings: 4 reachable" in out and "at most 20 states" in out
    assert out.count("info D100") == 4 and "error D" not in out and "warning D" not in out
    path = HERE / "unreachable.yaml"
    assert main(["check", "--lang", "en", "--deep", "--max-states", "2", str(path)]) == 1
    out = capsys.readouterr().out
    # the search is cut short, but the over-approximation proves it: pouvoir 30 + 3 months × 10 = 60 < 90
    assert (
        f"{path}:{line_of(path, 'id: sommet')}:9: error D101: ending `sommet` can never be reached — proven: "
        "no game can meet its condition"
    ) in out


def test_an_over_approximation_cut_short_proves_nothing() -> None:
    from game.tools.abstract import abstract_search

    book = load(HERE / "unreachable.yaml")
    assert not abstract_search(book, max_steps=1).complete
    proof = prove(book, max_states=2, max_steps=1, games=0)
    sommet = next(f for f in proof.findings if "`sommet`" in f.message)
    # only the gauges' limits prove it now (pouvoir 30 + 3 months × 10 = 60 < 90), not the over-approximation
    assert sommet.code == "D101" and "cannot hold when the gauges can only range over" in sommet.message
    assert "pouvoir 30…60" in sommet.message


def test_an_undecided_ending_is_a_warning_that_says_the_search_was_bounded(capsys) -> None:
    tutorial = load(Path(__file__).resolve().parent.parent / "scenarios" / "tutoriel.yaml")
    proof = prove(tutorial, max_states=20, games=0)
    assert not proof.complete and "unknown" in proof.endings.values()
    undecided = [f for f in proof.findings if f.code == "D102"]
    assert undecided and {f.severity for f in undecided} == {"warning"}
    assert "is not decided: no game found reaches it (20 states searched" in undecided[0].message
    assert all(f.severity != "error" for f in proof.findings)


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


BUILTINS = ("demo.yaml", "tutoriel.yaml", "cucm-plie.yaml", "chalon-chantier-insertion.yaml")


def _builtin(name: str):
    if name == "generated-50":
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
        from gen_scenario import generate

        from game.scenario.loading import load_text

        return load_text(generate(50))
    return load(Path(__file__).resolve().parent.parent / "scenarios" / name)


def _flat(session, model) -> dict[str, float]:
    """A real game's state as the abstraction names it."""
    out: dict[str, float] = {f"gauge:{g}": v for g, v in session.gauges.items()}
    for p in model.partners:
        out[f"engagement:{p.id}"] = session.engagement[p.id]
        out[f"active:{p.id}"] = int(session.active[p.id])
    for o in model.organisations:
        out[f"awareness:{o.id}"], out[f"support:{o.id}"] = session.awareness[o.id], session.support[o.id]
    for i in model.inventions:
        out[f"invented:{i.id}"] = int(i.id in session.diffusion)
        for o in model.organisations:
            out[f"diffusion:{i.id}:{o.id}"] = session.diffusion.get(i.id, {}).get(o.id, 0)
    out.update({f"seen:{s.id}": int(s.id in session.seen) for s in model.scenes})
    out.update({f"fired:{e.id}": int(e.id in session.fired) for e in model.events})
    out.update({f"flag:{k}": int(v) for k, v in session.flags.items()})
    return out


@pytest.mark.parametrize("name", [*BUILTINS, "generated-50"])
def test_real_games_never_leave_the_over_approximation(name: str) -> None:
    """Soundness: every state of random and strategic games lies within the abstract state of its place, and
    every ending they reach is one the abstraction reaches."""
    import random

    from game.tools.abstract import abstract_search, covers
    from game.tools.explore import PICKERS

    book = _builtin(name)
    engine = Engine(book)
    abstract = abstract_search(book, engine)
    for strategy, pick in PICKERS.items():
        for seed in range(25):
            session = engine.new_session(seed)
            rng = random.Random(seed)
            while not session.finished:
                place = (session.phase, session.scene, session.turn)
                assert covers(abstract, place, _flat(session, book.model)) == [], (strategy, seed, place)
                view = engine.view(session)
                engine.choose(session, pick(engine, session, view, rng).index)
            assert session.ending in abstract.endings


@pytest.mark.parametrize("name", [*BUILTINS, "generated-50"])
def test_complete_on_the_builtins_and_a_generated_scenario_every_path_replays(name: str) -> None:
    """The issue's goal: COMPLETE, every ending explore reaches is found reachable, every reported path replays."""
    from game.tools.explore import play_games

    book = _builtin(name)
    proof = prove(book)
    assert proof.complete, [f.format() for f in proof.findings if f.severity != "info"]
    engine = Engine(book)
    reached = set()
    for strategy in ("random", "pouvoir"):
        reached |= set(play_games(engine, strategy, range(40)).endings)
    assert reached and all(proof.endings[e] == "reachable" for e in reached)
    for f in proof.findings:
        if f.code == "D100":
            assert replayed_ending(engine, f.detail[-1]) == f.message.split("`")[1], f.format()
