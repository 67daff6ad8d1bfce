"""Calendars: the .ics of an appointment (e-mail attachment and feeds) and private feed URLs."""
