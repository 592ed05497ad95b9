"""`python bench/run.py`: every speed and size figure of the game beside its baseline, in one table.

Machines are noisy (and CI machines are shared), so each figure is a median
over repeated runs, measured in the same run as its baseline (a bare pygame-ce
program, a bare YAML parse, reading the record), and judged against its target.
Each measurement runs in a fresh process (bench/game_probe.py, bench/bare_window.py).

Options: --quick (fewer repeats), --markdown FILE (also write the table and the
machine to FILE, e.g. docs/performance.md), --no-xvfb.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROBE = BENCH / "game_probe.py"
BARE = BENCH / "bare_window.py"


@dataclass
class Row:
    measure: str
    game: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = ""
    verdict: str = ""


def env_for(driver: str, display: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env = {
        **env,
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "SDL_AUDIODRIVER": "dummy",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(Path("/tmp") / "partenaires-bench-config"),
        "XDG_DATA_HOME": str(Path("/tmp") / "partenaires-bench-data"),
    }
    env["SDL_VIDEODRIVER"] = driver
    if display:
        env["DISPLAY"] = display
    return env


def probe(script: Path, *args: str, env: dict[str, str], timeout: float = 600) -> dict[str, Any]:
    """Run a probe; its last stdout line is JSON (or an error we show instead of crashing)."""
    try:
        done = subprocess.run(
            [sys.executable, str(script), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {done.returncode}: {last[:120]}"}
    return json.loads(lines[-1])


def startup_seconds(script: Path, env: dict[str, str]) -> float | str:
    """From process start to the "ready" line printed after the first frame was flipped."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(script), "startup"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "ready":
            elapsed = time.perf_counter() - start
            proc.wait()
            return elapsed
        if line.startswith("{") and "missing" in line:
            proc.wait()
            return "missing"
    proc.wait()
    return "error"


def fmt_ms(value: float) -> str:
    return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"


def verdict(ok: bool) -> str:
    return "✓" if ok else "✗ missed"


def unavailable(result: dict[str, Any]) -> str | None:
    if "missing" in result:
        return f"n/a (module missing: {result['missing']})"
    if "error" in result:
        return f"n/a ({result['error']})"
    return None


# -- the measurements ------------------------------------------------------------------------------------------
def startup_row(repeat: int, env: dict[str, str], label: str) -> Row:
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(repeat):  # interleaved, so a burst of load hits both
        for script, into in ((BARE, bare), (PROBE, ours)):
            value = startup_seconds(script, env)
            if isinstance(value, str):
                return Row(
                    f"Start-up to first frame of the title ({label})",
                    "n/a (module missing: game.ui.app)" if value == "missing" else "n/a (error)",
                )
            into.append(value)
    game, base = statistics.median(ours), statistics.median(bare)
    return Row(
        f"Start-up to first frame of the title ({label}, median of {repeat})",
        fmt_ms(game * 1000),
        fmt_ms(base * 1000),
        f"{game / base:.2f}×",
        "≤ 1.5× bare",
        verdict(game / base <= 1.5),
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def frames_row(count: int, env: dict[str, str], label: str) -> Row:
    game = probe(PROBE, "frames", str(count), env=env)
    bare = probe(BARE, "frames", str(count), env=env)
    name = f"Frame time p99, busiest play screen 1280×720 ({label}, {count} frames)"
    if unavailable(game) or unavailable(bare):
        return Row(name, unavailable(game) or "", unavailable(bare) or "—")
    p99, base = percentile(game["frames_ms"], 0.99), percentile(bare["frames_ms"], 0.99)
    p50 = percentile(game["frames_ms"], 0.5)
    drawing = percentile(game.get("drawing_ms") or game["frames_ms"], 0.99)
    name += f"; p50 {p50:.2f} ms, max {max(game['frames_ms']):.0f} ms; the game's own drawing p99 {drawing:.2f} ms"
    if game.get("driver") == "dummy":
        return Row(name, f"{p99:.2f} ms", f"{base:.2f} ms", f"{p99 / base:.1f}×", "p99 < 4 ms", verdict(p99 < 4))
    # In a real window the copy of each picture to the screen (flip) is the display server's, and the bare
    # window pays it too: the issue asks for this figure to be reported; the 4 ms target is the dummy row's.
    return Row(
        name, f"{p99:.2f} ms", f"{base:.2f} ms", f"{p99 / base:.1f}×", "reported (the bare window is the floor)", ""
    )


def idle_row(seconds: float, env: dict[str, str]) -> Row:
    game = probe(PROBE, "idle", str(seconds), env=env)
    bare = probe(BARE, "idle", str(seconds), env=env)
    name = f"CPU while waiting for input (play screen, {seconds:.0f} s)"
    if unavailable(game) or unavailable(bare):
        return Row(name, unavailable(game) or "", unavailable(bare) or "—")
    share, base = game["cpu_share"] * 100, bare["cpu_share"] * 100
    return Row(
        name,
        f"{share:.1f} % of a core",
        f"{base:.1f} %",
        f"{share / base:.1f}×" if base > 0.05 else "—",
        "< 5 %",
        verdict(share < 5),
    )


def engine_rows(seconds: float) -> list[Row]:
    found = probe(PROBE, "engine", str(seconds), env=env_for("dummy"))
    if unavailable(found):
        return [Row("Engine, random strategy", unavailable(found) or "")]
    rows = []
    for name, figures in found.items():
        if "error" in figures:
            rows.append(Row(f"Engine, random strategy — {name}", f"n/a ({figures['error']})"))
            continue
        per_s, games = figures["decisions_per_s"], figures["games_per_s"]
        rows.append(
            Row(
                f"Engine, random strategy, one core — {name} ({figures['decisions_per_game']:.0f} decisions/game)",
                f"{per_s:,.0f} decisions/s; {games:,.0f} games/s",
                "—",
                "—",
                "20,000 decisions/s; 500 games/s",
                verdict(per_s >= 20_000 and games >= 500),
            )
        )
    return rows


def loading_rows(repeat: int) -> list[Row]:
    found = probe(PROBE, "load", str(repeat), env=env_for("dummy"))
    if unavailable(found):
        return [Row("Loading and checking", unavailable(found) or "")]
    rows = []
    for name, figures in found.items():
        ms, base = figures["ms"], figures["yaml_ms"]
        state = "" if figures["ok"] else f" — refused, {figures['errors']} error(s)"
        if name.startswith("dangling"):
            count = figures["errors"]
            rows.append(
                Row(
                    f"Check (CPU time), {name.split()[1]} scenes with {count:,} references to missing scenes",
                    f"{fmt_ms(ms)} ({ms / count * 1000:.0f} µs/reference)",
                    f"{fmt_ms(base)} (YAML only)",
                    f"{ms / base:.1f}×",
                    "linear growth",
                    "",
                )
            )
        elif name.startswith("generated"):
            scenes = int(name.split()[1])
            limit = 1500 if scenes == 1000 else None
            rows.append(
                Row(
                    f"Load + check (CPU time), {name}{state}",
                    f"{fmt_ms(ms)} ({ms / scenes * 1000:.0f} µs/scene)",
                    f"{fmt_ms(base)} (YAML only)",
                    f"{ms / base:.1f}×",
                    "< 1.5 s, linear" if limit else "linear growth",
                    verdict(ms < limit) if limit else "",
                )
            )
        else:
            rows.append(
                Row(
                    f"Load + check (CPU time), built-in {name}{state}",
                    fmt_ms(ms),
                    f"{fmt_ms(base)} (YAML only)",
                    f"{ms / base:.1f}×",
                    "< 150 ms",
                    verdict(ms < 150),
                )
            )
    generated = {int(n.split()[1]): (f["ms"], f["yaml_ms"]) for n, f in found.items() if n.startswith("generated")}
    if len(generated) >= 2:
        low, high = min(generated), max(generated)
        growth = (generated[high][0] / generated[low][0]) / (high / low)
        # The plain YAML parse of the same files is linear by construction: how much it seems to grow in
        # this run is what the machine adds (caches, memory bandwidth shared with other programs).
        base = (generated[high][1] / generated[low][1]) / (high / low)
        rows.append(
            Row(
                f"Growth {low} → {high} scenes (time ratio ÷ size ratio; 1.0 = linear)",
                f"{growth:.2f}",
                f"{base:.2f} (YAML only)",
                f"{growth / base:.2f}×",
                "≈ 1 (linear), or as the YAML parse",
                verdict(growth < 1.3 or growth / base < 1.3),
            )
        )
    dangling = {f["errors"]: (f["ms"], f["yaml_ms"]) for n, f in found.items() if n.startswith("dangling")}
    if len(dangling) >= 2:
        low, high = min(dangling), max(dangling)
        growth = (dangling[high][0] / dangling[low][0]) / (high / low)
        base = (dangling[high][1] / dangling[low][1]) / (high / low)
        rows.append(
            Row(
                f"Growth {low} → {high} dangling references (time ratio ÷ size ratio; 1.0 = linear)",
                f"{growth:.2f}",
                f"{base:.2f} (YAML only)",
                f"{growth / base:.2f}×",
                "≈ 1 (linear), or as the YAML parse",
                verdict(growth < 1.3 or growth / base < 1.3),
            )
        )
    return rows


def deep_rows(repeat: int) -> list[Row]:
    """`check --deep`: the proof's CPU time on one core, built-ins and a generated 50-scene scenario."""
    found = probe(PROBE, "deep", str(repeat), env=env_for("dummy"))
    if unavailable(found):
        return [Row("check --deep (proof)", unavailable(found) or "")]
    rows = []
    for name, figures in found.items():
        state = "COMPLETE" if figures["complete"] else "INCOMPLETE"
        rows.append(
            Row(
                f"check --deep, CPU time on one core — {name} ({figures['scenes']} scenes, "
                f"{figures['endings']} endings, {figures['places']} abstract places)",
                f"{figures['s']:.2f} s, {state}",
                "—",
                "—",
                "< 10 s, COMPLETE",
                verdict(figures["s"] < 10 and figures["complete"]),
            )
        )
    return rows


def report_rows(repeat: int, sessions: int) -> list[Row]:
    rows = []
    found = probe(PROBE, "report", str(repeat), env=env_for("dummy"))
    name = "Report of a 40-decision session (HTML + JSON)"
    if unavailable(found):
        rows.append(Row(name, unavailable(found) or ""))
    else:
        rows.append(
            Row(
                name + f" ({found['decisions']} decisions)",
                fmt_ms(found["ms"]),
                f"{fmt_ms(found['read_ms'])} (reading the record)",
                f"{found['ms'] / found['read_ms']:.0f}×",
                "< 1 s",
                verdict(found["ms"] < 1000),
            )
        )
    found = probe(PROBE, "debrief", str(sessions), env=env_for("dummy"))
    name = f"Class debrief of {sessions} sessions (HTML + CSV + JSON)"
    if unavailable(found):
        rows.append(Row(name, unavailable(found) or ""))
    else:
        rows.append(
            Row(
                name + f" of {found['scenario']}, {found['decisions']:,} decisions",
                fmt_ms(found["ms"]),
                "—",
                "—",
                "< 5 s",
                verdict(found["ms"] < 5000),
            )
        )
    return rows


def memory_row(env: dict[str, str]) -> Row:
    game = probe(PROBE, "memory", env=env)
    bare = probe(BARE, "memory", env=env)
    name = "Peak memory of a whole game in the window, report included"
    if unavailable(game) or unavailable(bare):
        return Row(name, unavailable(game) or "", unavailable(bare) or "—")
    return Row(
        name + f" ({game['steps']} key presses)",
        f"{game['peak_mb']:.0f} MB",
        f"{bare['peak_mb']:.0f} MB (bare window)",
        f"{game['peak_mb'] / bare['peak_mb']:.1f}×",
        "< 100 MB",
        verdict(game["peak_mb"] < 100),
    )


# -- Xvfb -------------------------------------------------------------------------------------------------------
def start_xvfb() -> tuple[subprocess.Popen[bytes] | None, str | None]:
    if not shutil.which("Xvfb"):
        return None, None
    number = next((n for n in range(97, 120) if not Path(f"/tmp/.X{n}-lock").exists()), None)
    if number is None:
        return None, None
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        if proc.poll() is not None:
            return None, None
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return proc, display
        time.sleep(0.1)
    proc.terminate()
    return None, None


# -- the machine ------------------------------------------------------------------------------------------------
def machine() -> list[str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = (
        subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.rstrip()
        if shutil.which("free")
        else ""
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    import pygame

    return [
        f"- CPU: {cpu}; `nproc`: {os.cpu_count()}",
        f"- Load average when the run started: {', '.join(f'{x:.2f}' for x in load)}",
        f"- Python {platform.python_version()} on {platform.platform()}; pygame-ce {pygame.version.ver}",
        "- Memory (`free -h`):",
        "",
        "```",
        *memory.splitlines(),
        "```",
    ]


def table(rows: list[Row]) -> str:
    head = ["Measure", "Partenaires", "Baseline (same run)", "Ratio", "Target", "Verdict"]
    body = [[r.measure, r.game, r.baseline, r.ratio, r.target, r.verdict] for r in rows]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in body]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a rough look, not the record)")
    parser.add_argument("--markdown", default=None, help="also write the table and the machine to this file")
    parser.add_argument("--no-xvfb", action="store_true", help="skip the real-window figures under Xvfb")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    # An installed game runs from its bytecode cache (pip writes it; a first run does too): measure that,
    # even where the environment forbids writing it (PYTHONDONTWRITEBYTECODE), as the bare program has none.
    compileall.compile_dir(str(ROOT / "game"), quiet=1)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    about = machine()
    dummy = env_for("dummy")
    rows = [startup_row(repeat, dummy, "dummy video driver")]
    xvfb, display = (None, None) if args.no_xvfb else start_xvfb()
    try:
        if display:
            rows.append(startup_row(repeat, env_for("x11", display), "Xvfb"))
        rows.append(frames_row(600 if args.quick else 1800, dummy, "dummy driver"))
        if display:
            rows.append(frames_row(600 if args.quick else 1800, env_for("x11", display), "Xvfb, real X11 window"))
        else:
            rows.append(Row("Frame time under Xvfb", "n/a (Xvfb not installed: apt-get install -y xvfb)"))
        rows.append(idle_row(3 if args.quick else 6, env_for("x11", display) if display else dummy))
        rows.append(memory_row(dummy))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    rows += engine_rows(1.0 if args.quick else 3.0)
    rows += loading_rows(5 if args.quick else 15)
    rows += report_rows(3 if args.quick else 7, 200)
    rows += deep_rows(1 if args.quick else 3)
    text = table(rows)
    print(text)
    missed = [r.measure for r in rows if r.verdict.startswith("✗")]
    print(
        f"\n{len(rows) - len(missed)} of {len(rows)} rows meet their target"
        if not missed
        else f"\nMissed: {len(missed)} — " + "; ".join(m.split(" (")[0] for m in missed)
    )
    if args.markdown:
        Path(args.markdown).write_text(render_markdown(text, about, started, args.quick), encoding="utf-8")
    return 0


def render_markdown(text: str, about: list[str], started: str, quick: bool) -> str:
    """The table inside docs/performance.md, between its markers (the prose around it is kept)."""
    path = ROOT / "docs" / "performance.md"
    block = (
        f"<!-- bench:start -->\nRun {started}{' (--quick)' if quick else ''} with `python bench/run.py` "
        "(the load average below says how busy the machine was).\n\n"
        + "\n".join(about)
        + "\n\n"
        + text
        + "\n<!-- bench:end -->"
    )
    if path.exists() and "<!-- bench:start -->" in path.read_text(encoding="utf-8"):
        current = path.read_text(encoding="utf-8")
        head, rest = current.split("<!-- bench:start -->", 1)
        tail = rest.split("<!-- bench:end -->", 1)[1] if "<!-- bench:end -->" in rest else ""
        return head + block + tail
    return "# Performance\n\n" + block + "\n"


if __name__ == "__main__":
    sys.exit(main())
