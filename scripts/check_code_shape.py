"""Fail when a function is past cyclomatic complexity C or a module past about 400 lines.

`make lint` runs it. Complexity is radon's (grade C ends at 20); an `assert` is not counted,
being a check rather than a branch a reader has to follow. Run it with --report for the list
of every function graded C or worse and of the longest modules.
"""

import sys
from pathlib import Path

from radon.complexity import cc_rank, cc_visit

ROOT = Path(__file__).resolve().parent.parent
MAX_COMPLEXITY = 20  # the top of radon's grade C
MAX_LINES = 400
SKIPPED_DIRS = {".venv", "node_modules", "var", "migrations", "__pycache__"}
# Test modules group a concern's tests in one file; their length is not checked.
LENGTH_UNCHECKED = ("tests/",)


def python_files():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not SKIPPED_DIRS.intersection(relative.parts):
            yield relative


def problems():
    for relative in python_files():
        name = relative.as_posix()
        source = (ROOT / relative).read_text()
        lines = source.count("\n")
        if lines > MAX_LINES and not name.startswith(LENGTH_UNCHECKED):
            yield f"{name}: {lines} lines (split it past {MAX_LINES})"
        for block in cc_visit(source, no_assert=True):
            if block.complexity > MAX_COMPLEXITY:
                yield (
                    f"{name}:{block.lineno} {block.fullname}: complexity {block.complexity} "
                    f"(grade {cc_rank(block.complexity)})"
                )


def report():
    """Every function graded C or worse, and the ten longest modules."""
    sizes = []
    for relative in python_files():
        source = (ROOT / relative).read_text()
        sizes.append((source.count("\n"), relative.as_posix()))
        for block in cc_visit(source, no_assert=True):
            grade = cc_rank(block.complexity)
            if grade >= "C":
                print(f"{grade} {block.complexity:>3}  {relative}:{block.fullname}")
    print()
    for lines, name in sorted(sizes, reverse=True)[:10]:
        print(f"{lines:>5} lines  {name}")


def main():
    if "--report" in sys.argv:
        report()
        return 0
    found = list(problems())
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
