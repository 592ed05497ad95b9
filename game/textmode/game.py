"""Play in a terminal: plain lines, numbered choices read from standard input.

Usable with a screen reader: words and line structure, no punctuation markers (a transcript read aloud by a
speech engine sounds like a person reading the scene), no cursor tricks, no colours; and scriptable
(`printf '1\\n2\\n' | partenaires play --text …`). It is a thin client: it
shows what the engine's views say and sends back the number typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from game.i18n import gauge_name, language, t, units
from game.rules.engine import Engine, Outcome, SceneView
from game.rules.session import Session
from game.safeio import printable
from game.scenario.loading import Book
from game.scenario.model import tr
from game.views.consequences import consequences
from game.views.narration import describe_condition_fact, invention_name, org_short
from game.views.reading import sentence
from game.vocabulary.gauges import GAUGES

__all__ = ["TextGame", "stdin_reader", "choice_number"]


class _Reloaded(Exception):
    """Raised by `TextGame.wake` through the waiting prompt: the scene is shown again from the new file."""


class TextGame:
    """One game in a terminal; `read` returns a line or None at end of input."""

    def __init__(self, engine: Engine, session: Session, out: TextIO, read: Callable[[str], str | None]) -> None:
        self.engine = engine
        self.book: Book = engine.book
        self.session = session
        self.lang = session.lang
        self.out = out
        self.read = read
        self.watch: Callable[[Engine, Session], tuple[Engine, Session] | None] | None = None  # --watch
        self.prompt = ""  # the question being asked, shown again after lines said while it waits
        self.said = 0  # lines said so far: `wake` knows whether the watch had something to say
        self.waiting = False  # the prompt is shown and no line has been typed yet

    def say(self, line: str = "") -> None:
        """Every line the text mode shows: scenario text is not trusted to drive the terminal."""
        if self.waiting:  # said while the prompt waits (`wake`): below the prompt, not after it
            self.waiting = False
            self.out.write("\n")
        self.out.write(printable(line) + "\n")
        self.out.flush()
        self.said += 1

    def wake(self) -> None:
        """While the prompt waits (`--watch`): a saved scenario is reloaded now, not after the next choice.

        A new version ends the wait (`_Reloaded`, caught by `run`, which shows the scene again); a refused
        one has had its errors said, so the question is asked again below them.
        """
        if self.watch is None:
            return
        before = self.said
        swapped = self.watch(self.engine, self.session)
        if swapped is not None:
            self.engine, self.session = swapped
            self.book = self.engine.book
            raise _Reloaded
        if self.said != before:
            self.out.write(self.prompt)
            self.out.flush()
            self.waiting = True

    def run(self) -> int:
        """Play until an ending (0), the player quits (0) or input ends (0, with a message)."""
        self.header()
        while not self.session.finished:
            swapped = self.watch(self.engine, self.session) if self.watch else None
            if swapped is not None:  # the scenario file was saved: go on with the new version
                self.engine, self.session = swapped
                self.book = self.engine.book
            view = self.engine.view(self.session)
            self.show_scene(view)
            try:
                number = self.ask(len(view.choices))
            except _Reloaded:  # saved while the player was reading: the same moment, from the new file
                continue
            if number is None:
                return 0
            outcome = self.engine.choose(self.session, view.choices[number - 1].index)
            self.show_outcome(outcome)
        return 0

    # -- showing -------------------------------------------------------------------------------------
    def header(self) -> None:
        model = self.book.model
        self.say(t("text.title", self.lang, title=tr(model.title, self.lang).rstrip(".")))
        self.say(tr(model.summary, self.lang))
        self.say(t("role", self.lang, role=tr(model.player.role, self.lang)))
        self.show_partners()

    def unit(self) -> str:
        return tr(self.book.model.clock.unit, self.lang)

    def show_scene(self, view: SceneView) -> None:
        s = self.session
        phase = self.engine.phases[s.phase] if s.phase in self.engine.phases else None
        self.say()
        clock = t("turn", self.lang, unit=self.unit().capitalize(), turn=s.turn + 1, turns=self.book.model.clock.turns)
        name = tr(phase.name, self.lang) if phase else s.phase
        self.say(t("text.clock", self.lang, clock=clock, phase=name))
        if view.title is not None:
            self.say(t("text.scene", self.lang, title=tr(view.title, self.lang).rstrip(".")))
        if view.speaker:
            partner = next(p for p in self.book.model.partners if p.id == view.speaker)
            org = org_short(self.book, partner.organisation)
            self.say(t("text.speaker", self.lang, name=partner.name, org=org))
        self.say(tr(view.text, self.lang).strip())
        self.show_gauges()
        self.say(t("choices", self.lang))
        for choice in view.choices:
            cost = units(choice.cost, self.unit(), self.lang) if choice.cost else t("cost_free", self.lang)
            self.say(t("text.choice", self.lang, n=choice.number, text=sentence(tr(choice.text, self.lang)), cost=cost))

    def show_gauges(self) -> None:
        parts = [f"{gauge_name(g, self.lang).lower()} {self.session.gauges[g]}" for g in GAUGES]
        if any(e.at == "break" for e in self.book.model.endings):  # the one break rule, shown with its gauge
            parts[-1] += " " + t("breaks_below", self.lang, threshold=self.book.model.rules.break_threshold)
        left = units(self.session.turns_left, self.unit(), self.lang)
        self.say(t("text.gauges", self.lang, list=", ".join(parts), time=left))

    def show_partners(self) -> None:
        self.say(t("partners", self.lang))
        for p in self.book.model.partners:
            gone = "" if self.session.active[p.id] else t("gone", self.lang)
            self.say(
                "  "
                + t(
                    "partner_line",
                    self.lang,
                    name=p.name,
                    org=org_short(self.book, p.organisation),
                    role=tr(p.role, self.lang),
                    engagement=self.session.engagement[p.id],
                    gone=gone,
                )
            )
        for o in self.book.model.organisations:
            self.say(
                "  "
                + t(
                    "hierarchy_line",
                    self.lang,
                    org=o.short,
                    title=tr(o.hierarchy.title, self.lang),
                    awareness=self.session.awareness[o.id],
                    support=self.session.support[o.id],
                )
            )

    def show_inventions(self) -> None:
        self.say(t("inventions", self.lang))
        if not self.session.diffusion:
            self.say("  " + t("no_invention", self.lang))
        for invention, levels in self.session.diffusion.items():
            spread = ", ".join(f"{org_short(self.book, o)} {v}" for o, v in levels.items())
            self.say(
                "  "
                + t("invention_line", self.lang, name=invention_name(self.book, invention, self.lang), levels=spread)
            )

    def show_outcome(self, outcome: Outcome) -> None:
        self.say()
        told = consequences(self.book, outcome, self.lang)
        lang = language(self.lang)
        for cause in told.causes:  # the choice's own words first
            if cause.kind == "choice" and cause.text:
                self.say(cause.text)
        net = [change.text for change in told.net]
        self.say(t("net_change", self.lang, list=lang.join(net)) if net else t("nothing_changed", self.lang))
        for cause in told.causes:
            said = (
                " ; ".join(change.text for change in cause.changes)
                if self.lang == "fr"
                else "; ".join(change.text for change in cause.changes)
            )
            if cause.kind == "event":
                self.say()
                self.say(t("text.event", self.lang, title=cause.title.rstrip(".")))
                self.say(cause.text)
                if said:
                    self.say(t("what_changed", self.lang, list=said))
            elif cause.kind == "choice" and said:
                self.say(t("by_choice", self.lang, list=said))
            elif cause.kind == "months" and said:
                self.say(t("by_months", self.lang, why=cause.text, list=said))
        if outcome.idle:
            self.say()
            self.say(t("idle", self.lang, time=units(outcome.idle, self.unit(), self.lang)))
        if outcome.phase_to and outcome.phase_to != outcome.phase_from and outcome.phase_to in self.engine.phases:
            self.say()
            name = tr(self.engine.phases[outcome.phase_to].name, self.lang)
            self.say(t("text.new_phase", self.lang, name=name.rstrip(".")))
        if outcome.ending is not None:
            self.show_ending()

    def show_ending(self) -> None:
        result = self.engine.result(self.session)
        self.say()
        self.say(t("text.ending", self.lang, title=tr(result.title, self.lang).rstrip(".")))
        self.say(tr(result.explanation, self.lang).strip())
        if result.facts:
            self.say(t("why", self.lang))
            for fact in result.facts:
                self.say("  " + describe_condition_fact(self.book, fact, self.lang))
        self.show_gauges()
        innovated = [
            invention_name(self.book, i, self.lang) + " (" + ", ".join(org_short(self.book, o) for o in orgs) + ")"
            for i, orgs in result.innovations.items()
            if orgs
        ]
        gone = [invention_name(self.book, i, self.lang) for i in result.evaporated]
        self.say(t("innovations", self.lang, list=", ".join(innovated) or t("none", self.lang)))
        self.say(t("evaporated", self.lang, list=", ".join(gone) or t("none", self.lang)))
        self.say(t("questions", self.lang))
        for number, question in enumerate(result.questions, start=1):
            self.say("  " + t("text.question", self.lang, n=number, text=tr(question, self.lang)))

    # -- reading ---------------------------------------------------------------------------------------
    def ask(self, count: int) -> int | None:
        """A choice number from 1 to count; other commands are served; None when input ends."""
        while True:
            self.prompt = t("prompt", self.lang, n=count)
            self.waiting = True
            try:
                line = self.read(self.prompt)
            finally:
                self.waiting = False
            if line is None:
                self.say()
                self.say(t("eof", self.lang))
                return None
            text = line.strip().lower()
            number = choice_number(text, count)
            if number is not None:
                return number
            if text in ("q", "quit", "quitter"):
                self.say(t("quit", self.lang))
                return None
            if not self.command(text):
                self.say(t("bad_input", self.lang, text=_quoted(line.strip()), n=count))

    def command(self, text: str) -> bool:
        if text in ("?", "h", "help", "aide"):
            self.say(t("help", self.lang))
        elif text == "p":
            self.show_partners()
        elif text == "i":
            self.show_inventions()
        elif text in ("j", "g"):
            self.show_gauges()
        else:
            return False
        return True


def choice_number(text: str, count: int) -> int | None:
    """`3` → 3 when 1 ≤ 3 ≤ count; None for anything else (`²`, `٣`, `1e3`, 5,000 digits…).

    Only ASCII digits count: `str.isdigit` also accepts `²` (the AZERTY key left of 1), which
    `int` then refuses; and a number too long to be a choice is never converted.
    """
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(count)) + 2:
        return None
    number = int(text)
    return number if 1 <= number <= count else None


def _quoted(text: str) -> str:
    """What the player typed, shown back on one line and cut when long."""
    return printable(text if len(text) <= 40 else text[:40] + "…", one_line=True)


def stdin_reader(stream: TextIO, echo: TextIO) -> Callable[[str], str | None]:
    """Read lines from a stream, writing the prompt first; None at end of input."""

    def read(prompt: str) -> str | None:
        echo.write(prompt)
        echo.flush()
        line = stream.readline()
        if line == "":
            return None
        if not stream.isatty():
            echo.write(printable(line.rstrip("\n")) + "\n")
        return line

    return read
