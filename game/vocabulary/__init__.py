"""The game's fixed vocabulary: the gauges and the paper's concepts (the base layer, imported by all)."""
