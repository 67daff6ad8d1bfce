"""Command-line entry points.

``python -m care_portal.cli.seed`` fills a demo database; ``python -m care_portal.cli.backup``
makes, verifies and restores encrypted backups; ``python -m care_portal.cli.verifactu`` checks,
exports and sends the billing records.
"""
