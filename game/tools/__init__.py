"""game.tools"""
