"""The web extensions the blueprints use (CSRF, rate limits, sign-in, languages), created
unbound and initialised in the app factory; kept apart from the database's (``extensions``)
so a blueprint never needs to import ``db``."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address)
