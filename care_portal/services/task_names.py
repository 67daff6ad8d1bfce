"""The name of a visit's service in the reader's language.

A task keeps the Spanish name its service had when it was bought (``Task.service_name``); an
English reader sees the service's current English name instead, read in one statement per page
(or per e-mail, in its recipient's language).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from care_portal.domain.formatting import current_language
from care_portal.models.shop import CareService, OrderLine


def english_service_names(
    session: Session, order_line_ids: Iterable[int], lang: str | None = None
) -> dict[int, str]:
    """Return the English names of the services bought on these order lines (none in Spanish).

    Args:
        session: The database session.
        order_line_ids: The tasks' ``order_line_id``.
        lang: The reader's language; ``None`` for the current event's language.

    Returns:
        The English name by order line, only for an English reader (one statement, or none).
    """
    ids = {line_id for line_id in order_line_ids if line_id}
    if (lang or current_language()) != "en" or not ids:
        return {}
    rows = session.exec(
        select(OrderLine.id, CareService.name_en)
        .join(CareService, CareService.id == OrderLine.service_id)
        .where(col(OrderLine.id).in_(ids))
    ).all()
    return {line_id: name for line_id, name in rows if name}


def service_name(task, english: dict[int, str]) -> str:
    """Return a task's service name for the reader (``english`` from ``english_service_names``)."""
    return english.get(task.order_line_id, task.service_name)


def mail_service_name(session: Session, task, lang: str) -> str:
    """Return a task's service name in an e-mail recipient's language (one statement in English).

    Args:
        session: The database session.
        task: The visit.
        lang: The recipient's language (their profile's); anything but ``"en"`` reads Spanish.
    """
    if lang != "en":
        return task.service_name
    return service_name(task, english_service_names(session, [task.order_line_id], lang))
