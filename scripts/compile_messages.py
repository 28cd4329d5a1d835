"""Compile locale/*/LC_MESSAGES/*.po into .mo files with polib (pure Python).

Django's `compilemessages` needs GNU gettext's msgfmt, which a fresh machine with only
Python does not have; `make run` must work there. A .mo is rebuilt only when its .po is newer.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main():
    compiled = 0
    for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = polib.pofile(str(po_path))
        # Fuzzy entries are guesses: gettext leaves them out, and so do we.
        for entry in catalogue.fuzzy_entries():
            catalogue.remove(entry)
        catalogue.save_as_mofile(str(mo_path))
        compiled += 1
    print(f"compiled {compiled} catalogue(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
