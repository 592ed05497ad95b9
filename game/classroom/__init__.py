"""The class session: games send their records, line by line, to a server on the trainer's machine.

    protocol.py   the wire format, its limits and validation, and the dashboard's view of a game (stdlib only)
    client.py     the game's side: a background thread that tails the local record and sends it (stdlib only)
    store.py      the server's storage: SQLite or PostgreSQL through SQLAlchemy Core (the `classroom` extra)
    server.py     the server: Starlette on uvicorn, server-sent events for the dashboard (the `classroom` extra)
    dashboard.html  the trainer's page, served by the server (no CDN, no build step)

The local record stays the source of truth: the client only ever sends lines that are already on
disk, and a game never waits for the network. Nothing here is imported unless a class feature is used.
"""
