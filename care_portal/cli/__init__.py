"""Command-line tools run with ``python -m care_portal.cli.<name>``."""
