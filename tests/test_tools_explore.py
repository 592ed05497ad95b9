"""`partenaires explore`: endings per strategy, warnings with their locations, JSON, coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.rules.engine import Engine
from game.scenario.loading import load
from game.tools.coverage import cover
from game.tools.explore import STRATEGIES, Progress, Thresholds, best_ending, explore, play_games, quartiles

HERE = Path(__file__).resolve().parent / "scenarios"


def line_of(path: Path, text: str) -> int:
    """The line (from 1) where `text` is written: the tests do not hard-code line numbers."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def codes(report) -> dict[str, str]:
    return {w.code + ":" + w.message.split("`")[1]: w.where for w in report.warnings}


def test_dominant_strategy_is_warned_at_the_best_ending() -> None:
    path = HERE / "dominant.yaml"
    simple = [s for s in STRATEGIES if s != "balanced"]  # (balanced weighs sens too: it would win as often)
    report = explore(load(path), simple, runs=60, seed=1, jobs=1)
    assert report.share("sens", "reussite") == 1.0
    assert report.share("random", "reussite") < 0.2
    found = codes(report)
    assert found["X104:sens"] == f"{path}:{line_of(path, 'id: reussite')}:9"


def test_unreachable_ending_is_warned_with_its_line() -> None:
    path = HERE / "unreachable.yaml"
    report = explore(load(path), ["random", "pouvoir"], runs=30, seed=1, jobs=1)
    found = codes(report)
    assert found["X101:sommet"] == f"{path}:{line_of(path, 'id: sommet')}:9"
    assert found["X103:ordinaire"].startswith(f"{path}:{line_of(path, 'id: ordinaire')}:")


def test_demo_report_shares_add_up_and_nothing_is_stuck(demo_book) -> None:
    report = explore(demo_book, ["random", "diffusion"], runs=50, seed=3, jobs=1)
    for name in ("random", "diffusion"):
        assert sum(report.share(name, e.id) for e in demo_book.model.endings) == pytest.approx(1.0)
        assert report.results[name].stuck == 0
    assert best_ending(demo_book) == "instituee"
    unvisited = dict(report.unvisited_scenes())
    assert list(unvisited) == []  # every scene of the demo is played in some game


def test_same_seed_same_figures(demo_book) -> None:
    engine = Engine(demo_book)
    first = play_games(engine, "random", range(1, 40))
    second = play_games(engine, "random", range(1, 40))
    assert first.endings == second.endings and first.taken == second.taken
    assert engine.machine.models == []  # every finished session was released


def test_two_processes_give_the_same_report_as_one(demo_path) -> None:
    book = load(demo_path)
    one = explore(book, ["random", "sens"], runs=40, seed=5, jobs=1).to_dict()
    two = explore(book, ["random", "sens"], runs=40, seed=5, jobs=2).to_dict()
    assert one == two


def test_quartiles() -> None:
    from collections import Counter

    assert quartiles(Counter({10: 1, 20: 1, 30: 1, 40: 1, 50: 1})) == [10, 20, 30, 40, 50]
    assert quartiles(Counter({7: 3})) == [7, 7, 7, 7, 7]
    assert quartiles(Counter()) == []


def test_cli_json_and_exit_code(capsys) -> None:
    simple = "random,sens,identite,pouvoir,diffusion,hierarchy"
    code = main(["explore", str(HERE / "dominant.yaml"), "--runs", "40", "--jobs", "1", "--json", "--strategy", simple])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # warnings → 1, so a CI can refuse an unbalanced scenario
    assert data["strategies"]["sens"]["shares"]["reussite"] == 1.0
    assert "X104" in {w["code"] for w in data["warnings"]}
    assert set(data["arrival"]["table"]) == {"sens", "identite", "pouvoir", "cohesion"}
    assert len(data["arrival"]["table"]["sens"]) == 5


def test_cli_text_report_and_unknown_strategy(capsys) -> None:
    assert (
        main(
            [
                "explore",
                str(HERE / "dominant.yaml"),
                "--runs",
                "20",
                "--jobs",
                "1",
                "--strategy",
                "random,sens",
                "--lang",
                "en",
            ]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "warning X104" in out and "Gauges on arrival" in out
    assert main(["explore", str(HERE / "dominant.yaml"), "--strategy", "lucky", "--lang", "en"]) == 1
    assert "unknown strategy" in capsys.readouterr().err


def test_progress_bar_draws_on_a_terminal() -> None:
    import io

    stream = io.StringIO()
    bar = Progress(4, stream, force=True)
    bar.advance(2)
    bar.advance(2)
    bar.close()
    assert "50%" in stream.getvalue() and "100%" in stream.getvalue()
    quiet = io.StringIO()
    Progress(4, quiet).advance(4)  # not a terminal: nothing written
    assert quiet.getvalue() == ""


def test_cover_lists_the_lines_never_reached() -> None:
    path = HERE / "cover.yaml"
    found = cover(load(path), runs=20)
    missed = {(where.line, what) for where, what in found.missed}
    celebrate = line_of(path, 'text: "Celebrate"')
    assert missed == {
        (celebrate, "choice 3 of scene `table` never taken"),
        (line_of(path, "sens >= 95"), "condition `sens >= 95` never true"),
        (line_of(path, "id: miracle"), "event `miracle` never fired"),
        (line_of(path, "identite >= 95"), "condition `identite >= 95` never true"),
    }
    assert found.complete


def test_cover_cli(capsys) -> None:
    assert main(["explore", "--cover", str(HERE / "cover.yaml"), "--runs", "5"]) == 1
    out = capsys.readouterr().out
    assert "event `miracle` never fired" in out


def test_cover_sees_both_outcomes_on_demo(demo_book) -> None:
    found = cover(demo_book, ["random"], runs=10)
    whats = [what for _, what in found.missed]
    assert not any("never played" in w for w in whats)
    assert not any("never taken" in w for w in whats)


def test_weighted_strategy_changes_with_the_month(capsys) -> None:
    """Weights from month 1 on sens win `reussite`; switching to pouvoir from month 2 ends `papier`."""
    path = str(HERE / "dominant.yaml")
    assert main(["explore", path, "--runs", "10", "--jobs", "1", "--json", "--weights", "1:sens=1"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    (name,) = data["strategies"]
    assert name == "weights 1:sens=1"
    assert data["strategies"][name]["shares"]["reussite"] == 1.0
    main(["explore", path, "--runs", "10", "--jobs", "1", "--json", "--weights", "sens=1", "--weights", "2:pouvoir=1"])
    shares = json.loads(capsys.readouterr().out)["strategies"]["weights 1:sens=1 2:pouvoir=1"]["shares"]
    assert shares["papier"] == 1.0 and shares["reussite"] == 0.0
    main(["explore", path, "--runs", "10", "--jobs", "1", "--json", "--strategy", "random", "--weights", "identite=1"])
    assert set(json.loads(capsys.readouterr().out)["strategies"]) == {"random", "weights 1:identite=1"}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("1:sens=x", "`x` is not a number — expected sens=NUMBER"),
        ("0:sens=1", "months are counted from 1"),
        ("1:sense=1", "unknown name `sense` — expected one of sens, identite"),
        ("a:sens=1", "`a` is not a month"),
        ("1:sens", "has no weight"),
        ("1:", "no weight"),
        ("1:sens=1,sens=2", "`sens` is given twice"),
    ],
)
def test_weights_a_person_writes_wrongly_are_explained(capsys, spec: str, message: str) -> None:
    assert main(["explore", str(HERE / "dominant.yaml"), "--weights", spec, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_balance_states_the_shares_a_scenario_means(tmp_path) -> None:
    """`balance:` silences X103 for an ending meant to dominate, and X106 says when a share leaves its range."""
    text = (HERE / "unreachable.yaml").read_text(encoding="utf-8")
    plain = explore(load(HERE / "unreachable.yaml"), ["random"], runs=30, seed=1, jobs=1)
    assert "X103:ordinaire" in codes(plain)
    meant = tmp_path / "meant.yaml"
    meant.write_text(text + "balance: {ordinaire: [0.5, 1.0]}\n", encoding="utf-8")
    assert "X103:ordinaire" not in codes(explore(load(meant), ["random"], runs=30, seed=1, jobs=1))
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text + "balance: {ordinaire: [0.0, 0.2]}\n", encoding="utf-8")
    found = codes(explore(load(wrong), ["random"], runs=30, seed=1, jobs=1))
    assert found["X106:ordinaire"] == f"{wrong}:{line_of(wrong, 'balance:')}:22"  # at its range


def test_balance_thresholds_are_stated_and_adjustable(capsys) -> None:
    from pathlib import Path

    from game.cli import main

    path = str(Path(__file__).resolve().parent / "scenarios" / "guarded_scene.yaml")
    assert main(["explore", path, "--runs", "20", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "warning X103" in out and "(expected at most 70%)" in out
    assert "How to fix: make the choices matter" in out
    main(["explore", path, "--runs", "20", "--dominant", "100"])
    assert "warning X103" not in capsys.readouterr().out
    main(["explore", path, "--runs", "20", "--dominant", "40"])
    assert "(expected at most 40%)" in capsys.readouterr().out
    assert main(["explore", path, "--rare", "-1", "--lang", "en"]) == 1
    assert "expected a share in percent" in capsys.readouterr().err


def test_per_strategy_shares_are_warned_on_request_within_what_balance_means(tmp_path, capsys) -> None:
    """X107 and X108, per strategy: off by default (a pure strategy is meant to end one way), asked for
    with `--strategy-max` / `--strategy-min`; random play is left to X103; a `balance:` range that allows
    the share silences them."""
    path = HERE / "dominant.yaml"
    book = load(path)
    plain = explore(book, ["random", "sens", "pouvoir"], runs=30, seed=1, jobs=1)
    assert {w.code for w in plain.warnings} & {"X107", "X108"} == set()
    asked = explore(
        book, ["random", "sens", "pouvoir"], runs=30, seed=1, jobs=1, limits=Thresholds(most=0.9, least=0.05)
    )
    wins = sorted(w.message for w in asked.warnings if w.code == "X107")
    assert wins == [
        "ending `papier` takes 100% of strategy `pouvoir`'s games (expected at most 90%): this way of playing "
        "always ends the same",
        "ending `reussite` takes 100% of strategy `sens`'s games (expected at most 90%): this way of playing "
        "always ends the same",
    ]  # (random ends in `papier` in nearly every game too: X103 says so, not X107)
    rare = {(w.message.split("`")[1], w.message.split("`")[3]): w.where for w in asked.warnings if w.code == "X108"}
    assert rare[("reussite", "pouvoir")] == f"{path}:{line_of(path, 'id: reussite')}:9"
    assert set(rare) == {("reussite", "pouvoir"), ("papier", "sens"), ("ordinaire", "sens"), ("ordinaire", "pouvoir")}
    meant = tmp_path / "meant.yaml"
    meant.write_text(path.read_text(encoding="utf-8") + "balance: {reussite: [0.0, 1.0]}\n", encoding="utf-8")
    again = explore(load(meant), ["sens", "pouvoir"], runs=30, seed=1, jobs=1, limits=Thresholds(most=0.9, least=0.05))
    assert [w for w in again.warnings if w.code in ("X107", "X108") and "`reussite`" in w.message] == []
    assert main(["explore", str(path), "--runs", "20", "--strategy", "sens", "--strategy-max", "95"]) == 1
    out = capsys.readouterr().out
    assert "warning X107: ending `reussite` takes 100% of strategy `sens`'s games (expected at most 95%)" in out
    assert "How to fix: if this way of playing should not always end here" in out
    assert main(["explore", str(path), "--strategy-min", "-1"]) == 1
    assert "--strategy-min -1.0: expected a share in percent" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["explore", "--help"])
    assert "--strategy-max PCT" in capsys.readouterr().out


def test_months_with_no_scene_to_play_are_counted_and_warned_at_their_phase(capsys) -> None:
    path = HERE / "phase_runs_out.yaml"
    report = explore(load(path), ["random"], runs=20, seed=1, jobs=1)
    stats = report.results["random"]
    assert stats.idle_games == 20  # `suite` lasts three months and has one scene played once
    assert set(stats.idle_months) == {"suite"} and stats.idle_months["suite"] >= 20
    found = [w for w in report.warnings if w.code == "X109"]
    assert len(found) == 1
    assert found[0].where.endswith(f":{line_of(path, '- id: suite')}:9")  # the phase's id
    assert "100% of strategy `random`'s games pass months with no scene to play" in found[0].message
    assert main(["explore", str(path), "--runs", "20", "--jobs", "1", "--json", "--strategy", "random"]) == 1
    figures = json.loads(capsys.readouterr().out)["strategies"]["random"]
    assert figures["idle_games"] == 20 and set(figures["idle_months"]) == {"suite"}
    main(["explore", str(path), "--runs", "20", "--jobs", "1", "--strategy", "random", "--idle", "100"])
    assert "X109" not in capsys.readouterr().out


def test_the_tutorial_never_leaves_a_month_without_a_scene() -> None:
    report = explore(load(Path("scenarios/tutoriel.yaml")), list(STRATEGIES), runs=40, seed=1, jobs=1)
    assert {name: s.idle_games for name, s in report.results.items()} == dict.fromkeys(STRATEGIES, 0)
