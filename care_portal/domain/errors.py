"""Typed errors raised by the domain and the services.

Each error carries a message key (translated by the i18n layer), the form field
it belongs to when there is one, and parameters for the message.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base class of every expected, user-facing failure."""

    def __init__(self, key: str, field: str = "", **params: object) -> None:
        """Create the error.

        Args:
            key: Message key in the i18n catalogue.
            field: Name of the form field the message belongs to, if any.
            **params: Values interpolated into the message.
        """
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params


class ValidationFailed(DomainError):
    """Input that does not meet a rule; carries one message per field."""

    def __init__(self, errors: dict[str, str]) -> None:
        """Create the error from a field → message-key mapping.

        Args:
            errors: Message keys by field name.
        """
        super().__init__("errors.validation")
        self.errors = errors


class NotAuthenticated(DomainError):
    """The caller is not logged in, or the session expired or was revoked."""

    def __init__(self) -> None:
        """Create the error."""
        super().__init__("errors.not_authenticated")


class PermissionDenied(DomainError):
    """The caller is logged in but may not do this."""

    def __init__(self) -> None:
        """Create the error."""
        super().__init__("errors.permission_denied")


class StorageUnavailable(DomainError):
    """A private file could not be written (disk full or read-only); nothing was stored."""

    def __init__(self) -> None:
        """Create the error."""
        super().__init__("errors.storage_full")


class NotFound(DomainError):
    """The object does not exist (or the caller may not know it exists)."""

    def __init__(self) -> None:
        """Create the error."""
        super().__init__("errors.not_found")


class TooManyAttempts(DomainError):
    """Too many failed attempts; the caller must wait."""

    def __init__(self, retry_after_seconds: int) -> None:
        """Create the error.

        Args:
            retry_after_seconds: How long the caller must wait.
        """
        super().__init__("auth.too_many_attempts", minutes=max(1, -(-retry_after_seconds // 60)))
        self.retry_after_seconds = retry_after_seconds
