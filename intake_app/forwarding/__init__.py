"""The outbox worker and the adapters that deliver what leaves the service."""
