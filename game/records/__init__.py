"""game.records"""
