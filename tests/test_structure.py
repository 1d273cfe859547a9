"""The layout of the code: no import cycles between the project's modules (issue 16)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graphtool", "loaders", "ontology", "queries")
# What each package may import of the others (its docstring says the same): the pipeline's direction.
MAY_IMPORT = {
    "ontology": set(),
    "queries": set(),
    "loaders": {"ontology"},
    "graphtool": {"loaders", "ontology", "queries"},
}

# Cycles through imports inside functions that are left, to be removed; the test fails when one is gone, so
# this only shrinks. The narrative loader's stages import its extractor back (loaders/narrative/ is the
# narrative-extraction issue's). The last module-level ones (the CLI registering its command modules) went
# with graphtool/cli/; store <-> remote with graphtool/terms.py; build <-> parallel/streaming with
# graphtool/document.py.
KNOWN_LAZY_CYCLES: set[frozenset[str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _statements(tree: ast.Module, lazy: bool) -> list[ast.AST]:
    """The module's top-level statements, or (``lazy``) every node, leaving out ``if TYPE_CHECKING:`` bodies:
    imports only a type checker runs are no imports at run time."""
    out: list[ast.AST] = []
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        out.append(node)
        if _is_type_checking(node):
            todo.extend(node.orelse)
        elif lazy:
            todo.extend(ast.iter_child_nodes(node))
        elif isinstance(node, ast.If | ast.Try):  # module level still, one block down
            todo.extend(node.body + node.orelse + getattr(node, "handlers", []) + getattr(node, "finalbody", []))
    return out


def import_graph(lazy: bool, only: str = "") -> nx.DiGraph:
    """Module -> module it imports, among the project's modules.

    ``lazy`` counts imports inside functions too; ``only`` keeps the modules under one package. Imports
    under ``if TYPE_CHECKING:`` are not counted.
    """
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        if only and not (name == only or name.startswith(only + ".")):
            continue
        graph.add_node(name)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _statements(tree, lazy):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join(package + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and (not only or target.startswith(only)):
                    graph.add_edge(name, target)
    return graph


def test_import_graph_sees_imports():
    graph = import_graph(lazy=False)
    assert graph.has_edge("loaders.table.plan", "loaders.table.read")
    assert graph.has_edge("graphtool.rdf", "loaders.base")


def test_import_graph_sees_imports_inside_functions_but_not_type_checking_ones():
    lazy = import_graph(lazy=True)
    assert not import_graph(lazy=False).has_edge("graphtool.parallel", "graphtool.document")
    assert lazy.has_edge("graphtool.parallel", "graphtool.document")  # inside extract_document
    assert not lazy.has_edge("graphtool.reader", "graphtool.store")  # under if TYPE_CHECKING: only


def test_no_import_cycle_between_modules():
    assert list(nx.simple_cycles(import_graph(lazy=False))) == []


def test_no_import_cycle_even_through_imports_inside_functions():
    cycles = {frozenset(c) for c in nx.simple_cycles(import_graph(lazy=True))}
    assert cycles - KNOWN_LAZY_CYCLES == set(), "new import cycle (a small module both import breaks it)"
    assert KNOWN_LAZY_CYCLES - cycles == set(), "a known cycle is gone: take it off KNOWN_LAZY_CYCLES"


@pytest.mark.parametrize("package", ["loaders.table", "graphtool.cli", "graphtool"])
def test_package_has_no_cycle_even_through_lazy_imports(package):
    graph = import_graph(lazy=True, only=package)
    assert len(graph) >= 5
    assert list(nx.simple_cycles(graph)) == []


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_package_imports_only_what_its_layer_allows(package):
    graph = import_graph(lazy=True)  # imports inside functions count too
    wrong = sorted(
        (a, b)
        for a, b in graph.edges
        if a.split(".")[0] == package and b.split(".")[0] not in MAY_IMPORT[package] | {package}
    )
    assert wrong == []


# loaders/narrative/ and loaders/gazetteer/ belong to the narrative-extraction work: their docstrings say what
# they own but not yet what they may import (strict: the test says so when they do).
SILENT_ON_IMPORTS: set[str] = set()


@pytest.mark.parametrize(
    "package",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="says what it owns, not what it may import"))
        if p in SILENT_ON_IMPORTS
        else p
        for p in sorted(
            ".".join(i.parent.relative_to(ROOT).parts) for pkg in PACKAGES for i in (ROOT / pkg).rglob("__init__.py")
        )
    ],
)
def test_package_docstring_says_what_it_owns_and_may_import(package):
    import importlib

    doc = importlib.import_module(package).__doc__ or ""
    assert len(doc.split()) >= 25 and "import" in doc, f"{package}/__init__.py: say what it owns and may import"


def test_table_loader_registered_under_its_package_name(tmp_path):
    from loaders import get_loader, pick_loader
    from loaders.table import LOADER

    assert get_loader("table") is LOADER
    plan = tmp_path / "plan.tsv"
    plan.write_text("№\tЗавдання\tЗаходи\tВиконавці\tДжерела фінансування\n1.1\tA\tB\tC\tD\n", encoding="utf-8")
    assert pick_loader(plan) is LOADER


def _architecture_rows() -> dict[str, set[str]]:
    """README's Architecture table: package folder -> the backticked names in its rows (a row with an empty
    first cell continues the package above)."""
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    package = ""
    for line in section.splitlines():
        cells = line.split(" | ")
        if not line.startswith("| ") or len(cells) < 3 or line.startswith("| package") or line.startswith("| ---"):
            continue
        first = cells[0].strip("| ").strip("`")
        package = first or package
        rows.setdefault(package, set()).update(re.findall(r"`([^`]+)`", " | ".join(cells[1:])))
    return rows


def test_readme_architecture_lists_every_package_and_module_of_the_tree():
    rows = _architecture_rows()
    packages = {
        f"{p.parent.relative_to(ROOT).as_posix()}/" for pkg in PACKAGES for p in (ROOT / pkg).rglob("__init__.py")
    }
    assert set(rows) == packages, "README ## Architecture: one row per package of the tree, and no other"
    for package in ("graphtool/", "graphtool/cli/", "loaders/"):
        names = {n.rsplit("/", 1)[-1] for n in rows[package] if n.endswith(".py") and "/" not in n.strip("/")}
        modules = {p.name for p in (ROOT / package).glob("*.py")} - {"__init__.py", "__main__.py"}
        assert modules - names == set(), f"README ## Architecture: {package} modules not listed"
        assert names - modules - {"__init__.py"} == set(), f"README ## Architecture: {package} lists no such module"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_binds_a_top_level_name_twice(package):
    """A second ``_NAME = …`` (or ``def``) at a module's top level silently replaces the first for every use,
    also those written above it: two rules that chose the same name for different patterns break each other."""
    twice = []
    for path in sorted((ROOT / package).rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            for name in names:
                if name in seen:
                    twice.append(f"{path.relative_to(ROOT)}: {name}")
                seen.add(name)
    assert not twice, twice
