"""The message catalogues as the tests read them: extracted afresh, loaded, compiled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
LOCALES = ("cy", "pl", "ro", "ar", "ur")
COMPLETE_LOCALES = ("cy",)  # councils in Wales must offer everything in Welsh
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
MACHINE_ASSISTED = "MACHINE-ASSISTED"


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def load(locale: str) -> Catalog:
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def extract(target: Path) -> Catalog:
    """``make extract-messages`` into ``target``, not over the committed template."""
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(target), "."],
        cwd=ROOT, check=True, capture_output=True)
    with target.open("rb") as handle:
        return read_po(handle)


def compile_to(folder: Path) -> Path:
    """Every catalogue compiled into ``folder`` (a Flask-Babel translations directory), so
    the tests read the .po files as they are now, never a stale .mo."""
    for locale in LOCALES:
        mo = folder / locale / "LC_MESSAGES" / "messages.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, load(locale))
    return folder


def placeholders(text: str) -> set[str]:
    return {match.group(0) for match in PLACEHOLDER.finditer(text)}
