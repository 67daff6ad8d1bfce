"""Visits: the manager's dashboard and task page, the client's tasks and suggestions."""
