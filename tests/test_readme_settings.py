"""README's settings table says what the code does: each setting's row gives exactly the
default and the meaning its ``Setting`` declares (the table is written from them)."""

from __future__ import annotations

import re
from pathlib import Path

from intake_app.config import all_settings

README = Path(__file__).resolve().parent.parent / "README.md"
ROW = re.compile(r"^\| `(?P<name>[A-Z0-9_]+)` \| (?P<default>.*?) \| (?P<meaning>.*) \|$")


def table_rows() -> dict[str, tuple[str, str]]:
    text = README.read_text()
    table = text[text.index("<!-- settings-table:start -->"):
                 text.index("<!-- settings-table:end -->")]
    return {match["name"]: (match["default"], match["meaning"])
            for match in map(ROW.match, table.splitlines()) if match}


def test_each_row_gives_the_settings_default_and_meaning() -> None:
    rows = table_rows()
    for setting in all_settings():
        default = f"`{setting.default}`" if setting.default else "(none)"
        assert rows.get(setting.name) == (default, setting.meaning), setting.name


def test_the_table_lists_no_setting_the_code_does_not_read() -> None:
    assert set(table_rows()) == {setting.name for setting in all_settings()}
