"""What every view (text mode, window, reports) shares: the engine's plain results put into words."""
