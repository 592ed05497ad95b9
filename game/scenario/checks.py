"""The checker: one small check per kind of node, run after the model validated.

It finds what a schema cannot see: ids used twice, references to nothing,
conditions that do not parse or name unknown things, scenes with no way out,
endings that no condition can reach. Every finding is located in the file.
"""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.errors import ConditionError, Diagnostic, Location
from game.i18n import LANGUAGES
from game.images import ImageRefused, image_info
from game.scenario import conditions as cond
from game.scenario import pacing
from game.scenario.claims import Test, agrees, claims, tests
from game.scenario.model import Choice, Effects, Scenario, Scene, Tr
from game.scenario.source import Path_, Source
from game.scenario.suggest import Suggester
from game.vocabulary.concepts import CONCEPTS
from game.vocabulary.effects import LEVEL_KINDS

__all__ = ["Checker", "scene_stub"]

_RANGES_LEVEL = (0.0, 100.0)


_CONTINUE = {"fr": "Continuer", "en": "Continue"}  # the stub's one choice, in the scenario's languages


def scene_stub(scene_id: str, phase: str, languages: Sequence[str] = ("fr", "en")) -> str:
    """The YAML a trainer can paste to create a missing scene, in the scenario's languages.

    A French-only scenario gets plain texts: a pair there would bring an `en:` nobody asked for.
    """
    if len(languages) == 1:
        text = '    text: "…"\n'
        choice = f'"{_CONTINUE.get(languages[0], "…")}"'
    else:
        text = "    text:\n" + "".join(f'      {lang}: "…"\n' for lang in languages)
        choice = "{" + ", ".join(f'{lang}: "{_CONTINUE.get(lang, "…")}"' for lang in languages) + "}"
    return f"  - id: {scene_id}\n    phase: {phase}\n{text}    choices:\n      - text: {choice}\n"


class Checker:
    """Runs every check and collects diagnostics; compiled conditions are kept for the engine."""

    def __init__(self, model: Scenario, source: Source, folder: Path | None = None) -> None:
        self.model = model
        self.source = source
        self.folder = folder
        self.found: list[Diagnostic] = []
        self.conditions: dict[Path_, cond.Condition] = {}
        self.ids = self._families()
        self.suggest = Suggester()  # one budget of "did you mean" for the whole file
        self.namespace = cond.Namespace(self.ids, self.suggest)

    # -- helpers -------------------------------------------------------------------------------
    def error(
        self, path: Path_, message: str, code: str, *, key: bool = False, hint: str = "", severity: str = "error"
    ) -> None:
        self.found.append(self.source.diagnostic(path, message, code, key=key, hint=hint, severity=severity))

    def warn(self, path: Path_, message: str, code: str, hint: str = "") -> None:
        self.error(path, message, code, hint=hint, severity="warning")

    def _families(self) -> dict[str, set[str]]:
        m = self.model
        flags: set[str] = set()
        for effects in self._all_effects():
            flags.update(effects.flags)
        return {
            "organisation": {o.id for o in m.organisations},
            "partner": {p.id for p in m.partners},
            "invention": {i.id for i in m.inventions},
            "phase": {p.id for p in m.phases},
            "scene": {s.id for s in m.scenes},
            "flag": flags,
        }

    def _all_effects(self) -> Iterable[Effects]:
        for scene in self.model.scenes:
            for choice in scene.choices:
                yield choice.effects
        for event in self.model.events:
            yield event.effects

    def ref(self, path: Path_, value: str | None, family: str, what: str = "", phase: str | None = None) -> None:
        if value is None or value in self.ids[family]:
            return
        hint = ""
        if family == "scene":
            stub = scene_stub(value, phase or self.model.phases[0].id, self.model.languages)
            hint = "to create it, paste under `scenes:`\n" + stub
        self.error(
            path,
            f"unknown {family} `{value}`{self.suggest(value, self.ids[family])}" + (f" — {what}" if what else ""),
            "E201",
            hint=hint,
        )

    def condition(self, path: Path_, text: str | None) -> cond.Condition | None:
        if text is None:
            return None
        try:
            compiled = cond.compile_condition(text, self.namespace)
        except ConditionError as exc:
            start = self.source.text_start(path)
            multi = "\n" in text.strip()
            col = start.col if multi else start.col + exc.col - 1
            where = Location(self.source.file, start.line, col)
            hint = (
                "flags come from `flags:` in the effects of a choice or event" if "unknown flag" in exc.message else ""
            )
            self.found.append(
                Diagnostic(
                    where, f"condition: {exc.message}", "E301", hint=hint, source_line=self.source.line_text(where.line)
                )
            )
            return None
        self.conditions[path] = compiled
        return compiled

    # -- the checks ------------------------------------------------------------------------------
    def run(self) -> list[Diagnostic]:
        self.check_unique_ids()
        self.check_player()
        self.check_organisations()
        self.check_partners()
        self.check_phases()
        self.check_scenes()
        self.check_events()
        self.check_endings()
        self.check_pacing()
        self.check_explanations()
        self.check_translations()
        self.check_typography()
        return self.found

    def check_unique_ids(self) -> None:
        m = self.model
        families: dict[str, Sequence[Any]] = {
            "organisations": m.organisations,
            "partners": m.partners,
            "inventions": m.inventions,
            "phases": m.phases,
            "scenes": m.scenes,
            "events": m.events,
            "endings": m.endings,
        }
        for family, items in families.items():
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if item.id in seen:
                    first = self.source.location((family, seen[item.id], "id"))
                    self.error(
                        (family, index, "id"),
                        f"duplicate id `{item.id}` in {family} — expected each id "
                        f"once, it is already used at line {first.line}",
                        "E202",
                    )
                seen.setdefault(item.id, index)

    def check_player(self) -> None:
        self.ref(("player", "organisation"), self.model.player.organisation, "organisation")
        self.ref(("start",), self.model.start, "scene")

    def check_organisations(self) -> None:
        used = {p.organisation for p in self.model.partners} | {self.model.player.organisation}
        for index, org in enumerate(self.model.organisations):
            if org.id not in used:
                self.warn(
                    ("organisations", index, "id"), f"organisation `{org.id}` has no partner in the collective", "W201"
                )

    def check_partners(self) -> None:
        for index, partner in enumerate(self.model.partners):
            self.ref(("partners", index, "organisation"), partner.organisation, "organisation")
            if partner.portrait is not None:
                self.check_asset(("partners", index, "portrait"), partner.portrait)

    def check_asset(self, path: Path_, value: str) -> None:
        """Asset paths stay inside the scenario's folder, whatever the file says."""
        if self.folder is None:
            return
        candidate = Path(value)
        if (
            candidate.is_absolute()
            or ".." in candidate.parts
            or value.startswith(("/", "\\"))
            or ":" in value
            or "\\" in value
        ):  # a backslash is a separator on Windows: `..\\..\\x` would leave the folder there
            self.error(
                path,
                f"asset path leaves the scenario folder — expected a path inside it with `/` between "
                f"folders, got {value!r}",
                "E401",
            )
            return
        root = self.folder.resolve()
        try:
            resolved = (root / candidate).resolve()
        except (OSError, RuntimeError):  # a link loop
            self.error(path, f"asset path cannot be followed (a link points to itself) — got {value!r}", "E401")
            return
        if not resolved.is_relative_to(root):
            self.error(path, f"asset path leaves the scenario folder (through a link) — got {value!r}", "E401")
        elif not resolved.exists():
            self.warn(path, f"asset `{value}` not found — a drawn portrait will be used", "W401")
        else:
            self.check_image(path, resolved)

    def check_image(self, path: Path_, file: Path) -> None:
        """A picture the window can show: a regular file, a known format, its size read from the header."""
        try:
            image_info(file)
        except ImageRefused as exc:
            self.error(path, f"{exc} — a portrait is shown at most a few hundred pixels wide", "E402")
        except OSError as exc:
            self.error(path, f"image cannot be read — {exc.strerror or exc}", "E402")

    def check_phases(self) -> None:
        scene_phases = {s.phase for s in self.model.scenes}
        for index, phase in enumerate(self.model.phases):
            self.ref(("phases", index, "start"), phase.start, "scene", phase=phase.id)
            for t_index, transition in enumerate(phase.next):
                self.ref(("phases", index, "next", t_index, "to"), transition.to, "phase")
                self.condition(("phases", index, "next", t_index, "when"), transition.when)
            if phase.id not in scene_phases:
                self.error(
                    ("phases", index, "id"),
                    f"phase `{phase.id}` has no scene — expected at least one scene with `phase: {phase.id}`",
                    "E203",
                )

    def check_scenes(self) -> None:
        for index, scene in enumerate(self.model.scenes):
            base: Path_ = ("scenes", index)
            self.ref(base + ("phase",), scene.phase, "phase")
            self.ref(base + ("next",), scene.next, "scene", phase=scene.phase)
            if scene.speaker is not None:
                self.ref(base + ("speaker",), scene.speaker, "partner")
            self.condition(base + ("when",), scene.when)
            self.check_choices(base, scene.choices, scene.phase)
        self.check_zero_cost_loops()

    def check_choices(self, base: Path_, choices: list[Choice], phase: str) -> None:
        ids: set[str] = set()
        open_way = False
        for c_index, choice in enumerate(choices):
            path = base + ("choices", c_index)
            if choice.id is not None and choice.id in ids:
                self.error(path + ("id",), f"duplicate choice id `{choice.id}` in this scene", "E202")
            ids.add(choice.id or str(c_index + 1))
            self.ref(path + ("next",), choice.next, "scene", phase=phase)
            compiled = self.condition(path + ("when",), choice.when)
            if choice.when is None or (compiled is not None and satisfiable(compiled.tree, self.bounds())):
                open_way = True
            self.check_effects(path + ("effects",), choice.effects)
            self.check_tags(path + ("tags",), choice.tags)
            if choice.effects == Effects() and choice.next is None and not choice.tags and len(choices) > 1:
                self.warn(
                    path,
                    f"choice {c_index + 1} has no effect — it changes nothing the others would not; expected "
                    "`effects:` or a `next:`",
                    "W203",
                )
        if open_way and not self.some_choice_always_open(choices):
            self.warn(
                base + ("choices",),
                "every choice of this scene has a `when` — in a game where none holds, the scene offers nothing; "
                "expected at least one choice without `when`",
                "W204",
            )
        if not open_way:
            self.error(
                base + ("choices",),
                "scene with no way out — none of its choices can ever be offered; "
                "expected at least one choice without `when` or with a condition that can hold",
                "E204",
            )

    def some_choice_always_open(self, choices: list[Choice]) -> bool:
        """Whether every game offers one of these choices: one has no `when`, or no values make them all fail.

        The conditions are negated and intersected over ranges (`satisfiable`); what the ranges cannot judge
        (flags, inventions by name) counts as possibly failing, so a warning may be a false alarm but a silence
        never hides a scene that certainly offers nothing.
        """
        if any(choice.when is None for choice in choices):
            return True
        negated: cond.Node | None = None
        for choice in choices:
            try:
                tree = cond.compile_condition(choice.when or "true", self.namespace).tree
            except ConditionError:  # already reported (E301): no warning can be judged on top of it
                return True
            branch = _negate(tree)
            negated = branch if negated is None else cond.Binary(0, "and", negated, branch)
        return negated is not None and not satisfiable(negated, self.bounds())

    def check_zero_cost_loops(self) -> None:
        """A ring of fixed `next` links that all cost no time would never let the clock move."""
        by_id = {s.id: s for s in self.model.scenes}
        for index, scene in enumerate(self.model.scenes):
            seen = [scene.id]
            current = scene
            while True:
                nexts = {c.next or current.next for c in current.choices}
                free = all(c.cost == 0 and c.when is None for c in current.choices)
                if len(nexts) != 1 or None in nexts or not free:
                    break
                target = nexts.pop()
                if target not in by_id:
                    break
                if target == scene.id:
                    self.error(
                        ("scenes", index, "choices"),
                        "scene with no way out — its choices loop back "
                        f"through {' → '.join(seen + [target])} without spending time; expected a `cost` "
                        "or another `next`",
                        "E204",
                    )
                    break
                if target in seen:
                    break
                seen.append(target)
                current = by_id[target]

    def check_effects(self, path: Path_, effects: Effects) -> None:
        for kind in LEVEL_KINDS:
            for key in getattr(effects, kind.id):
                self.ref(path + (kind.id, key), key, kind.family)
        for i, invention in enumerate(effects.invent):
            self.ref(path + ("invent", i), invention, "invention")
        for invention, orgs in effects.diffuse.items():
            self.ref(path + ("diffuse", invention), invention, "invention")
            for org in orgs:
                self.ref(path + ("diffuse", invention, org), org, "organisation")
        for invention, orgs in effects.inscribe.items():
            self.ref(path + ("inscribe", invention), invention, "invention")
            for org in orgs:
                self.ref(path + ("inscribe", invention, org), org, "organisation")
        for i, partner in enumerate(effects.leave):
            self.ref(path + ("leave", i), partner, "partner")

    def check_tags(self, path: Path_, tags: list[str]) -> None:
        for i, tag in enumerate(tags):
            if tag not in CONCEPTS:
                self.error(
                    path + (i,),
                    f"unknown concept tag `{tag}`{self.suggest(tag, CONCEPTS)}",
                    "E205",
                    hint="known tags: " + ", ".join(CONCEPTS),
                )

    def check_events(self) -> None:
        for index, event in enumerate(self.model.events):
            base: Path_ = ("events", index)
            self.condition(base + ("when",), event.when)
            for p_index, phase in enumerate(event.phases):
                self.ref(base + ("phases", p_index), phase, "phase")
            self.check_effects(base + ("effects",), event.effects)
            self.check_tags(base + ("tags",), event.tags)
            if event.probability == 0:
                self.warn(base + ("probability",), f"event `{event.id}` can never happen (probability 0)", "W301")

    def check_endings(self) -> None:
        fallback: dict[str, str] = {}
        for index, ending in enumerate(self.model.endings):
            base: Path_ = ("endings", index)
            compiled = self.condition(base + ("when",), ending.when)
            self.check_tags(base + ("tags",), ending.tags)
            if ending.at in fallback:
                self.error(
                    base + ("id",),
                    f"ending `{ending.id}` can never be reached — expected it before "
                    f"`{fallback[ending.at]}`, which has no condition and is checked first",
                    "E206",
                )
            elif compiled is not None and not satisfiable(compiled.tree, self.bounds()):
                self.error(
                    base + ("when",),
                    f"ending `{ending.id}` can never be reached — no values of the "
                    f"gauges can make `{ending.when}` hold",
                    "E206",
                )
            if ending.when is None:
                fallback.setdefault(ending.at, ending.id)
            if len(ending.questions) == 0:
                self.warn(base, f"ending `{ending.id}` has no debrief question", "W202")
            if ending.at == "any" and compiled is not None and _compares_cohesion(compiled.tree):
                self.warn(
                    base + ("at",) if "at" in ending.model_fields_set else base + ("when",),
                    f"ending `{ending.id}` tests cohésion against a number of its own — expected `at: break`, "
                    f"the one break rule (cohésion below rules.break_threshold, "
                    f"{self.model.rules.break_threshold} here, drawn on the gauge)",
                    "W121",
                )
        ids = {e.id for e in self.model.endings}
        for ending_id, (low, high) in self.model.balance.items():
            if ending_id not in ids:
                self.error(
                    ("balance", ending_id),
                    f"unknown ending `{ending_id}`{self.suggest(ending_id, ids)}"
                    " — expected one of the scenario's endings",
                    "E201",
                    key=True,
                )
            elif low > high:
                self.error(
                    ("balance", ending_id),
                    f"balance of `{ending_id}`: [{low}, {high}] — expected [lowest, highest] with lowest ≤ highest",
                    "E208",
                )
        if "end" not in fallback:
            self.error(
                ("endings",),
                "no ending is certain when the funding ends — expected a last ending "
                "without `when`, so that every game has an ending",
                "E207",
            )

    def check_pacing(self) -> None:
        """W205: a phase that can run out of scenes; W206: a repeatable scene that can come back three times.

        Only phases whose length the clock decides are judged (`pacing.phase_spans`); the months the
        scenes played once can fill are counted at their longest choices, so a warning is never a
        matter of the trainee choosing short (`docs/scenario-format.md`, « Checks that `check` makes »).
        """
        if any(d.severity == "error" for d in self.found):
            return  # references or conditions are wrong: what follows would read a broken file
        model = self.model
        spans = pacing.phase_spans(model, self._tree)
        for p_index, phase in enumerate(model.phases):
            span = spans.get(phase.id)
            if span is None:
                continue
            seen = pacing.certain_chain(model, phase.id)
            repeatable = [(i, s) for i, s in enumerate(model.scenes) if s.phase == phase.id and s.draw and not s.once]
            self._phase_runs_out(p_index, span, seen, repeatable)
            for index, scene in repeatable:
                self._scene_comes_back(index, scene, span)

    def _tree(self, path: Path_) -> cond.Node | None:
        compiled = self.conditions.get(path)
        return compiled.tree if compiled is not None else None

    def _can_hold(self, index: int, scene: Scene) -> bool:
        tree = self._tree(("scenes", index, "when"))
        return scene.when is None or (tree is not None and satisfiable(tree, self.bounds()))

    def _phase_runs_out(
        self, p_index: int, span: pacing.Span, seen: tuple[str, ...], repeatable: list[tuple[int, Scene]]
    ) -> None:
        phase = self.model.phases[p_index]
        if any(scene.when is None for _, scene in repeatable):
            return
        if repeatable:  # all guarded: can their conditions all fail at once?
            negated: cond.Node | None = None
            for index, _ in repeatable:
                tree = self._tree(("scenes", index, "when"))
                if tree is None:
                    return
                branch = _negate(pacing.assume_seen(tree, seen))
                negated = branch if negated is None else cond.Binary(0, "and", negated, branch)
            if negated is None or not satisfiable(negated, self.bounds()):
                return
        found = pacing.supply(self.model, phase.id, self._can_hold)
        if found.months >= span.months:
            return
        lead = (
            f"phase `{phase.id}` can run out of scenes — it lasts up to {span.months} months "
            f"(turn {span.first} to {span.last}) and its scenes played once ({len(found.scenes)}) fill "
            f"at most {found.months}"
        )
        if repeatable:
            names = ", ".join(f"`{scene.id}`" for _, scene in repeatable)
            message = f"{lead}, and its repeatable scenes ({names}) can all be guarded out by their `when`"
        else:
            message = f"{lead}, and it has no repeatable scene"
        self.warn(
            ("phases", p_index, "id"),
            message + "; expected a repeatable scene (`once: false`) without `when`, or more scenes",
            "W205",
        )

    def _scene_comes_back(self, index: int, scene: Scene, span: pacing.Span) -> None:
        """The scene fills what the phase's other scenes leave: those played once that can be drawn whenever
        it can (no `when`, or a `when` its own implies), at their longest choices."""
        paid = [c.cost for c in scene.choices if c.cost > 0]
        if not paid:
            return  # choices that cost no time: the zero-cost loop checks and `explore` (X105) speak of them
        own = pacing.conjuncts(scene.when) if scene.when is not None else frozenset()

        def beside(_: int, other: Scene) -> bool:
            return other.when is None or pacing.conjuncts(other.when) <= own

        found = pacing.supply(self.model, scene.phase, beside)
        left = span.months - found.months
        times = left // min(paid)
        if times < 3:
            return
        self.warn(
            ("scenes", index, "id"),
            f"scene `{scene.id}` can be played {times} times in one game — phase `{scene.phase}` lasts up to "
            f"{span.months} months and, when this scene can be drawn, the scenes played once fill at most "
            f"{found.months}; expected a repeatable scene to come back at most twice",
            "W206",
        )

    def check_explanations(self) -> None:
        """W207: an ending's explanation that states a gauge's level its condition does not test.

        Conservative (`game/scenario/claims.py`): a claim is read only in the shape « gauge … below/above
        N »; it is compared with the comparisons of that gauge in the condition (with the break rule's
        `cohesion < threshold` for `at: break`). A gauge the condition does not test is reported only when
        no earlier ending tests it either: an ending checked after others also holds because they failed.
        """
        model = self.model
        threshold = model.rules.break_threshold
        breaks = any(e.at == "break" for e in model.endings)
        earlier: set[str] = set()
        for index, ending in enumerate(model.endings):
            tree = self._tree(("endings", index, "when"))
            written = tests(tree) if tree is not None else []
            found = list(written)
            if ending.at == "break":
                found.append(Test("cohesion", "<", float(threshold)))
            elif breaks:
                found.append(Test("cohesion", ">=", float(threshold)))
            for path, text in _explanations(ending.explanation, ("endings", index, "explanation")):
                for claim in claims(text):
                    said = [test for test in found if test.gauge == claim.gauge]
                    if said and not any(agrees(claim, test) for test in said):
                        shown = ", ".join(f"`{test}`" for test in said)
                        self.warn(
                            path,
                            f"ending `{ending.id}` explains “{claim.words}”, but its condition tests {shown} — "
                            "expected the explanation to say what the condition tests",
                            "W207",
                        )
                    elif not said and ending.when is not None and claim.gauge not in earlier:
                        self.warn(
                            path,
                            f"ending `{ending.id}` explains “{claim.words}”, but its condition does not test "
                            f"{claim.gauge} — expected the explanation to say what the condition tests",
                            "W207",
                        )
            earlier.update(test.gauge for test in written)

    def bounds(self) -> dict[str, tuple[float, float]]:  # (gauges: 0–100; `--set` may start them anywhere)
        m = self.model
        n_inv = float(len(m.inventions))
        return {
            "turn": (0.0, float(m.clock.turns)),
            "turns_left": (0.0, float(m.clock.turns)),
            "inventions": (0.0, n_inv),
            "innovations": (0.0, n_inv),
            "present": (0.0, float(len(m.partners))),
            "innovated": (0.0, float(len(m.organisations))),
        }

    def check_typography(self) -> None:
        """W102: one warning per French text that lacks non-breaking spaces, with how many are missing."""
        for path, text in _french_texts(self.model):
            count = french_slips(text)
            if count:
                self.warn(
                    path,
                    f"French text without its non-breaking spaces — {count} missing (before : ; ! ? or inside « »)",
                    "W102",
                )

    def check_translations(self) -> None:
        if len(self.model.languages) < 2:
            return
        missing = 0
        for path, lang in _texts_missing(self.model, self.model.languages):
            missing += 1
            if missing > 20:
                continue
            if lang == "*":
                pair = " and ".join(f"`{code}:`" for code in self.model.languages)
                self.warn(path, f"text written in one language only — expected {pair}", "W101")
            else:
                self.warn(path, f"missing {LANGUAGES[lang].english} text", "W101")
        if missing > 20:
            self.warn((), f"{missing - 20} more texts miss a translation", "W101")


# A French text's missing non-breaking space: an ordinary space (or none) before « : ; ! ? », or after « / before ».
# A mark right after a digit, a slash or another mark is left alone (`10:30`, `http://`, « ?! »).
_NBSP = "\u00a0\u202f"
_FRENCH_SLIPS = re.compile(
    rf"[ \t][:;!?]|(?<=[^\s{_NBSP}?!:;.…(\[«\d/])[;!?](?=\s|$)|(?<=[^\s{_NBSP}\d/:])[:](?=\s|$)"
    rf"|«(?![{_NBSP}])|(?<![{_NBSP}])»"
)


def french_slips(text: str) -> int:
    """How many places in a French text lack the non-breaking space that French typography puts there."""
    return len(_FRENCH_SLIPS.findall(text))


def _texts(model: Scenario) -> Iterable[tuple[Path_, Tr | str]]:
    """(path, text) of every translatable text of a scenario: a pair (`Tr`), or a plain string in a text field."""

    def walk(value: object, path: Path_, text_field: bool = False) -> Iterable[tuple[Path_, Tr | str]]:
        if isinstance(value, Tr) or (isinstance(value, str) and text_field):
            yield path, value
        elif isinstance(value, BaseModel):
            for name, info in type(value).model_fields.items():  # type: ignore[attr-defined]
                yield from walk(getattr(value, name), path + (name,), _holds_text(info.annotation))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, path + (i,), text_field)

    yield from walk(model, ())


def _french_texts(model: Scenario) -> Iterable[tuple[Path_, str]]:
    """(path, text) of every French text: the `fr:` of a pair, or a plain string in a French-only scenario."""
    plain_is_french = tuple(model.languages) == ("fr",)
    for path, text in _texts(model):
        if isinstance(text, Tr):
            if text.fr:
                yield path + ("fr",), text.fr
        elif plain_is_french:
            yield path, text


def _holds_text(annotation: Any) -> bool:
    """Whether a field is a translatable text (`str | Tr`, maybe optional) or a list of them (an ending's
    questions), not an id or a proper name."""
    args = typing.get_args(annotation)
    return Tr in args or any(Tr in typing.get_args(arg) for arg in args)


def _texts_missing(model: Scenario, langs: Sequence[str]) -> Iterable[tuple[Path_, str]]:
    """(path, language) of every text that lacks a language: a pair missing one, or a plain string.

    A plain string serves in every language, so in a bilingual file it is a text written once, in one of
    them (`docs/authoring.md`); its language is unknown, so it is reported as missing the second one.
    """
    for path, text in _texts(model):
        if isinstance(text, Tr):
            yield from ((path, lang) for lang in langs if getattr(text, lang) is None)
        elif text.strip():
            yield path, "*"


def _explanations(text: Tr | str, path: Path_) -> Iterable[tuple[Path_, str]]:
    if isinstance(text, str):
        yield path, text
        return
    for code in LANGUAGES:
        value = getattr(text, code, None)
        if value:
            yield path + (code,), value


def _interval(node: cond.Node, bounds: dict[str, tuple[float, float]]) -> tuple[str, tuple[float, float]] | None:
    if isinstance(node, cond.Name):
        name = cond.ALIASES.get(node.name, node.name)
        return name, bounds.get(name, _RANGES_LEVEL)
    if isinstance(node, cond.Call) and cond.FUNCTIONS[node.func][1] == "number":
        return f"{node.func}({','.join(node.args)})", bounds.get(node.func, _RANGES_LEVEL)
    return None


def satisfiable(node: cond.Node, bounds: dict[str, tuple[float, float]]) -> bool:
    """False only when a condition can certainly never hold (ranges of gauges, clock, counts)."""
    return _satisfy(node, bounds, {}) is not None


def _satisfy(
    node: cond.Node, bounds: dict[str, tuple[float, float]], known: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float]] | None:
    if isinstance(node, cond.Binary) and node.op == "and":
        left = _satisfy(node.left, bounds, known)
        return None if left is None else _satisfy(node.right, bounds, left)
    if isinstance(node, cond.Binary) and node.op == "or":
        left = _satisfy(node.left, bounds, known)
        return left if left is not None else _satisfy(node.right, bounds, known)
    if isinstance(node, cond.Name) and node.name == "false":
        return None
    if isinstance(node, cond.Compare) and isinstance(node.right, cond.Number):
        return _narrow(node.left, node.op, node.right.value, bounds, known)
    if isinstance(node, cond.Compare) and isinstance(node.left, cond.Number):
        flipped = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[node.op]
        return _narrow(node.right, flipped, node.left.value, bounds, known)
    return known


def _narrow(
    node: cond.Node,
    op: str,
    value: float,
    bounds: dict[str, tuple[float, float]],
    known: dict[str, tuple[float, float]],
) -> dict[str, tuple[float, float]] | None:
    found = _interval(node, bounds)
    if found is None:
        return known
    key, (low, high) = found
    low, high = known.get(key, (low, high))
    if op in (">", ">="):
        low = max(low, value + (1e-9 if op == ">" else 0))
    elif op in ("<", "<="):
        high = min(high, value - (1e-9 if op == "<" else 0))
    elif op == "==":
        low, high = max(low, value), min(high, value)
    if key in _INTEGER:  # counts and the clock are whole numbers
        low, high = float(math.ceil(low - 1e-12)), float(math.floor(high + 1e-12))
    if low > high:
        return None
    return {**known, key: (low, high)}


_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_INTEGER = ("turn", "turns_left", "inventions", "innovations", "present", "innovated")


def _negate(node: cond.Node) -> cond.Node:
    """The condition's negation where ranges can judge it; `true` (anything may hold) elsewhere."""
    if isinstance(node, cond.Binary) and node.op in ("and", "or"):
        op = "or" if node.op == "and" else "and"
        return cond.Binary(node.col, op, _negate(node.left), _negate(node.right))
    if isinstance(node, cond.Unary) and node.op == "not":
        return node.operand
    if isinstance(node, cond.Name) and node.name in ("true", "false"):
        return cond.Name(node.col, "false" if node.name == "true" else "true")
    if isinstance(node, cond.Compare) and node.op == "==":
        less = cond.Compare(node.col, "<", node.left, node.right)
        return cond.Binary(node.col, "or", less, cond.Compare(node.col, ">", node.left, node.right))
    if isinstance(node, cond.Compare) and node.op in _NEGATED:
        return cond.Compare(node.col, _NEGATED[node.op], node.left, node.right)
    return cond.Name(node.col, "true")


def _compares_cohesion(node: Any) -> bool:
    """Whether a condition compares cohésion with a plain number (what `at: break` now says once)."""
    from game.scenario.conditions import Compare, Name, Number

    if isinstance(node, Compare):
        sides = (node.left, node.right)
        return any(isinstance(a, Name) and a.name == "cohesion" for a in sides) and any(
            isinstance(b, Number) for b in sides
        )
    return any(
        _compares_cohesion(getattr(node, part))
        for part in ("left", "right", "operand")
        if getattr(node, part, None) is not None
    )
