"""«Tareas» (/cuenta/tareas) with a long history: what the page state sends stays one page's worth."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import select

from care_portal.models.billing import Invoice
from care_portal.models.visit_feedback import ReportParts, ReportPhoto
from care_portal.models.visits import Cancellation, ChangeRequest, Task, VisitReport
from care_portal.pages.visits.client_tasks import ClientTasksState
from tests.pages.test_paged_handlers import _call, _state, _token
from tests.services.report_helpers import reported
from tests.services.scale_helpers import clone
from tests.services.visit_helpers import build_world

LONG_TEXT = "Paseo por el Retiro, merienda y conversación sobre los nietos. " * 8


def _history(db, world, original: Task, count: int, prefix: str) -> list[Task]:
    """``count`` more visits of the client like its reported one: a third reported (with parts and a
    photo), a third cancelled with a refund, a third with an open change request."""
    parts = db.exec(select(ReportParts).where(ReportParts.task_id == original.id)).one()
    invoice = db.exec(select(Invoice).where(Invoice.client_id == world.client.id)).first()
    copies = clone(
        db,
        original,
        count,
        lambda i: {
            "visit_code": f"{prefix}{i:07d}",
            "created_at": original.created_at + timedelta(minutes=i + 1),
        },
    )
    for i, copy in enumerate(copies):
        if i % 3 == 0:
            db.add(VisitReport(task_id=copy.id, author_id=world.manager.id, work_done=LONG_TEXT))
            clone(db, parts, 1, lambda _i, copy=copy: {"task_id": copy.id})
            db.add(
                ReportPhoto(
                    task_id=copy.id,
                    beneficiary_id=copy.beneficiary_id,
                    uploaded_by_id=world.manager.id,
                    storage_key=f"photos/{copy.id}",
                )
            )
        elif i % 3 == 1:
            copy.state = "cancelled"
            db.add(
                Cancellation(
                    task_id=copy.id,
                    requested_by_id=world.client.id,
                    reason="Viaje",
                    refund_cents=2500,
                    rectifying_invoice_id=invoice.id,
                )
            )
        else:
            copy.state = "scheduled"
            db.add(
                ChangeRequest(client_id=world.client.id, task_id=copy.id, kind="change", message="Otra hora")
            )
    db.commit()
    return copies


def _delta_bytes(state) -> int:
    """The bytes of the page state's part of the delta its event sends (its rows, pager, flags)."""
    root = state
    while root.parent_state is not None:
        root = root.parent_state
    return len(json.dumps(root.get_delta()[ClientTasksState.get_full_name()], default=str).encode())


def test_a_long_history_sends_one_page_of_rows_and_no_more_than_a_short_one(db):
    world = build_world(db)
    original = db.get(Task, reported(db, world, world.tasks[1]))
    copies = _history(db, world, original, 30, "A")
    token = _token(db, "maria@example.es")
    short = _state(ClientTasksState, token, "/cuenta/tareas")
    _call(short, "load")
    short_bytes = _delta_bytes(short)
    _history(db, world, original, 170, "B")

    state = _state(ClientTasksState, token, "/cuenta/tareas")
    _call(state, "load")
    size = _delta_bytes(state)
    assert (len(state.tasks), state.row_total, state.page_count) == (25, 200 + len(world.tasks), 9)
    assert size < 20_000, f"{size} bytes"  # 25 rows, nine of them with a long report
    assert abs(size - short_bytes) < 500, (short_bytes, size)  # the same page, whatever the history
    newest = state.tasks[0]
    assert newest["visit_code"].startswith("B")
    reported_row = next(row for row in state.tasks if row["has_report"] == "1")
    assert reported_row["report_work_done"] == LONG_TEXT
    assert (reported_row["parts_mood"], reported_row["photo_1"] != "") == ("good", True)
    cancelled = next(row for row in state.tasks if row["cancelled"] == "1")
    assert cancelled["cancel_refund"] == "25,00\u00a0€"
    assert cancelled["cancel_invoice"].startswith("F")
    assert any(row["open_request"] == "change" for row in state.tasks)
    assert not any(row["visit_code"] == copies[0].visit_code for row in state.tasks)  # older: later pages


def _dirty_rows(state) -> bool:
    """Whether the state's next delta carries its rows again."""
    return "tasks" in state.dirty_vars


def test_an_unchanged_reload_sends_no_rows_and_a_new_visit_is_sent(db):
    world = build_world(db)
    token = _token(db, "maria@example.es")
    state = _state(ClientTasksState, token, "/cuenta/tareas")
    _call(state, "load")
    assert _dirty_rows(state)
    state._clean()  # the delta went to the browser
    _call(state, "load")
    assert not _dirty_rows(state)
    task = db.get(Task, world.tasks[0])
    clone(
        db, task, 1, lambda i: {"visit_code": "N0000001", "created_at": task.created_at + timedelta(days=1)}
    )
    db.commit()
    _call(state, "load")
    assert _dirty_rows(state)
    assert state.tasks[0]["visit_code"] == "N0000001"
