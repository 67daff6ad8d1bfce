"""Background loops started with the app (one per server worker, claimed in the database)."""
