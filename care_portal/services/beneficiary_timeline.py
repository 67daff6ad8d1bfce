"""A beneficiary's timeline for family and staff: visits, reports, concerns, consent, ratings, messages.

Newest first, 25 a page, and a constant number of statements whatever the history: the
beneficiary, the count and the page of ``(kind, id, when)`` from one ``UNION ALL``, then
one ``IN (…)`` per kind on the page (and, for an English reader, one for the services'
English names). Who may read it is ``care_access.load_readable`` (its client, its family
circle, its manager, admins); messages only for those who may read the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import false, func, literal, literal_column, true, union_all
from sqlmodel import Session, col, select

from care_portal.domain.formatting import current_language, format_datetime
from care_portal.i18n import tr
from care_portal.models import AccessSubject, ConsentRecord, User
from care_portal.models.circle import CircleMessage
from care_portal.models.visit_feedback import ReportParts, VisitRating
from care_portal.models.visits import Task, VisitReport
from care_portal.services.access_log import record_access
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.care_access import CirclePermission, load_readable
from care_portal.services.paging import PAGE_SIZE, Page, page_number
from care_portal.services.task_names import english_service_names, service_name


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, as the timeline shows it."""

    kind: str
    when: str
    title: str
    detail: str
    state: str
    task_id: int
    severity: str = ""


@dataclass(frozen=True)
class Timeline:
    """A page of a beneficiary's timeline."""

    beneficiary_id: int
    beneficiary: str
    entries: Page[TimelineEntry]


def _events(beneficiary_id: int, *, messages: bool):
    """The ``(kind, id, at)`` of everything that happened to a beneficiary (with messages or not)."""
    visit_at = func.coalesce(Task.checked_out_at, Task.checked_in_at, Task.appointment_start, Task.created_at)
    return union_all(
        select(literal("visit").label("kind"), col(Task.id).label("id"), visit_at.label("at")).where(
            Task.beneficiary_id == beneficiary_id
        ),
        select(literal("report"), col(VisitReport.id), VisitReport.created_at)
        .join(Task, col(Task.id) == col(VisitReport.task_id))
        .where(Task.beneficiary_id == beneficiary_id),
        select(literal("concern"), col(ReportParts.id), ReportParts.updated_at).where(
            ReportParts.beneficiary_id == beneficiary_id, ReportParts.concern_severity != "none"
        ),
        select(literal("consent"), col(ConsentRecord.id), ConsentRecord.created_at).where(
            ConsentRecord.beneficiary_id == beneficiary_id
        ),
        select(literal("rating"), col(VisitRating.id), VisitRating.created_at).where(
            VisitRating.beneficiary_id == beneficiary_id
        ),
        select(literal("message"), col(CircleMessage.id), CircleMessage.created_at).where(
            CircleMessage.beneficiary_id == beneficiary_id, true() if messages else false()
        ),
    ).subquery("events")


def beneficiary_timeline(
    session: Session, *, actor: Viewer | None, beneficiary_id: int, page: int = 1
) -> Timeline:
    """Return one page of a beneficiary's timeline, newest first.

    Raises:
        NotAuthenticated: Nobody is logged in.
        NotFound: The actor may not see this beneficiary (client, family circle, its manager, admins may).
    """
    actor = ensure_role(actor)
    reader = load_readable(session, actor, beneficiary_id)
    beneficiary = reader.beneficiary
    events = _events(beneficiary.id, messages=reader.may(CirclePermission.MESSAGE))
    total = session.exec(select(func.count()).select_from(events)).one()
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(page_number(page), pages)
    kind, ident, at = (literal_column(f"events.{name}") for name in ("kind", "id", "at"))
    rows = session.exec(
        select(kind, ident)
        .select_from(events)
        .order_by(at.desc(), kind, ident.desc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    ).all()
    wanted: dict[str, list[int]] = {}
    for row_kind, row_id in rows:
        wanted.setdefault(row_kind, []).append(row_id)
    loaded = _load(session, wanted)
    entries = [_entry(row_kind, loaded[row_kind][row_id], loaded) for row_kind, row_id in rows]
    if any(e.kind == "concern" for e in entries):
        record_access(session, viewer=actor, beneficiary_id=beneficiary.id, subject=AccessSubject.REPORT)
    return Timeline(beneficiary.id, beneficiary.full_name, Page(entries, number=number, total=total))


MODELS = {
    "report": VisitReport,
    "concern": ReportParts,
    "consent": ConsentRecord,
    "rating": VisitRating,
    "message": CircleMessage,
}


def _load(session: Session, wanted: dict[str, list[int]]) -> dict[str, dict[int, object]]:
    """Load the page's rows: one statement per kind (even when absent, so the count never varies)."""
    loaded: dict[str, dict[int, object]] = {}
    for kind, model in MODELS.items():
        ids = wanted.get(kind, [])
        loaded[kind] = {
            row.id: row for row in session.exec(select(model).where(col(model.id).in_(ids))).all()
        }
    task_ids = set(wanted.get("visit", []))
    for kind in ("report", "concern", "rating"):
        task_ids |= {row.task_id for row in loaded[kind].values()}
    loaded["visit"] = {t.id: t for t in session.exec(select(Task).where(col(Task.id).in_(task_ids))).all()}
    loaded["english"] = english_service_names(session, [t.order_line_id for t in loaded["visit"].values()])
    authors = {row.author_id for row in loaded["message"].values()}
    loaded["author"] = dict(
        session.exec(select(User.id, User.full_name).where(col(User.id).in_(authors))).all()
    )
    return loaded


def purpose_names(purposes: str, lang: str | None = None) -> str:
    """Return stored consent purposes (``"service,health"``) as the reader's words.

    Args:
        purposes: The purpose codes, comma-separated, as a consent record keeps them.
        lang: ``"es"`` or ``"en"``; ``None`` for the current event's language.
    """
    chosen = lang or current_language()
    codes = [code.strip() for code in purposes.split(",") if code.strip()]
    return ", ".join(tr(f"care.purpose.{code}", chosen) for code in codes)


def _entry(kind: str, row, loaded: dict[str, dict[int, object]]) -> TimelineEntry:
    if kind == "visit":
        when = row.checked_out_at or row.checked_in_at or row.appointment_start or row.created_at
        return TimelineEntry(
            "visit", format_datetime(when), service_name(row, loaded["english"]), "", row.state, row.id
        )
    if kind == "consent":
        detail = f"{row.signer_name} · {purpose_names(row.purposes)}"
        return TimelineEntry("consent", format_datetime(row.created_at), row.action, detail, row.channel, 0)
    if kind == "message":
        author = loaded["author"].get(row.author_id, "")
        return TimelineEntry("message", format_datetime(row.created_at), author, row.body[:300], "", 0)
    task = loaded["visit"].get(row.task_id)
    service = service_name(task, loaded["english"]) if task is not None else ""
    if kind == "report":
        return TimelineEntry(
            "report", format_datetime(row.created_at), service, row.work_done, "", row.task_id
        )
    if kind == "concern":
        return TimelineEntry(
            "concern",
            format_datetime(row.updated_at),
            service,
            row.concern,
            "",
            row.task_id,
            row.concern_severity,
        )
    return TimelineEntry(
        "rating", format_datetime(row.created_at), service, row.comment, str(row.stars), row.task_id
    )
