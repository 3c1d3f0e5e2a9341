"""Compile */LC_MESSAGES/*.po to .mo with polib, for machines without GNU gettext.

Usage: compile_messages.py [LOCALE_DIR] (default: the project's locale/).
"""

import sys
from pathlib import Path

import polib

default = Path(__file__).resolve().parent.parent / "locale"
locale_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else default

for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path}")
