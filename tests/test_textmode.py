import io
import subprocess
import sys

from game.cli import main
from game.rules.engine import Engine
from game.textmode.game import TextGame


def run_text(book, answers, lang="fr", seed=1):
    engine = Engine(book)
    session = engine.new_session(seed, lang=lang)
    feed = iter(answers)
    out = io.StringIO()

    def read(prompt):
        out.write(prompt + "\n")
        return next(feed, None)

    code = TextGame(engine, session, out, read).run()
    return code, out.getvalue(), session


def test_a_piped_game_reaches_an_ending(demo_book):
    code, text, session = run_text(demo_book, ["3", "1"], lang="fr")
    assert code == 0 and session.ending == "eclate"
    assert "Fin de la partie\u00a0: Collectif éclaté." in text
    assert "  La cohésion reste sous 25 (ici\u00a0: " in text
    assert "Questions pour le débriefing\u00a0:" in text


def test_wrong_input_is_asked_again(demo_book):
    code, text, session = run_text(demo_book, ["zz", "9", "3", "1"], lang="en")
    assert text.count("is not a choice: type a number from 1 to 3") == 2
    assert session.ending == "eclate"


def test_end_of_input_stops_cleanly(demo_book):
    code, text, session = run_text(demo_book, ["1"], lang="en")
    assert code == 0 and not session.finished
    assert text.rstrip().endswith("End of input: the game stops here.")


def test_help_and_status_commands(demo_book):
    _, text, _ = run_text(demo_book, ["?", "p", "i", "g"], lang="fr")
    assert "p\u00a0: partenaires et hiérarchies" in text
    assert "Marie Perrin (CG71, Assistante sociale de secteur) — engagement 60" in text
    assert "Aucune invention pour l'instant." in text


def test_screen_shows_scene_gauges_and_numbered_choices(demo_book):
    _, text, _ = run_text(demo_book, [], lang="fr")
    lines = text.splitlines()
    nb = "\u00a0"
    assert f"Mois 1 sur 6, phase «{nb}Premiers contacts{nb}»." in lines
    assert f"Scène{nb}: Autour de la table." in lines and "Lucie Moreau, CCAS, prend la parole." in lines
    assert (
        f"Jauges{nb}: sens 55, identité 50, pouvoir 30, cohésion 50 (éclate sous 25). Financement restant{nb}: 6 mois."
        in lines
    )
    assert f"Choix 1{nb}: Partir d'une situation concrète que tous connaissent. Durée{nb}: 1 mois." in lines
    assert f"Choix 3{nb}: Imposer la méthode du CCAS. Durée{nb}: sans délai." in lines
    assert not any("\x1b" in line for line in lines)  # plain lines for screen readers


def test_a_transcript_has_words_not_punctuation_markers(demo_book):
    """A screen reader reads `===`, `##`, `|` or `>>` aloud as punctuation: the text mode prints none of them."""
    _, text, session = run_text(demo_book, ["2", "1", "1", "1", "1", "1", "1"], lang="fr")
    assert session.finished
    for marker in ("===", "##", "---", "!!", ">>", " | ", "  - "):
        assert marker not in text, marker
    assert "Un événement extérieur\u00a0: " in text and "Question 1\u00a0: " in text


def test_cli_play_text_through_a_pipe(demo_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "play",
            "--text",
            str(demo_path),
            "--seed",
            "1",
            "--lang",
            "en",
            "--out",
            "/tmp/partenaires-test-sessions",
        ],
        input="1\n1\n1\n1\n1\n1\n1\n1\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "End of the game: " in proc.stdout
    assert "Traceback" not in proc.stderr


def test_cli_check_exit_codes(demo_path, tmp_path, capsys):
    assert main(["check", "--lang", "en", str(demo_path)]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(demo_path.read_text(encoding="utf-8").replace("next: crise", "next: crisis"), encoding="utf-8")
    assert main(["check", "--lang", "en", str(demo_path), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:" in out and "unknown scene `crisis` — did you mean `crise`?" in out


def test_cli_bad_input_without_traceback(tmp_path):
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"\xff\xfe\x00junk")
    proc = subprocess.run(
        [sys.executable, "-m", "game", "check", "--lang", "en", str(junk)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{junk}:1:1: error E002" in proc.stdout


def test_schema_command(capsys):
    import json

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["clock"]["$ref"].endswith("Clock")
    assert "scenes" in schema["required"]


def test_shipped_schema_is_current():
    import json
    from pathlib import Path

    from game.scenario.schema import scenario_schema

    shipped = json.loads((Path(__file__).resolve().parent.parent / "scenario.schema.json").read_text())
    assert shipped == scenario_schema()


def test_unknown_scenario_is_a_clear_error(capsys):
    assert main(["play", "--text", "nope-not-here"]) == 1
    assert "nope-not-here" in capsys.readouterr().err
