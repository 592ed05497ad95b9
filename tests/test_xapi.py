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
        "suspended": "http://adlnet.gov/expapi/verbs/suspended",
        "resumed": "http://adlnet.gov/expapi/verbs/resumed",
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


# -- issue 15: learners, pauses, gradebook fields, the profile, strict stores -------------------------------------
def _timed(path, pause_after: int):
    """Rewrite a record's times: a decision every 10 s from 10:00, a two-hour pause after `pause_after`."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    clock = 0
    out = []
    for entry in lines:
        if entry["type"] == "header":
            entry["started_at"] = "2026-11-25T10:00:00.000Z"
        elif entry["type"] == "resumed":
            clock = 7200
            entry["at"] = "2026-11-25T12:00:00.000Z"
        elif "at" in entry:
            clock += 10 if entry["type"] == "decision" else 0
            entry["at"] = f"2026-11-25T{10 + clock // 3600:02d}:{clock % 3600 // 60:02d}:{clock % 60:02d}.000Z"
        out.append(json.dumps(entry, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.fixture
def resumed_log(demo_book, tmp_path):
    from game.records.record import resume

    engine = Engine(demo_book)
    session = engine.new_session(31, "Léa", "DEIS 1", "fr")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        for _ in range(3):
            engine.choose(session, engine.view(session).choices[0].index)
    engine2, session2, recorder2 = resume(recorder.path)
    with recorder2:
        while not session2.finished:
            engine2.choose(session2, engine2.view(session2).choices[0].index)
    _timed(recorder.path, 3)
    return recorder.path


def test_a_resumed_game_says_suspended_and_resumed_and_counts_play_not_pause(resumed_log):
    report = build_report(resumed_log)
    found = statements(report)
    verbs = [s["verb"]["display"]["en"] for s in found]
    n = len(report["decisions"])
    assert verbs == ["initialized"] + ["selected", "progressed"] * 3 + ["suspended", "resumed"] + [
        "selected",
        "progressed",
    ] * (n - 3) + ["completed"]
    suspended, again = found[7], found[8]
    assert suspended["timestamp"] == "2026-11-25T10:00:30.000Z" and suspended["result"]["duration"] == "PT0H0M30S"
    assert again["timestamp"] == "2026-11-25T12:00:00.000Z"
    # 30 s before the pause, then 10 s per decision after it: the two hours of pause are not play
    assert found[-1]["result"]["duration"] == f"PT0H{(30 + 10 * (n - 3)) // 60}M{(30 + 10 * (n - 3)) % 60}S"
    stamps = [s["timestamp"] for s in found]
    assert stamps == sorted(stamps)
    for statement in found:
        assert validate_statement(statement) == [], statement


def test_an_abandoned_game_ends_suspended(demo_book, tmp_path):
    engine = Engine(demo_book)
    session = engine.new_session(5, "Abel")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        engine.choose(session, engine.view(session).choices[0].index)
    found = statements(build_report(recorder.path))
    assert [s["verb"]["id"] for s in found][-1] == VERBS["suspended"]
    assert found[-1]["result"]["completion"] is False and validate_statement(found[-1]) == []


def test_the_actor_is_never_the_display_name_alone_and_can_be_a_pseudonym(demo_book, tmp_path):
    engine = Engine(demo_book)
    actors, pseudonyms = [], []
    for seed, name in enumerate(["Léa", "Léa", "", ""]):
        session = engine.new_session(seed, name)
        with Recorder.begin(engine, session, tmp_path / f"{seed}.jsonl") as recorder:
            engine.choose(session, engine.view(session).choices[0].index)
        report = build_report(recorder.path)
        actors.append(statements(report)[0]["actor"])
        pseudonyms.append(statements(report, pseudonym=True)[0]["actor"])
    accounts = [a["account"]["name"] for a in actors]
    assert len(set(accounts)) == 4 and all(a["account"]["name"] != a["name"] for a in actors)  # two Léa, two anonymous
    assert [a.get("name") for a in actors] == ["Léa", "Léa", "anonymous", "anonymous"]
    assert all("name" not in p and p["account"]["name"].startswith("learner-") for p in pseudonyms)
    assert len({p["account"]["name"] for p in pseudonyms}) == 4
    assert all("Léa" not in json.dumps(p) for p in pseudonyms)
    damaged = {"objectType": "Agent", "name": "Léa", "account": {"homePage": "https://x.fr", "name": "Léa"}}
    assert any("display name alone" in p for p in validate_statement({**statements(report)[0], "actor": damaged}))


def test_pseudonymous_statements_carry_no_name_nor_group(log):
    text = json.dumps(statements(build_report(log), pseudonym=True), ensure_ascii=False)
    assert "Zoé" not in text and "DEIS 1" not in text


def test_statement_ids_depend_on_the_base(log):
    report = build_report(log)
    one = [s["id"] for s in statements(report, "https://a.example/xapi")]
    other = [s["id"] for s in statements(report, "https://b.example/xapi")]
    assert one == [s["id"] for s in statements(report, "https://a.example/xapi")] and not set(one) & set(other)


@pytest.mark.parametrize(
    "base",
    ["javascript:alert(1)", "https://", "https://a b.fr", "https://x.fr/?q=1", "https://x.fr/#f", "ftp://x.fr", "x.fr"],
)
def test_the_base_must_be_an_iri(base):
    from game.errors import PartenairesError
    from game.reports.xapi import check_base

    with pytest.raises(PartenairesError, match="expected an IRI"):
        check_base(base)
    assert check_base("https://lrs.école.fr/partenaires/") == "https://lrs.école.fr/partenaires"


def test_the_profile_is_named_and_score_is_where_a_gradebook_looks(log):
    from game.reports.xapi import PROFILE

    report = build_report(log)
    found = statements(report)
    for statement in found:
        [category] = statement["context"]["contextActivities"]["category"]
        assert category["id"] == PROFILE == "https://w3id.org/xapi/seriousgames"
    completed = found[-1]["result"]
    final = report["decisions"][-1]["after"]
    assert completed["score"]["raw"] == round(sum(final.values()) / 4, 2)
    assert completed["score"]["scaled"] == round(completed["score"]["raw"] / 100, 4)
    assert "success" not in completed  # no `success:` in the scenario: no single right answer


def test_success_is_written_when_the_ending_declares_it(tmp_path, demo_path):
    from game.scenario.loading import load

    text = demo_path.read_text(encoding="utf-8")
    head, endings = text.split("\nendings:\n", 1)
    marked = head + "\nendings:\n" + endings.replace("\n  - id: ", "\n  - success: false\n    id: ")
    marked = marked.replace("endings:\n  - id: ", "endings:\n  - success: false\n    id: ", 1)
    scenario = tmp_path / "demo.yaml"
    scenario.write_text(marked, encoding="utf-8")
    engine = Engine(load(scenario))
    session = engine.new_session(3, "S")
    with Recorder.begin(engine, session, tmp_path / "s.jsonl") as recorder:
        while not session.finished:
            engine.choose(session, engine.view(session).choices[0].index)
    result = statements(build_report(recorder.path))[-1]["result"]
    assert result["success"] is False and validate_statement(statements(build_report(recorder.path))[-1]) == []


def test_an_empty_scene_text_exports_no_empty_map(log):
    report = build_report(log)
    report["decisions"][0]["scene_text"] = "   "
    report["scenario"]["summary"] = ""
    found = statements(report)
    assert "description" not in found[1]["object"]["definition"]
    assert "description" not in found[0]["object"]["definition"]
    assert all(validate_statement(s) == [] for s in found)
    broken = json.loads(json.dumps(found[1]))
    broken["object"]["definition"]["description"] = {"fr": ""}
    assert any("language map" in p for p in validate_statement(broken))
