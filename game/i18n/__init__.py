"""game.i18n"""
