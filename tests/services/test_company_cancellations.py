"""The company cancels a visit itself: always a full refund, a reason, and the family is told."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from care_portal.models import OutboxMessage
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.visits import Cancellation, ChangeRequest, Task
from care_portal.services import client_tasks, company_cancellations, visits
from tests.services.visit_helpers import PROVIDER, build_world

BOOKED = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
APPOINTMENT = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def world(db):
    world = build_world(db)
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-06-10", time_of_day="10:00", now=BOOKED
    )
    db.commit()
    return world


def test_a_late_visit_cancelled_by_the_company_is_refunded_in_full_and_the_family_told(db, world):
    # The client asked too late (a request waits for an admin); the company cancels it itself.
    client_tasks.submit_suggestion(
        db,
        actor=world.client,
        message="No podremos estar.",
        kind="cancel",
        task_id=world.tasks[0],
        provider=PROVIDER,
        now=APPOINTMENT - timedelta(hours=2),
    )
    db.commit()
    refund = company_cancellations.cancel_by_company(
        db,
        actor=world.admin,
        task_id=world.tasks[0],
        reason="La auxiliar está de baja y no hay sustituta ese día.",
        provider=PROVIDER,
        now=APPOINTMENT - timedelta(hours=1),
    )
    db.commit()
    assert refund == 2500
    assert db.get(Task, world.tasks[0]).state == "cancelled"
    record = db.exec(select(Cancellation)).one()
    assert (record.refund_cents, record.decided_by_id) == (2500, world.admin.id)
    assert db.get(Invoice, record.rectifying_invoice_id).total_cents == -2500
    assert db.exec(select(ChangeRequest)).one().status == "approved"
    [mail] = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_cancelled_by_company")).all()
    assert mail.to_address == "maria@example.es"
    assert "La auxiliar está de baja" in mail.body_text
    assert "25,00" in mail.body_text
    assert "Carmen López" in mail.body_text
    # The ordinary «visita cancelada» mail is not sent as well.
    assert db.exec(select(OutboxMessage).where(OutboxMessage.kind == "visit_cancelled")).first() is None


def test_only_admins_with_a_reason_and_an_open_visit(db, world):
    for actor in (world.client, world.manager):
        with pytest.raises(PermissionDenied):
            company_cancellations.cancel_by_company(
                db, actor=actor, task_id=world.tasks[0], reason="Sin auxiliar.", provider=PROVIDER
            )
    with pytest.raises(ValidationFailed):
        company_cancellations.cancel_by_company(
            db, actor=world.admin, task_id=world.tasks[0], reason="  ", provider=PROVIDER
        )
    with pytest.raises(NotFound):
        company_cancellations.cancel_by_company(
            db, actor=world.admin, task_id=999_999, reason="Sin auxiliar.", provider=PROVIDER
        )
    task = db.get(Task, world.tasks[1])
    task.state = "done"
    db.add(task)
    db.commit()
    with pytest.raises(DomainError, match="visits.bad_transition"):
        company_cancellations.cancel_by_company(
            db, actor=world.admin, task_id=world.tasks[1], reason="Sin auxiliar.", provider=PROVIDER
        )
    db.rollback()
    assert db.get(Task, world.tasks[0]).state == "scheduled"
    assert db.exec(select(Cancellation)).first() is None
    assert db.exec(select(Invoice).where(Invoice.kind == InvoiceKind.RECTIFYING)).first() is None
