"""``flask`` commands for operators: demo data, draft clean-up, staff accounts."""

from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    """Attach the command groups to the app's CLI."""
