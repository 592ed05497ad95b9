"""`partenaires play --class URL/CODE` in the window: the game is sent to the class as it is played."""

from __future__ import annotations

from pathlib import Path

from classroom import TOKEN, Server, cli, records, server_stack, wait_for

from game.ui import records as window_records
from game.ui.app import App
from game.ui.screens.ending import EndingScreen
from game.ui.screens.play import PlayScreen
from tests.test_ui_game import play_with_keys, start_demo_with_keys

server_stack()


def test_a_window_game_joins_the_class_and_arrives_whole(tmp_path: Path) -> None:
    server = Server(f"sqlite:///{tmp_path / 'classe.db'}", tmp_path).start()
    app = None
    try:
        code = server.new_class()
        window_records.join_class(f"{server.url}/{code}")
        app = App((1280, 720), "fr", record=True, records_dir=tmp_path / "sessions")
        start_demo_with_keys(app, "Camille")
        assert isinstance(app.screen, PlayScreen)
        play_with_keys(app)
        assert isinstance(app.screen, EndingScreen)
        local = records(tmp_path / "sessions")
        (game,) = local
        wait_for(lambda: [g for g in server.games(code) if g["ending"]], what="the ending on the server")
        out = tmp_path / "export"
        proc = cli("class", "export", "--server", server.url, "--token", TOKEN, code, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        assert records(out) == local
        assert server.games(code)[0]["trainee"] == "Camille"
    finally:
        window_records.join_class(None)
        if app is not None:
            app.close()
        server.stop()
