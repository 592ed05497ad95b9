import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/playing.py, shared helpers

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def demo_path() -> Path:
    return SCENARIOS / "demo.yaml"


@pytest.fixture
def demo_book():
    from game.scenario.loading import load

    return load(SCENARIOS / "demo.yaml")
