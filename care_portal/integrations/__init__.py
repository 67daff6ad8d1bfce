"""Adapters to the outside world: hashing, SMTP, Stripe, PDFs, files."""
