"""The layering holds: engines below the stages, no import cycle, small modules and functions,
a thin CLI, and docs/architecture.md drawing the import graph as it is."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests import architecture
from tests.architecture import LAYERS, PACKAGE, graph, layer, modules

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_CLI_LINES = 300
ORDER = list(LAYERS)  # from the top down


def test_every_module_has_a_layer():
    assert all(layer(name) for name in modules())


def test_no_engine_module_imports_a_stage_or_anything_above():
    for name, targets in graph().items():
        if layer(name) != "engines":
            continue
        above = sorted(t for t in targets if ORDER.index(layer(t)) < ORDER.index("engines"))
        assert not above, f"{name} imports {above} at run time (annotations: TYPE_CHECKING)"


def test_imports_point_down_the_layers():
    for name, targets in graph().items():
        up = sorted(t for t in targets if ORDER.index(layer(t)) < ORDER.index(layer(name)))
        assert not up, f"{name} ({layer(name)}) imports {up} from a higher layer"


def test_the_scan_sees_runtime_imports_and_skips_type_only_ones(tmp_path):
    source = (
        "from typing import TYPE_CHECKING\n"
        "from ..models import Claim\n"
        "if TYPE_CHECKING:\n    from ..judge import judge\n"
        "def later():\n    from ..brief import compose\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source)
    known = {"models", "judge", "brief"}
    assert architecture.runtime_imports("engines.probe", path, known) == {"models", "brief"}


def test_the_module_graph_has_no_cycle():
    edges = graph()
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(edges.get(name, ())):
            assert state.get(target) != "open", "import cycle: " + " → ".join(path + [target])
            if target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])


def test_every_module_imports_on_its_own():
    """Each module imported first, in a fresh package state: a cycle at import time fails."""
    names = sorted(n for n in modules() if n not in ("__init__", "__main__"))
    probe = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('factcheck')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module('factcheck.' + name)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_modules_and_functions_stay_small():
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE)
        assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{name} is over {MAX_MODULE_LINES}"
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                assert lines <= MAX_FUNCTION_LINES, f"{name}: {node.name} has {lines} lines"


def test_the_cli_is_thin():
    lines = (PACKAGE / "cli.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_CLI_LINES


def test_architecture_doc_draws_the_current_graph():
    current = architecture.DOC.read_text(encoding="utf-8")
    assert architecture.START in current and architecture.END in current
    assert current == architecture.rendered_doc(), "run: python -m tests.architecture"
