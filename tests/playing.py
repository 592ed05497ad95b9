"""Helpers for scripted playthroughs: choose by choice id, in order of preference."""

from game.rules.engine import Engine


def play(engine: Engine, seed: int, prefer: list[str], lang: str = "fr", limit: int = 200):
    """Play a whole game taking, at each scene, the first offered choice whose id is in `prefer`."""
    session = engine.new_session(seed, lang=lang)
    for _ in range(limit):
        if session.finished:
            break
        view = engine.view(session)
        ranked = sorted(view.choices, key=lambda c: prefer.index(c.id) if c.id in prefer else len(prefer))
        engine.choose(session, ranked[0].index)
    return session


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """Run `partenaires ARGV` in-process with STDIN; returns (exit code, stdout, stderr)."""
    import contextlib
    import io
    import sys

    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()
