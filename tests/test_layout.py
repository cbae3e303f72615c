"""The house is laid out one way: no import cycle (imports inside functions count), features never import the
public dataset class, no module over 400 lines and no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "relgraph"
MODULES = sorted(SRC.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every relgraph module ``path`` imports, anywhere in it (functions and TYPE_CHECKING blocks included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = {module_name(p) for p in MODULES}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name and not name.startswith(t + ".")}
    return found  # a module's own parent packages are not counted: Python imports them first anyway


GRAPH = {module_name(p): imports(p) for p in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_the_checker_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle():
    assert cycles(GRAPH) == []


FEATURES = ("relgraph.network", "relgraph.export", "relgraph.view", "relgraph.validate", "relgraph.stats",
            "relgraph.timeline")
CORE = ("relgraph.core", "relgraph.store", "relgraph.sparql", "relgraph.labels", "relgraph.results",
        "relgraph.terms", "relgraph.namespaces", "relgraph.errors", "relgraph.languages", "relgraph.timespan")


@pytest.mark.parametrize("module", [m for m in GRAPH if m.startswith(FEATURES)])
def test_features_build_on_the_core_not_on_the_public_class(module):
    assert not {"relgraph.dataset", "relgraph", "relgraph.cli"} & GRAPH[module]


@pytest.mark.parametrize("module", [m for m in GRAPH if m.startswith(CORE)])
def test_the_core_knows_no_feature(module):
    assert not {m for m in GRAPH[module] if m.startswith(FEATURES + ("relgraph.dataset", "relgraph.cli"))}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_modules_and_functions_are_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, "one concept per module"
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60]
    assert long == []
