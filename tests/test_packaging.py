"""An installed (non-editable) bot has all its code and its bundled knowledge base.

Building a wheel would need setuptools from the package index, so this reads
the packaging configuration instead and checks it against the tree.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def test_every_code_package_is_listed():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("bot", "handlers")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found <= set(SETUPTOOLS["packages"])


def test_every_knowledge_file_is_shipped():
    shipped = []
    for package, patterns in SETUPTOOLS["package-data"].items():
        folder = ROOT.joinpath(*package.split("."))
        assert package in SETUPTOOLS["packages"]
        shipped += [
            p for p in folder.iterdir() if any(fnmatch.fnmatch(p.name, g) for g in patterns)
        ]
    knowledge = [p for p in (ROOT / "knowledge").rglob("*") if p.suffix in {".yaml", ".md"}]
    assert knowledge and sorted(knowledge) == sorted(shipped)
