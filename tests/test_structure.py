"""The package's shape: stages in layers (import-linter's contracts in pyproject.toml), no
import circles between modules, a small top level, every stage folder documented, and
the environment read in one module."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "summarise"
ROOT = PACKAGE.parent
MAX_TOP_LEVEL_MODULES = 8  # besides the stage folders


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}


def imports(path: Path) -> set[str]:
    """The package modules that ``path`` imports, anywhere in it (lazy imports too)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path.parent)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("summarise")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            elif (node.module or "").startswith("summarise"):
                module = node.module or ""
            else:
                continue
            submodules = {f"{module}.{a.name}" for a in node.names}
            found |= submodules  # `from summarise.models import resolution`
            if not submodules <= MODULES:  # names defined in the module itself
                found.add(module)
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imports(path) & set(files) - {name} for name, path in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_no_module_imports_one_that_imports_it_back():
    edges = graph()
    # the package's own __init__ imports everything and nothing imports it back
    edges.pop("summarise")
    for targets in edges.values():
        targets.discard("summarise")
    assert "summarise.components" in edges["summarise.document"]  # the graph is read
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_circle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's contracts of ``root/pyproject.toml`` on the package under ``root``."""
    program = Path(sys.executable).with_name("lint-imports")
    if not program.exists():
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(program), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_stages_keep_their_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "summarise", ignore=shutil.ignore_patterns("*.npz"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    results = tmp_path / "summarise" / "results.py"
    results.write_text(results.read_text() + "\nfrom summarise.qa import reader  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "summarise.results -> summarise.qa.reader" in result.stdout


def test_the_top_level_holds_few_modules_and_every_stage_folder_says_what_it_does():
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules
    folders = [p for p in PACKAGE.rglob("*") if p.is_dir() and any(p.glob("*.py"))]
    assert len(folders) >= 8
    for folder in folders:
        init = folder / "__init__.py"
        assert init.exists(), folder
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_one_module_reads_the_environment():
    readers = sorted(
        str(p.relative_to(ROOT))
        for p in PACKAGE.rglob("*.py")
        if "os.environ" in p.read_text(encoding="utf-8").replace("``os.environ``", "")
    )
    assert readers == ["summarise/settings.py"]
