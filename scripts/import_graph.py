"""Print which of our apps import which, with the number of imports, from the code itself.

    PYTHONPATH=. .venv/bin/python scripts/import_graph.py

It reads the import contracts' packages (pyproject.toml, [tool.importlinter]) and asks grimp,
the library import-linter is built on, for the imports between them.
"""

import tomllib
from collections import Counter
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def main():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    apps = config["root_packages"]
    graph = grimp.build_graph(*apps)
    counts = Counter()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            importer_app, imported_app = module.split(".")[0], imported.split(".")[0]
            if importer_app != imported_app:
                counts[importer_app, imported_app] += 1
    for importer in apps:
        targets = [
            f"{imported} ({counts[importer, imported]})"
            for imported in apps
            if counts[importer, imported]
        ]
        print(f"{importer} -> {', '.join(targets) if targets else 'nothing of ours'}")


if __name__ == "__main__":
    main()
