"""Plan handlers called directly (as a raw websocket client could) by another client with Marta's plan id."""

from __future__ import annotations

import asyncio
import inspect

from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select

from care_portal.domain.sessions import SESSION_REF_COOKIE, session_ref
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models.plans import CarePlan
from care_portal.models.visits import Task
from care_portal.pages.plans.section import PlansState
from care_portal.pages.plans.simulated import PlanPaymentState
from care_portal.services import accounts, plans
from tests.services.plans.helpers import CONTRACTED_AT, family, plan_request  # noqa: F401 - the fixture

PASSWORD = "una frase segura"


def _state(state_class, token: str, path: str, query: dict | None = None):
    root = State(_reflex_internal_init=True)
    cookie = f"{SESSION_REF_COOKIE}={session_ref(token)}"
    root.router = RouterData.from_router_data(
        {
            "pathname": path,
            "asPath": path,
            "headers": {"origin": "http://testserver", "cookie": cookie},
            "query": query or {},
        }
    )
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def _call(state, handler: str, *args):
    result = type(state).event_handlers[handler].fn(state, *args)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


def test_another_client_cannot_see_pay_pause_change_or_end_martas_plan(db, family, monkeypatch):  # noqa: F811
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    monkeypatch.setattr("care_portal.pages.plans.section.get_provider", lambda: provider)
    monkeypatch.setattr("care_portal.pages.plans.simulated.get_provider", lambda: provider)
    start = plans.start_plan(
        db, actor=family["client"], request=plan_request(family), provider=provider, now=CONTRACTED_AT
    )
    plans.pay_simulated_month(
        db, actor=family["client"], plan_public_id=start.plan_public_id, provider=provider
    )
    db.commit()
    token = accounts.log_in(db, email="otro@example.es", password=PASSWORD).token
    db.commit()
    before = db.exec(select(CarePlan)).one().model_dump()
    visits = len(db.exec(select(Task)).all())

    section = _state(PlansState, token, "/cuenta/proyectos")
    _call(section, "load")
    assert section.plans == []
    for handler in ("pause", "end", "resume"):
        _call(section, handler, start.plan_public_id)
    section.changing = start.plan_public_id
    _call(section, "save_change", {"day_4": "on", "time_4": "11:00"})
    payment = _state(PlanPaymentState, token, "/cuenta/planes/pago-simulado", {"plan": start.plan_public_id})
    assert "proyectos" in str(_call(payment, "load"))
    assert payment.plan == {}
    _call(payment, "pay", True)

    db.expire_all()
    assert db.exec(select(CarePlan)).one().model_dump() == before
    assert len(db.exec(select(Task)).all()) == visits
