"""The shared vocabulary (taxonomy.yaml), loaded once and read-only.

Code, data, the API and tests use these keys verbatim; the labels are English display
text for staff. Child-facing wording lives in templates and translation catalogues.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.yaml")


@cache
def taxonomy() -> MappingProxyType[str, Any]:
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        return MappingProxyType(yaml.safe_load(handle))


def keys(section: str) -> tuple[str, ...]:
    """The keys of one taxonomy section, in the file's order."""
    return tuple(taxonomy()[section])


def label(section: str, key: str) -> str:
    return taxonomy()[section][key]
