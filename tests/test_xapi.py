"""xAPI statements (serious-games profile): structure, verbs, and what each one carries."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.records.record import Recorder, read_log
from game.reports.report import build_report
from game.reports.xapi import ACTIVITY_TYPES, PROGRESS, VERBS, statements, validate_statement
from game.rules.engine import Engine


@pytest.fixture
def log(demo_book, tmp_path):
    engine = Engine(demo_book)
    session = engine.new_session(31, "Zoé", "DEIS 1", "fr")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    return recorder.path


def test_verbs_are_the_profiles_iris():
    assert VERBS == {
        "initialized": "http://adlnet.gov/expapi/verbs/initialized",
        "progressed": "http://adlnet.gov/expapi/verbs/progressed",
        "completed": "http://adlnet.gov/expapi/verbs/completed",
        "selected": "https://w3id.org/xapi/adb/verbs/selected",
    }


def test_statements_tell_the_session_in_order(log):
    report = build_report(log)
    found = statements(report)
    verbs = [s["verb"]["display"]["en"] for s in found]
    n = len(report["decisions"])
    assert verbs == ["initialized"] + ["selected", "progressed"] * n + ["completed"]
    for statement in found:
        assert validate_statement(statement) == [], statement
        assert statement["context"]["registration"] == read_log(log).session_id
        assert statement["actor"]["name"] == "Zoé"
    assert len({s["id"] for s in found}) == len(found)


def test_selected_carries_the_choice_and_the_gauges(log):
    report = build_report(log)
    selected = [s for s in statements(report) if s["verb"]["id"] == VERBS["selected"]]
    for statement, decision in zip(selected, report["decisions"], strict=True):
        assert statement["result"]["response"] == decision["choice_id"]
        gauges = next(v for k, v in statement["result"]["extensions"].items() if k.endswith("/gauges"))
        assert gauges == decision["after"]
        assert statement["object"]["definition"]["type"] == ACTIVITY_TYPES["question"]
        assert statement["object"]["id"].endswith(f"/scenes/{decision['scene']}")
        assert statement["context"]["contextActivities"]["parent"][0]["id"].endswith("/scenarios/demo")
        assert statement["timestamp"] == decision["at"]


def test_progress_and_completion(log):
    report = build_report(log)
    found = statements(report, base="https://school.example/xapi/")
    progress = [s["result"]["extensions"][PROGRESS] for s in found if s["verb"]["id"] == VERBS["progressed"]]
    assert progress == sorted(progress) and all(0 < p <= 1 for p in progress)
    completed = found[-1]
    assert completed["result"]["response"] == report["ending"]["id"] and completed["result"]["completion"] is True
    assert completed["object"]["definition"]["type"] == ACTIVITY_TYPES["game"]
    assert completed["object"]["id"] == "https://school.example/xapi/scenarios/demo"
    assert completed["result"]["duration"].startswith("PT")


def test_statement_ids_are_stable(log):
    report = build_report(log)
    assert [s["id"] for s in statements(report)] == [s["id"] for s in statements(build_report(log))]


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda s: s.pop("actor"), "missing `actor`"),
        (lambda s: s.update(id="42"), "`id` is not a UUID"),
        (lambda s: s["verb"].update(id="selected"), "`verb` needs an IRI"),
        (lambda s: s.update(timestamp="yesterday"), "`timestamp`"),
        (lambda s: s["context"].update(registration="session-1"), "registration"),
        (lambda s: s["object"]["definition"].update(name="plain"), "language map"),
    ],
)
def test_validator_catches_broken_statements(log, damage, problem):
    statement = statements(build_report(log))[1]
    damage(statement)
    assert any(problem in p for p in validate_statement(statement))


def test_report_command_writes_json_lines(log, capsys):
    assert main(["report", str(log), "--xapi"]) == 0
    target = log.with_suffix(".xapi.jsonl")
    assert str(target) in capsys.readouterr().out
    lines = target.read_text(encoding="utf-8").splitlines()
    assert all(validate_statement(json.loads(line)) == [] for line in lines)
    assert json.loads(lines[0])["verb"]["id"] == VERBS["initialized"]
