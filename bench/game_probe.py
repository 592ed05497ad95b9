"""The game's side of each measurement, run in a fresh process by bench/run.py.

`python bench/game_probe.py MODE [ARG]` prints one JSON line. A mode whose
module does not exist yet prints {"missing": "module"} instead of failing, so
the table can say so.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SIZE = (1280, 720)
WORK = Path(tempfile.mkdtemp(prefix="partenaires-bench-"))


def missing(*modules: str) -> str | None:
    for name in modules:
        if importlib.util.find_spec(name) is None:
            return name
    return None


def median(values: list[float]) -> float:
    """`statistics` is imported only by the modes that use it: the start-up mode imports what the game does."""
    import statistics

    return statistics.median(values)


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def busiest() -> Path:
    """The built-in scenario with the most partners and organisations on the play screen."""
    from game.scenario.catalogue import builtin_scenarios
    from game.scenario.loading import check

    best, size = builtin_scenarios()[0], -1
    for path in builtin_scenarios():
        book, _ = check(path)
        if book is not None and len(book.model.partners) + len(book.model.organisations) > size:
            best, size = path, len(book.model.partners) + len(book.model.organisations)
    return best


# -- the window -------------------------------------------------------------------------------------------------
def new_app(record: bool = False) -> Any:
    import game.cli  # noqa: F401  (what `partenaires play` imports before the window)
    from game.ui.app import App

    return App(SIZE, "fr", record=record, records_dir=WORK / "sessions", settings_path=WORK / "window.json")


def press(key: int) -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))


def startup() -> dict[str, Any]:
    import pygame

    app = new_app()
    app.step()
    pygame.display.flip()
    print("ready", flush=True)
    return {}


def play_step(app: Any) -> bool:
    """Send the key a keyboard player would press next; False once the game reached its ending."""
    import pygame

    from game.ui.screens.ending import EndingScreen

    screen = app.screen
    if isinstance(screen, EndingScreen):
        return False
    press(pygame.K_1 if getattr(screen, "outcome", None) is None else pygame.K_RETURN)
    return True


def frames(count: int) -> dict[str, Any]:
    """Frame times on the play screen while the player decides: new text laid out, gauges animating."""
    import pygame

    app = new_app()
    scenario = busiest()
    seed = 1
    app.open_play(scenario, seed)
    times: list[float] = []
    drawing: list[float] = []  # the game's own work, without the copy of the picture to the screen (flip)
    for n in range(int(count)):
        if n % 60 == 0 and not play_step(app):  # a key press a second: the gauges move, new text is laid out
            seed += 1
            app.open_play(scenario, seed)
        start = time.perf_counter()
        app.step(1000 / 60)
        drawn = time.perf_counter()
        pygame.display.flip()
        times.append((time.perf_counter() - start) * 1000)
        drawing.append((drawn - start) * 1000)
    return {"frames_ms": times, "drawing_ms": drawing, "scenario": scenario.name, "driver": pygame.display.get_driver()}


def idle(seconds: float) -> dict[str, Any]:
    """CPU while the play screen waits for the player (animations settled), through the real loop."""
    import pygame

    app = new_app()
    app.open_play(busiest(), 1)
    for _ in range(120):  # let the opening animations settle
        app.step(1000 / 60)
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), 1)
    cpu0, wall0 = time.process_time(), time.monotonic()
    app.loop()
    return {"cpu_share": (time.process_time() - cpu0) / (time.monotonic() - wall0)}


def memory() -> dict[str, Any]:
    """A whole game in the window, keyboard only, to the written report: peak resident memory."""
    import pygame

    app = new_app(record=True)
    app.open_play(busiest(), 3)
    decisions = 0
    for _ in range(400):
        if not play_step(app):
            break
        decisions += 1
        for _ in range(3):
            app.step(1000 / 60)
            pygame.display.flip()
    press(pygame.K_RETURN)  # on the ending screen: write the debrief report
    for _ in range(5):
        app.step(1000 / 60)
    reports = list((WORK / "sessions").glob("**/*.html"))
    return {"peak_mb": peak_mb(), "steps": decisions, "report": bool(reports)}


# -- the engine ------------------------------------------------------------------------------------------------
def random_games(seconds: float) -> dict[str, Any]:
    """Games with a random strategy, on one core, per built-in scenario."""
    from game.rules.engine import Engine
    from game.scenario.catalogue import builtin_scenarios
    from game.scenario.loading import load

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    found = {}
    for path in builtin_scenarios():
        try:
            engine = Engine(load(path))
        except Exception as exc:  # a scenario being written by someone else right now
            found[path.name] = {"error": str(exc).splitlines()[0][:80]}
            continue
        rng = random.Random(7)
        games = decisions = 0
        start = time.process_time()  # CPU time of this process: other programs on the machine do not count
        while time.process_time() - start < seconds:
            session = engine.new_session(rng.randrange(1 << 30))
            while not session.finished:
                choices = engine.view(session).choices
                engine.choose(session, rng.choice(choices).index)
                decisions += 1
            games += 1
        elapsed = time.process_time() - start
        found[path.name] = {
            "decisions_per_s": decisions / elapsed,
            "games_per_s": games / elapsed,
            "decisions_per_game": decisions / max(1, games),
        }
    return found


def loading(repeat: int) -> dict[str, Any]:
    """check() of each built-in and of generated scenarios, against a bare YAML parse of the same file."""
    import yaml
    from gen_scenario import generate

    from game.scenario.catalogue import builtin_scenarios
    from game.scenario.loading import check, clear_cache

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    files = [(p.name, p) for p in builtin_scenarios()]
    for scenes in (250, 500, 1000, 2000):
        path = WORK / f"generated-{scenes}.yaml"
        path.write_text(generate(scenes), encoding="utf-8")
        files.append((f"generated {scenes} scenes", path))
    for scenes in (360, 1440):  # about 1,250 and 5,000 references to missing scenes
        path = WORK / f"dangling-{scenes}.yaml"
        path.write_text(generate(scenes, dangling=True), encoding="utf-8")
        files.append((f"dangling {scenes} scenes", path))
    found = {}
    for name, path in files:
        check(path)  # warm the imports
        ours, base = [], []
        generated = name.startswith(("generated", "dangling"))
        for _ in range(int(repeat) if not generated else max(5, int(repeat) // 3)):
            book = diags = None
            clear_cache()  # a cold load each time: read, parse, validate, check
            gc.collect()  # the same clean heap before each run, as timeit does
            start = time.process_time()  # CPU time: other programs on a shared machine do not count
            book, diags = check(path)
            ours.append(time.process_time() - start)
            start = time.process_time()
            yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            base.append(time.process_time() - start)
        errors = sum(1 for d in diags if d.severity == "error")
        found[name] = {
            "ms": median(ours) * 1000,
            "yaml_ms": median(base) * 1000,
            "ok": book is not None,
            "errors": errors,
        }
    return found


# -- reports ---------------------------------------------------------------------------------------------------
def record_game(path: Path, scenario: Path, seed: int, name: str) -> int:
    """Record one game with random choices; returns its number of decisions."""
    from game.records.record import Recorder
    from game.rules.engine import Engine
    from game.scenario.loading import load

    engine = Engine(load(scenario))
    rng = random.Random(seed)
    session = engine.new_session(seed, name, "G1")
    with Recorder.begin(engine, session, path):
        while not session.finished:
            choices = engine.view(session).choices
            engine.choose(session, rng.choice(choices).index)
    return len(session.history)


def report(repeat: int) -> dict[str, Any]:
    """A 40-decision session's report, from a cold start of the loader (the scenario is read each time)."""
    gone = missing("game.records.record", "game.reports.report")
    if gone:
        return {"missing": gone}
    from gen_scenario import generate

    from game.records.record import read_log
    from game.reports.report import write_report
    from game.scenario.loading import clear_cache

    folder = WORK / "report"
    folder.mkdir()
    scenario = folder / "long.yaml"
    scenario.write_text(generate(80, turns=50), encoding="utf-8")
    log = None
    for seed in range(200):
        path = folder / f"game{seed}.jsonl"
        if 40 <= record_game(path, scenario, seed, "trainee") <= 45:
            log = path
            break
    if log is None:
        return {"error": "no 40-decision game"}
    write_report(log, folder / "warm.html")  # imports and templates, once per process
    times = []
    for n in range(int(repeat)):
        clear_cache()
        start = time.perf_counter()
        write_report(log, folder / f"r{n}.html")
        times.append(time.perf_counter() - start)
    base = []
    for _ in range(int(repeat)):
        start = time.perf_counter()
        read_log(log)
        base.append(time.perf_counter() - start)
    return {
        "ms": median(times) * 1000,
        "read_ms": median(base) * 1000,
        "decisions": len(read_log(log).decisions),
    }


def debrief(sessions: int) -> dict[str, Any]:
    """`partenaires debrief` over a class: sessions of the largest built-in scenario, random choices."""
    gone = missing("game.records.record", "game.reports.report", "game.reports.debrief")
    if gone:
        return {"missing": gone}
    from game.cli import main
    from game.scenario.catalogue import builtin_scenarios
    from game.scenario.loading import clear_cache

    scenario = max(builtin_scenarios(), key=lambda p: p.stat().st_size)
    folder = WORK / "class"
    folder.mkdir()
    decisions = sum(record_game(folder / f"t{n:03d}.jsonl", scenario, n, f"t{n:03d}") for n in range(int(sessions)))
    times = []
    for n in range(3):
        clear_cache()
        start = time.perf_counter()
        with open(os.devnull, "w", encoding="utf-8") as sink:
            stdout, sys.stdout = sys.stdout, sink
            try:
                code = main(
                    [
                        "debrief",
                        str(folder),
                        "-o",
                        str(WORK / f"class{n}.html"),
                        "--csv",
                        str(WORK / f"class{n}.csv"),
                        "--json",
                        str(WORK / f"class{n}.json"),
                    ]
                )
            finally:
                sys.stdout = stdout
        times.append(time.perf_counter() - start)
        if code != 0:
            return {"error": f"debrief exit {code}"}
    return {
        "ms": median(times) * 1000,
        "sessions": int(sessions),
        "scenario": scenario.name,
        "decisions": decisions,
    }


def deep(repeat: float) -> dict[str, Any]:
    """`check --deep`'s proof (the over-approximation, the bounded exact search, the games): CPU time on one
    core, per built-in scenario and for a generated 50-scene one, and whether each proof is complete."""
    from gen_scenario import generate

    from game.scenario.catalogue import builtin_scenarios
    from game.scenario.loading import load, load_text
    from game.tools.deep import prove

    books = [(path.stem, lambda path=path: load(path)) for path in builtin_scenarios()]
    books.append(("generated 50", lambda: load_text(generate(50))))
    out: dict[str, Any] = {}
    for name, make in books:
        times = []
        proof = None
        for _ in range(max(1, int(repeat))):
            book = make()
            gc.collect()
            started = time.process_time()
            proof = prove(book)
            times.append(time.process_time() - started)
        assert proof is not None
        out[name] = {
            "s": median(times),
            "complete": proof.complete,
            "endings": len(proof.endings),
            "scenes": len(proof.scenes),
            "places": len(proof.abstract.places),
        }
    return out


MODES = {
    "startup": startup,
    "frames": frames,
    "idle": idle,
    "memory": memory,
    "engine": random_games,
    "load": loading,
    "report": report,
    "debrief": debrief,
    "deep": deep,
}
NEEDS_WINDOW = {"startup", "frames", "idle", "memory"}

if __name__ == "__main__":
    mode = sys.argv[1]
    arg = float(sys.argv[2]) if len(sys.argv) > 2 else 0
    gone = missing("game.ui.app") if mode in NEEDS_WINDOW else None
    if gone:
        print(json.dumps({"missing": gone}), flush=True)
        sys.exit(0)
    func = MODES[mode]
    result = func(arg) if mode not in ("startup", "memory") else func()
    if result:
        print(json.dumps(result), flush=True)
