"""Privacy and consumer handlers called as a raw websocket client could: the right role with someone
else's ids gets nothing and changes nothing (the beneficiary and order ids come from the URL or the form)."""

from __future__ import annotations

import asyncio
import inspect

from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.models import AccessLogEntry, ConsentRecord, OrderWithdrawal, RightsRequest
from care_portal.models.care import Beneficiary
from care_portal.models.shop import Order
from care_portal.models.visits import Task
from care_portal.pages.account.withdrawal import WithdrawalState
from care_portal.pages.care.projects_state import ProjectState
from care_portal.services import accounts
from tests.services.visit_helpers import build_world

PASSWORD = "una frase segura"


def _token(db, email: str) -> str:
    token = accounts.log_in(db, email=email, password=PASSWORD).token
    db.commit()
    return token


def _state(state_class, token: str, path: str):
    root = State(_reflex_internal_init=True)
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}"
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
    return asyncio.run(result) if inspect.isawaitable(result) else result


def _snapshot(db, beneficiary_id: int) -> tuple:
    db.expire_all()
    row = db.get(Beneficiary, beneficiary_id)
    return (
        row.care_notes,
        row.phone,
        row.consent_state,
        row.health_consent,
        row.blocked_at,
        len(db.exec(select(ConsentRecord).where(ConsentRecord.beneficiary_id == beneficiary_id)).all()),
        len(db.exec(select(RightsRequest)).all()),
    )


def test_another_client_cannot_read_withdraw_or_erase_a_beneficiary_through_the_project_page(db):
    world = build_world(db)
    target = world.beneficiary_id
    row = db.get(Beneficiary, target)
    row.care_notes, row.health_consent = "Diabetes tipo 2.", True
    db.add(row)
    db.commit()
    before = _snapshot(db, target)
    stranger = _state(ProjectState, _token(db, "otro@example.es"), f"/cuenta/proyectos/{target}")
    _call(stranger, "load")
    assert stranger.not_found is True
    assert stranger.project == {}
    assert stranger.access == []
    _call(stranger, "withdraw")
    _call(stranger, "withdraw_health")
    _call(stranger, "give_health", {"signer_name": "Otro Cliente", "purpose_health": "on"})
    _call(stranger, "erase", {"confirm_erase": "on"})
    assert _snapshot(db, target) == before
    assert "Diabetes" not in str(stranger.project)

    # A manager of another area neither: no notes, no access log, and no read logged.
    outsider = _state(ProjectState, _token(db, "otro.gestor@example.es"), f"/cuenta/proyectos/{target}")
    _call(outsider, "load")
    assert outsider.not_found is True
    assert outsider.access == []
    assert db.exec(select(AccessLogEntry)).all() == []


def test_another_clients_order_cannot_be_withdrawn_from(db):
    world = build_world(db)
    theirs = db.exec(select(Order).where(Order.client_id == world.other_client.id)).one()
    mine = _state(WithdrawalState, _token(db, "maria@example.es"), "/cuenta/desistimiento")
    _call(mine, "load")
    assert theirs.public_id not in str(mine.orders)
    assert len(mine.orders) == 1  # only her own order
    _call(mine, "withdraw", {"order_id": str(theirs.id), "confirm_withdrawal": "on"})
    db.expire_all()
    assert db.exec(select(OrderWithdrawal)).all() == []
    assert {t.state for t in db.exec(select(Task).where(Task.order_id == theirs.id))} == {
        "pending_appointment"
    }

    # Her own order, confirmed: withdrawn, and it leaves the list.
    own = db.exec(select(Order).where(Order.client_id == world.client.id)).one()
    _call(mine, "withdraw", {"order_id": str(own.id), "confirm_withdrawal": ""})
    assert mine.field_errors["confirm_withdrawal"]
    assert db.exec(select(OrderWithdrawal)).all() == []
    _call(mine, "withdraw", {"order_id": str(own.id), "confirm_withdrawal": "on", "statement": ""})
    db.expire_all()
    assert [w.order_id for w in db.exec(select(OrderWithdrawal)).all()] == [own.id]
    assert mine.orders == []
