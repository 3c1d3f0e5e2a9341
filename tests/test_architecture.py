"""Packages depend on each other one way only.

The contracts are in pyproject.toml ([tool.importlinter]): the project package
(polarkb) may import every app and no app imports it; the apps build on the
content app (knowledgebase), which imports none of them.
"""

import ast
import itertools
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
PACKAGES = CONFIG["root_packages"]


def test_import_contracts_are_kept():
    assert lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True) == 0


def test_no_two_packages_import_each_other():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    loops = [
        (first, second)
        for first, second in itertools.combinations(PACKAGES, 2)
        if graph.chain_exists(importer=first, imported=second, as_packages=True)
        and graph.chain_exists(importer=second, imported=first, as_packages=True)
    ]
    assert loops == []


IMPORT_EVERY_MODULE = """
import importlib, pkgutil, django
django.setup()
package = importlib.import_module("{package}")
for module in pkgutil.walk_packages(package.__path__, "{package}."):
    # Migrations are loaded by migrate; settings modules by DJANGO_SETTINGS_MODULE.
    if ".migrations" not in module.name and ".settings" not in module.name:
        importlib.import_module(module.name)
"""


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_on_its_own(package):
    """Each package's modules import first in a fresh interpreter: no hidden import-order
    dependency on another package having been imported before."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE.format(package=package)],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "polarkb.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def import_cycles(graph):
    """Groups of modules that import each other, directly or through others (Tarjan's
    strongly connected components), imports inside functions included."""
    modules = sorted(module for module in graph.modules if ".migrations" not in module)
    order, lowest, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module):
        order[module] = lowest[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if ".migrations" in imported:
                continue
            if imported not in order:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in on_stack:
                lowest[module] = min(lowest[module], order[imported])
        if lowest[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in modules:
        if module not in order:
            visit(module)
    return cycles


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert import_cycles(graph) == []


# The one caching layer (polarkb/caching/) is the only code that keeps copies.
CACHING_MODULES = ("django.core.cache", "polarkb.caching")
DOMAIN_PACKAGES = [package for package in PACKAGES if package != "polarkb"]
# Counters of the readers' rate limit live in Django's cache: a store, not a copy.
CACHE_AS_STORE = {"knowledgebase/ratelimit.py"}


def imported_names(path):
    """Every module a file imports (``from a import b`` counts as a and a.b)."""
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_domain_packages_import_nothing_about_caching():
    found = []
    for package in DOMAIN_PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            relative = path.relative_to(REPO).as_posix()
            if "/migrations/" in relative or relative in CACHE_AS_STORE:
                continue
            found += [
                (relative, name)
                for name in imported_names(path)
                if name.startswith(CACHING_MODULES)
            ]
    assert found == []


# Templates stay readable: an element that carries attributes starts its own line,
# and repeated markup is a component (an include or an inclusion tag).
LONGEST_TEMPLATE_LINE = 200


def template_files():
    for folder in [*PACKAGES, "templates"]:
        yield from sorted((REPO / folder).rglob("*.html"))


def test_no_template_line_is_longer_than_200_characters():
    long_lines = [
        f"{path.relative_to(REPO)}:{number} ({len(line)} characters)"
        for path in template_files()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if len(line) > LONGEST_TEMPLATE_LINE
    ]
    assert long_lines == []
