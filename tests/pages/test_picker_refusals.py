"""The document and CV pickers: a file the browser refused gets the server's message at the field, in the
reader's language, and nothing is stored."""

from __future__ import annotations

import pytest
from sqlmodel import select

from care_portal.models import BeneficiaryDocument
from care_portal.pages.care.register import RegisterState
from care_portal.pages.circle.conversation_state import ConversationState
from care_portal.pages.recruiting.apply_state import ApplyState
from tests.pages.test_report_handlers import _call, _state
from tests.services.visit_helpers import build_world

TOO_LARGE = [[{"code": "file-too-large", "message": "File is larger than 8388608 bytes"}]]
WRONG_TYPE = [[{"code": "file-invalid-type", "message": "File type must be application/pdf"}]]
TOO_MANY = [[{"code": "too-many-files"}], [{"code": "too-many-files"}]]


@pytest.fixture
def world(db):
    return build_world(db)


def test_a_refused_document_gets_the_documents_message_in_the_readers_language(db, world):
    state = _state(db, RegisterState, "maria@example.es", "/cuenta/alta-familiar")
    _call(state, "files_refused", "documents", TOO_LARGE)
    assert state.field_errors == {"documents": "El archivo es demasiado grande: máximo 8 MB."}
    _call(state, "files_refused", "consent_file", WRONG_TYPE)
    assert state.field_errors["consent_file"] == (
        "Solo aceptamos PDF, JPG o PNG. Este archivo no es de ninguno de esos tipos."
    )
    assert "documents" in state.field_errors  # another picker's message stays
    state.lang = "en"
    _call(state, "files_refused", "documents", TOO_MANY)
    assert state.field_errors["documents"] == "Too many files: 10 at most."
    _call(state, "files_refused", "documents", TOO_LARGE)
    assert state.field_errors["documents"] == "The file is too large: 8 MB at most."
    _call(state, "files_refused", "documents", [])
    assert "documents" not in state.field_errors
    assert db.exec(select(BeneficiaryDocument)).all() == []


def test_an_unknown_field_or_a_non_client_changes_nothing(db, world):
    state = _state(db, RegisterState, "maria@example.es", "/cuenta/alta-familiar")
    _call(state, "files_refused", "password", TOO_LARGE)
    assert state.field_errors == {}
    manager = _state(db, RegisterState, "gestor@example.es", "/cuenta/alta-familiar")
    _call(manager, "files_refused", "documents", TOO_LARGE)
    assert manager.field_errors == {}


def test_a_refused_cv_gets_the_cv_message_in_the_readers_language(db, world):
    state = _state(db, ApplyState, "maria@example.es", "/empleo/1/solicitud")
    _call(state, "cv_refused", TOO_LARGE)
    assert state.field_errors == {"cv": "El archivo es demasiado grande: como máximo 5 MB."}
    state.lang = "en"
    _call(state, "cv_refused", WRONG_TYPE)
    assert state.field_errors == {"cv": "The CV must be a PDF or a Word document (.docx)."}
    _call(state, "cv_refused", TOO_MANY)
    assert state.field_errors == {"cv": "Choose one file only."}


def test_a_refused_message_attachment_gets_the_message_under_the_picker(db, world):
    state = _state(db, ConversationState, "maria@example.es", "/mensajes/1")
    _call(state, "attachment_refused", "message-file", TOO_LARGE)
    assert state.field_errors == {"attachment": "El archivo es demasiado grande: máximo 8 MB."}
    assert state.staged_name == ""
    state.lang = "en"
    _call(state, "attachment_refused", "message-file", WRONG_TYPE)
    assert state.field_errors == {"attachment": "We only accept PDF, JPG or PNG. This file is none of those."}
    _call(state, "attach", [])  # the empty upload the zone sends after a refusal keeps the message
    assert "attachment" in state.field_errors
