"""The scenario as a diagram: phases (coloured clusters), scenes, choices, endings.

One neutral description (`Diagram`) is written out as Graphviz DOT or as a
Mermaid flowchart in Markdown, both as plain text with our own code, so `.dot`
and `.md` need nothing installed. `.svg` runs Graphviz's `dot` program and
says clearly how to get it when it is missing.

How a game flows, drawn: each scene shows its whole title and every choice with
its condition and effects (wrapped, never cut); a choice with a `next` is a solid
arrow to that scene, numbered; choices without one go back to their phase's draw
(a small "⟳" node, a light dashed arrow that does not weigh on the layout), and
the scenes the draw can give carry "⟳" and their condition instead of one arrow
each; a choice that creates an invention has a green arrow to it; phase changes
are bold arrows labelled with their condition; endings hang from "funding ends",
"at any time" or the break threshold.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import PartenairesError
from game.i18n import t
from game.rules.session import plan_of
from game.safeio import write_atomic
from game.scenario.loading import Book
from game.scenario.model import Effects, Scene, tr
from game.views.narration import describe_change

__all__ = ["Diagram", "build_diagram", "to_dot", "to_mermaid", "write_graph", "PALETTE"]

# (fill of the cluster, fill of its scenes, border): soft colours that print well on slides
PALETTE = [
    ("#e8f1fb", "#c9ddf4", "#3b6ea5"),
    ("#eaf6ec", "#c8e6cd", "#3f8a4f"),
    ("#fdf1e3", "#f7d8b2", "#b5651d"),
    ("#f3ecf8", "#dccbea", "#7a4f9a"),
    ("#fbeaea", "#f2c4c4", "#a83c3c"),
    ("#e9f6f6", "#c2e5e5", "#2e7d7d"),
    ("#f7f4e1", "#ebe3ae", "#8a7a1e"),
    ("#eeeeee", "#d6d6d6", "#555555"),
]
ENDING_COLOURS = ("#fff4c2", "#a08000")
LABEL = 26  # characters kept in a short label
WRAP = 34  # characters per line of a label: long texts are wrapped, never cut
DRAW_MARK = "⟳"  # a scene the phase's draw can give, and the draw itself
INVENTION_COLOURS = ("#e3f4e1", "#2f7d32")


@dataclass
class Node:
    id: str
    label: str
    kind: str  # scene, draw, ending, invention, start, end, any, break
    cluster: str | None = None


@dataclass
class Edge:
    source: str
    target: str
    label: str = ""
    style: str = "solid"  # solid (fixed next), dashed (back to the draw), bold (phase change), invent


@dataclass
class Diagram:
    title: str
    clusters: list[tuple[str, str, int]] = field(default_factory=list)  # id, label, colour index
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def short(text: str, limit: int = LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: int = WRAP) -> str:
    """The whole text, on lines of about `width` characters (a label is never cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def effects_text(book: Book, effects: Effects, lang: str) -> str:
    """A choice's or an event's effects in words, as the text mode says them: gauges, people, inventions."""
    plan = plan_of(effects)
    parts = [describe_change(book, label, delta, lang) for _, _, delta, label, _, _ in plan.levels]
    parts += [describe_change(book, f"invent:{invention}", 1, lang) for invention in plan.invent]
    parts += [describe_change(book, label, delta, lang) for _, _, delta, label in plan.diffuse]
    parts += ["✎ " + describe_change(book, label, delta, lang) for _, _, delta, label in plan.inscribe]
    parts += [describe_change(book, f"leave:{partner}", 1, lang) for partner in plan.leave]
    parts += [("⚑ " if value else "⚐ ") + flag for flag, value in plan.flags.items()]
    return ", ".join(parts)


def _sid(scene: str) -> str:
    return "s_" + scene.replace("-", "_")


def _did(phase: str) -> str:
    return "d_" + phase.replace("-", "_")


def _iid(invention: str) -> str:
    return "i_" + invention.replace("-", "_")


def scene_label(book: Book, scene: Scene, lang: str) -> str:
    """The scene's title, when it can be drawn (and on what condition), then each choice with its effects."""
    lines = [wrap(tr(scene.title, lang) if scene.title is not None else scene.id)]
    if scene.draw:
        lines.append(wrap(DRAW_MARK + (" " + scene.when if scene.when else "")))
    for number, choice in enumerate(scene.choices, start=1):
        line = f"{number}. {tr(choice.text, lang)}"
        effects = effects_text(book, choice.effects, lang)
        if choice.when:
            line += f" [{choice.when}]"
        if effects:
            line += f" → {effects}"
        lines.append(wrap(line))
    return "\n".join(lines)


def build_diagram(book: Book, lang: str = "fr") -> Diagram:
    model = book.model
    diagram = Diagram(tr(model.title, lang))
    phase_colour = {p.id: i % len(PALETTE) for i, p in enumerate(model.phases)}
    for phase in model.phases:
        cid = "p_" + phase.id.replace("-", "_")
        diagram.clusters.append((cid, tr(phase.name, lang), phase_colour[phase.id]))
        if any(s.draw for s in model.scenes if s.phase == phase.id):
            diagram.nodes.append(Node(_did(phase.id), f"{DRAW_MARK} {t('graph.draw', lang)}", "draw", cid))
    for scene in model.scenes:
        cid = "p_" + scene.phase.replace("-", "_")
        diagram.nodes.append(Node(_sid(scene.id), scene_label(book, scene, lang), "scene", cid))
        _scene_edges(diagram, book, scene)
    for invention in model.inventions:
        diagram.nodes.append(Node(_iid(invention.id), wrap(tr(invention.name, lang)), "invention"))
    first = model.start or model.phases[0].start
    diagram.nodes.append(Node("n_start", t("graph.start", lang), "start"))
    diagram.edges.append(Edge("n_start", _sid(first) if first else _did(model.phases[0].id)))
    for phase in model.phases:
        for transition in phase.next:
            target = next(p for p in model.phases if p.id == transition.to)
            source = (
                _did(phase.id) if any(n.id == _did(phase.id) for n in diagram.nodes) else _phase_anchor(book, phase.id)
            )
            goal = _sid(target.start) if target.start else _did(target.id)
            if not any(n.id == goal for n in diagram.nodes):
                goal = _phase_anchor(book, target.id)
            if source and goal:
                diagram.edges.append(Edge(source, goal, wrap(transition.when), "bold"))
    for kind in ("end", "any", "break"):
        if any(e.at == kind for e in model.endings):
            diagram.nodes.append(Node("n_" + kind, t(f"graph.{kind}", lang), kind))
    for ending in model.endings:
        diagram.nodes.append(Node("e_" + ending.id.replace("-", "_"), wrap(tr(ending.title, lang)), "ending"))
        diagram.edges.append(Edge("n_" + ending.at, "e_" + ending.id.replace("-", "_"), wrap(ending.when or "")))
    return diagram


def _phase_anchor(book: Book, phase: str) -> str:
    """A node standing for a phase that has no draw (its first scene)."""
    first = next((s.id for s in book.model.scenes if s.phase == phase), None)
    return _sid(first) if first else ""


def _scene_edges(diagram: Diagram, book: Book, scene: Scene) -> None:
    """One arrow per choice with a fixed `next`; the others share one light dashed arrow back to the draw (it
    does not weigh on the layout: the draw would otherwise pull every scene toward it); one arrow to each
    invention a choice creates."""
    drawn: list[str] = []
    for number, choice in enumerate(scene.choices, start=1):
        target = choice.next or scene.next
        if target is not None:
            diagram.edges.append(Edge(_sid(scene.id), _sid(target), str(number)))
        else:
            drawn.append(str(number))
        for invention in choice.effects.invent:
            diagram.edges.append(Edge(_sid(scene.id), _iid(invention), str(number), "invent"))
    if drawn:
        diagram.edges.append(Edge(_sid(scene.id), _did(scene.phase), ",".join(drawn), "dashed"))


# -- DOT -----------------------------------------------------------------------------------------------------
def _dq(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_SHAPES = {
    "scene": 'shape=box, style="rounded,filled"',
    "draw": "shape=circle, style=filled, fontsize=8, width=0.3, height=0.3, fixedsize=false, margin=0",
    "invention": "shape=note, style=filled",
    "ending": "shape=octagon, style=filled",
    "start": "shape=circle, style=filled",
    "end": "shape=cds, style=filled",
    "any": "shape=cds, style=filled",
    "break": "shape=cds, style=filled",
}


def to_dot(diagram: Diagram) -> str:
    out = [
        "digraph scenario {",
        f"  graph [rankdir=LR, compound=true, fontname=Helvetica, labelloc=t, label={_dq(diagram.title)}];",
        "  node [fontname=Helvetica, fontsize=11];",
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    colours = {cid: PALETTE[index] for cid, _, index in diagram.clusters}
    for cid, label, index in diagram.clusters:
        fill, _, border = PALETTE[index]
        out.append(f"  subgraph cluster_{cid} {{")
        out.append(f"    label={_dq(label)}; style=filled; fillcolor={_dq(fill)}; color={_dq(border)};")
        for node in diagram.nodes:
            if node.cluster == cid:
                out.append("    " + _dot_node(node, colours))
        out.append("  }")
    for node in diagram.nodes:
        if node.cluster is None:
            out.append("  " + _dot_node(node, colours))
    for edge in diagram.edges:
        attrs = [f"label={_dq(edge.label)}"] if edge.label else []
        if edge.style == "invent":
            attrs += ["style=bold", f"color={_dq(INVENTION_COLOURS[1])}", "constraint=false"]
        elif edge.style == "dashed":
            attrs += ["style=dashed", 'color="#999999"', "constraint=false"]
        elif edge.style != "solid":
            attrs.append(f"style={edge.style}")
        out.append(f"  {edge.source} -> {edge.target}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
    out.append("}")
    return "\n".join(out) + "\n"


def _dot_node(node: Node, colours: dict[str, tuple[str, str, str]]) -> str:
    if node.cluster is not None:
        _, fill, border = colours[node.cluster]
        fill = "#ffffff" if node.kind == "draw" else fill
    elif node.kind == "ending":
        fill, border = ENDING_COLOURS
    elif node.kind == "invention":
        fill, border = INVENTION_COLOURS
    else:
        fill, border = "#ffffff", "#555555"
    return f"{node.id} [label={_dq(node.label)}, {_DOT_SHAPES[node.kind]}, fillcolor={_dq(fill)}, color={_dq(border)}];"


# -- Mermaid -------------------------------------------------------------------------------------------------
def _mq(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", "<br/>") + '"'


_MERMAID_SHAPES = {
    "scene": ("(", ")"),
    "draw": ("((", "))"),
    "invention": (">", "]"),
    "ending": ("{{", "}}"),
    "start": ("([", "])"),
    "end": (">", "]"),
    "any": (">", "]"),
    "break": (">", "]"),
}
_MERMAID_ARROWS = {"solid": "-->", "dashed": "-.->", "dotted": "-.->", "bold": "==>", "invent": "==>"}


def to_mermaid(diagram: Diagram) -> str:
    out = [f"# {diagram.title}", "", "```mermaid", "flowchart LR"]
    for cid, label, _ in diagram.clusters:
        out.append(f"  subgraph {cid}[{_mq(label)}]")
        for node in diagram.nodes:
            if node.cluster == cid:
                out.append("    " + _mermaid_node(node))
        out.append("  end")
    for node in diagram.nodes:
        if node.cluster is None:
            out.append("  " + _mermaid_node(node))
    for edge in diagram.edges:
        arrow = _MERMAID_ARROWS[edge.style]
        label = f"|{_mq(edge.label)}|" if edge.label else ""
        out.append(f"  {edge.source} {arrow}{label} {edge.target}")
    for cid, _, index in diagram.clusters:
        fill, scene_fill, border = PALETTE[index]
        out.append(f"  style {cid} fill:{fill},stroke:{border}")
        for node in diagram.nodes:
            if node.cluster == cid and node.kind == "scene":
                out.append(f"  style {node.id} fill:{scene_fill},stroke:{border}")
    for node in diagram.nodes:
        if node.kind == "ending":
            out.append(f"  style {node.id} fill:{ENDING_COLOURS[0]},stroke:{ENDING_COLOURS[1]}")
        elif node.kind == "invention":
            out.append(f"  style {node.id} fill:{INVENTION_COLOURS[0]},stroke:{INVENTION_COLOURS[1]}")
    out.append("```")
    return "\n".join(out) + "\n"


def _mermaid_node(node: Node) -> str:
    left, right = _MERMAID_SHAPES[node.kind]
    return f"{node.id}{left}{_mq(node.label)}{right}"


# -- files ----------------------------------------------------------------------------------------------------
def write_graph(book: Book, output: str | Path, lang: str = "fr") -> Path:
    """Write the diagram; the format comes from the file's extension."""
    path = Path(output)
    suffix = path.suffix.lower()
    diagram = build_diagram(book, lang)
    if suffix == ".dot":
        write_atomic(path, to_dot(diagram))
    elif suffix == ".md":
        write_atomic(path, to_mermaid(diagram))
    elif suffix == ".svg":
        program = shutil.which("dot")
        if program is None:
            raise PartenairesError.said("cli.graph.no_dot")
        done = subprocess.run(
            [program, "-Tsvg"], input=to_dot(diagram).encode("utf-8"), capture_output=True, check=False, timeout=120
        )
        if done.returncode != 0:
            raise PartenairesError.said("cli.graph.dot_failed", error=done.stderr.decode("utf-8", "replace").strip())
        path.write_bytes(done.stdout)
    else:
        if not suffix:
            raise PartenairesError.said("cli.graph.no_format", path=path)
        raise PartenairesError.said("cli.graph.format", path=path, suffix=suffix)
    return path
