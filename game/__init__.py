"""Partenaires: a serious game on territorial partnerships in social work.

The engine (model, loader, conditions, engine, session, scoring) never imports
pygame; the window (`game.ui`), the text mode, the reports and the tools are
clients of it.
"""

__version__ = "0.1.0"
