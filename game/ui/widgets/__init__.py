"""Small keyboard-first widgets; each caches what it renders (see docs/ui.md for why not pygame_gui)."""
