"""What a filmed flow needs before filming, written straight into the served app's database.

The flows' ``prepare`` only gets the page and the app's address; the runner (the browser test
``tests/e2e/test_demo_flows.py`` or the recorder) hands over its :class:`~tests.e2e.world.World`
with :func:`use_world` first, as ``tests.e2e.helpers.INBOX`` hands over the mail server.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, col, select

from care_portal.domain.report_parts import ReportPartsInput
from care_portal.models import Role, Task, User
from care_portal.models.care import Beneficiary
from care_portal.models.types import utcnow
from care_portal.services import accounts, report_parts, visits
from tests.e2e.world import Person, World

_WORLDS: list[World] = []
CLIENT = "Elena Sanz Ortega"
MANAGER = "Marcos Gil Romero"
RELATIVE = "Pilar Sanz Ortega"
WORK_DONE = "Paseo hasta el mercado y merienda en casa. Hemos hablado de su huerto."


def use_world(world: World) -> None:
    """Let the flows' preparations write into ``world`` (the served app's database)."""
    _WORLDS[:] = [world]


def world() -> World:
    """Return the world handed over by :func:`use_world`."""
    if not _WORLDS:
        raise RuntimeError("call tests.demos.data.use_world(world) before preparing this flow")
    return _WORLDS[0]


def family(*, paid: bool = True) -> tuple[Person, Person, int]:
    """A client, her mother's manager and her mother (registered, consent signed), with a paid order.

    Returns:
        (client, manager, the relative's id).
    """
    w = world()
    client = w.person(Role.CLIENT, CLIENT)
    manager = w.person(Role.MANAGER, MANAGER)
    beneficiary_id = w.relative(client, name=RELATIVE, manager=manager, postal_code=w.postal_code())
    with Session(w.engine) as session:
        session.get(Beneficiary, beneficiary_id).consent_state = "signed"
        session.commit()
    if paid:
        w.paid_invoice(client, beneficiary_id, billing_name=CLIENT)
    return client, manager, beneficiary_id


def visit_with_report(manager: Person, beneficiary_id: int, **parts: str) -> int:
    """The relative's first visit, done yesterday, with the manager's structured report; return its id.

    Args:
        manager: The relative's manager, who writes the report.
        beneficiary_id: The relative (with a paid order).
        **parts: The report's structured parts (mood, meals, …, concern, concern_severity).
    """
    w = world()
    with Session(w.engine, expire_on_commit=False) as session:
        actor = accounts.to_viewer(session.get(User, manager.id))
        task = session.exec(
            select(Task).where(Task.beneficiary_id == beneficiary_id).order_by(col(Task.id))
        ).first()
        yesterday = utcnow() - timedelta(days=1)  # agreed a week before, done yesterday at 10:00
        visits.schedule_appointment(
            session,
            actor=actor,
            task_id=task.id,
            day=yesterday.date().isoformat(),
            time_of_day="10:00",
            now=yesterday - timedelta(days=7),
        )
        session.commit()
        visits.check_in(
            session, actor=actor, task_id=task.id, code=task.visit_code, now=task.appointment_start
        )
        session.commit()
        report_parts.write_structured_report(
            session,
            actor=actor,
            task_id=task.id,
            work_done=WORK_DONE,
            observations="Muy animada; pide que la próxima vez vayamos al parque.",
            next_steps="",
            parts=ReportPartsInput(**parts),
            now=task.appointment_end,
        )
        task = session.get(Task, task.id)
        task.state = "done"
        session.add(task)
        session.commit()
        return task.id
