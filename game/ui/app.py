"""The window: one loop (events → update → draw → flip → tick) and the way between screens.

`run(args)` is what `partenaires play` and `python main.py` call. `App` can
also be driven frame by frame (`step`), which the tests and the benchmarks do
with SDL's dummy driver. When nothing moves and no input arrives, the loop
blocks on `pygame.event.wait`, so an idle game costs almost no CPU.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.i18n import LANGUAGES
from game.ui.screens.base import Screen
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings, default_settings_path
from game.ui.strings import s
from game.ui.text import TextCache
from game.ui.theme import theme_for
from game.ui.widgets.base import Look, blit_text, rounded

if TYPE_CHECKING:
    import argparse

    from game.errors import Diagnostic
    from game.ui.catalogue import Entry
    from game.ui.match import Match
    from game.ui.records import Saved
    from game.ui.sound import Sounds

# Start-up is a target (issue 7: the title on screen within 1.5x a bare pygame program). The title
# needs neither the engine nor the loader (and pydantic behind them): the modules that do (records,
# the catalogue, the play and ending screens) are imported where they are first needed, and `loop`
# warms them up once the first frame is on screen.

__all__ = ["App", "run"]

FPS = 60
IDLE_WAIT_MS = 500  # the longest the loop sleeps before looking again
TOAST_SECONDS = 4.0
FADE_SECONDS = 0.18  # the short cross-fade from one screen to the next


class App:
    """The game window and its screens; `surface` is the display surface."""

    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        lang: str = "fr",
        *,
        record: bool = False,
        records_dir: Path | None = None,
        settings_path: Path | None = None,
        scenarios_dir: Path | None = None,
        name: str = "",
        group: str = "",
        seed: int | None = None,
        quick_title: bool = False,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.settings = Settings.load(settings_path, lang)
        self.settings_path = settings_path
        self.record, self.records_dir = record, records_dir
        self.scenarios_dir = scenarios_dir
        self.seed = seed
        self.profile = {"name": name or self.settings.name, "group": group or self.settings.group}
        self.window_size = size
        pygame.display.set_caption("Partenaires")
        self._icon()  # before the window is shown, as SDL asks (and pygame then does not read its own)
        pygame.display.set_mode(size, pygame.RESIZABLE)
        self.look = Look(theme_for(self.settings.high_contrast), TextCache(self.settings.text_scale))
        self._sounds: Sounds | None = None  # made when sound is first wanted (the mixer is not opened before)
        pygame.key.set_repeat()  # no repeats: a held or late-released Enter must never take two decisions
        self.running = True
        self.animating = False
        self.needs_frame = True  # the first frame, and after any change made outside an event
        self.toasts: list[list[object]] = []
        self.fades = False  # cross-fades between screens: on in the real loop (tests and benches step frames)
        self._fade: tuple[pygame.Surface, float] | None = None
        self.chosen: Entry | None = None
        self.preset: Entry | None = None
        self._catalogue: list[Entry] | None = None
        self._reading: Any = None  # the thread reading the scenario list (a threading.Thread)
        self._read: list[list[Entry]] = []
        self._saved: Path | None = None
        self._unfinished: list[Saved] = []
        self.match: Match | None = None
        self.screen: Screen = TitleScreen(self)
        self._warm = quick_title  # the unfinished session (Continue) is looked for after the first frame
        self.go_title(look_for_saved=not quick_title)

    # -- the window ------------------------------------------------------------------------------------
    @property
    def surface(self) -> pygame.Surface:
        surface = pygame.display.get_surface()
        assert surface is not None, "the window is closed"
        return surface

    def _icon(self) -> None:
        from game.ui.icon import load_icon

        pygame.display.set_icon(load_icon())

    def show(self, screen: Screen) -> None:
        self.needs_frame = True
        if self.fades and not screen.modal and not self.screen.modal and self.screen is not screen:
            self._fade = (self.surface.copy(), FADE_SECONDS)  # the last picture, fading out over the new one
        match = getattr(screen, "match", None) or getattr(getattr(screen, "under", None), "match", None)
        if match is not self.match and screen.holds_match:
            if self.match is not None:
                self.match.close()  # the record stays on disk; only the file handle goes
            self.match = match
        self.screen = screen
        screen.relayout()
        screen.on_show()

    def relayout(self) -> None:
        self.needs_frame = True
        self.screen.relayout()

    def restyle(self) -> None:
        """New theme or text size: every cached surface is stale."""
        self.look.theme = theme_for(self.settings.high_contrast)
        self.look.text.set_scale(self.settings.text_scale)
        self.look.text.clear()
        self.settings.save(self.settings_path)
        self.relayout()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        try:
            if self.settings.fullscreen:
                self.window_size = self.surface.get_size()
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                pygame.display.set_mode(self.window_size, pygame.RESIZABLE)
        except pygame.error:
            self.settings.fullscreen = False
            pygame.display.set_mode(self.window_size, pygame.RESIZABLE)
        self.relayout()

    def text_size(self, step: int) -> None:
        if self.settings.bigger(step):
            self.restyle()

    def toggle_contrast(self) -> None:
        self.settings.high_contrast = not self.settings.high_contrast
        self.restyle()

    def set_language(self, lang: str) -> None:
        if lang != self.settings.lang:
            self.settings.lang = lang
            if self.match is not None:
                self.match.session.lang = lang
            self.settings.save(self.settings_path)
            self.relayout()

    def remember_profile(self, name: str, group: str) -> None:
        """The name and group typed on the profile screen, kept for this game and the next ones."""
        self.profile = {"name": name, "group": group}
        if (self.settings.name, self.settings.group) != (name, group):
            self.settings.name, self.settings.group = name, group
            self.settings.save(self.settings_path)

    def open_class(self) -> None:
        from game.ui.screens.joinclass import ClassScreen

        self.show(ClassScreen(self))

    def join_class(self, link: str) -> None:
        """The class every game started from now on is sent to ('' : none), remembered for the next time."""
        self.settings.class_link = link
        self.settings.save(self.settings_path)
        from game.ui import records

        records.join_class(link or None)

    def _follow_class(self) -> None:
        """Before a game starts or continues: the remembered class joins it (`play --class` given at start-up wins)."""
        if self.settings.class_link:
            from game.ui import records

            if records.class_link() is None:
                records.join_class(self.settings.class_link)

    # -- sound and voice ---------------------------------------------------------------------------------
    def sounds(self) -> Sounds:
        if self._sounds is None:
            from game.ui.sound import Sounds

            self._sounds = Sounds()
        return self._sounds

    def cue(self, name: str) -> None:
        """A sound cue (choice, event, phase, ending) when sound is on; nothing is loaded while it is off."""
        if self.settings.sound:
            self.sounds().cue(name)

    def start_sound(self) -> None:
        """Sound on at start-up when the player left it on (after the first frame: start-up is a target)."""
        if self.settings.sound and not self.sounds().enabled:
            self.sounds().set(True)

    def toggle_sound(self) -> None:
        """Key M: sounds and ambience on or off, remembered; without an audio device, say so."""
        lang = self.settings.lang
        self.settings.sound = not self.settings.sound
        working = self.sounds().set(self.settings.sound)
        self.settings.save(self.settings_path)
        if not working:
            self.toast(s("no_sound", lang))
        else:
            self.toast(s("sound_on" if self.settings.sound else "sound_off", lang))

    def read_aloud(self) -> None:
        """Key V: the current screen read aloud by the platform's speech engine, or a word saying there is none."""
        from game.ui import voice

        text = self.screen.spoken()
        if not text:
            return
        if voice.speak(text, self.settings.lang):
            self.toast(s("reading_aloud", self.settings.lang))
        else:
            self.toast(s("no_voice", self.settings.lang))

    def toast(self, text: str) -> None:
        self.toasts = [[text, TOAST_SECONDS]]

    # -- navigation ------------------------------------------------------------------------------------
    def go_title(self, look_for_saved: bool = True) -> None:
        self._saved, self._unfinished = None, []
        if self.match is not None:  # the game left is let go first, so that it is listed among those to continue
            self.match.close()
            self.match = None
        if self.record and look_for_saved:
            self._look_for_saved()
        self.show(TitleScreen(self))

    def _look_for_saved(self) -> None:
        from game.ui import records

        self._unfinished = records.unfinished(self.records_folder())
        self._saved = self._unfinished[0].path if self._unfinished else None

    def warm_up(self) -> None:
        """After the first frame: import what the title did not need and look for a session to continue."""
        self._warm = False
        from game.ui import catalogue, match, records  # noqa: F401
        from game.ui.screens import document, ending, pause, play, profile, scenarios  # noqa: F401

        if isinstance(self.screen, TitleScreen) and self.record:
            self._look_for_saved()
            if self._saved is not None:
                self.relayout()
        if isinstance(self.screen, TitleScreen):
            self.read_catalogue()  # the scenario list, read while the player looks at the title
            self.needs_frame = True  # the title's art, left out of the first frame
        self.start_sound()

    def records_folder(self) -> Path | None:
        folder = self.records_dir
        return folder if folder is None or folder.suffix == "" else folder.parent

    def saved_session(self) -> Path | None:
        return self._saved

    def unfinished_games(self) -> list[Saved]:
        return list(self._unfinished)

    def saved_words(self, saved: Saved, wait: bool = False) -> tuple[str, str]:
        """(`Camille Martin · Chalon`, `Mois 4`): who, which scenario by its title, which month — no file name.
        The title screen does not wait for the scenario list (its id stands in until the list is read)."""
        from game.scenario.model import tr

        lang = self.settings.lang
        title, unit = saved.scenario, s("month", lang)
        ready = wait or self._catalogue is not None or (self._reading is not None and not self._reading.is_alive())
        for entry in self.catalogue() if ready else []:  # never wait for the scenario list to name a game
            if entry.book is not None and entry.book.model.id == saved.scenario:
                title, unit = tr(entry.book.model.title, lang), tr(entry.book.model.clock.unit, lang)
                break
        who = saved.trainee or s("nameless", lang)
        return s("saved_game", lang, who=who, scenario=title), s(
            "saved_month", lang, unit=unit.capitalize(), month=saved.month
        )

    def saved_label(self) -> str | None:
        """The Continue button's explanation: the one game it resumes, or how many there are to choose from."""
        if not self._unfinished:
            return None
        if len(self._unfinished) > 1:
            return s("saved_games_hint", self.settings.lang, n=len(self._unfinished))
        label, detail = self.saved_words(self._unfinished[0])
        return f"{label} · {detail}"

    def choose_saved(self) -> None:
        """Continue: one unfinished game is resumed at once; several are listed to choose from."""
        if len(self._unfinished) > 1:
            from game.ui.screens.saved import SavedScreen

            self.show(SavedScreen(self))
        else:
            self.continue_game()

    def new_game(self) -> None:
        from game.ui.screens.profile import ProfileScreen

        self.show(ProfileScreen(self))

    def after_profile(self) -> None:
        if self.preset is not None:
            self.chosen = self.preset
            self.howto(start=True)
        else:
            from game.ui.screens.scenarios import ScenarioScreen

            self.show(ScenarioScreen(self))

    def read_catalogue(self) -> None:
        """Check the scenario files in a background thread: a large or hostile file in `--scenarios`
        never stops the title screen from answering (`catalogue` waits for it only when needed)."""
        if self._catalogue is not None or self._reading is not None:
            return
        import threading

        from game.ui.catalogue import catalogue

        def read() -> None:
            self._read.append(catalogue(self.scenarios_dir))

        self._reading = threading.Thread(target=read, name="scenario-list", daemon=True)
        self._reading.start()

    def catalogue(self) -> list[Entry]:
        if self._catalogue is None:
            from game.ui.catalogue import catalogue

            if self._reading is not None:
                self._reading.join()
            self._catalogue = self._read[0] if self._read else catalogue(self.scenarios_dir)
        return self._catalogue

    def back_from_scenarios(self) -> None:
        from game.ui.screens.profile import ProfileScreen

        self.show(ProfileScreen(self))

    def choose_scenario(self, entry: Entry) -> None:
        if not entry.ok:
            from game.ui.screens.scenarios import ScenarioScreen

            self.show_errors(entry.path, entry.errors, back=lambda: self.show(ScenarioScreen(self)))
            return
        self.chosen = entry
        self.howto(start=True)

    def howto(self, start: bool) -> None:
        from game.ui.screens.document import howto_screen

        self.show(howto_screen(self, self.start_chosen if start else None))

    def back_from_howto(self) -> None:
        from game.ui.screens.profile import ProfileScreen

        self.after_profile() if self.preset is None else self.show(ProfileScreen(self))

    def show_errors(self, path: Path, found: list[Diagnostic], back: Callable[[], None]) -> None:
        from game.ui.screens.document import errors_screen

        self.show(errors_screen(self, path, found, back))

    def new_seed(self) -> int:
        import random

        return self.seed if self.seed is not None else random.SystemRandom().randrange(1, 2**31)

    def start_chosen(self) -> None:
        entry = self.chosen
        if entry is None or entry.book is None:
            self.go_title()
            return
        from game.ui.catalogue import inspect
        from game.ui.match import Match
        from game.ui.screens.play import PlayScreen

        fresh = inspect(entry.path, entry.builtin)  # the file may have changed since the list was made
        if fresh.book is None:
            self.show_errors(entry.path, fresh.errors, back=self.go_title)
            return
        self._follow_class()
        match = Match.new(
            fresh.book,
            self.new_seed(),
            self.profile["name"],
            self.profile["group"],
            self.settings.lang,
            self.record,
            self.records_dir,
        )
        self.show(PlayScreen(self, match))
        self.tell_not_recorded(match)

    def open_play(self, scenario_path: str | Path, seed: int = 1) -> None:
        """Straight to the play screen of a new game (benchmarks, tests, `play SCENARIO --seed`)."""
        from game.scenario.loading import check
        from game.ui.match import Match
        from game.ui.screens.play import PlayScreen

        book, found = check(Path(scenario_path))
        if book is None:
            self.show_errors(Path(scenario_path), [d for d in found if d.severity == "error"], back=self.go_title)
            return
        self._follow_class()
        match = Match.new(
            book, seed, self.profile["name"], self.profile["group"], self.settings.lang, self.record, self.records_dir
        )
        self.show(PlayScreen(self, match))
        self.tell_not_recorded(match)

    def tell_not_recorded(self, match: Match) -> None:
        """A game that cannot be recorded says so before the first decision (it can still be played)."""
        if match.not_recorded:
            self.toast(s("not_recorded", self.settings.lang, error=match.not_recorded))

    def continue_game(self, path: Path | None = None) -> None:
        path = path or self._saved
        if path is None:
            return
        from game.errors import PartenairesError
        from game.ui import records
        from game.ui.match import Match
        from game.ui.screens.play import PlayScreen

        self._follow_class()  # a continued game goes to the class too, as with `play --class --resume`
        try:
            engine, session, recorder = records.resume(path)
        except (PartenairesError, OSError, ValueError, KeyError, ImportError) as exc:
            self.go_title()
            self.toast(s("resume_failed", self.settings.lang, error=str(exc)))
            return
        self.settings.lang = session.lang if session.lang in LANGUAGES else self.settings.lang
        self.show(PlayScreen(self, Match(engine, session, recorder, self.records_dir)))

    def pause(self) -> None:
        from game.ui.screens.pause import PauseScreen
        from game.ui.screens.play import PlayScreen

        if isinstance(self.screen, PlayScreen):
            self.show(PauseScreen(self, self.screen))

    def pause_again(self) -> None:
        from game.ui.screens.pause import PauseScreen

        play = getattr(self, "_paused_play", None)
        if play is not None:
            self.show(PauseScreen(self, play))

    def resume(self) -> None:
        from game.ui.screens.pause import PauseScreen

        if isinstance(self.screen, PauseScreen):
            self.show(self.screen.under)

    def open_settings(self, back: Callable[[], None] | None = None) -> None:
        from game.ui.screens.pause import PauseScreen, SettingsScreen

        if isinstance(self.screen, PauseScreen):
            self._paused_play = self.screen.under
        self.show(SettingsScreen(self, back or self.go_title))

    def save_and_quit(self) -> None:
        """The session is already on disk (recorded at every decision): its record is closed (and so
        released for "Continue"), then back to the title."""
        from game.ui.screens.pause import PauseScreen

        match = getattr(self.screen.under, "match", None) if isinstance(self.screen, PauseScreen) else None
        if match is not None:
            match.close()
        self.go_title()

    def show_journal(self) -> None:
        from game.ui.screens.document import journal_screen
        from game.ui.screens.play import PlayScreen

        if isinstance(self.screen, PlayScreen):
            self.show(journal_screen(self, self.screen))

    def show_glossary(self) -> None:
        """From the play screen (key G) back to it; from the pause menu back to the pause menu."""
        from game.ui.screens.document import glossary_screen
        from game.ui.screens.pause import PauseScreen
        from game.ui.screens.play import PlayScreen

        screen = self.screen
        if isinstance(screen, PlayScreen):
            self.show(glossary_screen(self, lambda: self.show(screen)))
        elif isinstance(screen, PauseScreen):
            self._paused_play = screen.under
            self.show(glossary_screen(self, self.pause_again))

    def show_organisations(self) -> None:
        from game.ui.screens.organisations import OrganisationsScreen
        from game.ui.screens.play import PlayScreen

        if isinstance(self.screen, PlayScreen):
            self.show(OrganisationsScreen(self, self.screen))

    def show_ending(self, match: Match) -> None:
        from game.ui.screens.ending import EndingScreen

        self.cue("ending")
        self.show(EndingScreen(self, match))

    def quit(self) -> None:
        self.running = False

    # -- one frame ---------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            if self.surface.get_size() != getattr(self, "_laid_out", None):
                self._laid_out = self.surface.get_size()
                self.relayout()
        elif event.type == pygame.KEYDOWN and self.global_key(event):
            return
        else:
            self.screen.handle_event(event)

    def global_key(self, event: pygame.event.Event) -> bool:
        key, ctrl = event.key, getattr(event, "mod", 0) & pygame.KMOD_CTRL
        if key == pygame.K_F11:
            self.toggle_fullscreen()
        elif ctrl and key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.text_size(1)
        elif ctrl and key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.text_size(-1)
        elif key == pygame.K_F12:
            self.screenshot()
        else:
            return False
        return True

    def screenshot(self) -> Path:
        from platformdirs import user_pictures_dir

        folder = Path(os.environ.get("PARTENAIRES_SCREENSHOTS") or user_pictures_dir())
        folder.mkdir(parents=True, exist_ok=True)
        index = len(list(folder.glob("partenaires-*.png"))) + 1
        path = folder / f"partenaires-{index:03d}.png"
        pygame.image.save(self.surface, str(path))
        self.toast(s("screenshot", self.settings.lang, path=str(path)))
        return path

    def update(self, dt_ms: float) -> None:
        dt = min(dt_ms, 100) / 1000
        moving = self.screen.update(dt)
        for toast in self.toasts:
            toast[1] = float(toast[1]) - dt  # type: ignore[arg-type]
        self.toasts = [t for t in self.toasts if float(t[1]) > 0]  # type: ignore[arg-type]
        if self._reading is not None and self._catalogue is None and self._unfinished:
            if self._reading.is_alive():
                moving = True  # keep looking: the Continue button names the scenario once the list is read
            elif isinstance(self.screen, TitleScreen):
                self.catalogue()
                self.relayout()
        if self._fade is not None:
            left = self._fade[1] - dt
            self._fade = (self._fade[0], left) if left > 0 else None
        self.animating = moving or bool(self.toasts) or self._fade is not None

    def draw(self) -> None:
        surface = self.surface
        self.screen.draw(surface)
        if self._fade is not None:
            old, left = self._fade
            if old.get_size() == surface.get_size():
                old.set_alpha(round(255 * left / FADE_SECONDS))
                surface.blit(old, (0, 0))
        for text, _ in self.toasts:
            self._draw_toast(surface, str(text))

    def _draw_toast(self, surface: pygame.Surface, text: str) -> None:
        look = self.look
        width = surface.get_width() - 2 * look.px(40)
        line = look.text.fit(text, "small", width)
        image = look.text.render(line, "small", look.theme.bg)
        box = image.get_rect().inflate(look.px(28), look.px(16))
        box.midtop = (surface.get_width() // 2, look.px(10))
        rounded(surface, look.theme.ink, box, look.px(8))
        blit_text(surface, look, line, "small", look.theme.bg, (box.centerx, box.y + look.px(8)), "center")

    def step(self, dt_ms: float = 1000 / FPS) -> None:
        """One frame without flipping: pending events → update(dt) → draw."""
        self.frame(dt_ms, pygame.event.get())

    def frame(self, dt_ms: float, events: list[pygame.event.Event]) -> None:
        for event in events:
            self.handle(event)
            if not self.running:
                return
        self.update(dt_ms)
        self.draw()

    def loop(self) -> int:
        """Run until the window closes: 60 fps while something moves, asleep otherwise."""
        clock = pygame.time.Clock()
        dt = 1000 / FPS
        self.fades = True
        while self.running:
            if self.animating:
                events = pygame.event.get()
            else:
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
                if not events and not self.needs_frame:
                    clock.tick()  # nothing happened and nothing moves: no frame at all
                    continue
            self.frame(dt, events)
            self.needs_frame = False
            if not self.running:
                break
            pygame.display.flip()
            if self._warm:
                self.warm_up()
            dt = clock.tick(FPS)
        self.close()
        return 0

    def close(self) -> None:
        """Keep the preferences, let go of the record file, the speech, the sound and the window."""
        self.settings.save(self.settings_path)
        if self._sounds is not None:
            self._sounds.set(False)
        import sys

        if "game.ui.voice" in sys.modules:
            sys.modules["game.ui.voice"].stop()
        if self.match is not None:
            self.match.close()
            self.match = None
        pygame.display.quit()

    # -- starting from the command line ---------------------------------------------------------------------
    def start_with(self, scenario: str | None) -> None:
        """`partenaires play SCENARIO`: that scenario is chosen (or refused, with its errors)."""
        if not scenario:
            return
        from game.scenario.catalogue import resolve_scenario
        from game.ui.catalogue import inspect

        entry = inspect(resolve_scenario(scenario))
        if not entry.ok:
            self.show_errors(entry.path, entry.errors, back=self.go_title)
            return
        self.preset = entry


def run(args: argparse.Namespace) -> int:
    """Open the window for `partenaires play [SCENARIO] [--lang] [--name] [--group] [--scenarios] [--seed]`."""
    settings_path = default_settings_path()
    lang = args.lang if args.lang != "fr" else Settings.load(settings_path).lang
    out = getattr(args, "out", None)
    if getattr(args, "class_link", None):  # (records pulls in the engine: only when a class is joined)
        from game.ui import records

        records.join_class(args.class_link)
    pygame.display.init()
    desktop = pygame.display.get_desktop_sizes()[0] if pygame.display.get_desktop_sizes() else (1280, 720)
    size = (min(1280, int(desktop[0] * 0.95)), min(720, int(desktop[1] * 0.9)))
    app = App(
        size,
        lang,
        record=True,
        records_dir=Path(out) if out else None,
        settings_path=settings_path,
        scenarios_dir=Path(args.scenarios) if getattr(args, "scenarios", None) else None,
        name=args.name or "",
        group=args.group or "",
        seed=args.seed,
        quick_title=getattr(args, "resume", None) is None,
    )
    resume = getattr(args, "resume", None)
    if resume is not None:
        target = Path(resume) if resume else app.saved_session()
        if target is not None:
            app.continue_game(target)
    else:
        app.start_with(args.scenario)
    return app.loop()
