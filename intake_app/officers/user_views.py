"""Officers' area: user_views (being built)."""
