"""game.reports"""
