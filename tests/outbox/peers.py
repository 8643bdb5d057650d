"""The forwarding tests' peers live in ``support/peers.py``, shared with the load and fault
benchmarks; the tests in this folder import them from here."""

from support.peers import CaseStoreReceiver, free_port

__all__ = ["CaseStoreReceiver", "free_port"]
