"""The class debrief, checked against figures computed by hand on three sessions."""

from __future__ import annotations

import csv
import io
import json
import random
from math import sqrt
from pathlib import Path

import pytest

from game.cli import main
from game.errors import PartenairesError
from game.records.record import Recorder
from game.reports.debrief import class_data, collect_logs, csv_text, distance, load_sessions, write_csv
from game.rules.engine import Engine
from game.safeio import _umask
from game.scenario.loading import load

# Three scenes in a row (a → b → c), one month each, no outside event, cohésion frozen (inertia 0):
# every figure below can be worked out on paper.
MINI = """\
format: 1
id: mini
title: {fr: "Mini", en: "Mini"}
summary: {fr: "Trois scènes, trois mois.", en: "Three scenes, three months."}
player: {role: {fr: "Conseillère", en: "Adviser"}, organisation: ccas}
gauges: {sens: 50, identite: 50, pouvoir: 50, cohesion: 50}
clock: {turns: 3}
rules: {cohesion_inertia: 0}
organisations:
  - {id: ccas, name: {fr: "CCAS", en: "CCAS"}, short: CCAS, hierarchy: {title: {fr: "Directrice", en: "Director"}}}
partners:
  - {id: lucie, name: "Lucie", organisation: ccas, role: {fr: "Animatrice", en: "Facilitator"},
     logic: {fr: "Le lien.", en: "Ties."}}
phases:
  - {id: p, name: {fr: "Phase", en: "Phase"}, start: a}
scenes:
  - id: a
    phase: p
    title: {fr: "Scène A", en: "Scene A"}
    text: {fr: "A ?", en: "A?"}
    next: b
    choices:
      - {id: x, text: {fr: "x", en: "x"}, effects: {sens: 10}}
      - {id: y, text: {fr: "y", en: "y"}, effects: {sens: -10}}
      - {id: z, text: {fr: "z", en: "z"}}
  - id: b
    phase: p
    draw: false
    text: {fr: "B ?", en: "B?"}
    next: c
    choices:
      - {id: p, text: {fr: "p", en: "p"}, effects: {identite: 10}}
      - {id: q, text: {fr: "q", en: "q"}, effects: {identite: -10}}
  - id: c
    phase: p
    draw: false
    text: {fr: "C ?", en: "C?"}
    choices:
      - {id: k, text: {fr: "k", en: "k"}, effects: {pouvoir: 10}}
      - {id: l, text: {fr: "l", en: "l"}, effects: {pouvoir: -10}}
endings:
  - {id: haut, when: "sens >= 55", title: {fr: "Haut", en: "High"}, explanation: {fr: "Oui.", en: "Yes."}}
  - {id: bas, title: {fr: "Bas", en: "Low"}, explanation: {fr: "Non.", en: "No."}}
"""

PATHS = {"Ana": [0, 0, 0], "Ben": [0, 1, 0], "Cy": [1, 1, 1]}  # x p k / x q k / y q l


@pytest.fixture
def three(tmp_path) -> list[Path]:
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(MINI, encoding="utf-8")
    engine = Engine(load(scenario))
    logs = []
    for seed, (name, picks) in enumerate(PATHS.items()):
        session = engine.new_session(seed, name, "G1")
        with Recorder.begin(engine, session, tmp_path / "logs" / f"{name}.jsonl") as recorder:
            for pick in picks:
                engine.choose(session, engine.view(session).choices[pick].index)
        assert session.finished
        logs.append(recorder.path)
    return logs


@pytest.fixture
def data(three):
    reports, skipped = load_sessions(three)
    assert skipped == []
    return class_data(reports, skipped, "fr")


def test_endings_distribution(data):
    [group] = data["groups"]
    assert group["count"] == 3 and group["finished"] == 3
    assert [(e["id"], e["count"], e["share"]) for e in group["endings"]] == [("haut", 2, 2 / 3), ("bas", 1, 1 / 3)]


def test_share_of_each_choice_per_scene(data):
    [group] = data["groups"]
    shares = {s["id"]: {c["id"]: (c["count"], c["share"]) for c in s["choices"]} for s in group["scenes"]}
    assert shares == {
        "a": {"x": (2, 2 / 3), "y": (1, 1 / 3)},
        "b": {"p": (1, 1 / 3), "q": (2, 2 / 3)},
        "c": {"k": (2, 2 / 3), "l": (1, 1 / 3)},
    }
    assert all(s["played"] == 3 for s in group["scenes"])


def test_mean_and_spread_of_each_gauge_per_turn(data):
    [group] = data["groups"]
    g = group["gauges"]
    sd_60_60_40 = round(sqrt((2 * (20 / 3) ** 2 + (40 / 3) ** 2) / 3), 2)  # population sd of 60, 60, 40 = 9.43
    # sens moves at turn 1 (a: +10, +10, −10), identité at turn 2 (b: +10, −10, −10), pouvoir at 3 (c: +10, +10, −10)
    assert [(p["mean"], p["sd"]) for p in g["sens"]] == [
        (50, 0),
        (53.33, sd_60_60_40),
        (53.33, sd_60_60_40),
        (53.33, sd_60_60_40),
    ]
    assert [(p["mean"], p["sd"]) for p in g["identite"]] == [
        (50, 0),
        (50, 0),
        (46.67, sd_60_60_40),
        (46.67, sd_60_60_40),
    ]
    assert [(p["mean"], p["sd"]) for p in g["pouvoir"]] == [(50, 0), (50, 0), (50, 0), (53.33, sd_60_60_40)]
    assert [(p["mean"], p["sd"]) for p in g["cohesion"]] == [(50, 0)] * 4
    assert (g["sens"][3]["min"], g["sens"][3]["max"]) == (40, 60)


def test_most_divergent_paths(data):
    [group] = data["groups"]
    # Ana–Ben: 1 scene of 3 differs; final gauges differ by 20 on identité → (1/3 + 20/4/100) / 2
    # Ana–Cy: 3 of 3 differ; 20 on sens, identité and pouvoir → (1 + 60/4/100) / 2
    # Ben–Cy: 2 of 3 differ; 20 on sens and pouvoir → (2/3 + 40/4/100) / 2
    ana_ben, ana_cy, ben_cy = (1 / 3 + 0.05) / 2, (1 + 0.15) / 2, (2 / 3 + 0.1) / 2
    pairs = {(p["a_name"], p["b_name"]): p["distance"] for p in group["pairs"]}
    assert pairs == pytest.approx(
        {("Ana (G1)", "Cy (G1)"): ana_cy, ("Ben (G1)", "Cy (G1)"): ben_cy, ("Ana (G1)", "Ben (G1)"): ana_ben}, abs=1e-4
    )
    assert [p["a_name"] for p in group["pairs"]][0] == "Ana (G1)" and group["pairs"][0]["b_name"] == "Cy (G1)"
    singular = {s["name"]: s["singularity"] for s in group["singular"]}
    assert singular == pytest.approx(
        {"Cy (G1)": (ana_cy + ben_cy) / 2, "Ana (G1)": (ana_cy + ana_ben) / 2, "Ben (G1)": (ana_ben + ben_cy) / 2},
        abs=1e-4,
    )
    assert group["singular"][0]["name"] == "Cy (G1)"


def test_distance_is_zero_for_the_same_path(three):
    reports, _ = load_sessions([three[0], three[0]])
    assert distance(reports[0], reports[1]) == 0


def test_csv_has_a_row_per_session(data):
    rows = list(csv.DictReader(io.StringIO(csv_text(data["groups"][0], "fr", "plain"))))
    assert [
        (r["trainee"], r["ending"], r["sens"], r["identite"], r["pouvoir"], r["scene:a"], r["scene:b"], r["scene:c"])
        for r in rows
    ] == [
        ("Ana", "haut", "60", "60", "60", "x", "p", "k"),
        ("Ben", "haut", "60", "40", "60", "x", "q", "k"),
        ("Cy", "bas", "40", "40", "40", "y", "q", "l"),
    ]


def test_csv_cells_never_become_formulas(tmp_path, demo_book):
    engine = Engine(demo_book)
    session = engine.new_session(1, '=HYPERLINK("http://x")', "+G")
    with Recorder.begin(engine, session, tmp_path) as recorder:
        engine.choose(session, engine.view(session).choices[0].index)
    reports, _ = load_sessions([recorder.path])
    row = next(csv.DictReader(io.StringIO(csv_text(class_data(reports)["groups"][0], "fr", "plain"))))
    assert row["trainee"].startswith("'=") and row["group"] == "'+G"


def test_sessions_are_grouped_per_scenario_and_bad_records_left_out(three, tmp_path, demo_book, capsys):
    engine = Engine(demo_book)
    session = engine.new_session(2, "Dee")
    with Recorder.begin(engine, session, tmp_path / "logs"):
        engine.choose(session, engine.view(session).choices[0].index)
    (tmp_path / "logs" / "broken.jsonl").write_text("{oops\n{}\n", encoding="utf-8")
    out = tmp_path / "out" / "class.html"
    assert main(["debrief", str(tmp_path / "logs"), "-o", str(out), "--csv", str(tmp_path / "class.csv")]) == 0
    printed = capsys.readouterr().out
    assert "4 session(s): demo (1), mini (3); 1 left out" in printed and "broken.jsonl" in printed
    text = out.read_text(encoding="utf-8")
    assert text.index(">Démo") < text.index(">Mini<") and "Journaux écartés" in text
    # one CSV per scenario (scene ids collide across scenarios)
    assert len((tmp_path / "class-mini.csv").read_text(encoding="utf-8-sig").splitlines()) == 4
    assert len((tmp_path / "class-demo.csv").read_text(encoding="utf-8-sig").splitlines()) == 2


def test_no_record_found(tmp_path):
    with pytest.raises(PartenairesError, match="no session record"):
        collect_logs([tmp_path])
    with pytest.raises(PartenairesError, match="no such file"):
        collect_logs([tmp_path / "nope"])


def test_a_simulated_class_of_thirty(tmp_path, demo_book, capsys):
    """30 scripted trainees on the demo, then one command for the class report and the CSV."""
    engine = Engine(demo_book)
    for i in range(30):
        session = engine.new_session(1000 + i, f"Stagiaire {i:02d}", f"DEIS {i % 2 + 1}", "fr" if i % 3 else "en")
        rng = random.Random(i)
        with Recorder.begin(engine, session, tmp_path / "class"):
            while not session.finished:
                engine.choose(session, rng.choice(engine.view(session).choices).index)
    html, table = tmp_path / "class.html", tmp_path / "class.csv"
    assert (
        main(["debrief", str(tmp_path / "class"), "-o", str(html), "--csv", str(table), "--csv-dialect", "plain"]) == 0
    )
    assert "30 session(s): demo (30)" in capsys.readouterr().out
    text = html.read_text(encoding="utf-8")
    # four band charts, then a mean chart per group (DEIS 1, DEIS 2) and per ending reached (four)
    assert '<html lang="fr">' in text and text.count('<svg class="chart small"') == 4 + 2 + 4
    assert "Répartition des fins" in text and "Les parcours les plus divergents" in text
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert len(rows) == 30 and {r["status"] for r in rows} == {"finished"}
    endings = [r["ending"] for r in rows]
    shown = {e: endings.count(e) for e in set(endings)}
    for ending, count in shown.items():
        assert f'<td class="n">{count}</td>' in text, ending


# -- comparisons, the discussion guide, duplicates and the JSON (issue 15) ------------------------------------
@pytest.fixture
def classroom(tmp_path) -> Path:
    """Ana and Ben in G1, Cy in G2 (finished); Eve quit after one decision, Dee before any; Ana's record copied."""
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(MINI, encoding="utf-8")
    engine = Engine(load(scenario))
    folder = tmp_path / "logs"
    plays = {
        "Ana": ("G1", [0, 0, 0]),
        "Ben": ("G1", [0, 1, 0]),
        "Cy": ("G2", [1, 1, 1]),
        "Eve": ("G2", [1]),
        "Dee": ("G2", []),
    }
    for seed, (name, (group, picks)) in enumerate(plays.items()):
        session = engine.new_session(seed, name, group)
        with Recorder.begin(engine, session, folder / f"{name}.jsonl") as recorder:
            for pick in picks:
                engine.choose(session, engine.view(session).choices[pick].index)
        if name == "Ana":
            (folder / "Ana-copy.jsonl").write_bytes(recorder.path.read_bytes())
    return folder


def test_the_class_figures_as_json_match_a_hand_count(classroom, tmp_path, capsys):
    out = tmp_path / "class.json"
    assert main(["debrief", str(classroom), "-o", str(tmp_path / "class.html"), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "partenaires-class/1" and data["count"] == 5  # six files, Ana counted once
    [warning] = data["warnings"]
    assert "Ana-copy.jsonl, Ana.jsonl" in warning and "une fois" in warning and warning in printed
    [group] = data["groups"]
    assert (group["count"], group["finished"], group["unfinished"], group["empty"]) == (5, 3, 1, 1)
    # the averages read the three finished games only: sens 60, 60, 40 at the end
    assert group["gauges"]["sens"][3]["mean"] == 53.33
    assert sorted(s["name"] for s in group["singular"]) == ["Ana (G1)", "Ben (G1)", "Cy (G2)"]
    assert {r["trainee"]: r["status"] for r in group["roster"]} == {
        "Ana": "finished",
        "Ben": "finished",
        "Cy": "finished",
        "Eve": "unfinished",
        "Dee": "empty",
    }
    by_group = {
        g["key"]: (g["count"], g["final"], [(e["id"], e["count"]) for e in g["endings"]]) for g in group["by_group"]
    }
    assert by_group == {
        "G1": (2, {"sens": 60, "identite": 50, "pouvoir": 60, "cohesion": 50}, [("haut", 2)]),
        "G2": (1, {"sens": 40, "identite": 40, "pouvoir": 40, "cohesion": 50}, [("bas", 1)]),
    }
    assert [(e["key"], e["title"], e["count"]) for e in group["by_ending"]] == [("bas", "Bas", 1), ("haut", "Haut", 2)]
    assert group["by_ending"][1]["curves"]["identite"] == [50, 50, 50, 50]
    # dilemmas: a is split half and half (Eve's unfinished choice counts), z chosen by nobody; b and c 1 − 2/3
    dilemmas = [(d["id"], d["played"], d["split"]) for d in group["dilemmas"]]
    assert dilemmas == [("a", 4, 0.5), ("b", 3, 0.3333), ("c", 3, 0.3333)]
    a = group["dilemmas"][0]
    options = {
        o["id"]: (o["count"], o["share"], o["finished"], o["top_ending"], o["top_ending_count"]) for o in a["options"]
    }
    assert options == {"x": (2, 0.5, 2, "haut", 2), "y": (2, 0.5, 1, "bas", 1), "z": (0, 0.0, 0, "", 0)}
    assert len(a["questions"]) == 2 and "«\u00a0z\u00a0»" in a["questions"][1] and "Personne" in a["questions"][1]
    outcomes = group["outcomes"]
    assert outcomes["sessions"] == 3 and outcomes["partners"] == [{"id": "lucie", "name": "Lucie", "left": 0}]
    html = (tmp_path / "class.html").read_text(encoding="utf-8")
    assert "Guide de discussion" in html and "2 sur 2 ont atteint Haut" in html and "<bdi>Ana (G1)</bdi>" in html


def _mean_charts(html: str) -> list[tuple[str, dict[str, list[tuple[float, float]]]]]:
    """Each per-group / per-ending figure: its caption, and per gauge colour the points of its line,
    read back into (month, gauge value) through the small chart's frame (370 × 200, see html.gauge_chart)."""
    import re
    import xml.etree.ElementTree as ET

    svg = "{http://www.w3.org/2000/svg}"
    charts = []
    for block in re.findall(r'<figure class="mean">.*?</figure>', html, re.S):
        figure = ET.fromstring(block)
        caption = "".join(figure.find("figcaption").itertext())
        lines = {}
        for line in figure.iter(svg + "polyline"):
            if line.get("class") != "line":
                continue
            pairs = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
            lines[line.get("stroke")] = [
                (round((x - 30) * 3 / (370 - 30 - 14), 2), round(100 - (y - 14) * 100 / (200 - 14 - 30), 1))
                for x, y in pairs
            ]
        charts.append((caption, lines))
    return charts


def test_each_group_and_each_ending_has_its_mean_curves_drawn(tmp_path):
    """Ana and Ben in a group whose name is markup, Cy in G2: one line per gauge per group and ending,
    one point per month at the group's mean, the name escaped and the number of games shown."""
    from game.reports.html import COLOURS

    scenario = tmp_path / "mini.yaml"
    scenario.write_text(MINI, encoding="utf-8")
    engine = Engine(load(scenario))
    hostile = "<b>A&B</b>"
    for seed, (name, group, picks) in enumerate(
        [("Ana", hostile, [0, 0, 0]), ("Ben", hostile, [0, 1, 0]), ("Cy", "G2", [1, 1, 1])]
    ):
        session = engine.new_session(seed, name, group)
        with Recorder.begin(engine, session, tmp_path / "logs" / f"{name}.jsonl"):
            for pick in picks:
                engine.choose(session, engine.view(session).choices[pick].index)
    out = tmp_path / "class.html"
    assert main(["debrief", str(tmp_path / "logs"), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert hostile not in html and "&lt;b&gt;A&amp;B&lt;/b&gt;" in html
    charts = _mean_charts(html)
    assert [caption for caption, _ in charts] == [
        "<b>A&B</b> · 2 parties terminées",
        "G2 · 1 partie terminée",
        "Bas · 1 partie terminée",
        "Haut · 2 parties terminées",
    ]
    months = [0, 1, 2, 3]
    expected = {
        # Ana x p k, Ben x q k: sens +10 in month 1, identité +10 and −10 in month 2, pouvoir +10 in month 3
        "<b>A&B</b>": {"sens": [50, 60, 60, 60], "identite": [50, 50, 50, 50], "pouvoir": [50, 50, 50, 60]},
        "G2": {"sens": [50, 40, 40, 40], "identite": [50, 50, 40, 40], "pouvoir": [50, 50, 50, 40]},
    }
    expected["Haut"], expected["Bas"] = expected["<b>A&B</b>"], expected["G2"]
    for caption, lines in charts:
        want = expected[caption.split(" · ")[0]]
        assert len(lines) == 4  # one line per gauge
        for gauge, values in {**want, "cohesion": [50, 50, 50, 50]}.items():
            assert lines[COLOURS[gauge]] == list(zip(months, values, strict=True)), (caption, gauge)
    en = tmp_path / "class-en.html"
    assert main(["debrief", str(tmp_path / "logs"), "-o", str(en), "--lang", "en"]) == 0
    assert [c for c, _ in _mean_charts(en.read_text(encoding="utf-8"))][2:] == [
        "Low · 1 finished game",
        "High · 2 finished games",
    ]


def test_the_csv_opens_in_a_french_excel(data, tmp_path):
    [path] = write_csv(data, tmp_path / "class.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    lines = raw[3:].decode("utf-8").split("\r\n")
    assert lines[0].split(";")[:4] == ['"Scénario"', '"Version"', '"Session"', '"Stagiaire"']
    assert '"Scène A"' in lines[0] and '"Fin atteinte"' in lines[0]
    first = next(csv.reader([lines[1]], delimiter=";"))
    head = next(csv.reader([lines[0]], delimiter=";"))
    row = dict(zip(head, first, strict=True))
    assert row["Stagiaire"] == "Ana" and row["Fin atteinte"] == "Haut" and row["État"] == "achevée"
    assert row["Singularité"] == f"{(((1 + 0.15) / 2 + (1 / 3 + 0.05) / 2) / 2):.4f}".replace(".", ",")
    assert row["Scène A"] == "x" and row["Sens"] == "60"
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()  # 0644 under the usual umask, like the records
    plain = write_csv(data, tmp_path / "plain.csv", "plain")[0].read_bytes()
    assert plain.startswith(b'"scenario","scenario_version","session"') and b"0.4" in plain
