"""The beneficiary's timeline: newest first, for the family and staff only, paged, constant statements."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import NotFound
from care_portal.domain.formatting import use_language
from care_portal.models.shop import CareService
from care_portal.models.visit_feedback import ReportParts, VisitRating
from care_portal.models.visits import Task, VisitReport
from care_portal.services import care_documents, visit_ratings
from care_portal.services.beneficiary_timeline import beneficiary_timeline
from care_portal.services.paging import PAGE_SIZE
from tests.services.report_helpers import reported
from tests.services.scale_helpers import clone, statements_for
from tests.services.visit_helpers import build_world


@pytest.fixture
def world(db):
    return build_world(db)


def test_visits_reports_concerns_consent_and_ratings_newest_first(db, world):
    care_documents.record_consent_at_home(
        db,
        actor=world.manager,
        beneficiary_id=world.beneficiary_id,
        signer_name="Carmen López",
        signer_role="beneficiary",
        relationship="",
        signature_png=None,
    )
    db.commit()
    task_id = reported(db, world, concern="Tos persistente.", concern_severity="moderate")
    visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=5, comment="Genial.")
    db.commit()

    timeline = beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    kinds = [e.kind for e in timeline.entries]
    assert timeline.beneficiary == "Carmen López"
    assert sorted(kinds) == ["concern", "consent", "rating", "report", "visit", "visit"]
    assert kinds[0] == "visit"  # the visit of 2030 is the newest thing
    assert kinds.index("rating") < kinds.index("consent")  # rated after consent was signed
    concern = next(e for e in timeline.entries if e.kind == "concern")
    assert (concern.detail, concern.severity, concern.task_id) == ("Tos persistente.", "moderate", task_id)
    rating = next(e for e in timeline.entries if e.kind == "rating")
    assert (rating.state, rating.detail) == ("5", "Genial.")

    for reader in (world.manager, world.admin):
        assert len(beneficiary_timeline(db, actor=reader, beneficiary_id=world.beneficiary_id).entries) == 6
    for stranger in (world.other_client, world.other_manager):
        with pytest.raises(NotFound):
            beneficiary_timeline(db, actor=stranger, beneficiary_id=world.beneficiary_id)


def _grow(db, world, task_id: int) -> None:
    """99 more visits like ``task_id``, each with a report, a concern and a rating."""
    task = db.get(Task, task_id)
    copies = clone(
        db,
        task,
        99,
        lambda i: {"visit_code": f"T{i:07d}", "created_at": task.created_at - timedelta(days=i + 1)},
    )
    report = db.exec(VisitReport.__table__.select().where(VisitReport.task_id == task_id)).first()
    parts = db.exec(ReportParts.__table__.select().where(ReportParts.task_id == task_id)).first()
    rating = db.exec(VisitRating.__table__.select().where(VisitRating.task_id == task_id)).first()
    for copy in copies:
        db.add(VisitReport(task_id=copy.id, author_id=report.author_id, work_done="Paseo."))
        db.add(
            ReportParts(
                task_id=copy.id,
                beneficiary_id=parts.beneficiary_id,
                concern="Cansada.",
                concern_severity="minor",
            )
        )
        db.add(
            VisitRating(
                task_id=copy.id,
                beneficiary_id=rating.beneficiary_id,
                manager_id=rating.manager_id,
                rater_id=rating.rater_id,
                stars=3,
            )
        )
    db.flush()


def test_the_timeline_is_paged_with_the_same_statements_for_1_and_100_visits(db, world):
    task_id = reported(db, world, concern="Tos.", concern_severity="minor")
    visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=4, comment="")
    db.commit()
    read = lambda s: beneficiary_timeline(s, actor=world.client, beneficiary_id=world.beneficiary_id)  # noqa: E731
    one, first = statements_for(db, read)
    assert first.entries.total == 5
    _grow(db, world, task_id)
    many, timeline = statements_for(db, read)
    assert many == one, f"{one} statements for 1 visit, {many} for 100"
    assert many <= 10
    assert (len(timeline.entries), timeline.entries.total, timeline.entries.pages) == (PAGE_SIZE, 401, 17)
    last = beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id, page=17)
    assert (last.entries.number, len(last.entries)) == (17, 1)


def test_consent_shows_its_purposes_in_the_readers_words(db, world):
    care_documents.record_consent_at_home(
        db,
        actor=world.manager,
        beneficiary_id=world.beneficiary_id,
        signer_name="Carmen López",
        signer_role="beneficiary",
        relationship="",
        signature_png=None,
        purposes=("service", "health"),
    )
    db.commit()

    def consent_detail() -> str:
        timeline = beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id)
        return next(e for e in timeline.entries if e.kind == "consent").detail

    assert consent_detail() == "Carmen López · Prestación del servicio, Datos de salud y movilidad"
    with use_language("en"):
        assert consent_detail() == "Carmen López · Service provision, Health and mobility data"


def test_an_english_reader_sees_the_services_english_names(db, world):
    reported(db, world)
    english_of = {s.name_es: s.name_en for s in db.exec(select(CareService)).all()}

    def titles() -> list[str]:
        timeline = beneficiary_timeline(db, actor=world.client, beneficiary_id=world.beneficiary_id)
        return [e.title for e in timeline.entries if e.kind in ("visit", "report")]

    spanish = titles()
    assert spanish
    assert all(title in english_of for title in spanish)
    with use_language("en"):
        assert titles() == [english_of[title] for title in spanish]
