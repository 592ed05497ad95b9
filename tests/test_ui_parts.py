"""The window's parts on their own: wrapping, causes, settings, portraits, reloading, refusing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.scenario.loading import load
from game.scenario.model import tr
from game.ui.app import App
from game.ui.causes import describe_cause, explain_last
from game.ui.match import Match
from game.ui.screens.document import DocumentScreen
from game.ui.screens.play import PlayScreen
from game.ui.settings import Settings
from game.ui.text import wrap_words
from game.ui.widgets.portrait import portrait, safe_asset
from tests.test_ui_support import key, settle

DEMO = Path("scenarios/demo.yaml")


def test_wrap_keeps_words_and_cuts_only_overlong_ones() -> None:
    assert wrap_words("un deux trois quatre", len, 9) == ["un deux", "trois", "quatre"]
    assert wrap_words("anticonstitutionnellement", len, 10) == ["anticonsti", "tutionnell", "ement"]
    assert wrap_words("", len, 10) == [""]


def test_causes_name_the_choice_the_event_or_the_drift() -> None:
    book = load(DEMO)
    assert "Partir d'une situation concrète" in describe_cause(book, "accueil#1", "fr")
    assert "Coupe budgétaire" in describe_cause(book, "event:coupe", "fr")
    assert "cohesion follows" in describe_cause(book, "", "en")
    assert explain_last(book, "sens", {}, {}, "fr") == "N'a pas encore bougé."
    assert explain_last(book, "sens", {"sens": "accueil#1"}, {"sens": 8}, "en").startswith("Last change: +8")


def test_settings_text_size_steps_and_survive_a_restart(tmp_path: Path) -> None:
    settings = Settings()
    assert settings.bigger(1) and settings.text_scale == 1.15
    while settings.bigger(1):
        pass
    assert settings.text_scale == 1.5 and not settings.bigger(1)
    settings.high_contrast = True
    path = tmp_path / "window.json"
    settings.save(path)
    again = Settings.load(path)
    assert again.text_scale == 1.5 and again.high_contrast
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path) == Settings()


@pytest.mark.parametrize(
    "content",
    [
        "[1]",
        "null",
        "42",
        '"fr"',
        '{"lang": 3, "text_scale": "big"}',
        '{"text_scale": 1e999, "high_contrast": "yes"}',
        "\u0000\xff",
        "[" * 5000,
    ],
)
def test_damaged_window_preferences_give_the_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "window.json"
    path.write_text(content, encoding="utf-8")
    assert Settings.load(path) == Settings()
    assert Settings.load(path, "en").lang == "en"


def test_a_damaged_preferences_file_does_not_stop_the_window(tmp_path: Path) -> None:
    path = tmp_path / "window.json"
    path.write_text("[1]", encoding="utf-8")
    app = App((800, 600), "fr", settings_path=path)
    try:
        app.step()
        assert app.settings == Settings()
    finally:
        app.close()
    assert Settings.load(path) == Settings()  # closing wrote a sound file over the damaged one


def test_preferences_are_written_whole_and_leave_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "conf" / "window.json"
    Settings(lang="en", text_scale=1.3).save(path)
    assert Settings.load(path) == Settings(lang="en", text_scale=1.3)
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    Settings(lang="fr", high_contrast=True).save(path)  # the rename fails: the old file stays whole
    assert synced
    assert Settings.load(path) == Settings(lang="en", text_scale=1.3)
    assert sorted(p.name for p in path.parent.iterdir()) == ["window.json"]


def test_portraits_are_drawn_from_the_id(tmp_path: Path) -> None:
    pygame.display.init()
    a1 = pygame.image.tobytes(portrait("marie", (90, 111, 181), 48), "RGBA")
    a2 = pygame.image.tobytes(portrait("marie", (90, 111, 181), 48), "RGBA")
    b = pygame.image.tobytes(portrait("karim", (90, 111, 181), 48), "RGBA")
    assert a1 == a2 and a1 != b
    gone = portrait("marie", (90, 111, 181), 48, gone=True)
    r, g, bl, _ = gone.get_at((24, 40))
    assert r == g == bl  # greyed when the partner has left


def test_asset_paths_stay_inside_the_scenario_folder(tmp_path: Path) -> None:
    (tmp_path / "inside.png").write_bytes(b"x")
    (tmp_path.parent / "outside.png").write_bytes(b"x")
    assert safe_asset(tmp_path, "inside.png") == (tmp_path / "inside.png").resolve()
    assert safe_asset(tmp_path, "../outside.png") is None
    assert safe_asset(tmp_path, "missing.png") is None


def test_a_broken_portrait_falls_back_to_the_drawn_one(tmp_path: Path) -> None:
    pygame.display.init()
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    assert portrait("lucie", (46, 125, 107), 40, bad).get_size() == (40, 40)


@pytest.fixture
def app():
    window = App((1280, 720), "fr")
    yield window
    window.close()


def test_a_broken_scenario_is_refused_with_located_errors(app: App, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(DEMO.read_text(encoding="utf-8").replace("turns: 6", "turns: 0"), encoding="utf-8")
    app.open_play(broken)
    screen = app.screen
    assert isinstance(screen, DocumentScreen)
    blocks = screen.text.blocks
    assert any(style == "h2" and "broken.yaml" in text and "E103" in text for style, text, *_ in blocks)
    assert any(style == "source" for style, *_ in blocks)
    settle(app, 2)
    key(app, pygame.K_RETURN)
    assert not isinstance(app.screen, DocumentScreen)


def test_a_broken_scenario_in_the_folder_is_listed_but_refused(tmp_path: Path) -> None:
    (tmp_path / "oops.yaml").write_text("format: 1\nid: [\n", encoding="utf-8")
    app = App((1280, 720), "fr", scenarios_dir=tmp_path)
    try:
        entry = next(e for e in app.catalogue() if e.path.name == "oops.yaml")
        assert not entry.ok and entry.errors
        app.choose_scenario(entry)
        assert isinstance(app.screen, DocumentScreen)
    finally:
        app.close()


def copy_demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    shutil.copy(DEMO, path)
    return path


def test_f5_reloads_and_keeps_the_session(app: App, tmp_path: Path) -> None:
    path = copy_demo(tmp_path)
    app.open_play(path, seed=4)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    before = screen.match.session.to_dict()
    path.write_text(
        path.read_text(encoding="utf-8").replace("Lucie a fait du café", "Lucie a fait du thé"), encoding="utf-8"
    )
    key(app, pygame.K_F5)
    after = screen.match.session
    assert after.scene == before["scene"] and after.turn == before["turn"] and after.gauges == before["gauges"]
    assert screen.match.book.digest != before["digest"]


def test_f5_shows_the_errors_of_a_broken_file(app: App, tmp_path: Path) -> None:
    path = copy_demo(tmp_path)
    app.open_play(path, seed=4)
    play = app.screen
    path.write_text(path.read_text(encoding="utf-8").replace("turns: 6", "turns: many"), encoding="utf-8")
    key(app, pygame.K_F5)
    assert isinstance(app.screen, DocumentScreen)
    key(app, pygame.K_RETURN)  # back to the game, untouched
    assert app.screen is play


def test_reload_restarts_when_the_scene_is_gone(tmp_path: Path) -> None:
    path = copy_demo(tmp_path)
    match = Match.new(load(path), 1, "", "", "fr", False, None)
    assert match.session.scene == "accueil"
    text = (
        path.read_text(encoding="utf-8")
        .replace("id: accueil", "id: bienvenue")
        .replace("start: accueil", "start: bienvenue")
    )
    path.write_text(text, encoding="utf-8")
    result = match.reload()
    assert result.restarted == "accueil" and match.session.scene == "bienvenue"


def test_keys_one_to_nine_ignore_missing_choices(app: App) -> None:
    app.open_play(DEMO, seed=1)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    key(app, pygame.K_9)
    assert screen.outcome is None and not screen.match.session.history
    key(app, pygame.K_KP2)
    assert screen.outcome is not None and screen.match.session.history[0].choice == 1


def test_resizing_the_window_lays_the_screen_out_again(app: App) -> None:
    app.open_play(DEMO, seed=1)
    pygame.display.set_mode((1024, 640), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 640), w=1024, h=640))
    settle(app, 2)
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    assert all(w.rect.right <= 1024 and w.rect.bottom <= 640 for w in screen.widgets)


def test_ending_facts_read_as_sentences() -> None:
    """Gauges, partners and inventions by their names; the values read and the verdict."""
    from game.scenario.conditions import Fact
    from game.scenario.loading import load
    from game.views.narration import describe_condition_fact

    book = load(DEMO)
    partner, invention = book.model.partners[0], book.model.inventions[0]
    fact = Fact("cohesion >= 40", True, (("cohesion", 60.0),))
    assert describe_condition_fact(book, fact, "fr") == "La cohésion atteint au moins 40 (ici\u00a0: 60)."
    assert describe_condition_fact(book, fact, "en") == "Cohesion reaches at least 40 (here: 60)."
    below = Fact("cohesion >= 40", False, (("cohesion", 30.0),))  # said as it is, not as "false"
    assert describe_condition_fact(book, below, "fr") == "La cohésion reste sous 40 (ici\u00a0: 30)."
    engagement = Fact(f"engagement({partner.id}) < 30", False, ((f"engagement({partner.id})", 45.0),))
    assert describe_condition_fact(book, engagement, "fr") == (
        f"L’engagement de {partner.name} atteint au moins 30 (ici\u00a0: 45)."
    )
    gone = Fact(f"not active({partner.id})", False, ((f"active({partner.id})", 1.0),))
    assert describe_condition_fact(book, gone, "en") == f"{partner.name} is still in the collective."
    made = Fact(f"invented({invention.id})", True, ((f"invented({invention.id})", 1.0),))
    name = tr(invention.name, "fr")
    assert describe_condition_fact(book, made, "fr") == f"L'invention «\u00a0{name}\u00a0» a vu le jour."
    count = Fact("innovations >= 1", False, (("innovations", 0.0),))
    assert describe_condition_fact(book, count, "fr") == (
        "Le nombre d’inventions devenues innovations reste sous 1 (ici\u00a0: 0)."
    )
    months = Fact("turn >= 3", True, (("turn", 4.0),))
    assert describe_condition_fact(book, months, "fr") == "Le nombre de mois écoulés atteint au moins 3 (ici\u00a0: 4)."
    assert (
        describe_condition_fact(book, Fact("not sens >= 40", True, (("sens", 30.0),)), "fr")
        == "Le sens reste sous 40 (ici\u00a0: 30)."
    )


def test_the_ending_screen_says_why_in_words(app: App) -> None:
    from game.ui.screens.ending import EndingScreen
    from game.views.narration import describe_condition_fact

    app.open_play(DEMO, seed=1)
    for _ in range(60):
        if isinstance(app.screen, EndingScreen):
            break
        assert isinstance(app.screen, PlayScreen)
        key(app, pygame.K_1 if app.screen.outcome is None else pygame.K_RETURN)
    screen = app.screen
    assert isinstance(screen, EndingScreen)
    match = screen.match
    facts = match.engine.result(match.session).facts
    lines = [b[1] for b in screen.text.blocks if b[0] in ("yes", "no")]
    assert facts and lines == [describe_condition_fact(match.book, f, "fr") for f in facts]
    assert all(line.endswith(".") for line in lines)
    assert not any(mark in line for line in lines for mark in ("cohesion", ">=", "≥", "<", "vrai", "faux"))


def test_the_name_field_takes_accented_capitals(app: App) -> None:
    from game.ui.screens.profile import ProfileScreen
    from tests.test_ui_support import type_text

    app.new_game()
    assert isinstance(app.screen, ProfileScreen)
    type_text(app, "Élodie Dupré")
    key(app, pygame.K_BACKSPACE)
    type_text(app, "é")
    key(app, pygame.K_1)  # a digit key in a text field is text, not a choice
    assert app.screen.name.value == "Élodie Dupré"


def test_a_long_list_of_scenarios_follows_the_focus(tmp_path: Path) -> None:
    for n in range(12):
        shutil.copy(DEMO, tmp_path / f"copy{n:02d}.yaml")
    app = App((1024, 640), "fr", scenarios_dir=tmp_path)
    try:
        app.after_profile()
        screen = app.screen
        for _ in range(14):
            key(app, pygame.K_DOWN)
        focused = screen.focused
        assert focused in screen.buttons  # type: ignore[attr-defined]
        assert screen.list_rect.contains(focused.rect)  # type: ignore[attr-defined, union-attr]
    finally:
        app.close()


def test_play_with_a_scenario_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`partenaires play demo`: the window opens on the title, New game leads to that scenario."""
    import game.ui.app as window
    from game.cli import main

    monkeypatch.setattr(window, "default_settings_path", lambda: tmp_path / "window.json")
    seen: list[object] = []
    original = window.App.loop

    def loop(self: App) -> int:
        key(self, pygame.K_RETURN)  # New game
        key(self, pygame.K_RETURN)  # the name is known: Continue
        key(self, pygame.K_RETURN)  # How to play: Start
        seen.append(self.screen)
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        return original(self)

    monkeypatch.setattr(window.App, "loop", loop)
    assert main(["play", "demo", "--name", "Ana", "--out", str(tmp_path / "rec"), "--seed", "7"]) == 0
    assert isinstance(seen[0], PlayScreen)
    assert seen[0].match.book.model.id == "demo" and seen[0].match.session.seed == 7
    assert list((tmp_path / "rec").glob("*.jsonl"))


def test_play_with_a_broken_scenario_shows_its_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    app = App((1280, 720), "fr")
    try:
        app.start_with(str(broken))
        assert isinstance(app.screen, DocumentScreen)
    finally:
        app.close()


def test_without_font_lato_the_bundled_font_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from game.ui.text import TextCache, lato_file

    assert lato_file("regular") is not None
    monkeypatch.setitem(sys.modules, "font_lato", None)  # as if the package were not installed
    assert lato_file("regular") is None
    pygame.font.init()
    text = TextCache()
    assert text.typeface == "pygame default"
    surface = text.render("Cohésion ≥ 40 « œ »", "body", (0, 0, 0))
    assert surface.get_width() == text.width("Cohésion ≥ 40 « œ »", "body") > 0
    assert text.missing_glyphs("éœ«»≥", "h2") == []
