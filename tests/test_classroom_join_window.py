"""« Rejoindre une classe » in the window: the link checked without blocking, remembered, and games sent there."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pygame
from classroom import Server, free_port, records, server_stack, wait_for

from game.ui import records as window_records
from game.ui.app import App
from game.ui.screens.ending import EndingScreen
from game.ui.screens.joinclass import ClassScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.strings import s
from tests.test_ui_game import play_with_keys, start_demo_with_keys
from tests.test_ui_support import button, click_button, key, type_text

server_stack()


def _answer(app: App, seconds: float = 20) -> int:
    """Frames stepped until the check has answered (the window draws all the while)."""
    frames = 0
    deadline = time.monotonic() + seconds
    while isinstance(app.screen, ClassScreen) and app.screen.checking is not None:
        assert time.monotonic() < deadline, "the link check never answered"
        app.step(16)
        frames += 1
    app.step(16)
    return frames


def test_join_a_class_from_the_title_then_a_game_arrives_on_the_server(tmp_path: Path) -> None:
    server = Server(f"sqlite:///{tmp_path / 'classe.db'}", tmp_path).start()
    prefs = tmp_path / "window.json"
    app = None
    try:
        code = server.new_class()
        app = App((1280, 720), "fr", record=True, records_dir=tmp_path / "sessions", settings_path=prefs)
        click_button(app, s("join_class", "fr"))
        assert isinstance(app.screen, ClassScreen)
        pygame.scrap.put_text(f"  {server.url}/{code.lower()}\nthe rest of the trainer's message")
        key(app, pygame.K_v, pygame.KMOD_CTRL)  # the link, pasted from the trainer's message
        assert app.screen.widgets[0].value == f"{server.url}/{code.lower()}"  # type: ignore[attr-defined]
        key(app, pygame.K_RETURN)
        assert app.screen.status == s("class_checking", "fr")
        _answer(app)
        assert isinstance(app.screen, TitleScreen)
        assert app.toasts and str(app.toasts[0][0]) == s("class_ok", "fr", code=code)
        assert json.loads(prefs.read_text())["class_link"] == f"{server.url}/{code}"
        assert button(app, s("in_class", "fr", code=code)).hint == s("in_class_hint", "fr", server=server.url)
        window_records.join_class(None)  # as after a restart: the preferences alone lead the games to the class
        app.close()
        app = App((1280, 720), "fr", record=True, records_dir=tmp_path / "sessions", settings_path=prefs)
        button(app, s("in_class", "fr", code=code))
        start_demo_with_keys(app, "Léa")
        assert isinstance(app.screen, PlayScreen)
        play_with_keys(app)
        assert isinstance(app.screen, EndingScreen)
        (local,) = records(tmp_path / "sessions").values()
        wait_for(lambda: [g for g in server.games(code) if g["ending"]], what="the ending on the server")
        assert server.games(code)[0]["trainee"] == "Léa"
        status, data = server.call("GET", f"/api/classes/{code}/records/{server.games(code)[0]['game']}.jsonl")
        assert status == 200 and data == local

        app.go_title()  # and leaving the class: the title offers to join one again
        click_button(app, s("in_class", "fr", code=code))
        click_button(app, s("class_leave", "fr"))
        assert isinstance(app.screen, TitleScreen)
        button(app, s("join_class", "fr"))
        assert json.loads(prefs.read_text())["class_link"] == ""
        assert window_records.class_link() is None
    finally:
        window_records.join_class(None)
        if app is not None:
            app.close()
        server.stop()


def test_a_wrong_link_gets_a_sentence_and_the_window_keeps_drawing(tmp_path: Path) -> None:
    server = Server(f"sqlite:///{tmp_path / 'classe.db'}", tmp_path).start()
    prefs = tmp_path / "window.json"
    app = App((1280, 720), "en", settings_path=prefs)
    try:
        click_button(app, s("join_class", "en"))
        field = app.screen.widgets[0]
        cases = [
            ("not a link", s("class_bad_link", "en")),
            (f"{server.url}/ABCD-EFGH-JKMN-PQRS", s("class_no_class", "en", code="ABCD-EFGH-JKMN-PQRS")),
            (f"http://127.0.0.1:{free_port()}/ABCD-EFGH-JKMN-PQRS", "No server answers at http://127.0.0.1:"),
        ]
        for link, sentence in cases:
            field.value = ""  # type: ignore[attr-defined]
            type_text(app, link)
            key(app, pygame.K_RETURN)
            _answer(app)
            assert isinstance(app.screen, ClassScreen)
            assert app.screen.status.startswith(sentence)
        assert remembered_link(prefs) == ""
        click_button(app, s("back", "en"))  # a wrong link keeps no one from playing
        key(app, pygame.K_RETURN)
        assert type(app.screen).__name__ == "ProfileScreen"
    finally:
        app.close()
        server.stop()


def test_checking_an_unanswering_server_never_blocks_a_frame(tmp_path: Path) -> None:
    import socket

    silent = socket.socket()  # accepts connections, never answers: the check waits for its timeout
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    app = App((1280, 720), "fr")
    try:
        click_button(app, s("join_class", "fr"))
        type_text(app, f"http://127.0.0.1:{silent.getsockname()[1]}/ABCD-EFGH-JKMN-PQRS")
        key(app, pygame.K_RETURN)
        started = time.monotonic()
        frames = 0
        while time.monotonic() - started < 1.0:
            app.step(16)
            frames += 1
        assert app.screen.checking is not None and app.screen.checking.is_alive()  # type: ignore[attr-defined]
        assert app.screen.status == s("class_checking", "fr")  # type: ignore[attr-defined]
        assert frames > 10  # the window kept drawing while the server stayed silent
        click_button(app, s("back", "fr"))
        assert isinstance(app.screen, TitleScreen)
    finally:
        app.close()
        silent.close()


def remembered_link(prefs: Path) -> str:
    from game.ui.settings import Settings

    return Settings.load(prefs).class_link


def test_a_damaged_class_link_in_the_preferences_is_left_out() -> None:
    from game.ui.settings import Settings

    assert Settings.from_data({"class_link": "http://10.0.0.5:8765/K7QM-3RTA-ZP9C-WXHD"}).class_link.endswith("WXHD")
    for wrong in ("http://x/\x1b[2J", "h" * 500, 42, None, ["http://x/ABCD"]):
        assert Settings.from_data({"class_link": wrong}).class_link == ""
