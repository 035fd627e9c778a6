"""The direction of imports (docs/architecture.md), as pyproject.toml's import-linter contract
states it: each layer imports only the layers below it, and the apps of one layer never import
each other. The contract is checked on the tree, and shown to fail on an upward import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - the installed import-linter on our own tree
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree_copy(tmp_path: Path) -> Path:
    """The project's packages and pyproject.toml, copied so a test may add a module to them."""
    for package in CONTRACT["root_packages"]:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_every_package_of_the_project_is_in_the_contract():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == set(CONTRACT["root_packages"])


def test_the_tree_keeps_the_import_direction():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        # The kit imports no app.
        ("kit/upward_probe.py", "from news.models import Commendation\n", "kit is not allowed"),
        # Apps of one layer never import each other.
        ("pledges/sideways_probe.py", "import scoring.models\n", "pledges is not allowed"),
        # An app never imports the office's pages.
        ("units/upward_probe.py", "from office import inbox\n", "units is not allowed"),
    ],
)
def test_an_import_against_the_direction_breaks_the_contract(tree_copy, module, source, broken):
    assert lint_imports(tree_copy).returncode == 0  # the copy keeps the contract as it is
    (tree_copy / module).write_text(source)
    result = lint_imports(tree_copy)
    assert result.returncode != 0
    assert "0 kept, 1 broken" in result.stdout
    assert broken in result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout
