"""Use cases in plain Python; the acting user is always an explicit argument."""
