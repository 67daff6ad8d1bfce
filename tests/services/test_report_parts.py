"""Structured report parts: checked choices, stored with the report, a serious concern e-mails at once."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlmodel import select

from care_portal.domain.errors import NotFound, ValidationFailed
from care_portal.domain.report_parts import ReportPartsInput, check_parts
from care_portal.models import OutboxMessage, User
from care_portal.models.visit_feedback import ReportParts
from care_portal.models.visits import VisitReport
from care_portal.services import accounts, report_parts, visit_reports
from tests.services.report_helpers import reported, visited
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def _write(db, world, task_id, parts: ReportPartsInput, work_done="Paseo y merienda.", actor=None):
    report_parts.write_structured_report(
        db,
        actor=actor or world.manager,
        task_id=task_id,
        work_done=work_done,
        observations="",
        next_steps="",
        parts=parts,
    )
    db.commit()


def _mails(db, kind: str) -> list[OutboxMessage]:
    return db.exec(select(OutboxMessage).where(OutboxMessage.kind == kind)).all()


def test_each_part_must_be_one_of_its_choices_and_a_concern_needs_a_severity():
    assert check_parts(ReportPartsInput()) == {}
    assert check_parts(ReportPartsInput(mood="eufórico", medication="quizá")) == {
        "mood": "reports.bad_choice",
        "medication": "reports.bad_choice",
    }
    assert check_parts(ReportPartsInput(concern="Se mareó al levantarse.")) == {
        "concern_severity": "reports.severity_required"
    }
    assert check_parts(ReportPartsInput(concern_severity="moderate")) == {
        "concern": "reports.concern_required"
    }
    assert check_parts(ReportPartsInput(concern="x" * 2001, concern_severity="minor")) == {
        "concern": "reports.concern_too_long"
    }


def test_the_parts_are_stored_with_the_report_and_read_back_for_the_family(db, world):
    task_id = reported(
        db, world, mood="low", meals="partial", hydration="low", mobility="needs_help", medication="no"
    )
    parts = report_parts.parts_by_task(db, [task_id, world.tasks[1]])
    assert parts == {
        task_id: {
            "mood": "low",
            "meals": "partial",
            "hydration": "low",
            "mobility": "needs_help",
            "medication": "no",
            "concern": "",
            "concern_severity": "none",
        }
    }
    _write(db, world, task_id, ReportPartsInput(mood="good", medication="yes"), work_done="Corregido.")
    db.expire_all()
    row = db.exec(select(ReportParts).where(ReportParts.task_id == task_id)).one()
    assert (row.mood, row.medication) == ("good", "yes")
    assert db.exec(select(VisitReport).where(VisitReport.task_id == task_id)).one().work_done == "Corregido."


def test_bad_parts_store_nothing_and_name_every_field(db, world):
    task_id = visited(db, world)
    with pytest.raises(ValidationFailed) as refused:
        _write(db, world, task_id, ReportPartsInput(mobility="volando", concern="Caída"), work_done="  ")
    assert set(refused.value.errors) == {"mobility", "concern_severity", "work_done"}
    db.rollback()
    assert db.exec(select(VisitReport)).all() == []
    assert db.exec(select(ReportParts)).all() == []


def test_a_serious_concern_emails_the_family_and_the_team_once_without_the_concern_itself(db, world):
    task_id = visited(db, world)
    concern = "Tiene un hematoma grande en el brazo y no recuerda cómo se lo hizo."
    _write(db, world, task_id, ReportPartsInput(concern=concern, concern_severity="serious"))
    mails = _mails(db, "serious_concern")
    assert sorted(m.to_address for m in mails) == ["equipo@cuidadoencasa.example", "maria@example.es"]
    assert all("Carmen López" in m.subject for m in mails)
    assert all(concern not in m.body_text and "hematoma" not in m.body_text for m in mails)
    family = next(m for m in mails if m.to_address == "maria@example.es")
    assert f"/historia/{world.beneficiary_id}" in family.body_text

    _write(
        db,
        world,
        task_id,
        ReportPartsInput(concern=concern + " Avisado su médico.", concern_severity="serious"),
    )
    assert len(_mails(db, "serious_concern")) == 2  # a correction does not send them again


def test_an_admin_writing_a_serious_concern_also_tells_the_manager(db, world):
    task_id = visited(db, world)
    _write(
        db,
        world,
        task_id,
        ReportPartsInput(concern="Se cayó.", concern_severity="serious"),
        actor=world.admin,
    )
    assert "gestor@example.es" in {m.to_address for m in _mails(db, "serious_concern")}


def test_a_minor_concern_sends_nothing_at_once(db, world):
    reported(db, world, concern="Algo cansada.", concern_severity="minor")
    assert _mails(db, "serious_concern") == []


def test_another_manager_cannot_write_the_report(db, world):
    task_id = visited(db, world)
    with pytest.raises(NotFound):
        _write(db, world, task_id, ReportPartsInput(), actor=world.other_manager)
    db.rollback()
    assert db.exec(select(ReportParts)).all() == []


def test_the_report_pdf_prints_the_parts_and_the_concern(db, world):
    task_id = reported(db, world, mood="low", medication="no", concern="Tos seca.", concern_severity="minor")
    _, pdf = visit_reports.report_pdf(db, actor=world.client, task_id=task_id)
    text = " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Cómo estaba" in text
    assert "Ánimo Bajo" in text
    assert "Medicación tomada según lo previsto No" in text
    assert "Preocupación (leve)" in text
    assert "Tos seca." in text


def test_an_english_reader_gets_the_report_pdf_in_english(db, world):
    task_id = reported(db, world, mood="low", medication="no", concern="Tos seca.", concern_severity="minor")
    db.get(User, world.client.id).language = "en"
    db.commit()
    reader = accounts.to_viewer(db.get(User, world.client.id))
    name, pdf = visit_reports.report_pdf(db, actor=reader, task_id=task_id)
    text = " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert name == f"visit-report-{task_id}.pdf"
    assert "Visit report" in text
    assert "Companion visit" in text
    assert "How they were" in text
    assert "Concern (minor)" in text
    assert "Tos seca." in text  # what the manager wrote stays as written
    assert "Cómo estaba" not in text
    assert "Visita de compañía" not in text
