"""Open the game window: `python main.py [--lang en] [--scenarios DIR]`.

A sub-command works too (`python main.py check FILE`), as in the standalone build.
"""

import multiprocessing
import sys

from game.cli import launch

if __name__ == "__main__":
    multiprocessing.freeze_support()  # explore's worker processes in the standalone build on Windows
    sys.exit(launch(sys.argv[1:]))
