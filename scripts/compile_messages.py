"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, for machines without GNU gettext."""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path.relative_to(LOCALE_DIR.parent)}")
