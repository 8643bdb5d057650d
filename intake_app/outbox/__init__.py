"""The outbox: writing rows (``enqueue``), their states (``states``: claims, leases, retries,
the dead letter), the worker that delivers them (``worker``) and the adapters it delivers
through (``adapters``)."""
