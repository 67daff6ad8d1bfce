"""Invoices: the client's list and the administration's view with filters and totals."""
