"""game.vocabulary"""
