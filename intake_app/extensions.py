"""The database extensions (SQLAlchemy and Flask-Migrate), created unbound and initialised in
the app factory. Only models and services import ``db``: the blueprints reach the database
through services (``make lint`` checks it); their own extensions are in ``web_extensions``."""

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base shared by every model, so Alembic sees one metadata."""


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
