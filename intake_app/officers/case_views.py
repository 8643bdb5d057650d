"""Officers' area: case_views (being built)."""
