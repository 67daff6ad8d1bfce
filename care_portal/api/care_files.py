"""Authorised downloads of a beneficiary's documents and consent, and of a candidate's CV."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from care_portal.api.downloads import Download, authorised_download, client_ip, path_id
from care_portal.services import care_documents, recruiting


def beneficiary_document(request: Request) -> Response:
    """``GET /api/documentos/{document_id}``: its client, its manager or an admin; each view is audited."""

    def fetch(session, viewer) -> Download:
        document = care_documents.open_document(
            session, actor=viewer, document_id=path_id(request, "document_id"), client_ip=client_ip(request)
        )
        return Download(document.data, document.content_type, document.name, inline=True)

    return authorised_download(request, fetch)


def consent_document(request: Request) -> Response:
    """``GET /api/consentimiento/{beneficiary_id}.pdf``: the consent filled with the beneficiary's data."""

    def fetch(session, viewer) -> Download:
        name, pdf = care_documents.consent_pdf(
            session, actor=viewer, beneficiary_id=path_id(request, "beneficiary_id")
        )
        return Download(pdf, "application/pdf", name)

    return authorised_download(request, fetch)


def download_cv(request: Request) -> Response:
    """``GET /api/cv/{application_id}``: an application's CV for a recruiter or admin (logged)."""

    def fetch(session, viewer) -> Download:
        application_id = path_id(request, "application_id")
        ip = client_ip(request)
        cv = recruiting.read_cv(session, actor=viewer, application_id=application_id, client_ip=ip)
        return Download(cv.data, cv.mime, cv.filename, inline=True)

    return authorised_download(request, fetch)
