"""Equality monitoring answers, kept apart from records on purpose."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class EqualityAnswer(db.Model):
    """One person's optional answers (``domain.equality`` keys; None: not answered).

    No record id, no time of day, nothing typed: a report can count these but never join
    one back to a record or a person. The day lets reports count by period."""

    __tablename__ = "equality_answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answered_on: Mapped[date] = mapped_column(Date, index=True)
    age_band: Mapped[str | None] = mapped_column(String(24))
    gender: Mapped[str | None] = mapped_column(String(24))
    disability: Mapped[str | None] = mapped_column(String(24))
    ethnicity: Mapped[str | None] = mapped_column(String(24))
    sexual_orientation: Mapped[str | None] = mapped_column(String(24))
