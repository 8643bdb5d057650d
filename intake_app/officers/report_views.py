"""Officers' area: report_views (being built)."""
