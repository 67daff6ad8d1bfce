"""Every private list sends as many SQL statements for 100 rows as for 1, and pages its history.

Each test reads a list for an account with one row, grows the account to
100 rich rows (reports, cancellations, requests, rectifying invoices…) by
copying real rows, and reads it again: the number of statements must not move.
Runs on SQLite and, with ``tests/tools/with_postgres``, on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from care_portal.models import OutboxMessage, Role, User
from care_portal.models.billing import Invoice, InvoiceKind
from care_portal.models.care import Beneficiary
from care_portal.models.recruiting import Application, JobOffer
from care_portal.models.shop import Order, OrderLine
from care_portal.models.visits import Cancellation, ChangeRequest, Task, VisitReport
from care_portal.services import (
    accounts,
    beneficiaries,
    cancellations,
    checkout,
    client_tasks,
    invoice_queries,
    manager_areas,
    notifications,
    recruiting,
    visit_ratings,
)
from care_portal.services.paging import PAGE_SIZE
from tests.services.scale_helpers import clone, statements_for
from tests.services.visit_helpers import World, build_world
from tests.tools.statements import count_statements

MAX_STATEMENTS = 10


@pytest.fixture
def world(db) -> World:
    return build_world(db)


def _equal_and_small(one: int, many: int) -> None:
    assert many == one, f"{one} statements for 1 row, {many} for 100"
    assert many <= MAX_STATEMENTS


def _grow_tasks(db, world: World, client_id: int, task_id: int) -> list[Task]:
    """99 more tasks like ``task_id``, a third with a report, a third cancelled, a third with a request."""
    task = db.get(Task, task_id)
    invoice = db.exec(select(Invoice).where(Invoice.client_id == client_id)).first()
    copies = clone(
        db,
        task,
        99,
        lambda i: {
            "visit_code": f"S{i:07d}",
            "created_at": task.created_at + timedelta(minutes=i + 1),
            "manager_id": (world.manager if i % 2 else world.other_manager).id,
        },
    )
    for i, copy in enumerate(copies):
        if i % 3 == 0:
            db.add(VisitReport(task_id=copy.id, author_id=world.manager.id, work_done="Paseo y merienda."))
        elif i % 3 == 1:
            db.add(
                Cancellation(
                    task_id=copy.id,
                    requested_by_id=client_id,
                    reason="Viaje",
                    refund_cents=2500,
                    rectifying_invoice_id=invoice.id,
                )
            )
            copy.state = "cancelled"
        else:
            db.add(ChangeRequest(client_id=client_id, task_id=copy.id, kind="change", message="Otra hora"))
    db.flush()
    return copies


def test_tareas_pages_25_newest_first_with_the_same_statements_for_1_and_100_tasks(db, world):
    client = world.other_client
    one, rows = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client))
    assert [r.id for r in rows] == world.other_tasks
    copies = _grow_tasks(db, world, client.id, world.other_tasks[0])

    many, rows = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client))
    _equal_and_small(one, many)
    assert (len(rows), rows.total, rows.pages, rows.number) == (PAGE_SIZE, 100, 4, 1)
    assert [r.id for r in rows] == [c.id for c in reversed(copies)][:PAGE_SIZE]
    assert {bool(r.report) for r in rows} == {True, False}
    assert any(r.cancellation and r.cancellation["invoice"].startswith("F") for r in rows)
    assert any(r.open_request == "change" for r in rows)
    assert {r.manager for r in rows} == {"Gonzalo Gestor", "Gestor de Prueba"}

    last = client_tasks.list_client_tasks(db, actor=client, page=99)
    assert (last.number, [r.id for r in last][-1]) == (4, world.other_tasks[0])


def test_tareas_reads_a_page_with_its_reports_refunds_and_requests_in_one_statement(db, world):
    """Names, report (with parts, photos and the reader's stars), refund and request: one statement."""
    from care_portal.domain.formatting import use_language

    client = world.other_client
    one, _ = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client))
    copies = _grow_tasks(db, world, client.id, world.other_tasks[0])
    many, rows = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client, page=2))
    with use_language("en"):
        english, english_rows = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client))
    assert one == many == english == 1
    assert {r.extras.parts["mood"] for r in rows if r.report} == {"not_observed"}  # a report without parts
    assert all(r.extras is None for r in rows if not r.report)
    assert {r.service for r in english_rows} == {"Companion visit"}
    past_the_end, last = statements_for(db, lambda s: client_tasks.list_client_tasks(s, actor=client, page=9))
    assert (past_the_end, last.number, len(last)) == (3, 4, 25)  # the count, then the last page
    assert [r.id for r in rows] == [c.id for c in reversed(copies)][PAGE_SIZE : 2 * PAGE_SIZE]


def test_the_suggestions_form_lists_open_visits_with_constant_statements(db, world):
    client = world.other_client
    one, rows = statements_for(db, lambda s: client_tasks.list_changeable_tasks(s, actor=client))
    assert len(rows) == 1
    _grow_tasks(db, world, client.id, world.other_tasks[0])
    many, rows = statements_for(db, lambda s: client_tasks.list_changeable_tasks(s, actor=client))
    _equal_and_small(one, many)
    assert len(rows) == 67
    assert {r.state for r in rows} == {"pending_appointment"}


def _grow_invoices(db, client_id: int) -> None:
    """99 more invoices of the client; every other one rectifies the first (which ends on the last page)."""
    first = db.exec(select(Invoice).where(Invoice.client_id == client_id)).one()
    clone(
        db,
        first,
        99,
        lambda i: {
            "number": f"F2026-9{i:05d}",
            "sequence": 900000 + i,
            "issued_at": first.issued_at + timedelta(hours=i + 1),
            "kind": InvoiceKind.RECTIFYING if i % 2 else InvoiceKind.INVOICE,
            "rectifies_invoice_id": first.id if i % 2 else None,
        },
    )


def test_facturas_pages_with_the_same_statements_for_1_and_100_invoices(db, world):
    client = world.other_client
    one, rows = statements_for(db, lambda s: invoice_queries.list_client_invoices(s, actor=client))
    assert len(rows) == 1
    _grow_invoices(db, client.id)
    many, rows = statements_for(db, lambda s: invoice_queries.list_client_invoices(s, actor=client))
    _equal_and_small(one, many)
    assert (len(rows), rows.total) == (PAGE_SIZE, 100)
    original = db.exec(select(Invoice.number).order_by(col(Invoice.id))).all()[1]
    assert {r.rectifies_number for r in rows if r.kind == "rectifying"} == {original}


def test_admin_invoices_list_and_totals_with_the_same_statements(db, world):
    def read(s):
        return (
            invoice_queries.list_invoices(s, actor=world.admin),
            invoice_queries.summarise_invoices(s, actor=world.admin),
        )

    one, (rows, summary) = statements_for(db, read)
    assert summary.count == len(rows) == 2
    _grow_invoices(db, world.other_client.id)
    many, (rows, summary) = statements_for(db, read)
    _equal_and_small(one, many)
    assert (len(rows), rows.total, summary.count) == (PAGE_SIZE, 101, 101)


def test_mis_pedidos_with_the_same_statements_for_1_and_100_orders(db, world):
    client = world.other_client
    one, rows = statements_for(db, lambda s: checkout.list_orders(s, actor=client))
    assert len(rows) == 1
    order = db.exec(select(Order).where(Order.client_id == client.id)).one()
    line = db.exec(select(OrderLine).where(OrderLine.order_id == order.id)).one()
    copies = clone(db, order, 99, lambda i: {"public_id": f"P-copy-{i}", "attempt_key": f"copy-{i}"})
    for copy in copies:
        clone(db, line, 1, lambda _i, copy=copy: {"order_id": copy.id})
    many, rows = statements_for(db, lambda s: checkout.list_orders(s, actor=client))
    _equal_and_small(one, many)
    assert (len(rows), rows.total) == (PAGE_SIZE, 100)
    assert all(r.lines for r in rows)


def test_proyectos_with_the_same_statements_for_1_and_100_relatives(db, world):
    client = world.other_client
    one, rows = statements_for(db, lambda s: beneficiaries.list_projects(s, actor=client))
    assert len(rows) == 1
    relative = db.exec(select(Beneficiary).where(Beneficiary.client_id == client.id)).one()
    clone(db, relative, 99, lambda i: {"full_name": f"Familiar {i:03d}", "manager_id": world.manager.id})
    many, rows = statements_for(db, lambda s: beneficiaries.list_projects(s, actor=client))
    _equal_and_small(one, many)
    assert len(rows) == 100


def test_admin_cancellation_requests_with_the_same_statements(db, world):
    client = world.other_client
    db.add(ChangeRequest(client_id=client.id, task_id=world.other_tasks[0], kind="cancel", message="Tarde"))
    one, rows = statements_for(db, lambda s: cancellations.list_open_requests(s, actor=world.admin))
    assert len(rows) == 1
    for copy in clone(db, db.get(Task, world.other_tasks[0]), 99, lambda i: {"visit_code": f"C{i:07d}"}):
        db.add(ChangeRequest(client_id=client.id, task_id=copy.id, kind="cancel", message="Tarde"))
    many, rows = statements_for(db, lambda s: cancellations.list_open_requests(s, actor=world.admin))
    _equal_and_small(one, many)
    assert len(rows) >= PAGE_SIZE
    assert {r.share for r in rows} == {"0,25\u00a0€"}  # the 25 € line spread over its 100 visits


def test_admin_people_lists_with_the_same_statements(db, world):
    def read(s):
        return (
            accounts.list_users(s, actor=world.admin),
            notifications.list_outbox(s, actor=world.admin),
            manager_areas.list_managers(s, actor=world.admin),
            manager_areas.list_assignments(s, actor=world.admin, unassigned_only=False),
        )

    one, _ = statements_for(db, read)
    clone(db, db.get(User, world.manager.id), 99, lambda i: {"email": f"g{i}@example.es"})
    clone(db, db.exec(select(OutboxMessage)).first(), 99, lambda i: {"subject": f"Aviso {i}"})
    relative = db.exec(select(Beneficiary)).first()
    clone(db, relative, 99, lambda i: {"full_name": f"Familiar {i:03d}", "manager_id": None})
    many, (users, outbox, managers, queue) = statements_for(db, read)
    _equal_and_small(one, many)
    assert (len(managers), len(queue)) == (101, 101)
    assert len(outbox) >= 100
    assert (len(users), users.total) == (PAGE_SIZE, 104)


def test_recruiting_lists_with_the_same_statements_for_1_and_100_applications(db, world):
    recruiter = accounts.to_viewer(
        clone(
            db,
            db.get(User, world.admin.id),
            1,
            lambda i: {"email": "rrhh@example.es", "role": Role.RECRUITER},
        )[0]
    )
    candidate = world.other_client
    offer = JobOffer(title="Gestor/a Madrid", status="published")
    db.add(offer)
    db.flush()
    application = Application(
        offer_id=offer.id,
        candidate_id=candidate.id,
        stage="submitted",
        full_name="Otro",
        areas=["madrid", "bilbao"],
        availability=["lun-manana"],
    )
    application.submitted_at = application.created_at
    db.add(application)
    filtered = {"area": "bilbao", "availability": "lun-manana", "search": "OTRO", "sort": "name", "page": 2}

    def read(s):
        return (
            recruiting.list_my_applications(s, actor=candidate),
            recruiting.list_applications(s, actor=recruiter),
            recruiting.list_offers_for_recruiters(s, actor=recruiter),
            recruiting.list_applications(s, actor=recruiter, **filtered),
        )

    one, _ = statements_for(db, read)
    offers = clone(db, offer, 99, lambda i: {"title": f"Oferta {i}"})
    for copy in offers:
        clone(db, application, 1, lambda _i, copy=copy: {"offer_id": copy.id})
    many, (mine, applications, offer_rows, page_two) = statements_for(db, read)
    _equal_and_small(one, many)
    assert len(mine) >= PAGE_SIZE
    assert (len(applications), applications.total) == (PAGE_SIZE, 100)
    assert len(offer_rows) == 100
    assert (len(page_two), page_two.total, page_two.number) == (PAGE_SIZE, 100, 2)


def test_the_recruiters_list_is_filtered_and_cut_in_sql(db, world):
    """The application list reads one page of rows, not every application, whatever the filters."""
    recruiter = accounts.to_viewer(
        clone(
            db,
            db.get(User, world.admin.id),
            1,
            lambda i: {"email": "rrhh@example.es", "role": Role.RECRUITER},
        )[0]
    )
    offer = JobOffer(title="Gestor/a Madrid", status="published")
    db.add(offer)
    db.flush()
    first = Application(
        offer_id=offer.id,
        candidate_id=world.other_client.id,
        stage="submitted",
        full_name="Ana 100% Pérez",
        areas=["madrid"],
        availability=["lun-manana"],
    )
    first.submitted_at = first.created_at
    db.add(first)
    db.flush()
    offers = clone(db, offer, 59, lambda i: {"title": f"Oferta {i}"})  # one application per offer and person
    clone(
        db,
        first,
        59,
        lambda i: {
            "offer_id": offers[i].id,
            "full_name": f"Candidata {i:02d}",
            "areas": ["bilbao"] if i % 2 else ["madrid"],
            "rating": i % 5,
            "submitted_at": first.submitted_at + timedelta(minutes=i + 1),
        },
    )
    db.commit()
    engine = db.get_bind()
    with Session(engine) as fresh, count_statements(engine) as log:
        bilbao = recruiting.list_applications(fresh, actor=recruiter, area="bilbao", sort="oldest", page=9)
    assert (bilbao.total, bilbao.pages, bilbao.number, len(bilbao)) == (29, 2, 2, 4)
    assert [row.full_name for row in bilbao] == [f"Candidata {i:02d}" for i in range(51, 59, 2)]
    assert all("LIMIT" in statement.upper() or "COUNT" in statement.upper() for statement in log)
    listed = lambda **kw: [r.full_name for r in recruiting.list_applications(db, actor=recruiter, **kw)]  # noqa: E731
    assert listed(search="100%") == ["Ana 100% Pérez"]  # % is a character, not a wildcard
    assert listed(search="_") == []
    assert listed(area="lima") == []
    assert listed(sort="rating")[:2] == ["Candidata 54", "Candidata 49"]
    assert listed(sort="name")[0] == "Ana 100% Pérez"


def test_week_calendar_day_agenda_and_waiting_groups_with_the_same_statements(db, world):
    """The week (desktop), the day (phone) and the dashboard's waiting groups, for 1 and 100 visits."""
    from datetime import UTC, date, datetime

    from care_portal.services import visits
    from care_portal.services.visits.calendar import manager_calendar

    now = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    visits.schedule_appointment(
        db, actor=world.manager, task_id=world.tasks[0], day="2026-10-13", time_of_day="08:00", now=now
    )
    monday = date(2026, 10, 12)

    def calendars(session):
        week = manager_calendar(session, actor=world.manager, first_day=monday)
        return week, manager_calendar(session, actor=world.manager, first_day=date(2026, 10, 13), days=1)

    def dashboard(session):
        return visits.manager_dashboard(session, actor=world.manager, now=now)

    one, (week, day) = statements_for(db, calendars)
    one_board, board = statements_for(db, dashboard)
    assert [len(week), len(day), len(board.waiting)] == [1, 1, 1]
    scheduled = db.get(Task, world.tasks[0])
    waiting = db.get(Task, world.tasks[1])
    clone(
        db,
        scheduled,
        99,
        lambda i: {
            "visit_code": f"W{i:07d}",
            "appointment_start": scheduled.appointment_start + timedelta(minutes=5 * (i + 1)),
            "appointment_end": scheduled.appointment_end + timedelta(minutes=5 * (i + 1)),
        },
    )
    clone(db, waiting, 99, lambda i: {"visit_code": f"V{i:07d}", "order_line_id": waiting.order_line_id})
    many, (week, day) = statements_for(db, calendars)
    many_board, board = statements_for(db, dashboard)
    assert [len(week), len(day)] == [100, 100]
    assert [(g.count, g.beneficiary) for g in board.waiting] == [(100, "Carmen López")]  # one group, once
    assert one == many == 2  # one statement each for the week and the day
    _equal_and_small(one_board, many_board)


def test_ratings_pages_with_the_same_statements_for_1_and_100_ratings(db, world):
    """/gestor/valoraciones and /admin/valoraciones: 100 low ratings from 100 families of 100 managers."""
    from tests.services.report_helpers import reported

    task_id = reported(db, world)
    rating = visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=1, comment="Tarde.")

    def read(session):
        mine = visit_ratings.manager_feedback(session, actor=world.manager)
        return mine, visit_ratings.ratings_overview(session, actor=world.admin)

    one, ((summary, rows), (summaries, low)) = statements_for(db, read)
    assert (summary.count, len(rows), len(summaries), len(low)) == (1, 1, 1, 1)
    people = clone(db, db.get(User, world.client.id), 99, lambda i: {"email": f"r{i}@example.es"})
    clone(
        db,
        rating,
        99,
        lambda i: {"rater_id": people[i].id, "manager_id": world.manager.id if i < 49 else people[i].id},
    )
    many, ((summary, rows), (summaries, low)) = statements_for(db, read)
    _equal_and_small(one, many)
    assert (summary.count, len(rows), rows.total) == (50, PAGE_SIZE, 50)
    assert (len(summaries), summaries.total, summaries.pages) == (PAGE_SIZE, 51, 3)
    assert (len(low), low.total) == (PAGE_SIZE, 100)
    last = visit_ratings.ratings_overview(db, actor=world.admin, summary_page=3, page=4)
    assert [len(last[0]), len(last[1])] == [1, 25]
