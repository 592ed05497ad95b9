"""Open the game window: `python main.py [--lang en] [--scenarios DIR]`."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(["play", *sys.argv[1:]]))
