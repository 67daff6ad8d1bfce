"""Shared Reflex states (session and authentication)."""
