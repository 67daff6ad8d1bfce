"""Background loops started with the app: outbox, escalations, AEAT sender, order expiry."""
