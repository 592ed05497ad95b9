import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def demo_path() -> Path:
    return SCENARIOS / "demo.yaml"


@pytest.fixture
def demo_book():
    from game.loader import load
    return load(SCENARIOS / "demo.yaml")
