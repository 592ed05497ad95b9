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


def test_every_catalogue_has_every_message_with_the_same_placeholders() -> None:
    import string

    from game.i18n import LANGUAGES

    def fields(text: str) -> set[str]:
        """The placeholders; `of_x` (a name with its preposition, as French elides it) counts as `x`."""
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        return {"x" if name == "of_x" else name for name in names}

    reference = LANGUAGES["fr"]
    for lang in LANGUAGES.values():
        assert set(lang.messages) == set(reference.messages), lang.code
        for key, text in lang.messages.items():
            if key.startswith("diag.E005."):  # a sentence may leave out the YAML parser's own English words
                assert fields(text) - {"problem"} == fields(reference.messages[key]) - {"problem"}, (lang.code, key)
            else:
                assert fields(text) == fields(reference.messages[key]), (lang.code, key)
        assert set(lang.prompts) == set(reference.prompts) and len(lang.howto) == len(reference.howto)


def test_languages_say_plurals_lists_and_elision_their_own_way() -> None:
    from game.i18n import language, units

    fr, en = language("fr"), language("en")
    assert (fr.count(0, "decision"), fr.count(2, "decision")) == ("0 décision", "2 décisions")
    assert (en.count(1, "decision"), en.count(0, "decision")) == ("1 decision", "0 decisions")
    assert fr.join(["a", "b", "c"], "or") == "a, b ou c" and en.join(["a", "b"]) == "a and b"
    assert (fr.of("Odile"), fr.of("Marie")) == ("d’Odile", "de Marie")
    assert (units(3, "mois", "fr"), units(3, "semaine", "fr"), units(3, "month", "en")) == (
        "3 mois",
        "3 semaines",
        "3 months",
    )
    assert fr.quote("Fiche") == "«\u00a0Fiche\u00a0»" and fr.colon == "\u00a0:"


def test_every_kind_of_level_is_in_the_format_the_session_the_state_and_the_catalogues() -> None:
    from game.i18n import LANGUAGES
    from game.rules.session import plan_of
    from game.rules.state import STATE
    from game.scenario.conditions import FUNCTIONS
    from game.vocabulary.effects import LEVEL_KINDS

    state = {part.name: part for part in STATE}
    for position, kind in enumerate(LEVEL_KINDS, start=1):
        assert kind.id in Effects.model_fields and kind.id in state and kind.id in FUNCTIONS
        assert FUNCTIONS[kind.id][0] == (kind.family,)
        assert all(f"change.{kind.id}" in lang.messages for lang in LANGUAGES.values())
        plan = plan_of(Effects(**{kind.id: {"x": 5}}))
        assert plan.levels == ((position, "x", 5, f"{kind.id}:x", kind.shielded, 1 if kind.diminishing else 0),)


def test_every_french_message_has_its_non_breaking_spaces() -> None:
    import re

    from game.i18n import language

    fr = language("fr")
    slip = re.compile(r"[ \t][:;!?]|«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")
    texts = [*fr.messages.values(), *(text for _, text in fr.howto), *(t for ts in fr.prompts.values() for t in ts)]
    assert len(texts) > 500
    assert [text for text in texts if slip.search(text)] == []


def test_reading_a_catalogue_late_never_hides_the_language_function() -> None:
    """Catalogues are read when first needed; no submodule may share a name with the package's functions."""
    import importlib

    import game.i18n as i18n

    for name in (*i18n.CODES, "catalogue"):
        importlib.import_module(f"game.i18n.{name}")
    assert callable(i18n.language) and i18n.t("ui.new_game", "en") == "New game"
