"""Recruiting handlers called directly (as a raw websocket client could): each checks the user itself."""

from __future__ import annotations

import asyncio
import inspect

from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models import Application, ApplicationNote, Role
from care_portal.pages.recruiting.apply_state import ApplyState, MyApplicationsState
from care_portal.pages.recruiting.dashboard import RecruitingState
from care_portal.pages.recruiting.review import ReviewState
from care_portal.services import accounts
from care_portal.services import recruiting as rec

PASSWORD = "una clave larga de prueba"
FORM = {
    "full_name": "Marta Ruiz",
    "phone": "612345678",
    "postal_code": "28012",
    "areas": ["madrid"],
    "experience_years": "3",
    "languages": "español",
    "availability": ["lun-manana"],
    "privacy": True,
}


def _account(db, email: str, role: Role):
    viewer = accounts.sign_up(
        db, full_name=email.split("@")[0].title(), email=email, password=PASSWORD, role=role
    )
    db.commit()
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return viewer, token


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
    result = type(state).event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


def _world(db):
    recruiter, recruiter_token = _account(db, "sara@example.es", Role.RECRUITER)
    marta, _ = _account(db, "marta@example.es", Role.CLIENT)
    _, pablo_token = _account(db, "pablo@example.es", Role.CLIENT)
    offer = rec.save_offer(db, actor=recruiter, offer_id=None, values={"title": "Gestor/a en Madrid"})
    rec.set_offer_status(db, actor=recruiter, offer_id=offer.id, status="open")
    rec.start_application(db, actor=marta, offer_id=offer.id)
    rec.save_form(db, actor=marta, offer_id=offer.id, form=FORM)
    rec.attach_cv(db, actor=marta, offer_id=offer.id, data=b"%PDF-1.4 cv", filename="cv.pdf")
    rec.save_answers(db, actor=marta, offer_id=offer.id, answers={})
    rec.submit_application(db, actor=marta, offer_id=offer.id)
    db.commit()
    application_id = db.exec(select(Application.id)).one()
    return offer.id, application_id, recruiter_token, pablo_token


def test_another_client_gets_nothing_from_the_recruiter_handlers(db):
    _, application_id, _, pablo_token = _world(db)
    path = f"/seleccion/candidaturas/{application_id}"
    review = _state(ReviewState, pablo_token, path)
    assert "sin-permiso" in str(_call(review, "load"))
    assert review.form == {}
    assert review.notes == []
    assert "sin-permiso" in str(_call(review, "add_note", {"note": "hola"}))
    assert "sin-permiso" in str(_call(review, "move_to", "review"))
    assert db.exec(select(ApplicationNote)).all() == []
    db.expire_all()
    assert db.get(Application, application_id).stage == "new"

    dashboard = _state(RecruitingState, pablo_token, "/seleccion")
    assert "sin-permiso" in str(_call(dashboard, "load"))
    assert dashboard.applications == []


def test_anonymous_callers_are_sent_to_log_in(db):
    _, application_id, _, _ = _world(db)
    review = _state(ReviewState, "", f"/seleccion/candidaturas/{application_id}")
    assert "/entrar?next=" in str(_call(review, "load"))
    assert review.form == {}


def test_a_candidate_handler_shows_only_their_own_application(db):
    offer_id, _, _, pablo_token = _world(db)
    apply = _state(ApplyState, pablo_token, f"/empleo/{offer_id}/solicitud")
    _call(apply, "load")
    assert apply.stage == "draft"
    assert apply.form["full_name"] == "Pablo"
    assert apply.cv_name == ""
    mine = _state(MyApplicationsState, pablo_token, "/cuenta/candidaturas")
    _call(mine, "load")
    assert [row["stage"] for row in mine.rows] == ["draft"]


def test_the_recruiter_handler_reads_the_application_and_adds_a_note(db):
    _, application_id, recruiter_token, _ = _world(db)
    review = _state(ReviewState, recruiter_token, f"/seleccion/candidaturas/{application_id}")
    _call(review, "load")
    assert review.form["full_name"] == "Marta Ruiz"
    assert review.moves == ["review", "rejected"]
    _call(review, "add_note", {"note": "Llamar el lunes"})
    assert [n["body"] for n in review.notes] == ["Llamar el lunes"]
