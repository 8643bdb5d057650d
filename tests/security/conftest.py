"""Fixtures shared with the officers' tests: the staff factory, and a real record and a
real value for every officers' URL argument (from the access matrix)."""

from ..officers.conftest import make_staff  # noqa: F401 - fixtures, used by name
from ..officers.test_access_matrix import record_reference, url_values  # noqa: F401
