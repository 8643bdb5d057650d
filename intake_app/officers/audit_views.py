"""Officers' area: audit_views (being built)."""
