"""`play --text --start SCENE --set GAUGE=N`: trainers start anywhere with chosen gauges."""

from __future__ import annotations

import io
import sys

from game.cli import main


def test_start_and_set(demo_path, monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    code = main(
        [
            "play",
            "--text",
            str(demo_path),
            "--start",
            "habitants",
            "--set",
            "sens=60",
            "--set",
            "pouvoir=70",
            "--seed",
            "2",
            "--lang",
            "en",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "Scene: The residents' voice." in out
    assert "Gauges: meaning 60, identity 50, power 70" in out


def test_start_unknown_scene_and_bad_set(demo_path, capsys, tmp_path) -> None:
    assert main(["play", "--text", str(demo_path), "--start", "nowhere", "--out", str(tmp_path), "--lang", "en"]) == 1
    assert "unknown scene `nowhere`" in capsys.readouterr().err
    assert main(["play", "--text", str(demo_path), "--set", "force=3", "--out", str(tmp_path), "--lang", "en"]) == 1
    assert "expected NAME=NUMBER" in capsys.readouterr().err


def test_set_turn_starts_later_on_the_clock(demo_path, capsys, tmp_path, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert (
        main(
            [
                "play",
                "--text",
                str(demo_path),
                "--start",
                "diffuser",
                "--set",
                "turn=4",
                "--set",
                "sens=20",
                "--seed",
                "1",
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Mois 5 sur 6, phase «\u00a0Diffuser avant la fin\u00a0»." in out
    assert "Jauges\u00a0: sens 20, " in out


def test_set_previews_any_moment_and_the_record_replays_it(demo_path, capsys, tmp_path, monkeypatch) -> None:
    from game.records.record import read_log, resume

    monkeypatch.setattr("sys.stdin", io.StringIO("1\nq\n"))
    record = tmp_path / "preview.jsonl"
    sets = ["flag.direction_nouvelle=1", "invention.temps=1", "diffusion.revue.cg71=45", "engagement.marie=90"]
    sets += ["awareness.ccas=70", "support.anpe=15"]
    args = ["play", "--text", str(demo_path), "--start", "diffuser", "--seed", "4", "--lang", "en"]
    assert main(args + [x for s in sets for x in ("--set", s)] + ["--out", str(record)]) == 0
    header = read_log(record).header
    assert header["set"] == {
        "flag.direction_nouvelle": 1,
        "invention.temps": 1,
        "diffusion.revue.cg71": 45,
        "engagement.marie": 90,
        "awareness.ccas": 70,
        "support.anpe": 15,
    }
    engine, session, recorder = resume(record)
    recorder.close()
    assert session.flags["direction_nouvelle"] is True
    assert "temps" in session.diffusion and session.diffusion["revue"]["cg71"] >= 45
    assert session.awareness["ccas"] >= 70 and session.support["anpe"] <= 15
    assert session.engagement["marie"] >= 80


def test_set_and_start_suggest_the_nearest_id(demo_path, capsys, tmp_path) -> None:
    assert main(["play", "--text", str(demo_path), "--start", "difuser", "--out", str(tmp_path), "--lang", "en"]) == 1
    assert "unknown scene `difuser` — did you mean `diffuser`?" in capsys.readouterr().err
    assert (
        main(["play", "--text", str(demo_path), "--set", "engagement.mari=3", "--out", str(tmp_path), "--lang", "en"])
        == 1
    )
    assert "did you mean `marie`?" in capsys.readouterr().err
    assert main(["play", "--text", str(demo_path), "--set", "flag=1", "--out", str(tmp_path), "--lang", "en"]) == 1
    assert "flag.NAME" in capsys.readouterr().err
