"""«Descargar mis datos»: a ZIP with everything held about a client and their relatives.

The ZIP holds ``datos.json`` (machine-readable, RGPD art. 20), ``resumen.pdf``
(readable), the beneficiaries' documents and the invoices as PDF. It is built
in the background (progress is stored so the page can show it), kept in
private storage, and handed out once, to its owner only; the file is then deleted.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select

from care_portal.db import session_scope
from care_portal.domain.errors import DomainError, NotFound
from care_portal.domain.formatting import format_datetime
from care_portal.i18n import LANGUAGES, tr
from care_portal.integrations import storage
from care_portal.integrations.pdf import render_pdf
from care_portal.models import (
    AccessLogEntry,
    Beneficiary,
    BeneficiaryDocument,
    BillingProfile,
    ChangeRequest,
    ConsentRecord,
    ContactLogEntry,
    DataExport,
    HouseholdMember,
    Invoice,
    Order,
    OrderLine,
    OrderWithdrawal,
    RightsRequest,
    Role,
    Task,
    User,
    VisitReport,
)
from care_portal.models.circle import CircleMember, CircleMessage
from care_portal.models.types import utcnow
from care_portal.services import invoice_documents, report_privacy
from care_portal.services.audit import record_event
from care_portal.services.authz import Viewer, ensure_role
from care_portal.services.beneficiary_timeline import purpose_names
from care_portal.services.privacy.rights import file_request
from care_portal.services.task_names import english_service_names

INTERNAL_FIELDS = {
    "password_hash",
    "storage_key",
    "pdf_key",
    "checkout_url",
    "provider_session_id",
    "attempt_key",
    "attachment_key",
    "token_hash",
}
"""Internal references that say nothing about the person (paths, hashes, provider ids)."""

QUEUED, BUILDING, READY, DOWNLOADED, FAILED = "queued", "building", "ready", "downloaded", "failed"
INVOICE_PREFIX = "invoice:"
CODE_KEYS = {
    "consent_state": "care.state.{}",
    "consent_action": "care.consent.{}",
    "task_state": "task.state.{}",
    "role": "access.role.{}",
    "subject": "access.subject.{}",
}
"""The catalogue key of each kind of stored code the summary PDF shows as words."""
CONSENT_ACTION_KEYS = {"given": "given", "withdrawn": "withdrawn_row"}
"""How :func:`_files` names an invoice's PDF, rendered on demand when it is not stored yet."""


@dataclass(frozen=True)
class ExportStatus:
    """The client's latest export as the page shows it."""

    id: int
    status: str
    progress: int
    requested: str


def _plain(row: SQLModel) -> dict:
    data = row.model_dump()
    return {
        key: value.isoformat() if isinstance(value, datetime) else value
        for key, value in data.items()
        if key not in INTERNAL_FIELDS
    }


def request_export(session: Session, *, actor: Viewer | None, now: datetime | None = None) -> int:
    """Queue an export of the actor's data and record the access request (answered when built).

    Returns:
        The export's id (the caller starts :func:`build_export` in the background).

    Raises:
        DomainError: ``privacy.export_running`` while another one is being built.
    """
    actor = ensure_role(actor, Role.CLIENT)
    running = session.exec(
        select(DataExport).where(
            DataExport.user_id == actor.id, col(DataExport.status).in_((QUEUED, BUILDING))
        )
    ).first()
    if running is not None:
        raise DomainError("privacy.export_running")
    export = DataExport(user_id=actor.id, created_at=now or utcnow())
    session.add(export)
    file_request(
        session, actor=actor, kind="access", details="export", now=now, closed_outcome="privacy.export_built"
    )
    session.flush()
    return export.id


def latest_export(session: Session, *, actor: Viewer | None) -> ExportStatus | None:
    """Return the actor's newest export, if any."""
    actor = ensure_role(actor, Role.CLIENT)
    row = session.exec(
        select(DataExport).where(DataExport.user_id == actor.id).order_by(col(DataExport.id).desc())
    ).first()
    if row is None:
        return None
    return ExportStatus(row.id, row.status, row.progress, format_datetime(row.created_at))


def collect(session: Session, user_id: int) -> dict:
    """Return everything held about a client and their beneficiaries, as plain data.

    A constant number of statements whatever the amount of data.
    """
    user = session.get(User, user_id)
    beneficiaries = session.exec(select(Beneficiary).where(Beneficiary.client_id == user_id)).all()
    ids = [b.id for b in beneficiaries]
    orders = session.exec(select(Order).where(Order.client_id == user_id)).all()
    tasks = session.exec(select(Task).where(Task.client_id == user_id)).all()
    task_ids = [t.id for t in tasks]

    def rows(model, column, keys) -> list[dict]:
        if not keys:
            return []
        return [_plain(r) for r in session.exec(select(model).where(col(column).in_(keys))).all()]

    return {
        "generated_at": utcnow().isoformat(),
        "profile": _plain(user),
        "billing": [
            _plain(r) for r in session.exec(select(BillingProfile).where(BillingProfile.user_id == user_id))
        ],
        "beneficiaries": [_plain(b) for b in beneficiaries],
        "household_members": rows(HouseholdMember, HouseholdMember.beneficiary_id, ids),
        "consent_records": rows(ConsentRecord, ConsentRecord.beneficiary_id, ids),
        "documents": rows(BeneficiaryDocument, BeneficiaryDocument.beneficiary_id, ids),
        "orders": [_plain(o) for o in orders],
        "order_lines": rows(OrderLine, OrderLine.order_id, [o.id for o in orders]),
        "tasks": [_plain(t) for t in tasks],
        "contact_log": rows(ContactLogEntry, ContactLogEntry.task_id, task_ids),
        "visit_reports": rows(VisitReport, VisitReport.task_id, task_ids),
        "messages": [
            _plain(r) for r in session.exec(select(ChangeRequest).where(ChangeRequest.client_id == user_id))
        ],
        "invoices": [_plain(r) for r in session.exec(select(Invoice).where(Invoice.client_id == user_id))],
        "access_log": rows(AccessLogEntry, AccessLogEntry.beneficiary_id, ids),
        "rights_requests": [
            _plain(r) for r in session.exec(select(RightsRequest).where(RightsRequest.user_id == user_id))
        ],
        "family_circle": rows(CircleMember, CircleMember.beneficiary_id, ids),
        "circle_memberships": [
            _plain(r) for r in session.exec(select(CircleMember).where(CircleMember.user_id == user_id))
        ],
        "conversations": [_plain(m) for m in _circle_messages(session, user_id, ids)],
        "withdrawals": [
            _plain(r)
            for r in session.exec(select(OrderWithdrawal).where(OrderWithdrawal.client_id == user_id))
        ],
        **{
            name: [_plain(r) for r in found]
            for name, found in report_privacy.export_rows(session, task_ids=task_ids).items()
        },
    }


def _circle_messages(session: Session, user_id: int, beneficiary_ids: list[int]) -> list[CircleMessage]:
    """The conversations kept with the client's beneficiaries' files, and what the user wrote elsewhere."""
    mine = CircleMessage.author_id == user_id
    where = or_(mine, col(CircleMessage.beneficiary_id).in_(beneficiary_ids)) if beneficiary_ids else mine
    return list(session.exec(select(CircleMessage).where(where).order_by(col(CircleMessage.id))).all())


def _files(session: Session, user_id: int) -> list[tuple[str, str]]:
    """Return (name in the ZIP, storage key) of the documents and invoice PDFs."""
    beneficiary_ids = session.exec(select(Beneficiary.id).where(Beneficiary.client_id == user_id)).all()
    documents = (
        session.exec(
            select(BeneficiaryDocument).where(col(BeneficiaryDocument.beneficiary_id).in_(beneficiary_ids))
        ).all()
        if beneficiary_ids
        else []
    )
    invoices = session.exec(select(Invoice).where(Invoice.client_id == user_id)).all()
    attachments = [m for m in _circle_messages(session, user_id, list(beneficiary_ids)) if m.attachment_key]
    photos = session.exec(
        select(VisitReport.id, VisitReport.photo_keys)
        .join(Task, col(Task.id) == col(VisitReport.task_id))
        .where(Task.client_id == user_id)
    ).all()
    return (
        [(f"documentos/{d.id}-{d.display_name}", d.storage_key) for d in documents]
        + [(f"facturas/factura-{i.number}.pdf", f"{INVOICE_PREFIX}{i.id}") for i in invoices]
        + [(f"mensajes/{m.id}-{m.attachment_name}", m.attachment_key) for m in attachments]
        + [
            (f"fotos/informe-{report_id}-{n}.jpg", key)
            for report_id, keys in photos
            for n, key in enumerate(keys or [], start=1)
        ]
        + report_privacy.export_files(session, beneficiary_ids=list(beneficiary_ids))
    )


def _read(session: Session, key: str) -> bytes:
    """A stored file's bytes; an invoice's PDF is rendered first if it never was."""
    if key.startswith(INVOICE_PREFIX):
        return invoice_documents.ensure_pdf(session, int(key.removeprefix(INVOICE_PREFIX)))
    return storage.read_private(key)


def build_export(
    export_id: int, *, engine: Engine | None = None, on_progress: Callable[[int], None] | None = None
) -> None:
    """Build an export's ZIP, storing progress after each step (run it off the event loop).

    Args:
        export_id: Which export.
        engine: Database engine (the application's by default).
        on_progress: Called with 0–100 after each step.
    """

    def progress(value: int, status: str = BUILDING, key: str = "") -> None:
        with session_scope(engine) as session:
            row = session.get(DataExport, export_id)
            row.progress, row.status = value, status
            if key:
                row.storage_key, row.finished_at = key, utcnow()
            session.add(row)
        if on_progress:
            on_progress(value)

    with session_scope(engine) as session:
        row = session.get(DataExport, export_id)
        if row is None or row.status != QUEUED:
            return
        user_id = row.user_id
    try:
        progress(5)
        with session_scope(engine) as session:
            data = collect(session, user_id)
            files = _files(session, user_id)
            lang = _language(data)
            english = english_service_names(session, [t.get("order_line_id") for t in data["tasks"]], lang)
        progress(40)
        summary = render_pdf("data_export.html", _summary_context(data, english))
        progress(70)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("datos.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
            archive.writestr("resumen.pdf", summary)
            with session_scope(engine) as session:
                for name, key in files:
                    try:
                        archive.writestr(name, _read(session, key))
                    except (OSError, ValueError):
                        archive.writestr(f"{name}.falta.txt", "Archivo no disponible / file not available")
        key = storage.save_private("exports", buffer.getvalue(), "zip")
        progress(100, READY, key)
    except Exception:
        progress(0, FAILED)
        raise


def _language(data: dict) -> str:
    """The summary's language: its owner's (their profile's), Spanish when unknown."""
    lang = data.get("profile", {}).get("language", "es")
    return lang if lang in LANGUAGES else "es"


def _summary_context(data: dict, english: dict[int, str] | None = None) -> dict:
    """The summary PDF's values, in its owner's language (their profile's).

    Args:
        data: What :func:`collect` gathered.
        english: The services' English names by order line (``english_service_names``).
    """
    lang = _language(data)
    english = english or {}
    return {
        "lang": lang,
        "data": data,
        "t": lambda key, **params: tr(key, lang, **params),
        "word": lambda kind, code: code_word(kind, code, lang),
        "service": lambda task: english.get(task.get("order_line_id"), task.get("service_name", "")),
        "purposes": lambda codes: purpose_names(codes or "", lang),
        "format_iso": lambda value: _format_iso(value, lang),
    }


def code_word(kind: str, code: str | None, lang: str) -> str:
    """Return a stored code (a task's state, a consent's action, a reader's role…) in words.

    Args:
        kind: Which code it is, a key of :data:`CODE_KEYS`.
        code: The stored value (``"scheduled"``, ``"given"``, ``"manager"``…).
        lang: ``"es"`` or ``"en"``.

    Returns:
        The catalogue's words, or ``"—"`` when there is no code.
    """
    if not code:
        return "—"
    if kind == "consent_action":
        code = CONSENT_ACTION_KEYS.get(code, code)
    return tr(CODE_KEYS[kind].format(code), lang)


def _format_iso(value: str | None, lang: str = "es") -> str:
    if not value:
        return ""
    try:
        return format_datetime(datetime.fromisoformat(value), lang)
    except (TypeError, ValueError):
        return str(value)


def take_export(session: Session, *, actor: Viewer | None, export_id: int, client_ip: str = "") -> bytes:
    """Hand a ready export to its owner, once; the stored file is deleted afterwards.

    Raises:
        NotFound: Not the actor's, not ready, or already downloaded.
    """
    actor = ensure_role(actor, Role.CLIENT)
    row = session.get(DataExport, export_id)
    if row is None or row.user_id != actor.id or row.status != READY or not row.storage_key:
        raise NotFound()
    data = storage.read_private(row.storage_key)
    storage.delete_private(row.storage_key)
    row.status, row.downloaded_at, row.storage_key = DOWNLOADED, utcnow(), ""
    session.add(row)
    record_event(
        session,
        actor_id=actor.id,
        action="privacy.export_downloaded",
        target_type="data_export",
        target_id=row.id,
        client_ip=client_ip,
    )
    return data
