"""Background loops started with the app (one per server worker): e-mail outbox, contact escalation."""
