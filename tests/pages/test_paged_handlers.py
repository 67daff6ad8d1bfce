"""«Tareas» and «Facturas» handlers: paged, off the event loop, and still refusing the wrong user."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import timedelta

from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models import User
from care_portal.models.visits import Task
from care_portal.pages.billing.invoices import AdminInvoicesState
from care_portal.pages.visits.client_tasks import ClientTasksState
from care_portal.pages.visits.manager_dashboard import ManagerDashboardState
from care_portal.pages.visits.ratings import AdminRatingsState
from care_portal.services import accounts, client_tasks, visit_ratings
from tests.services.report_helpers import reported
from tests.services.scale_helpers import clone
from tests.services.visit_helpers import build_world

PASSWORD = "una frase segura"


def _state(state_class, token: str, path: str):
    root = State(_reflex_internal_init=True)
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}"  # what the edge hands the event websocket
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path,
            "headers": {"origin": "http://testserver", "cookie": cookie},
            "query": {},
        }
    )
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _call(state, handler: str, *args):
    """Call a handler as a raw websocket client could (the off-loop ones are coroutines)."""
    return asyncio.run(type(state).event_handlers[handler].fn(state, *args))


def _token(db, email: str) -> str:
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return token


def test_tareas_pages_through_the_clients_tasks_in_a_worker_thread(db, monkeypatch):
    world = build_world(db)
    task = db.get(Task, world.other_tasks[0])
    clone(
        db,
        task,
        29,
        lambda i: {"visit_code": f"H{i:07d}", "created_at": task.created_at + timedelta(hours=i + 1)},
    )
    db.commit()
    threads = []
    real = client_tasks.list_client_tasks

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(client_tasks, "list_client_tasks", spy)
    state = _state(ClientTasksState, _token(db, "otro@example.es"), "/cuenta/tareas")
    _call(state, "load")
    assert (len(state.tasks), state.page_number, state.page_count, state.row_total) == (25, 1, 2, 30)
    _call(state, "go_to_page", 2)
    assert (len(state.tasks), state.page_number) == (5, 2)
    assert state.tasks[-1]["id"] == str(task.id)  # the oldest purchase last
    assert threads
    assert threading.get_ident() not in threads  # the database work ran off the caller's thread


def test_the_paged_handlers_refuse_someone_else(db):
    world = build_world(db)
    manager_token = _token(db, "gestor@example.es")
    tasks = _state(ClientTasksState, manager_token, "/cuenta/tareas")
    assert "sin-permiso" in str(_call(tasks, "go_to_page", 1))
    assert tasks.tasks == []
    anonymous = _state(ClientTasksState, "", "/cuenta/tareas")
    assert "/entrar?next=" in str(_call(anonymous, "load"))
    assert anonymous.tasks == []
    client_token = _token(db, "maria@example.es")
    invoices = _state(AdminInvoicesState, client_token, "/admin/facturas")
    assert "sin-permiso" in str(_call(invoices, "go_to_page", 1))
    assert invoices.invoices == []
    assert db.exec(select(Task).where(Task.client_id == world.client.id)).all()


def test_the_dashboard_state_delta_stays_under_100_kb_with_a_long_history(db):
    world = build_world(db)
    task = db.get(Task, world.tasks[0])
    notes = "Llamar antes de subir. " * 20
    clone(db, task, 1_000, lambda i: {"visit_code": f"L{i:07d}", "notes": notes})  # waiting
    clone(db, task, 2_000, lambda i: {"visit_code": f"H{i:07d}", "notes": notes, "state": "done"})  # history
    db.commit()
    state = _state(ManagerDashboardState, _token(db, "gestor@example.es"), "/gestor")
    _call(state, "load")
    delta = state.parent_state.get_delta() if state.parent_state else state.get_delta()
    size = len(json.dumps(delta, default=str).encode())
    assert size < 100_000, f"{size} bytes"
    assert state.counts["pending_appointment"] == 1_002
    # The unfiltered list is the history (open visits are in «today», «upcoming» and «waiting»).
    assert (len(state.tasks), state.row_total, state.page_count) == (25, 2_000, 80)
    assert 1 <= len(state.waiting) <= 20


def test_admin_ratings_page_through_the_managers_and_the_low_ratings(db):
    world = build_world(db)
    task_id = reported(db, world)
    rating = visit_ratings.rate_visit(db, actor=world.client, task_id=task_id, stars=2, comment="")
    people = clone(db, db.get(User, world.client.id), 29, lambda i: {"email": f"r{i}@example.es"})
    clone(db, rating, 29, lambda i: {"rater_id": people[i].id, "manager_id": people[i].id})
    db.commit()
    state = _state(AdminRatingsState, _token(db, "admin@example.es"), "/admin/valoraciones")
    _call(state, "load")
    assert (len(state.summaries), state.summary_page, state.summary_pages) == (25, 1, 2)
    assert (len(state.ratings), state.page_count) == (25, 2)
    _call(state, "go_to_summary_page", 2)
    assert (len(state.summaries), state.summary_page, len(state.ratings)) == (5, 2, 25)
    _call(state, "go_to_page", 2)
    assert (len(state.ratings), state.page_number, state.summary_page) == (5, 2, 2)
    _call(state, "load")
    assert (state.summary_page, state.page_number) == (1, 1)
    manager = _state(AdminRatingsState, _token(db, "gestor@example.es"), "/admin/valoraciones")
    assert "sin-permiso" in str(_call(manager, "go_to_summary_page", 2))
    assert manager.summaries == []
