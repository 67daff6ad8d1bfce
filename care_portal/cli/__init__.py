"""Command-line entry points: ``python -m care_portal.cli.seed`` fills a demo database."""
