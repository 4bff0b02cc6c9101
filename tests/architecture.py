"""The import graph of ``src/factcheck``, read from the source (no import needed), and the
layers it must respect; ``docs/architecture.md`` carries it as a Mermaid chart.

    python -m tests.architecture          # rewrite the chart in docs/architecture.md

Only runtime imports count: an import under ``if TYPE_CHECKING:`` is for annotations. A
package's submodules are one unit (``engines.llm``, ``evaluation``, ``report``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "factcheck"
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- import graph: start -->", "<!-- import graph: end -->"
UNITS = ("engines.llm", "engines.local", "evaluation", "report")  # packages drawn as one box
# from the top down: a unit may import its own layer or a lower one, never a higher one
LAYERS = {
    "interface": (
        "__main__",
        "cli",
        "cli_config",
        "cli_help",
        "cli_options",
        "cli_output",
        "progress",
    ),
    "library": (
        "__init__",
        "batch",
        "evaluation",
        "pipeline",
        "report",
        "schema",
    ),
    "stages": (
        "added",
        "align",
        "attribution",
        "brief",
        "citation",
        "claim_diff",
        "clauses",
        "cover",
        "crosscheck",
        "damage",
        "disputes",
        "excerpts",
        "extract",
        "facts",
        "feed",
        "fetch",
        "figures",
        "ingest",
        "isolation",
        "judge",
        "lead",
        "parts",
        "quotes",
        "rebuttals",
        "rewording",
        "rewrites",
        "segment",
        "story",
        "swaps",
        "sweep",
        "unsupported",
        "verify",
        "vetting",
        "web_input",
        "webpage",
    ),
    "engines": (
        "engines",
        "engines.llm",
        "engines.local",
    ),
    "shared": (
        "choose",
        "comparable",
        "deadline",
        "decoding",
        "denials",
        "difference",
        "display",
        "errors",
        "fragments",
        "handoff",
        "labels",
        "layout",
        "lexical",
        "lexicon",
        "lookalike",
        "main_clauses",
        "models",
        "name_match",
        "name_spelling",
        "names",
        "output",
        "paraphrase",
        "people",
        "proposals",
        "quantities",
        "quoting",
        "reading",
        "redaction",
        "results_file",
        "safejson",
        "settings",
        "times",
        "variants",
        "word_spelling",
        "wording",
    ),
}  # one module per line, sorted, so that branches adding modules merge cleanly


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name below ``factcheck`` (``engines.llm.client``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or "__init__"] = path
    return found


def runtime_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports outside ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = [] if name == "__init__" else name.split(".")
    package = parts if path.name == "__init__.py" else parts[:-1]
    targets: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(_inside(alias.name, known))
        elif isinstance(node, ast.ImportFrom):
            base = _base(node, package)
            for alias in node.names:  # ``from . import brief`` names a submodule
                targets.add(_inside(f"{base}.{alias.name}", known) or _inside(base, known))
    return {t for t in targets if t and t != name}


def _runtime_nodes(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in _walk(child))
            continue
        yield from _walk(node)


def _walk(node: ast.AST):
    yield node
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            continue
        yield from _walk(child)


def _base(node: ast.ImportFrom, package: list[str]) -> str:
    if node.level == 0:
        return node.module or ""
    anchor = package[: len(package) - (node.level - 1)]
    return ".".join(["factcheck", *anchor, *([node.module] if node.module else [])])


def _inside(dotted: str, known: set[str]) -> str:
    """``factcheck.x.y`` as ``x.y`` when it is a module of the package, else ''."""
    if not dotted.startswith("factcheck."):
        return ""
    name = dotted.removeprefix("factcheck.")
    return name if name in known else ""


def unit(name: str) -> str:
    return next((u for u in UNITS if name == u or name.startswith(u + ".")), name)


def layer(name: str) -> str:
    return next(layer for layer, units in LAYERS.items() if unit(name) in units)


def graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports at run time."""
    found = modules()
    return {name: runtime_imports(name, path, set(found)) for name, path in found.items()}


def unit_graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name, targets in graph().items():
        edges.setdefault(unit(name), set()).update(unit(t) for t in targets)
    return {u: targets - {u} for u, targets in edges.items()}


def mermaid() -> str:
    """The unit graph as a Mermaid chart, one box per layer, edges sorted."""
    edges = unit_graph()
    lines = ["```mermaid", "flowchart TD"]
    for name, units in LAYERS.items():
        present = [u for u in units if u in edges]
        lines.append(f"  subgraph layer_{name} [{name}]")
        lines += [f'    {_id(u)}["{_label(u)}"]' for u in present]
        lines.append("  end")
    for source in sorted(edges):
        lines += [f"  {_id(source)} --> {_id(t)}" for t in sorted(edges[source])]
    lines.append("```")
    return "\n".join(lines)


def _label(name: str) -> str:
    return "factcheck (package)" if name == "__init__" else name


def _id(name: str) -> str:
    return name.replace(".", "_").strip("_") or "factcheck"


def rendered_doc() -> str:
    """docs/architecture.md with the chart between the markers replaced by the current one."""
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{mermaid()}\n{END}{tail}"


if __name__ == "__main__":
    DOC.write_text(rendered_doc(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
