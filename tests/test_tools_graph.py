"""`partenaires graph`: DOT and Mermaid written by our own code, SVG through Graphviz when present."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.tools.graph import build_diagram, to_dot, to_mermaid

HERE = Path(__file__).resolve().parent / "scenarios"
DOT_LINE = re.compile(
    r"^\s*(digraph \w+ \{|\}|subgraph cluster_\w+ \{|(graph|node|edge) \[.*\];|label=.*;"
    r'|\w+ \[label=".*"(, [\w]+=("[^"]*"|[\w,]+))*\];|\w+ -> \w+( \[.*\])?;)$'
)


def test_dot_is_well_formed(demo_book) -> None:
    text = to_dot(build_diagram(demo_book))
    lines = text.splitlines()
    for line in lines:
        assert DOT_LINE.match(line), line
    assert text.count("{") == text.count("}")
    declared = set(re.findall(r"^\s*(\w+) \[label=", text, re.M))
    for source, target in re.findall(r"^\s*(\w+) -> (\w+)", text, re.M):
        assert source in declared and target in declared
    assert text.count("subgraph cluster_") == 3  # one coloured cluster per phase
    assert 's_accueil -> s_crise [label="3"];' in text
    assert 'd_contacts -> s_habitants [label="turn >= 2", style=bold];' in text


def _words(text: str) -> str:
    return " ".join(text.replace("\\n", " ").split())


def test_labels_are_whole_and_show_effects_and_inventions(demo_book) -> None:
    from game.scenario.model import tr

    text = to_dot(build_diagram(demo_book))
    flat = _words(text)
    for scene in demo_book.model.scenes:
        for choice in scene.choices:
            assert " ".join(tr(choice.text, "fr").split()) in flat, choice.text  # never cut
    assert "…" not in text.replace("« ", "").replace(" »", "")  # no ellipsis anywhere
    assert "4. Présenter un bilan chiffré au comité de pilotage → Sens \u221215, Pouvoir +25" in flat
    assert "✎ diffusion de « Le temps des habitants » (ANPE) +40" in flat  # an inscription
    for invention in demo_book.model.inventions:
        assert f'i_{invention.id} [label="{tr(invention.name, "fr")}", shape=note' in text
    assert 's_habitants -> i_temps [label="1", style=bold, color="#2f7d32", constraint=false];' in text
    assert 's_revue -> i_revue [label="1", style=bold, color="#2f7d32", constraint=false];' in text


def test_the_draw_does_not_dominate(demo_book) -> None:
    """No arrow from a draw to each scene (the drawn scenes carry ⟳ and their condition); the arrows back to
    the draw do not weigh on the layout."""
    text = to_dot(build_diagram(demo_book))
    edges = re.findall(r"^\s*(\w+) -> (\w+)( \[.*\])?;$", text, re.M)
    assert not [e for e in edges if e[0].startswith("d_") and e[1].startswith("s_") and "bold" not in e[2]]
    into_draw = [e for e in edges if e[1].startswith("d_")]
    assert into_draw and all("constraint=false" in e[2] for e in into_draw)
    assert "⟳ invented(temps) or sens >= 50" in _words(text)  # the revue scene is drawn on that condition


def test_mermaid_has_a_header_and_links_declared_nodes(demo_book) -> None:
    text = to_mermaid(build_diagram(demo_book, "en"))
    lines = text.splitlines()
    assert lines[2:4] == ["```mermaid", "flowchart LR"] and lines[-1] == "```"
    assert text.count("  subgraph ") == text.count("\n  end\n") == 3
    declared = set(re.findall(r"^\s+(\w+)[\(\{\[>]", text, re.M))
    assert not declared & {"end", "graph", "subgraph"}  # Mermaid keywords cannot be ids
    for source, target in re.findall(r"^\s+(\w+) [-=.]+>(?:\|[^|]*\|)? (\w+)$", text, re.M):
        assert source in declared and target in declared, (source, target)
    assert 'e_instituee{{"Innovation instituted"}}' in text
    assert '"' not in text.replace('"', "").replace("#quot;", "")


def test_cli_writes_dot_and_md(tmp_path: Path) -> None:
    for name in ("g.dot", "g.md"):
        assert main(["graph", str(HERE / "trap.yaml"), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith("digraph scenario {")
    markdown = (tmp_path / "g.md").read_text(encoding="utf-8")
    assert 's_hall -->|"2"| s_impasse' in markdown and "2. Walk on" in markdown


def test_svg_says_clearly_when_graphviz_is_missing(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert main(["graph", str(HERE / "trap.yaml"), "-o", str(tmp_path / "g.svg"), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Graphviz program `dot`" in err and "FILE.dot or FILE.md" in err
    assert not (tmp_path / "g.svg").exists()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_with_graphviz(tmp_path: Path, demo_path: Path) -> None:
    assert main(["graph", str(demo_path), "-o", str(tmp_path / "g.svg")]) == 0
    assert "<svg" in (tmp_path / "g.svg").read_text(encoding="utf-8")


def test_unknown_format(tmp_path: Path, capsys) -> None:
    assert main(["graph", str(HERE / "trap.yaml"), "-o", str(tmp_path / "g.png"), "--lang", "en"]) == 1
    assert "expected .svg, .dot or .md" in capsys.readouterr().err
