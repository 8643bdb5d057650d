"""The catalogues are whole where they must be, keep every placeholder, say they need a
person's review, and are compiled at build time rather than committed."""

from __future__ import annotations

import subprocess

import pytest
from babel.messages.catalog import Catalog, Message

from .catalogues import (
    COMPLETE_LOCALES,
    LOCALES,
    MACHINE_ASSISTED,
    ROOT,
    TRANSLATIONS,
    extract,
    load,
    placeholders,
    po_path,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return extract(tmp_path_factory.mktemp("pot") / "messages.pot")


def translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


@pytest.mark.parametrize("locale", COMPLETE_LOCALES)
def test_welsh_has_every_message_the_code_uses_and_none_fuzzy(template: Catalog,
                                                              locale: str) -> None:
    """Extracted now, from the code as it is: a new _() string without its Welsh fails
    here (run `make extract-messages`, `pybabel update`, and translate it)."""
    catalogue = load(locale)
    missing = [message.id for message in template if message.id
               and (catalogue.get(message.id) is None or not translated(catalogue[message.id]))]
    fuzzy = [message.id for message in catalogue if message.id and message.fuzzy]
    assert not missing, f"{len(missing)} messages have no {locale} translation: {missing[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy {locale} messages need checking: {fuzzy[:10]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_every_placeholder(locale: str) -> None:
    """A translation that drops, renames or breaks %(name)s or {name} would crash or show
    the wrong thing to a child: each must keep exactly the original's placeholders (a
    plural form may leave out the number, as Welsh "un" or Arabic dual forms do)."""
    broken = []
    for message in load(locale):
        if not message.id or not translated(message):
            continue
        if isinstance(message.id, tuple):
            wanted = placeholders(message.id[0]) | placeholders(message.id[1])
            for form in message.string:
                found = placeholders(form)
                if not found <= wanted or wanted - found - {"%(num)s", "%d"}:
                    broken.append((message.id[0], form))
        elif placeholders(message.string) != placeholders(message.id):
            broken.append((message.id, message.string))
    assert not broken, broken[:10]


@pytest.mark.parametrize("locale", LOCALES)
def test_babel_finds_no_format_errors(locale: str) -> None:
    catalogue = load(locale)
    errors = [(message.id, [str(error) for error in found])
              for message, found in catalogue.check()]
    assert not errors, errors[:10]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalogue_says_it_is_machine_assisted_and_needs_review(locale: str) -> None:
    header = po_path(locale).read_text(encoding="utf-8").split('msgid ""')[0]
    assert MACHINE_ASSISTED in header and "review" in header
    assert "machine-assisted" in (TRANSLATIONS / "README.md").read_text(encoding="utf-8")


def test_compiled_catalogues_are_built_not_committed() -> None:
    tracked = subprocess.run(["git", "ls-files", "translations"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    assert not [name for name in tracked if name.endswith(".mo")]
    assert "*.mo" in (ROOT / ".gitignore").read_text().split()

