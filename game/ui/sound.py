"""A few discreet cues and a soft ambience, synthesised by our own code (no sound file, no numpy).

Off by default (a class of twenty laptops stays quiet); one key (M) toggles it and the preference is
kept. The mixer is opened only when sound is switched on, and every sound is made once, when first
needed, into a `pygame.mixer.Sound` built from raw 16-bit samples. No audio device, or a mixer that
fails, means silence, never an error.
"""

from __future__ import annotations

import math
from array import array

import pygame

__all__ = ["Sounds", "CUES", "AMBIENCE_NOTES", "AMBIENCE_SECONDS", "samples"]

# name → notes (frequency in Hz, start in seconds, length in seconds), played softly
CUES: dict[str, list[tuple[float, float, float]]] = {
    "choice": [(660.0, 0.0, 0.09)],  # a light tap: the decision is taken
    "event": [(330.0, 0.0, 0.22), (247.0, 0.16, 0.3)],  # falling: something from outside
    "phase": [(392.0, 0.0, 0.18), (523.3, 0.14, 0.18), (659.3, 0.28, 0.3)],  # rising: a new phase
    "ending": [(261.6, 0.0, 1.2), (329.6, 0.05, 1.15), (392.0, 0.1, 1.1)],  # a chord to close
}
AMBIENCE_SECONDS = 4.0
AMBIENCE_NOTES = (
    110.0,
    165.0,
    220.0,
)  # whole cycles in the loop: it joins without a click  # an open fifth: calm, neither happy nor sad


def samples(notes: list[tuple[float, float, float]], rate: int, volume: float, loop: float = 0.0) -> array:
    """Mono 16-bit samples of soft sine notes (a short attack, an exponential release). With `loop`, the
    notes are drones of that many seconds whose slow swell starts and ends at the same point (no click)."""
    length = loop or max(start + dur for _, start, dur in notes) + 0.05
    total = int(length * rate)
    mixed = [0.0] * total
    for freq, start, dur in notes:
        first = int(start * rate)
        count = total - first if loop else min(total - first, int(dur * rate))
        step = 2 * math.pi * freq / rate
        for i in range(count):
            t = i / rate
            if loop:
                envelope = 0.5 - 0.5 * math.cos(2 * math.pi * (t / loop + freq / 440.0))
            else:
                envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t / dur)
            mixed[first + i] += envelope * math.sin(step * i)
    peak = max(1.0, max((abs(v) for v in mixed), default=1.0))
    return array("h", (int(32767 * volume * v / peak) for v in mixed))


class Sounds:
    """The window's sounds; `enabled` follows the preference, and nothing is loaded while it is off."""

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = False
        self.working: bool | None = None  # None: the mixer not tried yet
        self.made: dict[str, pygame.mixer.Sound] = {}
        self.ambience: pygame.mixer.Channel | None = None
        if enabled:
            self.set(True)

    def _mixer(self) -> bool:
        if self.working is None:
            try:
                pygame.mixer.init(22050, -16, 1, 1024)
                self.working = pygame.mixer.get_init() is not None
            except pygame.error:
                self.working = False  # no audio device: a silent game
        return bool(self.working)

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self.made:
            init = pygame.mixer.get_init()
            if init is None:
                return None
            rate, _, channels = init
            repeat = channels
            if name == "ambience":  # low drones: half the rate is plenty, and half the time to make them
                notes = [(f, 0.0, AMBIENCE_SECONDS) for f in AMBIENCE_NOTES]
                mono = samples(notes, rate // 2, 0.12, loop=AMBIENCE_SECONDS)
                repeat = 2 * channels
            else:
                mono = samples(CUES[name], rate, 0.35)
            data = mono if repeat == 1 else array("h", (v for v in mono for _ in range(repeat)))
            try:
                self.made[name] = pygame.mixer.Sound(buffer=data.tobytes())
            except pygame.error:
                return None
        return self.made[name]

    def set(self, on: bool) -> bool:
        """Switch sound on or off; False when it was asked on but there is no way to play it."""
        self.enabled = on
        if not on:
            if pygame.mixer.get_init() is not None:
                pygame.mixer.stop()
            self.ambience = None
            return True
        if not self._mixer():
            return False
        ambience = self._sound("ambience")
        if ambience is not None:
            self.ambience = ambience.play(loops=-1, fade_ms=1500)
        return True

    def cue(self, name: str) -> None:
        """Play a cue (`choice`, `event`, `phase`, `ending`) when sound is on."""
        if not self.enabled or not self.working:
            return
        sound = self._sound(name)
        if sound is not None:
            sound.play()
