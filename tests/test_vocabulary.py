"""One vocabulary: every layer takes the gauges from the registry, so adding one touches a handful of files."""

from __future__ import annotations

from game.rules.reading import READER
from game.rules.start import parse_sets
from game.scenario.conditions import VARIABLES
from game.scenario.model import Effects, Gauges
from game.vocabulary.gauges import ALIASES, GAUGE_LIST, GAUGES


def test_the_format_has_a_starting_level_and_an_effect_for_every_gauge() -> None:
    for gauge in GAUGES:
        assert gauge in Gauges.model_fields and gauge in Effects.model_fields


def test_conditions_read_every_gauge_and_accept_its_accented_spelling() -> None:
    assert set(GAUGES) <= set(VARIABLES)
    assert ALIASES == {"identité": "identite", "cohésion": "cohesion"}
    for gauge in GAUGES:
        assert READER.variable(gauge) is not None


def test_a_trainer_may_set_every_gauge_by_either_spelling() -> None:
    assert parse_sets([f"{g.spelling}=42" for g in GAUGE_LIST]) == {g: 42 for g in GAUGES}


def test_the_window_and_the_reports_draw_a_gauge_in_the_same_colour() -> None:
    from game.reports.html import COLOURS
    from game.ui.theme import CALM

    for gauge in GAUGE_LIST:
        assert CALM.gauges[gauge.id] == gauge.colour
        assert COLOURS[gauge.id] == "#{:02x}{:02x}{:02x}".format(*gauge.colour)
