"""The play screen: the table, the scene, the choices; then what changed and why.

Left: the four gauges (animated, explained on hover or focus). Top: the phase
and the funding clock. Centre: the partners around the table, the scene and
the choices (keys 1–9). Right: each hierarchy's awareness and support, and the
inventions with their diffusion in each organisation. After a choice the scene
gives way to a feedback card until the player continues.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

import pygame

from game.i18n import LANGUAGES, gauge_name, language, units
from game.rules.engine import Outcome, SceneView
from game.scenario.model import tr
from game.ui.causes import explain_last
from game.ui.frames import Region, Regions
from game.ui.match import Match
from game.ui.screens.base import Screen
from game.ui.strings import s
from game.ui.widgets.backdrop import backdrop, place_of
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button
from game.ui.widgets.gauge import Gauge, bar, change_label
from game.ui.widgets.orgpanel import draw_organisations, hidden_organisations
from game.ui.widgets.portrait import org_colour, safe_asset
from game.ui.widgets.richtext import Block, RichText
from game.ui.widgets.table import Seat, SeatInfo, draw_table, place_seats
from game.views.consequences import Change, consequences
from game.vocabulary.gauges import GAUGES

if TYPE_CHECKING:
    from game.rules.session import Session
    from game.ui.app import App

__all__ = ["PlayScreen", "outcome_blocks"]

DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}


def change_lines(changes: tuple[Change, ...]) -> list[Block]:
    """One line per change, with an arrow that reads without colour."""
    return [("up" if change.rising else "down", change.text) for change in changes]


def outcome_blocks(match: Match, outcome: Outcome, lang: str) -> list[Block]:
    """The feedback card: the net change of each gauge (what the gauges now show), then each outside event
    in its own part, then what the choice did and what the months cost, then idle months and a new phase."""
    book = match.book
    unit = tr(book.model.clock.unit, lang)
    told = consequences(book, outcome, lang)
    blocks: list[Block] = [("kicker", s("what_happened", lang))]
    choice = next(c for c in told.causes if c.kind == "choice")
    if choice.text:
        blocks.append(("quote", choice.text))
    blocks.append(("h2", s("net_change", lang)))
    if told.net:  # one line, as the gauges show it: each gauge its sign
        rising = sum(1 if change.rising else -1 for change in told.net) >= 0
        blocks.append(("up" if rising else "down", " · ".join(change.text for change in told.net)))
    else:
        blocks.append(("body", s("nothing_changed", lang)))
    for cause in told.causes:
        if cause.kind == "event":
            blocks.append(("h2", s("outside_event", lang, title=cause.title)))
            blocks.append(("quote", cause.text))
            blocks += change_lines(cause.changes)
        elif cause.kind == "choice":
            shown = tuple(c for c in cause.changes if not (told.single_cause and c.gauge))
            if shown:
                blocks.append(("h2", s("by_choice", lang)))
                blocks += change_lines(shown)
        elif cause.kind == "months" and cause.changes:
            blocks.append(("h2", s("by_months", lang)))
            blocks.append(("body", cause.text))
            blocks += change_lines(cause.changes)
    if outcome.idle:
        blocks.append(("body", s("idle", lang, time=units(outcome.idle, unit, lang))))
    phases = match.engine.phases
    if outcome.phase_to and outcome.phase_to != outcome.phase_from and outcome.phase_to in phases:
        phase = phases[outcome.phase_to]
        blocks.append(("h2", s("new_phase", lang, name=tr(phase.name, lang))))
        if phase.description is not None:
            blocks.append(("body", tr(phase.description, lang)))
    return blocks


class Centre(NamedTuple):
    """Where the centre's parts go for one content (see PlayScreen._plan_centre)."""

    table: pygame.Rect
    round_table: bool
    card: pygame.Rect
    text_rect: pygame.Rect
    label_h: int
    heights: list[int]
    card_bottom: int


def aligned(area: pygame.Rect, limit: int) -> pygame.Rect:
    """`area` widened to whole groups of 4 pixels: SDL fills those rows with SIMD, several times faster.
    The regions of the static layer are 10 pixels apart or more, so the few extra columns are background."""
    left = area.x - area.x % 4
    right = min(limit, area.right + (-area.right) % 4)
    return pygame.Rect(left, area.y, right - left, area.h)


class PlayScreen(Screen):
    holds_match = True

    def __init__(self, app: App, match: Match) -> None:
        super().__init__(app)
        self.match = match
        self.outcome: Outcome | None = None
        self.gauges = {g: Gauge(g, g, match.session.gauges[g], self._explainer(g)) for g in GAUGES}
        self.regions = Regions()  # the static layer, region by region (see draw_static)
        self.place = "meeting"  # where the scene happens (widgets/backdrop.py), kept while its feedback shows
        model = match.book.model
        if any(e.at == "break" for e in model.endings):  # the one break rule, drawn on the cohésion gauge
            self.gauges["cohesion"].marker = model.rules.break_threshold

    def _explainer(self, key: str):  # type: ignore[no-untyped-def]
        def explain() -> str:
            m = self.match
            return explain_last(m.book, key, m.session.last_cause, m.last_delta, self.lang)

        return explain

    # -- layout ------------------------------------------------------------------------------------------
    def compact(self) -> bool:
        """Narrow window or large text: the organisations move to an overlay (key I)."""
        w, h = self.size
        return w < self.look.px(1120) or h < self.look.px(600)

    def build(self) -> None:
        look = self.look
        w, h = self.size
        m = look.px(16)
        self.top = pygame.Rect(0, 0, w, look.text.line_height("h2") + look.px(22))
        body_y = self.top.bottom + m
        self.is_compact = self.compact()
        if self.is_compact:
            side = max(int(w * 0.27), min(look.px(230), int(w * 0.34)))
            self.left = pygame.Rect(m, body_y, side, h - body_y - m)
            self.right = None
            self.center = pygame.Rect(self.left.right + m, body_y, w - self.left.right - 2 * m, h - body_y - m)
        else:
            side = max(int(w * 0.21), min(look.px(250), int(w * 0.27)))
            self.left = pygame.Rect(m, body_y, side, h - body_y - m)
            self.right = pygame.Rect(w - m - side, body_y, side, h - body_y - m)
            self.center = pygame.Rect(
                self.left.right + m, body_y, self.right.x - self.left.right - 2 * m, h - body_y - m
            )
        self.text_width = RichText.inner_width(look, self.center.w - 2 * self._card_padding()[0])
        extra = self._gauges_layout()
        main = self._scene_widgets() if self.outcome is None else self._feedback_widgets()
        seats = self._seats()
        self._arrange(main, seats)
        self.seat_widgets = seats
        self.widgets = [*main, *self.gauges.values(), *extra, *seats]

    def update(self, dt: float) -> bool:
        busy = super().update(dt) or self.stale  # a static region still to draw (see draw_static)
        if self.frames.working_ahead and not self.stale and not self.text.update(dt):
            self.frames.step_ahead()
            return True
        return busy

    def relayout(self) -> None:
        super().relayout()
        self.frames.plan_ahead(self.work_ahead())

    # -- ahead of the next key press -------------------------------------------------------------------
    def work_ahead(self) -> Iterator[None]:
        """What the next key press will show, laid out and drawn one piece per frame while the player reads.

        The frame that handles a decision would otherwise wrap and render every new line and draw every new
        button: the feedback of each offered choice is prepared while the scene is read, and the next
        scene (its text, its choices, the seats with their new speaker) while the feedback is read, so that
        frame mostly blits what is ready (issue 7). Each step is small; update() runs one per frame."""
        lang, session = self.lang, self.match.session
        if session.finished:
            return
        view = self.match.view()
        if self.outcome is None:
            for choice in view.choices:
                outcome, after = self.match.foresee(choice.index)
                self._gauges_ahead(outcome)
                yield
                yield from self._text_ahead(
                    outcome_blocks(self.match, outcome, lang), [self._continue(outcome)], choosing=False
                )
                yield from self._seats_ahead(None, after, outcome)
            return
        if self.outcome.ending is not None:
            return
        buttons = self._choice_buttons(view)
        yield from self._text_ahead(self.scene_blocks(view), buttons, choosing=True)
        look, width = self.look, self.center.w
        for n, button in enumerate(buttons):
            button.rect = pygame.Rect(0, 0, width, button.measure(look, width))
            self.warm_picture(button, focused=n == 0)  # the first choice has the focus after a scene opens
            yield
        yield from self._seats_ahead(view.speaker, session, None)

    def _seats_ahead(self, speaker: str | None, session: Session, outcome: Outcome | None) -> Iterator[None]:
        """The faces whose caption or ring will change (engagement, who speaks), drawn ahead."""
        for seat in self.seat_widgets[:-1]:
            info = self._partner_info(seat.info.key, speaker, session, outcome)
            if info != seat.info:
                ahead = Seat(info, seat.compact)
                ahead.rect = seat.rect.copy()
                self.warm_picture(ahead)
                yield

    def _gauges_ahead(self, outcome: Outcome) -> None:
        """The numbers the gauges will show after this outcome."""
        look = self.look
        for key, value in outcome.decision.after.items():
            look.text.render(str(value), "h2", look.theme.ink)
            delta = value - outcome.decision.before.get(key, value)
            if delta:
                look.text.render(*change_label(look, delta))

    def _text_ahead(self, blocks: list[Block], buttons: list[Button], choosing: bool) -> Iterator[None]:
        """The card's text for the next key press: laid out at its future size, then rendered a few lines
        per frame; the relayout takes it ready (see _text_for)."""
        text = RichText(blocks)
        text.lines(self.look, self.text_width)
        yield
        text.rect = self._plan_centre(buttons, text, choosing).text_rect
        self.frames.prepared[tuple(blocks)] = text
        while text.prepare(self.look):
            yield

    def _text_for(self, blocks: list[Block]) -> RichText:
        """The card's text: the one prepared ahead when it is the same, or a new one."""
        text = self.frames.take(tuple(blocks))
        return text if isinstance(text, RichText) else RichText(blocks)

    def _gauges_layout(self) -> list[Button]:
        look, lang = self.look, self.lang
        y = self.left.y + look.px(14) + look.text.line_height("h2") + look.px(6)
        for key, gauge in self.gauges.items():
            gauge.name = gauge_name(key, lang)
            gauge.rect = pygame.Rect(self.left.x + look.px(8), y, self.left.w - look.px(16), gauge.measure(look))
            y = gauge.rect.bottom + look.px(8)
        width = self.left.w - look.px(16)
        journal = Button(s("journal", lang), self.app.show_journal, detail="J", role="small")
        height = journal.measure(look, width)
        journal.rect = pygame.Rect(self.left.x + look.px(8), self.left.bottom - height - look.px(8), width, height)
        self.gauges_bottom = min(y, journal.rect.y)
        self.left_bottom = journal.rect.y  # the funding ring and the help stop above the buttons
        if not self.is_compact:
            return [self._see_all(), journal]
        more = Button(s("organisations", lang), self.app.show_organisations, detail="I", role="small")
        height = more.measure(look, width)
        more.rect = pygame.Rect(self.left.x + look.px(8), journal.rect.y - height - look.px(6), width, height)
        self.gauges_bottom = min(y, more.rect.y)
        self.left_bottom = more.rect.y
        return [more, journal]

    def _see_all(self) -> Button:
        """The right panel's way to the overlay: what it cannot show is counted ("+3 — see all"), never cut."""
        assert self.right is not None
        look, lang = self.look, self.lang
        pad_x, pad_y = look.px(16), look.px(12)
        probe = Button(s("see_all", lang, n=99), self.app.show_organisations, detail="I", role="small")
        width = self.right.w - 2 * pad_x
        height = probe.measure(look, width)
        self.orgs_area = pygame.Rect(
            self.right.x + pad_x, self.right.y + pad_y, width, self.right.h - 2 * pad_y - height - look.px(8)
        )
        hidden = hidden_organisations(look, self.match, lang, self.orgs_area)
        label = s("see_all", lang, n=hidden) if hidden else s("see_organisations", lang)
        more = Button(label, self.app.show_organisations, detail="I", role="small")
        more.rect = pygame.Rect(self.right.x + pad_x, self.right.bottom - pad_y - height, width, height)
        self.orgs_hidden = hidden
        return more

    def _seats(self) -> list[Seat]:
        model, session = self.match.book.model, self.match.session
        speaker = self.match.view().speaker if self.outcome is None and not session.finished else None
        seats = [Seat(self._partner_info(p.id, speaker, None, self.outcome)) for p in model.partners]
        orgs = {o.id: o for o in model.organisations}
        player_org = orgs.get(model.player.organisation)
        you = Seat(
            SeatInfo(
                "player",
                session.trainee or s("you", self.lang),
                player_org.short if player_org else "",
                org_colour(player_org.colour if player_org else None, model.player.organisation),
                None,
                about=s("role_is", self.lang, role=tr(model.player.role, self.lang)),
            )
        )
        return seats + [you]

    def _card_padding(self) -> tuple[int, int]:
        return self.look.px(20), self.look.px(14)

    def _plan_centre(self, buttons: list[Button], text: RichText, choosing: bool) -> Centre:
        """Split the centre between the table, the text card and the choices (or the continue button).
        Pure: the screen also asks it about the next key press, to prepare that text at its size."""
        look, center = self.look, self.center
        gap = look.px(12)
        pad_x, pad_y = self._card_padding()
        min_card = 3 * look.text.line_height("body") + 2 * pad_y
        if choosing:
            label_h = 0 if self.is_compact else look.text.line_height("h2") + look.px(6)
            least_table = Seat.size(look, compact=True)[1] + look.px(4)
            readable = min(text.content_height(look, self.text_width), 6 * look.text.line_height("body")) + 2 * pad_y
            room = center.h - least_table - max(min_card, readable) - 2 * gap - label_h  # the scene stays legible
            heights = self._fit_choices(buttons, room)
            actions_h = label_h + sum(heights) + look.px(8) * (len(buttons) - 1)
        else:
            label_h = 0
            heights = [buttons[0].measure(look, min(center.w, buttons[0].natural_width(look)))]
            actions_h = heights[0]
        content = text.content_height(look, self.text_width) + 2 * pad_y
        _, seat_h = Seat.size(look)
        round_h = 2 * seat_h + look.px(8)
        room = center.h - actions_h - 2 * gap
        round_table = not self.is_compact and room - round_h >= min_card
        if round_table:
            table_h = max(round_h, min(int(center.h * 0.42), room - content))
        else:
            table_h = Seat.size(look, compact=True)[1] + look.px(4)
        table = pygame.Rect(center.x, center.y, center.w, table_h)
        card_bottom = center.bottom - actions_h - gap
        card = pygame.Rect(center.x, table.bottom + gap, center.w, max(0, card_bottom - table.bottom - gap))
        return Centre(table, round_table, card, card.inflate(-2 * pad_x, -2 * pad_y), label_h, heights, card_bottom)

    def _fit_choices(self, buttons: list[Button], room: int) -> list[int]:
        """The choices' heights, made thinner step by step until they leave `room` for the table and the
        scene: less padding, then smaller type, then one line each (the whole label on hover and read aloud)."""
        look, width = self.look, self.center.w
        gaps = look.px(8) * (len(buttons) - 1)
        steps = [(None, None, False), (5, None, False), (4, "small", False), (4, "small", True)]
        heights: list[int] = []
        for pad_y, role, one_line in steps:
            for button in buttons:
                if pad_y is not None:
                    button.pad_y = min(button.pad_y, pad_y)
                if role is not None:
                    button.role = role
                button.one_line = one_line
            heights = [b.measure(look, width) for b in buttons]
            if sum(heights) + gaps <= room:
                break
        return heights

    def _arrange(self, main: list, seats: list[Seat]) -> None:  # type: ignore[type-arg]
        look, center = self.look, self.center
        buttons = [w for w in main if isinstance(w, Button)]
        plan = self._plan_centre(buttons, self.text, self.outcome is None)
        self.table, self.table_round, self.card = plan.table, plan.round_table, plan.card
        for seat in seats:
            seat.compact = not plan.round_table
        if plan.round_table:
            place_seats(self.table, look, seats[:-1], seats[-1])
        else:
            self._row(seats)
        self.text.rect = plan.text_rect
        gap = look.px(12)
        if self.outcome is None:
            self.choices_label_y = -1 if self.is_compact else plan.card_bottom + gap
            y = plan.card_bottom + gap + plan.label_h
            for button, height in zip(buttons, plan.heights, strict=True):
                button.rect = pygame.Rect(center.x, y, center.w, height)
                y += height + look.px(8)
        else:
            self.choices_label_y = -1
            width = min(center.w, buttons[0].natural_width(look))
            heights = plan.heights
            buttons[0].rect = pygame.Rect(center.right - width, center.bottom - heights[0], width, heights[0])

    def _row(self, seats: list[Seat]) -> None:
        width = self.table.w // len(seats)
        for i, seat in enumerate(seats):
            seat.rect = pygame.Rect(self.table.x + i * width, self.table.y, width - self.look.px(4), self.table.h)

    def _partner_info(
        self, partner_id: str, speaker: str | None, session: Session | None = None, outcome: Outcome | None = None
    ) -> SeatInfo:
        book, lang, session = self.match.book, self.lang, session or self.match.session
        partner = next(p for p in book.model.partners if p.id == partner_id)
        org = next(o for o in book.model.organisations if o.id == partner.organisation)
        about = (
            f"{partner.name} — {tr(partner.role, lang)} ({tr(org.name, lang)}). {tr(partner.logic, lang)} "
            f"{s('engagement', lang).capitalize()} {session.engagement[partner.id]}. "
            f"{tr(org.hierarchy.title, lang)}{language(lang).colon} "
            f"{s('awareness', lang)} {session.awareness[org.id]}, "
            f"{s('support', lang)} {session.support[org.id]}."
        )
        return SeatInfo(
            partner.id,
            partner.name,
            org.short,
            org_colour(org.colour, org.id),
            session.engagement[partner.id],
            session.active[partner.id],
            partner.id == speaker,
            safe_asset(book.folder, partner.portrait),
            about,
            s("gone", lang),
            self._mood(partner.id, speaker, session, outcome),
        )

    def _mood(self, partner_id: str, speaker: str | None, session: Session, outcome: Outcome | None) -> str:
        """The face a partner makes: pleased or worried after a decision that moved their engagement (or
        the event that followed it), speaking in their scene, worried when their engagement runs low."""
        if not session.active[partner_id]:
            return "gone"
        if outcome is not None:
            moved = outcome.changes.get(f"engagement:{partner_id}", 0)
            moved += sum(hit.deltas.get(f"engagement:{partner_id}", 0) for hit in outcome.events)
            if moved:
                return "pleased" if moved > 0 else "worried"
        if partner_id == speaker:
            return "speaking"
        return "worried" if session.engagement[partner_id] < 30 else "neutral"

    def _scene_widgets(self) -> list[Button | RichText]:
        view = self.match.view()
        self.place = self._place_of(view)
        buttons: list[Button | RichText] = list(self._choice_buttons(view))
        self.text = self._text_for(self.scene_blocks(view))
        self.scroller = self.text
        return [*buttons, self.text]

    def _place_of(self, view: SceneView) -> str:
        """The kind of place of the current scene, from its id, its phase and its words in every language
        (so the backdrop does not change with the language)."""
        session = self.match.session
        titles = " ".join([session.scene, *(tr(view.title, lang) for lang in LANGUAGES)])
        texts = " ".join(tr(view.text, lang) for lang in LANGUAGES)
        return place_of(titles, texts, session.phase)

    def _choice_buttons(self, view: SceneView) -> list[Button]:
        lang = self.lang
        unit = tr(self.match.book.model.clock.unit, lang)
        buttons = []
        for choice in view.choices:
            cost = units(choice.cost, unit, lang) if choice.cost else s("cost_free", lang)
            button = Button(tr(choice.text, lang), partial(self.pick, choice.index), number=choice.number, detail=cost)
            if self.is_compact:
                button.pad_y = 5
            buttons.append(button)
        return buttons

    def _feedback_widgets(self) -> list[Button | RichText]:
        assert self.outcome is not None
        lang = self.lang
        self.text = self._text_for(outcome_blocks(self.match, self.outcome, lang))
        self.scroller = self.text
        return [self._continue(self.outcome), self.text]

    def _continue(self, outcome: Outcome) -> Button:
        label = s("see_ending", self.lang) if outcome.ending is not None else s("next_scene", self.lang)
        return Button(label, self.proceed, primary=True)

    def scene_blocks(self, view: SceneView) -> list[Block]:
        book, lang = self.match.book, self.lang
        blocks: list[Block] = []
        if view.speaker:
            partner = next((p for p in book.model.partners if p.id == view.speaker), None)
            if partner is not None:
                org = next(o for o in book.model.organisations if o.id == partner.organisation)
                blocks.append(("kicker", f"{partner.name} · {org.short}"))
        if view.title is not None:
            blocks.append(("h1", tr(view.title, lang)))
        blocks.append(("body", tr(view.text, lang).strip()))
        return blocks

    def spoken(self) -> str:
        """The scene and its choices, or the feedback, in sentences (what key V reads; the text mode's words)."""
        from game.i18n import t
        from game.views.reading import read_blocks, sentence

        lang = self.lang
        lines = read_blocks(self.text.blocks)
        if self.outcome is None and not self.match.session.finished:
            lines.append(t("choices", lang))
            for button in (w for w in self.widgets if isinstance(w, Button) and w.number is not None):
                lines.append(t("text.choice", lang, n=button.number, text=sentence(button.label), cost=button.detail))
        else:
            lines += [sentence(w.label) for w in self.widgets if isinstance(w, Button)]
        return "\n".join(lines)

    # -- acting --------------------------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        if self.outcome is not None or self.match.session.finished:
            return
        self.outcome = self.match.choose(index)
        turned = self.outcome.phase_to and self.outcome.phase_to != self.outcome.phase_from
        self.app.cue("event" if self.outcome.events else "phase" if turned else "choice")
        for key, gauge in self.gauges.items():
            gauge.flash = 0.0  # only this decision's changes are shown
            gauge.set(self.match.session.gauges[key])
        self.relayout()
        self.focus_index = 0

    def proceed(self) -> None:
        text, look = self.text, self.look
        if self.outcome is not None and text.scroll < text.max_scroll(look):
            text.scroll_by(look, text.rect.h - look.text.line_height("body"))  # show the rest before moving on
            return
        if self.outcome is not None and self.outcome.ending is not None:
            self.app.show_ending(self.match)
            return
        self.outcome = None
        self.relayout()
        self.focus_index = 0

    def reload(self) -> None:
        result = self.match.reload()
        if result.errors:
            assert self.match.book.path is not None
            self.app.show_errors(self.match.book.path, result.errors, back=lambda: self.app.show(self))
            return
        self.outcome = None
        for key, gauge in self.gauges.items():
            gauge.value = gauge.shown = self.match.session.gauges[key]
        if result.restarted:
            self.app.toast(s("reload_restart", self.lang, scene=result.restarted))
        else:
            self.app.toast(s("reloaded", self.lang))
        self.relayout()

    def on_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_ESCAPE:
            self.app.pause()
        elif key == pygame.K_i:
            self.app.show_organisations()
        elif key == pygame.K_j:
            self.app.show_journal()
        elif key == pygame.K_g:
            self.app.show_glossary()
        elif key == pygame.K_F5:
            self.reload()
        elif key in DIGITS and self.outcome is None and not getattr(event, "mod", 0) & pygame.KMOD_CTRL:
            choices = self.match.view().choices
            number = DIGITS[key]
            if number > len(choices):
                return False
            self.focus_index = number - 1
            self.pick(choices[number - 1].index)
        else:
            return False
        return True

    # -- drawing ---------------------------------------------------------------------------------------------
    def draw_static(self, surface: pygame.Surface) -> bool:
        """The layer under the widgets, by region: after a decision only the regions whose state changed
        are drawn again. The centre (the card under the new text) comes at once, alone; the top bar and the
        side panels follow one per frame, so that no frame that handles a key press draws the whole screen.
        Returns True while some region still waits (the screen keeps asking for frames until then)."""
        look = self.look
        width = surface.get_width()
        regions = [(aligned(area, width), key, paint) for area, key, paint in self._static_regions()]
        layout = (surface.get_size(), look.theme.name, look.text.scale, self.lang, self.is_compact, id(self.match.book))
        spread = self.app.screen is self  # under an overlay the layer is wanted whole, at once
        return self.regions.paint(surface, layout, regions, look.theme.bg, spread)  # the centre is last

    def _static_regions(self) -> list[Region]:
        """(area, what it shows, painter) for each region of the static layer; the areas do not overlap."""
        session = self.match.session
        w, h = self.size
        top = pygame.Rect(0, 0, w, self.top.bottom + 1)
        clock = (session.phase, session.turn, session.turns_left)
        regions: list[Region] = [
            (top, (tuple(top), clock), self._top_bar),
            (self.left.inflate(4, 4), (tuple(self.left), self.gauges_bottom, clock), self._left_panel),
        ]
        if self.right is not None:
            state = (
                sorted(session.awareness.items()),
                sorted(session.support.items()),
                [(inv, list(levels.items())) for inv, levels in session.diffusion.items()],
            )
            regions.append((self.right.inflate(4, 4), (tuple(self.right), state), self._right_panel))
        centre = pygame.Rect(self.center.x - 2, self.center.y - 2, self.center.w + 4, h - self.center.y + 2)
        seats = [tuple(seat.rect) for seat in self.seat_widgets]
        regions.append(
            (
                centre,
                (
                    tuple(self.center),
                    tuple(self.table),
                    self.table_round,
                    seats,
                    tuple(self.card),
                    self.choices_label_y,
                    self.place,
                ),
                self._centre,
            )
        )
        return regions

    def _left_panel(self, surface: pygame.Surface) -> None:
        look, theme = self.look, self.look.theme
        panel(surface, look, self.left)
        blit_text(
            surface,
            look,
            s("collective", self.lang),
            "h2",
            theme.ink,
            (self.left.x + look.px(16), self.left.y + look.px(12)),
        )
        self._help(surface)

    def _right_panel(self, surface: pygame.Surface) -> None:
        assert self.right is not None
        look = self.look
        panel(surface, look, self.right)
        draw_organisations(surface, look, self.match, self.lang, self.orgs_area)

    def _centre(self, surface: pygame.Surface) -> None:
        look = self.look
        self._table(surface)
        panel(surface, look, self.card)
        if self.choices_label_y >= 0:
            at = (self.center.x, self.choices_label_y)
            blit_text(surface, look, s("your_choices", self.lang), "h2", look.theme.ink, at)

    def _table(self, surface: pygame.Surface) -> None:
        look = self.look
        picture = backdrop(self.place, self.table.size, look.theme)
        if picture is not None:
            surface.blit(picture, self.table)
            pygame.draw.rect(surface, look.theme.bg, self.table.inflate(4, 4), 3, border_radius=look.px(12))
            pygame.draw.rect(surface, look.theme.border, self.table, 1, border_radius=look.px(10))
        if self.table_round:
            draw_table(surface, look, self.table, self.seat_widgets)
            return
        band = pygame.Rect(self.table.x, self.table.y + look.px(30), self.table.w, look.px(26))
        pygame.draw.rect(surface, look.theme.table, band, border_radius=look.px(13))

    def _funding(self, surface: pygame.Surface, y: int) -> int:
        """The funding clock as a ring that empties, with the months left in its middle."""
        look, theme, lang = self.look, self.look.theme, self.lang
        session, clock = self.match.session, self.match.book.model.clock
        r = look.px(40)
        needed = look.text.line_height("h2") + 2 * r + look.px(40)
        if self.gauges_bottom + needed > self.left_bottom - look.px(52):
            return y
        x = self.left.x + look.px(16)
        y = blit_text(surface, look, s("funding", lang), "h2", theme.ink, (x, y + look.px(6))).bottom + look.px(10)
        centre = (x + r, y + r)
        left = max(0, session.turns_left)
        share = left / clock.turns if clock.turns else 0
        pygame.draw.circle(surface, theme.track, centre, r)
        if share > 0:
            steps = max(2, int(64 * share))
            points = [centre] + [
                (
                    centre[0] + r * math.sin(2 * math.pi * share * i / steps),
                    centre[1] - r * math.cos(2 * math.pi * share * i / steps),
                )
                for i in range(steps + 1)
            ]
            pygame.draw.polygon(surface, theme.accent, points)
        pygame.draw.circle(surface, theme.panel, centre, r - look.px(10))
        pygame.draw.circle(surface, theme.border, centre, r, 1)
        number = look.text.render(str(left), "h1", theme.ink)
        surface.blit(number, number.get_rect(center=centre))
        unit = tr(clock.unit, lang)
        tx, width = centre[0] + r + look.px(14), self.left.right - centre[0] - r - look.px(30)
        ty = centre[1] - look.text.line_height("small")
        words = language(lang).counted("ui.time_left", left, time=units(left, unit, lang).split(" ", 1)[-1])
        lines = look.text.wrap(words, "small", width)
        for line in lines[:2]:
            ty = blit_text(surface, look, line, "small", theme.ink, (tx, ty)).bottom
        spent = s("clock", lang, unit=unit.capitalize(), turn=min(session.turn + 1, clock.turns), turns=clock.turns)
        blit_text(surface, look, look.text.fit(spent, "tiny", width), "tiny", theme.muted, (tx, ty + look.px(2)))
        return centre[1] + r + look.px(12)

    def _help(self, surface: pygame.Surface) -> None:
        look = self.look
        y = self._funding(surface, self.gauges_bottom + look.px(4))
        width = self.left.w - look.px(32)
        for line in look.text.wrap(s("gauge_help", self.lang), "tiny", width):
            if y + look.text.line_height("tiny") > self.left_bottom - look.px(4):
                break
            y = blit_text(surface, look, line, "tiny", look.theme.muted, (self.left.x + look.px(16), y)).bottom

    def _top_bar(self, surface: pygame.Surface) -> None:
        """Title on the left, the phase, and the funding clock on the right; what does not fit is shortened."""
        look, theme, lang = self.look, self.look.theme, self.lang
        session, model = self.match.session, self.match.book.model
        pygame.draw.rect(surface, theme.panel, self.top)
        pygame.draw.line(surface, theme.border, self.top.bottomleft, self.top.bottomright)
        m = look.px(16)
        clock_x = self._clock(surface, self.top.right - m)
        phase = self.match.engine.phases.get(session.phase)
        phase_text = s("phase", lang, name=tr(phase.name, lang)) if phase else ""
        phase_w = look.text.width(phase_text, "small") if phase_text else 0
        title = tr(model.title, lang)
        room = clock_x - 2 * m - (phase_w + 2 * m if phase_w else 0)
        if room < look.px(120):  # no room for both: the phase matters more during play
            room, phase_w = clock_x - 2 * m, 0
            title = phase_text or title
        y = self.top.centery - look.text.line_height("h2") // 2 + look.text.nudge
        shown = blit_text(surface, look, look.text.fit(title, "h2", room), "h2", theme.ink, (m, y))
        if phase_w:
            x = max(shown.right + 2 * m, self.top.centerx - phase_w // 2)
            if x + phase_w > clock_x - m:
                x = shown.right + 2 * m
            blit_text(
                surface,
                look,
                phase_text,
                "small",
                theme.accent,
                (x, self.top.centery - look.text.line_height("small") // 2 + 1),
            )

    def _clock(self, surface: pygame.Surface, right: int) -> int:
        """The funding clock at the right of the top bar: time left in words, months as pips; returns its left x."""
        look, theme, lang = self.look, self.look.theme, self.lang
        session, clock = self.match.session, self.match.book.model.clock
        unit = tr(clock.unit, lang)
        spent = min(session.turn, clock.turns)
        text = s("funding_left", lang, time=units(max(0, session.turns_left), unit, lang))
        y = self.top.centery - look.text.line_height("small") // 2 + 1
        label = blit_text(surface, look, text, "small", theme.ink, (right, y), "right")
        r = look.px(6)
        step = 2 * r + look.px(4)
        width = clock.turns * step if clock.turns <= 24 else look.px(120)
        if width > self.top.w // 4:
            return label.x
        x0 = label.x - look.px(14) - width
        if clock.turns <= 24:
            for i in range(clock.turns):
                centre = (x0 + r + i * step, self.top.centery)
                past = i < spent  # months spent are hollow, months left are filled
                pygame.draw.circle(surface, theme.muted if past else theme.accent, centre, r, 2 if past else 0)
        else:
            track = pygame.Rect(x0, self.top.centery - look.px(5), width, look.px(10))
            bar(surface, look, track, 100 * (clock.turns - spent) / clock.turns, theme.accent)
        return x0
