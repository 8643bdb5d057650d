"""Officers' area: sign_in_views (being built)."""
