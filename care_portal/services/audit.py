"""Writing to the append-only audit log."""

from __future__ import annotations

from sqlmodel import Session

from care_portal.models import AuditEvent


def record_event(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    target_type: str = "",
    target_id: object = "",
    details: dict | None = None,
    client_ip: str = "",
) -> None:
    """Add an audit event to the current transaction.

    Args:
        session: Open database session (the caller commits).
        actor_id: The user who acted, or None for the system.
        action: A short dotted verb such as ``"auth.login"``.
        target_type: Kind of object acted on.
        target_id: Identifier of that object.
        details: Extra facts worth keeping (never passwords or tokens).
        client_ip: Address the request came from, when known.
    """
    session.add(
        AuditEvent(
            actor_id=actor_id,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            details=details or {},
            client_ip=client_ip,
        )
    )
