"""Self-voicing (as Ren'Py offers it): the window reads the screen aloud through the platform's speech engine.

pyttsx3 drives SAPI on Windows, NSSpeechSynthesizer on macOS and espeak-ng on Linux; without it the
`espeak-ng` (or `espeak`) program is used directly. Neither is needed to play: `speak` returns False and
the window says on screen that no speech engine was found. Everything is imported when the key is first
pressed, never before the title (start-up is a target), and speaking never blocks a frame.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

__all__ = ["speak", "stop", "espeak_command", "available"]

VOICES = {"fr": "fr", "en": "en"}  # espeak-ng's voice for each language of the catalogues

_state: dict[str, Any] = {"process": None, "engine": None, "thread": None}


def espeak_program() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def espeak_command(text: str, lang: str, wav: Path | None = None) -> list[str] | None:
    """The command that says `text` (or writes it to `wav`); None when no espeak program is installed.
    The text goes as one argument (never through a shell)."""
    program = espeak_program()
    if program is None:
        return None
    command = [program, "-v", VOICES.get(lang, lang), "-s", "165"]
    if wav is not None:
        command += ["-w", str(wav)]
    return [*command, "--", text]


def _pyttsx3() -> Any | None:
    """The pyttsx3 engine, made once; None when pyttsx3 or its driver is missing."""
    if _state["engine"] is None:
        try:
            import pyttsx3  # type: ignore[import-not-found]

            _state["engine"] = pyttsx3.init()
        except Exception:  # no module, no driver, no voice: fall back on the espeak program
            _state["engine"] = False
    return _state["engine"] or None


def available() -> bool:
    return espeak_program() is not None or _pyttsx3() is not None


def stop() -> None:
    """Silence what is being said (a new reading replaces the last one)."""
    process = _state["process"]
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _state["process"] = None


def speak(text: str, lang: str) -> bool:
    """Start saying `text` in `lang` and return at once; False when no speech engine is available."""
    stop()
    command = espeak_command(text, lang)
    if command is not None:
        try:
            _state["process"] = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            return True
        except OSError:
            pass
    engine = _pyttsx3()
    if engine is None:
        return False
    thread = _state["thread"]
    if thread is not None and thread.is_alive():
        return True  # still reading the last text; pyttsx3 cannot be interrupted from another thread

    def run() -> None:
        try:
            engine.say(text)
            engine.runAndWait()
        except Exception:  # a driver failing mid-sentence must not reach the game loop
            pass

    _state["thread"] = threading.Thread(target=run, daemon=True)
    _state["thread"].start()
    return True
