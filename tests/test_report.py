"""The end-of-game report: rebuilt from the record, identical on replay, escaped, complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.errors import RecordError
from game.records.record import Recorder
from game.reports.report import build_report, curve_axis, write_report
from game.rules.engine import Engine
from game.scenario.loading import load
from game.views.narration import describe_condition_fact

XSS = "<script>alert(1)</script>"


def record(engine: Engine, folder: Path, seed: int, picks: list[int], **who) -> tuple[Path, object]:
    session = engine.new_session(seed, **who)
    with Recorder.begin(engine, session, folder) as recorder:
        step = 0
        while not session.finished:
            view = engine.view(session)
            pick = picks[step] if step < len(picks) else 0
            engine.choose(session, view.choices[min(pick, len(view.choices) - 1)].index)
            step += 1
    return recorder.path, session


@pytest.fixture
def engine(demo_book) -> Engine:
    return Engine(demo_book)


@pytest.fixture
def finished(engine, tmp_path):
    return record(engine, tmp_path, 12, [0, 0, 0, 0, 0, 0], trainee=XSS, group="DEIS <2>", lang="fr")


def test_replay_gives_an_identical_report(engine, finished, tmp_path):
    log, _ = finished
    first = build_report(log)
    assert build_report(log) == first
    html = write_report(log)
    data = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(first))
    text = html.read_text(encoding="utf-8")
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    (elsewhere / log.name).write_bytes(log.read_bytes())
    again = write_report(elsewhere / log.name)
    assert again.read_text(encoding="utf-8") == text
    assert again.with_suffix(".json").read_bytes() == html.with_suffix(".json").read_bytes()


def test_report_matches_the_game_as_played(engine, finished):
    log, session = finished
    data = build_report(log)
    assert data["finished"] and data["ending"]["id"] == session.ending
    result = engine.result(session)
    assert [f["sentence"] for f in data["ending"]["facts"]] == [
        describe_condition_fact(engine.book, f, "fr") for f in result.facts
    ]
    assert [d["after"] for d in data["decisions"]] == [d.after for d in session.history]
    assert [d["choice_id"] for d in data["decisions"]] == [d.choice_id for d in session.history]
    points = data["curve"]["points"]
    assert len(points) == len(session.history) + 1 and points[-1]["sens"] == session.gauges["sens"]
    xs = [p["x"] for p in points]
    assert xs == sorted(xs) and xs[-1] <= data["curve"]["span"] == data["curve"]["bounds"][-1]
    assert len(data["curve"]["bounds"]) == data["scenario"]["turns"] + 1
    assert {p["id"]: p["end"] for p in data["partners"]} == session.engagement
    assert {h["id"]: (h["awareness"], h["support"]) for h in data["hierarchies"]} == {
        o: (session.awareness[o], session.support[o]) for o in session.awareness
    }
    assert {i["id"] for i in data["inventions"]} == set(session.diffusion)
    for invention in data["inventions"]:
        assert invention["status"] == ("innovation" if result.innovations[invention["id"]] else "evaporated")
        assert {d["org"]: d["level"] for d in invention["diffusion"]} == session.diffusion[invention["id"]]
        assert invention["id"] in data["decisions"][invention["born"] - 1]["invented"]
    assert data["ending"]["questions"] and data["glossary"]["references"][0]["key"] == "lyet2009"


def test_decisions_sit_in_the_month_they_start_on_a_true_time_axis():
    rows = [
        {"turn": 0, "cost": 0},
        {"turn": 0, "cost": 0},
        {"turn": 0, "cost": 1},  # three decisions in month 1
        {"turn": 1, "cost": 2},  # months 2 and 3 for one decision
        {"turn": 3, "cost": 0},
    ]  # a free decision, then the game ended (or months went idle)
    bounds, xs = curve_axis(rows, 5)
    assert bounds == [0, 1, 2, 3, 4, 5]  # one unit a month, however many decisions it holds
    assert xs == [0.25, 0.5, 0.75, 1.5, 3.5]


def test_turning_points_credit_the_choice_apart_from_outside_events(engine, tmp_path):
    found = None
    for seed in range(40):  # a seeded game where an outside event struck in a decision's move
        log, _ = record(engine, tmp_path / str(seed), seed, [1, 0, 1, 0, 1, 0, 1, 0])
        data = build_report(log)
        if any(d["events"] and any(d["event_deltas"].values()) for d in data["decisions"]):
            found = data
            break
    assert found is not None
    for d in found["decisions"]:
        for g in d["deltas"]:
            assert d["choice_deltas"][g] + d["event_deltas"][g] == d["deltas"][g]
    by_number = {d["number"]: d for d in found["decisions"]}
    for point in found["turning_points"]:
        decision = by_number[point["number"]]
        assert point["deltas"] == decision["choice_deltas"]  # the card credits the choice with its own part only
        assert point["swing"] == sum(abs(v) for v in decision["choice_deltas"].values())
        assert point["question"] and point["milestones"] is not None
        for m in point["milestones"]:
            assert m["source"] in ("choice", "event") and m["text"]


def test_an_event_that_moved_the_gauges_is_not_the_choices_turning_point():
    from game.reports.turning import Step, milestones, rank, split_deltas

    quiet_choice = Step(0, {"sens": 1}, [("budget_cut", {"pouvoir": -30, "cohesion": -12})])
    big_choice = Step(1, {"sens": 8, "identite": 6})
    innovating = Step(2, {"diffusion:inv:org": 30, "sens": 2})
    leaving = Step(3, {}, [("quarrel", {"leave:p1": 1, "cohesion": -5})])
    steps = [quiet_choice, big_choice, innovating, leaving]
    start = {"sens": 50, "identite": 50, "pouvoir": 50, "cohesion": 50, "diffusion:inv:org": 35}
    found = milestones(steps, start, threshold=60, break_at=25)
    assert split_deltas(quiet_choice) == (
        {"sens": 1, "identite": 0, "pouvoir": 0, "cohesion": 0},
        {"sens": 0, "identite": 0, "pouvoir": -30, "cohesion": -12},
    )
    assert [m.kind for m in found[2]] == ["innovation"] and found[2][0].source == "choice"
    assert found[2][0].subject == "inv" and found[2][0].where == "org"
    # 50 - 12 - 5 = 33: within 10 of the break threshold, by the event as well
    assert [(m.kind, m.source, m.event) for m in found[3]] == [
        ("near_break", "event", "quarrel"),
        ("left", "event", "quarrel"),
    ]
    assert found[0] == [] and found[1] == []
    # the innovation the choice made first, the departure an event caused next, then the choice's own swing:
    # the budget cut (an event's 42 points) does not make its decision a turning point before the choice's 14
    assert rank(steps, found) == [2, 3, 1]


def test_names_and_scenario_texts_are_escaped(tmp_path, demo_path):
    hostile = demo_path.read_text(encoding="utf-8").replace(
        'fr: "Autour de la table"', 'fr: "<img src=x onerror=alert(2)> table"'
    )
    assert hostile != demo_path.read_text(encoding="utf-8")
    scenario = tmp_path / "hostile.yaml"
    scenario.write_text(hostile, encoding="utf-8")
    engine = Engine(load(scenario))
    log, _ = record(engine, tmp_path, 3, [0], trainee=XSS, group="<b>G</b>")
    text = write_report(log).read_text(encoding="utf-8")
    assert "<script" not in text.lower() and "<img" not in text and "<b>G</b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(2)&gt; table" in text
    assert "&lt;b&gt;G&lt;/b&gt;" in text


def test_page_is_self_contained_and_follows_the_debrief(finished):
    text = write_report(finished[0]).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<link" not in text and "@import" not in text and "<script" not in text
    assert text.count('<svg class="chart"') == 1 and "@media print" in text
    order = [text.index(f'id="{part}"') for part in ("reactions", "description", "analysis", "summary")]
    assert order == sorted(order)
    for heading in (
        "1. Réactions",
        "2. Description",
        "3. Analyse",
        "4. Synthèse",
        "Les tournants",
        "Pourquoi cette fin",
        "Inventions et diffusion",
        "Glossaire des concepts",
        "Lyet, P. (2009)",
    ):
        assert heading in text


def test_language_follows_the_session_or_the_option(engine, tmp_path):
    log, _ = record(engine, tmp_path, 4, [1, 1, 1], lang="en")
    english = write_report(log).read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "1. Reactions" in english and "Turning points" in english
    assert "Réactions" not in english and "Why this ending:" in english and " : " not in english
    french = write_report(log, tmp_path / "fr.html", lang="fr").read_text(encoding="utf-8")
    assert '<html lang="fr">' in french and "1. Réactions" in french
    with pytest.raises(RecordError, match="unknown language"):
        build_report(log, lang="de")


def test_unfinished_and_truncated_records_still_report(engine, tmp_path):
    session = engine.new_session(8, "E")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        engine.choose(session, engine.view(session).choices[0].index)
    with open(recorder.path, "a", encoding="utf-8") as handle:
        handle.write('{"type":"dec')
    data = build_report(recorder.path)
    assert not data["finished"] and data["ending"] is None and len(data["decisions"]) == 1
    # in the report's language, with no parser text
    assert data["warnings"] and "La ligne 4" in data["warnings"][0] and "est coupée" in data["warnings"][0]
    assert "JSON" not in data["warnings"][0] and "Expecting" not in data["warnings"][0]
    text = write_report(recorder.path).read_text(encoding="utf-8")
    assert "Partie inachevée" in text and "est coupée" in text
    english = build_report(recorder.path, lang="en")["warnings"][0]
    assert english.startswith("Line 4 of ") and "is cut" in english


def test_report_warns_on_the_terminal_about_a_cut_record(engine, tmp_path, capsys):
    session = engine.new_session(8, "E")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        engine.choose(session, engine.view(session).choices[0].index)
    with open(recorder.path, "a", encoding="utf-8") as handle:
        handle.write('{"type":"dec')
    assert main(["report", str(recorder.path)]) == 0
    assert "last line is cut" in capsys.readouterr().err
    assert recorder.path.with_suffix(".html").stat().st_mode & 0o044 == 0o044  # readable like the record


def test_out_folder_and_no_temporary_files_left(finished, tmp_path):
    out = tmp_path / "reports"
    html = write_report(finished[0], out)
    assert html == out / finished[0].with_suffix(".html").name
    assert sorted(p.name for p in out.iterdir()) == sorted([html.name, html.with_suffix(".json").name])


def test_report_command(finished, tmp_path, capsys):
    target = tmp_path / "r" / "mine.html"
    assert main(["report", str(finished[0]), "-o", str(target)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [str(target), str(target.with_suffix(".json"))]


def test_report_command_refuses_a_changed_scenario(tmp_path, demo_path, capsys):
    copy = tmp_path / "demo.yaml"
    copy.write_text(demo_path.read_text(encoding="utf-8") + "# local copy\n", encoding="utf-8")
    log, _ = record(Engine(load(copy)), tmp_path, 1, [0])
    copy.write_text(copy.read_text(encoding="utf-8") + "# edited after the game\n", encoding="utf-8")
    assert main(["report", str(log)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("partenaires: ") and "has changed since" in err and "Traceback" not in err


# -- issue 15: you and the class, trainer sheets, printed pages, local time -------------------------------------
def test_you_and_the_class_places_each_choice_among_the_classs(engine, tmp_path):
    mine, _ = record(engine, tmp_path / "me", 12, [0, 0, 0, 0, 0, 0], trainee="Moi")
    for seed, picks in enumerate([[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [0, 1, 0, 1, 0, 1]]):
        record(engine, tmp_path / "class", 12, picks, trainee=f"C{seed}")
    (tmp_path / "class" / "me.jsonl").write_bytes(mine.read_bytes())  # the trainee's own record is left out
    with Recorder.begin(engine, engine.new_session(12, trainee="Vide"), tmp_path / "class"):
        pass  # quit before any decision: not one of the "other games"
    assert main(["report", str(mine), "--class", str(tmp_path / "class")]) == 0
    data = json.loads(mine.with_suffix(".json").read_text(encoding="utf-8"))
    ours = data["class"]
    assert ours["count"] == 3
    first = ours["scenes"][0]
    # same seed: every classmate met the first scene; C0 and C2 chose the first option like the trainee
    assert (first["played"], first["same"]) == (3, 2)
    assert sum(e["count"] for e in ours["endings"]) == 3
    html = mine.with_suffix(".html").read_text(encoding="utf-8")
    assert "Vous et la classe" in html and "2 / 3" in html


def test_trainer_sheets_and_printed_pages_name_the_trainee(engine, finished, tmp_path):
    log, _ = finished
    html = write_report(log).read_text(encoding="utf-8")
    assert "Fiche formateur" in html and "<bdi>&lt;script&gt;" in html
    footer = next(line for line in html.splitlines() if "@page { @bottom-left" in line)
    assert "counter(page)" in footer and "\\3c script\\3e " in footer  # the name, escaped as a CSS string
    assert "<script" not in footer
    english = write_report(log, tmp_path / "en.html", lang="en").read_text(encoding="utf-8")
    assert "Trainer sheet" in english and "Meaning" in english and "(sens)" not in english
    record(engine, tmp_path / "more", 3, [1, 1, 1, 1, 1, 1], trainee="Léa", group="G2")
    (tmp_path / "more" / "a.jsonl").write_bytes(log.read_bytes())
    sheets = tmp_path / "sheets.html"
    assert main(["debrief", str(tmp_path / "more"), "-o", str(tmp_path / "c.html"), "--sheets", str(sheets)]) == 0
    text = sheets.read_text(encoding="utf-8")
    assert text.count('<section class="sheet"') == 2 and "Trois questions" in text


def test_the_report_shows_the_local_time_of_the_machine_that_played(finished):
    from game.reports.report import local_time

    assert local_time("2026-11-25T13:12:03.250Z", 60) == "2026-11-25 14:12 (UTC+01:00)"
    assert local_time("2026-11-25T13:12:03Z", -270) == "2026-11-25 08:42 (UTC-04:30)"
    assert local_time("2026-11-25T13:12:03Z", None) == "2026-11-25 13:12 (UTC)"  # an older record: no offset
    header = json.loads(finished[0].read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(header["utc_offset"], int)
    data = build_report(finished[0])
    assert data["session"]["started_local"] == local_time(header["started_at"], header["utc_offset"])
