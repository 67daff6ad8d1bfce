"""Reusable interface pieces: layout, navigation, form fields, translation."""
