"""Command-line entry points (``python -m care_portal.cli.<name>``)."""
