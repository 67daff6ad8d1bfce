"""Report, photo, rating and timeline handlers called as a raw websocket client could: the wrong person
with someone else's ids changes nothing and sees nothing."""

from __future__ import annotations

import asyncio
import inspect
import io
from pathlib import Path

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models.visit_feedback import ReportParts, ReportPhoto, VisitRating
from care_portal.models.visits import VisitReport
from care_portal.pages.visits.manager_task_state import ManagerTaskState
from care_portal.pages.visits.rating_state import RatingState
from care_portal.pages.visits.timeline import TimelineState
from care_portal.services import accounts, report_photos
from tests.services.report_helpers import photo_with_gps, reported, visited
from tests.services.visit_helpers import build_world

PASSWORD = "una frase segura"


def _state(db, state_class, email: str, path: str):
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    root = State(_reflex_internal_init=True)
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}"
    params = {"task_id": path.rsplit("/", 1)[-1], "beneficiary_id": path.rsplit("/", 1)[-1]}
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path,
            "headers": {"origin": "http://testserver", "cookie": cookie},
            "query": params,
        }
    )
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _call(state, handler: str, *args):
    result = type(state).event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


@pytest.fixture
def world(db):
    return build_world(db)


def _rows(db) -> tuple:
    return tuple(
        len(db.exec(select(model)).all()) for model in (VisitReport, ReportParts, ReportPhoto, VisitRating)
    )


def test_another_manager_cannot_write_the_report_or_touch_its_photos(db, world):
    task_id = visited(db, world)
    report_photos.add_photos(db, actor=world.manager, task_id=task_id, uploads=[photo_with_gps(320, 240)])
    db.commit()
    photo_id = db.exec(select(ReportPhoto.id)).one()
    before = _rows(db)
    state = _state(db, ManagerTaskState, "otro.gestor@example.es", f"/gestor/tareas/{task_id}")
    form = {"work_done": "Nada", "mood": "good", "concern": "x", "concern_severity": "serious"}
    _call(state, "save_report", form)
    upload = rx.UploadFile(file=io.BytesIO(photo_with_gps(320, 240)), path=Path("foto.jpg"))
    _call(state, "upload_photos", [upload])
    _call(state, "remove_photo", photo_id)
    db.expire_all()
    assert _rows(db) == before
    assert state.photos == []
    assert state.parts == {}


def test_another_client_cannot_rate_nor_read_the_timeline(db, world):
    task_id = reported(db, world)
    rating = _state(db, RatingState, "otro@example.es", "/cuenta/tareas")
    _call(rating, "rate", {"task_id": str(task_id), "stars": "1", "comment": "Mal", "call_requested": "1"})
    assert rating.rated == {}
    assert rating.rating_errors[str(task_id)]
    db.expire_all()
    assert db.exec(select(VisitRating)).all() == []

    timeline = _state(db, TimelineState, "otro@example.es", f"/historia/{world.beneficiary_id}")
    _call(timeline, "load")
    assert timeline.not_found
    assert timeline.entries == []
    assert timeline.beneficiary_name == ""
    _call(timeline, "go_to_page", 2)
    assert timeline.entries == []


def test_the_family_rates_and_reads_through_the_same_handlers(db, world):
    task_id = reported(db, world)
    rating = _state(db, RatingState, "maria@example.es", "/cuenta/tareas")
    _call(rating, "rate", {"task_id": str(task_id), "stars": "4", "comment": "Bien"})
    assert rating.rated == {str(task_id): "4"}
    timeline = _state(db, TimelineState, "maria@example.es", f"/historia/{world.beneficiary_id}")
    _call(timeline, "load")
    assert {e["kind"] for e in timeline.entries} == {"visit", "report", "rating"}
    assert timeline.beneficiary_name == "Carmen López"


def _too_large(name: str) -> dict:
    return {"file": {"path": name}, "errors": [{"code": "file-too-large", "message": "File is larger than"}]}


def test_a_photo_over_the_limit_gets_a_message_at_the_field_in_the_readers_language(db, world):
    task_id = visited(db, world)
    state = _state(db, ManagerTaskState, "gestor@example.es", f"/gestor/tareas/{task_id}")
    _call(state, "photos_refused", [_too_large("grande.jpg"), _too_large("otra.jpg")])
    assert (
        state.field_errors["photos"]
        == "La foto es demasiado grande (máximo 15 MB). Prueba a hacerla con menos resolución."
    )
    state.lang = "en"
    _call(state, "photos_refused", [{"file": {"path": "x.jpg"}, "errors": [{"code": "too-many-files"}]}])
    assert state.field_errors["photos"] == "A report holds 4 photos at most."
    _call(state, "photos_refused", [])
    assert state.field_errors == {}
    db.expire_all()
    assert db.exec(select(ReportPhoto)).all() == []


def test_the_refusal_reasons_alone_are_enough_for_the_message(db, world):
    task_id = visited(db, world)
    state = _state(db, ManagerTaskState, "gestor@example.es", f"/gestor/tareas/{task_id}")
    _call(
        state,
        "photos_refused",
        [[{"code": "file-too-large", "message": "File is larger than 15728640 bytes"}]],
    )
    assert state.field_errors["photos"].startswith("La foto es demasiado grande (máximo 15 MB).")


def test_a_refused_photo_keeps_its_message_when_the_empty_upload_follows(db, world):
    task_id = visited(db, world)
    state = _state(db, ManagerTaskState, "gestor@example.es", f"/gestor/tareas/{task_id}")
    _call(state, "photos_refused", [[{"code": "file-too-large"}]])
    assert state.field_errors["photos"].startswith("La foto es demasiado grande (máximo 15 MB).")
    _call(state, "upload_photos", [])  # what the zone sends after a refusal
    assert state.field_errors["photos"].startswith("La foto es demasiado grande (máximo 15 MB).")
    assert _rows(db)[2] == 0  # no photo stored
