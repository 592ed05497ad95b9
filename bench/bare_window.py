"""The baseline: a bare pygame-ce program, measured the same way as the game.

`python bench/bare_window.py MODE` prints one JSON line:
  startup  — opens a 1280×720 window, draws one frame, says "ready" (the parent times it);
  frames N — N frames of fill + a few shapes + flip, per-frame times in ms;
  idle S   — waits for input S seconds with `pygame.event.wait`, CPU share of one core;
  memory   — opens the window, draws a frame, peak resident memory (VmHWM) in MB.
"""

from __future__ import annotations

import json
import resource
import sys
import time

import pygame

SIZE = (1280, 720)


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def frame(surface: pygame.Surface, n: int) -> None:
    surface.fill((245, 242, 235))
    pygame.draw.rect(surface, (46, 125, 107), (40 + n % 200, 40, 300, 200), border_radius=12)
    pygame.draw.circle(surface, (90, 111, 181), (900, 360), 120)
    pygame.display.flip()


def main(mode: str, arg: float) -> dict[str, object]:
    pygame.display.init()
    surface = pygame.display.set_mode(SIZE)
    if mode == "startup":
        frame(surface, 0)
        print("ready", flush=True)
        return {}
    if mode == "frames":
        times = []
        for n in range(int(arg)):
            start = time.perf_counter()
            pygame.event.pump()
            frame(surface, n)
            times.append((time.perf_counter() - start) * 1000)
        return {"frames_ms": times}
    if mode == "idle":
        frame(surface, 0)
        end = time.monotonic() + arg
        cpu0, wall0 = time.process_time(), time.monotonic()
        while time.monotonic() < end:
            event = pygame.event.wait(500)
            if event.type == pygame.QUIT:
                break
        return {"cpu_share": (time.process_time() - cpu0) / (time.monotonic() - wall0)}
    if mode == "memory":
        frame(surface, 0)
        return {"peak_mb": peak_mb()}
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    result = main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0)
    if result:
        print(json.dumps(result), flush=True)
