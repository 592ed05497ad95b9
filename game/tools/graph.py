"""The scenario as a diagram: phases (coloured clusters), scenes, choices, endings.

One neutral description (`Diagram`) is written out as Graphviz DOT or as a
Mermaid flowchart in Markdown, both as plain text with our own code, so `.dot`
and `.md` need nothing installed. `.svg` runs Graphviz's `dot` program and
says clearly how to get it when it is missing.

How a game flows, drawn: a choice with a `next` is a solid arrow to that scene;
choices without one return to their phase's draw (the round "draw" node,
dashed arrow), which picks among the phase's drawable scenes (dotted arrows,
labelled with their condition); phase changes are bold arrows labelled with
their condition; endings hang from "funding ends" or "at any time".
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import PartenairesError
from game.i18n import t
from game.safeio import write_atomic
from game.scenario.loading import Book
from game.scenario.model import Scene, tr

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
LABEL = 26  # characters kept in a label; slides need short ones


@dataclass
class Node:
    id: str
    label: str
    kind: str  # scene, draw, ending, start, end, any
    cluster: str | None = None


@dataclass
class Edge:
    source: str
    target: str
    label: str = ""
    style: str = "solid"  # solid (fixed next), dashed (back to the draw), dotted (drawn), bold (phase change)


@dataclass
class Diagram:
    title: str
    clusters: list[tuple[str, str, int]] = field(default_factory=list)  # id, label, colour index
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def short(text: str, limit: int = LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sid(scene: str) -> str:
    return "s_" + scene.replace("-", "_")


def _did(phase: str) -> str:
    return "d_" + phase.replace("-", "_")


def build_diagram(book: Book, lang: str = "fr") -> Diagram:
    model = book.model
    diagram = Diagram(tr(model.title, lang))
    phase_colour = {p.id: i % len(PALETTE) for i, p in enumerate(model.phases)}
    for phase in model.phases:
        cid = "p_" + phase.id.replace("-", "_")
        diagram.clusters.append((cid, tr(phase.name, lang), phase_colour[phase.id]))
        diagram.nodes.append(Node(_did(phase.id), t("graph.draw", lang), "draw", cid))
    for scene in model.scenes:
        cid = "p_" + scene.phase.replace("-", "_")
        label = short(tr(scene.title, lang)) if scene.title is not None else scene.id
        diagram.nodes.append(Node(_sid(scene.id), label, "scene", cid))
        _scene_edges(diagram, scene, lang)
        if scene.draw:
            diagram.edges.append(Edge(_did(scene.phase), _sid(scene.id), short(scene.when or "", 20), "dotted"))
    first = model.start or model.phases[0].start
    diagram.nodes.append(Node("n_start", t("graph.start", lang), "start"))
    diagram.edges.append(Edge("n_start", _sid(first) if first else _did(model.phases[0].id)))
    for phase in model.phases:
        for transition in phase.next:
            target = next(p for p in model.phases if p.id == transition.to)
            goal = _sid(target.start) if target.start else _did(target.id)
            diagram.edges.append(Edge(_did(phase.id), goal, short(transition.when, 20), "bold"))
    for kind in ("end", "any", "break"):
        if any(e.at == kind for e in model.endings):
            diagram.nodes.append(Node("n_" + kind, t(f"graph.{kind}", lang), kind))
    for ending in model.endings:
        diagram.nodes.append(Node("e_" + ending.id.replace("-", "_"), short(tr(ending.title, lang)), "ending"))
        diagram.edges.append(Edge("n_" + ending.at, "e_" + ending.id.replace("-", "_"), short(ending.when or "", 20)))
    return diagram


def _scene_edges(diagram: Diagram, scene: Scene, lang: str) -> None:
    """One arrow per choice with a fixed `next`; the others share one dashed arrow back to the draw."""
    drawn: list[str] = []
    for number, choice in enumerate(scene.choices, start=1):
        target = choice.next or scene.next
        label = f"{number}. {short(tr(choice.text, lang), 18)}"
        if target is not None:
            diagram.edges.append(Edge(_sid(scene.id), _sid(target), label))
        else:
            drawn.append(str(number))
    if drawn:
        diagram.edges.append(Edge(_sid(scene.id), _did(scene.phase), ",".join(drawn), "dashed"))


# -- DOT -----------------------------------------------------------------------------------------------------
def _dq(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_DOT_SHAPES = {
    "scene": 'shape=box, style="rounded,filled"',
    "draw": "shape=circle, style=filled, fontsize=9",
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
        if edge.style != "solid":
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
    else:
        fill, border = "#ffffff", "#555555"
    return f"{node.id} [label={_dq(node.label)}, {_DOT_SHAPES[node.kind]}, fillcolor={_dq(fill)}, color={_dq(border)}];"


# -- Mermaid -------------------------------------------------------------------------------------------------
def _mq(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", " ") + '"'


_MERMAID_SHAPES = {
    "scene": ("(", ")"),
    "draw": ("((", "))"),
    "ending": ("{{", "}}"),
    "start": ("([", "])"),
    "end": (">", "]"),
    "any": (">", "]"),
    "break": (">", "]"),
}
_MERMAID_ARROWS = {"solid": "-->", "dashed": "-.->", "dotted": "-.->", "bold": "==>"}


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
    out.append("```")
    return "\n".join(out) + "\n"


def _mermaid_node(node: Node) -> str:
    left, right = _MERMAID_SHAPES[node.kind]
    return f"{node.id}{left}{_mq(node.label)}{right}"


# -- files ----------------------------------------------------------------------------------------------------
GRAPHVIZ_MISSING = (
    "the Graphviz program `dot` is needed to write .svg and was not found — install Graphviz "
    "(Debian/Ubuntu: sudo apt install graphviz; macOS: brew install graphviz; Windows: "
    "https://graphviz.org/download/), or write FILE.dot or FILE.md instead, which need nothing"
)


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
            raise PartenairesError(GRAPHVIZ_MISSING)
        done = subprocess.run(
            [program, "-Tsvg"], input=to_dot(diagram).encode("utf-8"), capture_output=True, check=False, timeout=120
        )
        if done.returncode != 0:
            raise PartenairesError(f"Graphviz failed: {done.stderr.decode('utf-8', 'replace').strip()}")
        path.write_bytes(done.stdout)
    else:
        raise PartenairesError(f"{path}: unknown diagram format `{suffix or '(none)'}` — expected .svg, .dot or .md")
    return path
