"""The trainer's dashboard in a real browser: the system's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import pytest
from classroom import TOKEN, Game, Server, chromium, play_argv, server_stack, wait_for

server_stack()

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NAME = "<img src=x onerror=alert(1)>Léa & <b>co</b>"


@pytest.fixture
def browser():
    executable = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        # Playwright gives each launch a fresh, temporary user data folder.
        launched = driver.chromium.launch(executable_path=executable, headless=True, args=FLAGS)
        yield launched
        launched.close()


def test_the_dashboard_follows_a_game_live_without_reloading(browser, tmp_path):
    server = Server(f"sqlite:///{tmp_path / 'classe.db'}", tmp_path).start()
    try:
        code = server.new_class("Dashboard <script>")
        game = Game(play_argv(f"{server.url}/{code}", tmp_path / "games", NAME, 2))
        game.choose("1")
        wait_for(lambda: [g for g in server.games(code) if g["decisions"] >= 1], what="the first decision")

        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        loads: list[str] = []
        page.on("load", lambda _page: loads.append("load"))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{server.url}/dashboard#token={TOKEN}&class={code}")
        row = page.locator("#games tr").first
        row.locator("td.trainee").wait_for()
        assert row.locator("td.trainee").inner_text() == NAME  # shown as text, not run as HTML
        assert page.locator("#games img, #games b").count() == 0
        assert page.locator("#status.live").count() == 1
        assert "Dashboard <script>" in page.locator("#title").inner_text()
        first_month = int(row.locator("td.month").inner_text())

        game.choose("1", "1")  # the game moves on: the page follows, without a reload
        page.wait_for_function(
            "m => Number(document.querySelector('#games tr td.month').textContent) > m", arg=first_month, timeout=20000
        )
        game.choose("1", "1", "1", "1")
        code_, _out, err = game.finish()
        assert code_ == 0, err
        ending = next(g["ending"] for g in server.games(code))
        page.wait_for_function(
            "e => document.querySelector('#games tr td.ending').textContent === e", arg=ending, timeout=20000
        )
        assert row.locator("td.gauges .gauge").count() == 4
        assert loads == ["load"]  # one page load: everything after came through the event stream
        assert dialogs == []
        assert all(url.startswith(server.url) for url in requests)  # nothing from the internet

        with page.context.expect_page() as opened:  # the class debrief, the same HTML as `partenaires debrief`
            page.locator("#debrief").click()
        debrief = opened.value
        debrief.wait_for_load_state()
        assert "Léa" in debrief.content()
        assert debrief.locator("img[src=x]").count() == 0
        with page.expect_download() as download:
            page.locator("#csv").click()
        assert NAME.split(">", 1)[1].split(" ")[0] in download.value.path().read_text(encoding="utf-8")
    finally:
        server.stop()
