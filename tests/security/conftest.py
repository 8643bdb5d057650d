"""The officers' staff factory, for the security tests that sign staff in."""

from ..officers.conftest import make_staff  # noqa: F401 - a fixture, used by name
