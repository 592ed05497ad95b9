"""The game window: a pygame-ce client of the engine.

Only this package (and `main.py`) imports pygame. `app.App` owns the one loop
(events → update → draw → flip → tick); each screen in `screens/` has
`handle_event`, `update(dt)` and `draw(surface)`; the widgets in `widgets/`
are small, keyboard-first and cache every text surface they render.
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the game speaks to players, not pygame's banner
