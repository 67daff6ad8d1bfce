"""Encrypted backups of the database and the private files, with a manifest and checksums."""
