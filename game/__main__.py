"""`python -m game`, and the standalone build's entry (`partenaires.spec`): the same as `main.py`.

With no sub-command the window opens; `python -m game check FILE` and the others work as
`partenaires …` does. The standalone build starts here rather than from `main.py` so that its
analysis sees the installed package (with its built-in scenarios) and not the source tree.
"""

import multiprocessing
import sys

from game.cli import launch

if __name__ == "__main__":
    multiprocessing.freeze_support()  # explore's worker processes in the standalone build on Windows
    sys.exit(launch(sys.argv[1:]))
