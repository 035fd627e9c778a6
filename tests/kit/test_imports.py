"""The kit knows no app: no module of kit/ imports one, not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

KIT = Path(settings.BASE_DIR) / "kit"


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_kit_imports_no_app():
    project = {
        app.name for app in apps.get_app_configs() if Path(app.path).parent == settings.BASE_DIR
    }
    assert {"campaign", "news", "portal"} <= project
    above = project - {"kit"} | {"config", "tests"}
    found = {
        (path.relative_to(KIT).as_posix(), module)
        for path in KIT.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in above
    }
    assert found == set()
