"""Command-line entry points: ``cli.seed`` (demo data) and ``cli.verifactu`` (the records)."""
