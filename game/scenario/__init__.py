"""game.scenario"""
