"""game.textmode"""
