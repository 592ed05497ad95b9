import pytest

from game.errors import ConditionError
from game.scenario.conditions import Namespace, compile_condition, parse


class Ctx:
    """Plain values to evaluate a condition on, and the binder that reads them (as the rules' reader does)."""

    def __init__(self, **values):
        self.values = values
        self.calls = {}

    def variable(self, name):
        return lambda ctx: ctx.values[name]

    def call(self, func, args):
        return lambda ctx: ctx.calls[(func, args)]


def holds(cond, ctx):
    return bool(cond.bind(ctx)(ctx))


NS = Namespace(
    {
        "partner": {"anpe_karim", "marie"},
        "organisation": {"cg71", "anpe"},
        "invention": {"fiche"},
        "flag": {"charte"},
        "scene": {"intro"},
        "phase": {"debut"},
    }
)


def test_precedence_and_binds_tighter_than_or():
    cond = compile_condition("sens > 50 or sens < 10 and pouvoir > 90", NS)
    assert holds(cond, Ctx(sens=60, pouvoir=0)) is True
    assert holds(cond, Ctx(sens=5, pouvoir=0)) is False
    assert holds(cond, Ctx(sens=5, pouvoir=95)) is True


def test_arithmetic_precedence():
    cond = compile_condition("sens + identite * 2 == 50", NS)
    assert holds(cond, Ctx(sens=10, identite=20)) is True
    assert holds(compile_condition("(sens + identite) * 2 == 60", NS), Ctx(sens=10, identite=20)) is True


def test_functions_and_not():
    ctx = Ctx(sens=45)
    ctx.calls = {("engagement", ("marie",)): 31, ("flag", ("charte",)): False}
    cond = compile_condition("sens >= 40 and engagement(marie) > 30 and not flag(charte)", NS)
    assert holds(cond, ctx) is True
    ctx.calls[("flag", ("charte",))] = True
    assert holds(cond, ctx) is False


def test_accented_aliases():
    assert holds(compile_condition("identité >= 10 and cohésion < 5", NS), Ctx(identite=10, cohesion=0)) is True


@pytest.mark.parametrize(
    "text, col, words",
    [
        ("sens >= ", 9, "expected a number, a name or `(`, got the end"),
        ("sens >= 40 and", 15, "got the end of the condition"),
        ("sens => 40", 6, "expected `>=` or `<=`"),
        ("sens = 40", 6, "expected `==` to compare"),
        ("sens >= 40 )", 12, "expected an operator"),
        ("(sens >= 40", 12, "`)` to close"),
        ("sens $ 3", 6, "unexpected character '$'"),
        ("sens ** 2 > 3", 6, "no power operator"),
        ("1 < sens < 3", 10, "cannot be chained"),
        ("__import__('os').system('x')", 12, "unexpected character"),
        ("sens.__class__ > 1", 5, "unexpected character '.'"),
    ],
)
def test_syntax_errors_point_at_the_column(text, col, words):
    with pytest.raises(ConditionError) as info:
        compile_condition(text, NS)
    assert info.value.col == col
    assert words in info.value.message


def test_unknown_names_suggest():
    with pytest.raises(ConditionError) as info:
        compile_condition("sns >= 40", NS)
    assert "did you mean `sens`" in info.value.message and info.value.col == 1
    with pytest.raises(ConditionError) as info:
        compile_condition("engagement(mari) > 3", NS)
    assert "unknown partner `mari`" in info.value.message and "`marie`" in info.value.message
    assert info.value.col == 12


def test_types_are_checked():
    with pytest.raises(ConditionError, match="true or false"):
        compile_condition("sens + 3", NS)
    with pytest.raises(ConditionError, match="expected a comparison"):
        compile_condition("sens and flag(charte)", NS)
    with pytest.raises(ConditionError, match="takes 2 argument"):
        compile_condition("diffusion(fiche) > 3", NS)


def test_hostile_input_is_bounded():
    with pytest.raises(ConditionError, match="nested too deeply"):
        parse("(" * 500 + "sens" + ")" * 500)
    with pytest.raises(ConditionError, match="too long"):
        parse("sens > 1 and " * 1000 + "sens > 1")
    with pytest.raises(ConditionError, match="nested too deeply"):
        parse("not " * 400 + "flag(x)")


def test_explain_lists_each_fact():
    cond = compile_condition("sens >= 40 and not flag(charte)", NS)
    ctx = Ctx(sens=62)
    ctx.calls = {("flag", ("charte",)): False}
    facts = cond.explain(ctx, ctx)
    assert [(f.text, f.held) for f in facts] == [("sens >= 40", True), ("not flag(charte)", True)]
    assert facts[0].values == (("sens", 62),)
