"""Helpers for scripted playthroughs: choose by choice id, in order of preference."""

from game.engine import Engine


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
