"""Generate a valid scenario of any size, to measure how loading and checking grow.

The shape follows the built-in scenarios (four phases, partners in three
organisations, inventions, events, endings, bilingual texts, conditions and
effects on most choices) so that the figures say something about real files.
Run it alone to write a file: `python bench/gen_scenario.py 1000 > big.yaml`.
"""

from __future__ import annotations

import random
import sys

__all__ = ["generate"]

ORGS = ("ccas", "cg71", "anpe")
PARTNERS = (("marie", "cg71"), ("karim", "anpe"), ("lucie", "ccas"), ("paul", "cg71"), ("nadia", "anpe"))
INVENTIONS = ("fiche", "revue", "guichet")
PHASES = ("contacts", "regles", "projets", "diffusion")
TAGS = (
    "travail_pratique_du_sens",
    "identites",
    "transaction_sociale",
    "formalisation",
    "arrangement",
    "invention_innovation",
    "hierarchies_peripheriques",
    "deficit_d_institue",
)
CONDITIONS = (
    "sens >= {a}",
    "engagement({p}) > {a} and not flag(f{n})",
    "awareness({o}) < {a} or turn >= 3",
    "invented({i}) or cohesion >= {a}",
    "support({o}) + pouvoir > {b}",
)


def _text(fr: str, en: str) -> str:
    return f'{{fr: "{fr}", en: "{en}"}}'


def _header(turns: int) -> list[str]:
    lines = [
        "format: 1",
        "id: generated",
        "title: " + _text("Scénario généré", "Generated scenario"),
        "summary: " + _text("Pour mesurer le chargement.", "To measure loading."),
        "player: {role: " + _text("CESF", "Adviser") + ", organisation: ccas}",
        f"clock: {{turns: {turns}}}",
        "organisations:",
    ]
    for org in ORGS:
        lines += [
            f"  - id: {org}",
            "    name: " + _text(f"Service {org}", f"Service {org}"),
            f"    short: {org.upper()}",
            "    hierarchy: {title: " + _text("Direction", "Director") + "}",
        ]
    lines.append("partners:")
    for pid, org in PARTNERS:
        lines += [
            f"  - id: {pid}",
            f"    name: {pid.capitalize()}",
            f"    organisation: {org}",
            "    role: " + _text("Rôle", "Role"),
            "    logic: " + _text("Sa logique.", "Their logic."),
        ]
    lines.append("inventions:")
    lines += [f"  - {{id: {inv}, name: {_text(inv, inv)}}}" for inv in INVENTIONS]
    lines.append("phases:")
    for index, phase in enumerate(PHASES):
        lines += [f"  - id: {phase}", "    name: " + _text(f"Phase {index + 1}", f"Phase {index + 1}")]
        if index + 1 < len(PHASES):
            lines += ["    next:", f'      - {{to: {PHASES[index + 1]}, when: "turn >= {(index + 1) * turns // 4}"}}']
    return lines


def _choice(rng: random.Random, n: int, count: int) -> list[str]:
    p, _ = rng.choice(PARTNERS)
    cond = rng.choice(CONDITIONS).format(
        a=rng.randint(10, 60),
        b=rng.randint(60, 120),
        p=p,
        o=rng.choice(ORGS),
        i=rng.choice(INVENTIONS),
        n=rng.randrange(count),
    )
    lines = [
        f"      - text: {_text(f'Choix {n} : agir avec les partenaires', f'Choice {n}: act with the partners')}",
        f"        cost: {rng.choice((0, 1, 1, 2))}",
        f"        effects: {{sens: {rng.randint(-9, 9)}, identite: {rng.randint(-9, 9)}, "
        f"engagement: {{{p}: {rng.randint(-9, 9)}}}, flags: {{f{n}: true}}}}",
        f"        tags: [{rng.choice(TAGS)}]",
        f"        feedback: {_text('Ce qui arrive, et pourquoi.', 'What happens, and why.')}",
    ]
    if rng.random() < 0.4:
        lines.insert(1, f'        when: "{cond}"')
    return lines


def _scenes(rng: random.Random, count: int, dangling: bool = False) -> list[str]:
    lines = ["scenes:"]
    for n in range(count):
        phase = PHASES[n * len(PHASES) // count]
        lines += [
            f"  - id: s{n}",
            f"    phase: {phase}",
            f"    speaker: {rng.choice(PARTNERS)[0]}",
            "    title: " + _text(f"Réunion {n}", f"Meeting {n}"),
            "    text:",
            f'      fr: "Scène {n}. Les partenaires discutent d\'une situation et de leurs règles."',
            f'      en: "Scene {n}. The partners discuss a case and their rules."',
            "    choices:",
        ]
        lines += _choice(rng, n, count) + _dangling(dangling, n, 0)
        for extra in range(rng.randint(1, 2)):
            lines += _choice(rng, n * 10 + extra, count) + _dangling(dangling, n, extra + 1)
        lines.append("      - text: " + _text("Continuer", "Continue"))
        lines += _dangling(dangling, n, 9)
    return lines


def _dangling(wanted: bool, n: int, k: int) -> list[str]:
    """A reference to a scene that does not exist, close to a real id (each one a "did you mean")."""
    return [f"        next: sc{n}_{k}"] if wanted else []


def _tail() -> list[str]:
    return [
        "events:",
        "  - id: coupe",
        "    title: " + _text("Coupe", "Cut"),
        "    text: " + _text("Crédits réduits.", "Cut."),
        '    when: "turn >= 2"',
        "    probability: 0.2",
        "    effects: {sens: -5, support: {cg71: -5}}",
        "endings:",
        "  - id: eclate",
        "    at: break",
        "    title: " + _text("Éclaté", "Broken"),
        "    explanation: " + _text("La cohésion s'est effondrée.", "Cohesion collapsed."),
        "    questions: [" + _text("Pourquoi ?", "Why?") + "]",
        "  - id: fin",
        "    title: " + _text("Fin", "End"),
        "    explanation: " + _text("Le financement s'achève.", "Funding ends."),
        "    questions: [" + _text("Et après ?", "What next?") + "]",
    ]


def generate(scenes: int, seed: int = 1, turns: int | None = None, dangling: bool = False) -> str:
    """A valid scenario with `scenes` scenes (same seed, same text); `turns` defaults to a quarter of them.

    With `dangling`, each scene's last choice leads to a scene that does not exist: as many
    mistakes as scenes, each compared with every scene id for a "did you mean".
    """
    rng = random.Random(seed)
    turns = turns or max(8, min(120, scenes // 4))
    return "\n".join(_header(turns) + _scenes(rng, scenes, dangling) + _tail()) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
