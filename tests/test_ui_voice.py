"""Self-voicing (key V) through the platform's speech engine, and the sound (key M), off by default."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from array import array
from pathlib import Path

import pygame
import pytest

from game.ui import voice
from game.ui.app import App
from game.ui.screens.play import PlayScreen
from game.ui.sound import AMBIENCE_NOTES, AMBIENCE_SECONDS, CUES, samples
from game.ui.strings import s
from tests.test_ui_support import key

DEMO = Path("scenarios/demo.yaml")


def need_espeak() -> str:
    """espeak-ng is installed by .ci/run: there a missing one fails; elsewhere the test skips, saying why."""
    program = shutil.which("espeak-ng")
    if program is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng is missing on CI (.ci/run installs it)")
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return program


@pytest.fixture
def app(tmp_path: Path):
    window = App((1280, 720), "fr", settings_path=tmp_path / "w.json")
    yield window
    window.close()


def spoken_wav(text: str, lang: str, path: Path) -> tuple[float, int]:
    """Say `text` into a wav file with the very command the key uses; (seconds, loudest sample)."""
    command = voice.espeak_command(text, lang, wav=path)
    assert command is not None
    subprocess.run(command, check=True, timeout=60, capture_output=True)
    with wave.open(str(path)) as sound:
        frames = sound.readframes(sound.getnframes())
        assert sound.getsampwidth() == 2
        seconds = sound.getnframes() / sound.getframerate()
    data = array("h", frames)
    return seconds, max(abs(v) for v in data)


def test_the_scene_is_read_as_sentences(app: App) -> None:
    app.open_play(DEMO, seed=1)
    text = app.screen.spoken()
    assert "Première réunion." in text and "Autour de la table." in text
    assert "Choix 1\u00a0: Partir d'une situation concrète que tous connaissent. Durée\u00a0: 1 mois." in text
    for marker in ("===", "##", " | ", ">>"):
        assert marker not in text
    key(app, pygame.K_1)
    feedback = app.screen.spoken()
    assert "Le bilan" in feedback and "Scène suivante." in feedback and "Choix 1" not in feedback


def test_the_scene_spoken_by_espeak_has_speech_that_grows_with_the_text(app: App, tmp_path: Path) -> None:
    need_espeak()
    app.open_play(DEMO, seed=1)
    scene = app.screen.spoken()
    short_s, short_peak = spoken_wav("Première réunion.", "fr", tmp_path / "short.wav")
    long_s, long_peak = spoken_wav(scene, "fr", tmp_path / "scene.wav")
    assert short_peak > 1000 and long_peak > 1000  # not silence
    assert long_s > 3 * short_s and long_s > 8
    key(app, pygame.K_1)
    english = App((1280, 720), "en")
    try:
        english.open_play(DEMO, seed=1)
        seconds, peak = spoken_wav(english.screen.spoken(), "en", tmp_path / "en.wav")
        assert peak > 1000 and seconds > 8
    finally:
        english.close()


def test_key_v_reads_aloud_or_says_there_is_no_engine(app: App, tmp_path: Path, monkeypatch) -> None:
    app.open_play(DEMO, seed=1)
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak program on this PATH (pyttsx3 is not installed here)
    if voice._pyttsx3() is not None:
        pytest.skip("pyttsx3 is installed: an engine exists")
    key(app, pygame.K_v)
    assert app.toasts and app.toasts[0][0] == s("no_voice", "fr")
    assert isinstance(app.screen, PlayScreen) and app.screen.outcome is None  # nothing else happened
    monkeypatch.undo()
    if shutil.which("espeak-ng"):
        key(app, pygame.K_v)
        assert app.toasts[0][0] == s("reading_aloud", "fr")
        voice.stop()


def test_typing_v_or_m_in_a_name_is_typing(app: App) -> None:
    app.new_game()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="v"))
    app.step(16)
    assert app.screen.name.value.endswith("v") and not app.toasts


def test_sound_is_off_by_default_and_m_toggles_it(app: App, tmp_path: Path) -> None:
    assert not app.settings.sound
    app.open_play(DEMO, seed=1)
    key(app, pygame.K_1)
    assert pygame.mixer.get_init() is None  # nothing opened while sound is off
    key(app, pygame.K_RETURN)
    key(app, pygame.K_m)
    assert app.settings.sound
    assert app.toasts[0][0] in (s("sound_on", "fr"), s("no_sound", "fr"))  # the dummy driver, or no device
    key(app, pygame.K_1)  # a cue plays (or silently does not): never an error
    key(app, pygame.K_m)
    assert not app.settings.sound and app.toasts[0][0] == s("sound_off", "fr")
    assert '"sound": false' in (tmp_path / "w.json").read_text(encoding="utf-8")


def test_cues_and_ambience_are_sound_not_silence() -> None:
    for name, notes in CUES.items():
        data = samples(notes, 22050, 0.35)
        assert max(abs(v) for v in data) > 4000, name
        assert len(data) < 22050 * 1.5, name  # short
    notes = [(f, 0.0, AMBIENCE_SECONDS) for f in AMBIENCE_NOTES]
    loop = samples(notes, 11025, 0.12, loop=AMBIENCE_SECONDS)
    assert len(loop) == int(AMBIENCE_SECONDS * 11025) and max(loop) > 2000
    assert abs(loop[0] - loop[-1]) < 400  # the loop joins without a click
