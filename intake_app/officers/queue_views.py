"""Officers' area: queue_views (being built)."""
