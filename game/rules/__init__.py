"""game.rules"""
