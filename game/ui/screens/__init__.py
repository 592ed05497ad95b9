"""One module per screen; each has `handle_event`, `update(dt)` and `draw(surface)`."""
