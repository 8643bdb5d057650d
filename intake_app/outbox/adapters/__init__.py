"""Delivering one outbox row: one function per kind (``deliveries``) and the peers they
reach (case store, email, SMS, signed webhooks)."""
