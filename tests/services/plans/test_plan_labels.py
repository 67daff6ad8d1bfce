"""«visita N de M» wherever a visit is listed: Tareas, Mis pedidos, the dashboard, the picker, e-mails."""

from __future__ import annotations

from sqlmodel import select

from care_portal.domain.series import visit_ordinal_label
from care_portal.i18n import tr
from care_portal.integrations.payments import SimulatedProvider
from care_portal.models import OutboxMessage
from care_portal.pages.visits.suggestions import _task_options
from care_portal.services import checkout, client_tasks, plans
from care_portal.services.accounts.identity import to_viewer
from care_portal.services.visits import manager_dashboard
from tests.services.plans.helpers import BILLING, CONTRACTED_AT, plan_request


def _labels(rows):
    return sorted(visit_ordinal_label(r.sequence_number, r.sequence_total, "es") for r in rows)


def test_a_packs_and_a_plans_visits_carry_their_number_in_every_list_and_email(db, family):
    provider = SimulatedProvider(secret="s3cret", public_url="http://testserver")
    client = family["client"]
    pack = {str(family["services"]["bono-cuatro-visitas"].id): 1}
    request = checkout.CheckoutRequest(
        cart=pack,
        beneficiary_id=family["beneficiary"],
        observations="",
        preferred_dates="",
        accept_terms=True,
        billing=BILLING,
        attempt_key="pack-attempt-1",
    )
    checkout.start_checkout(db, actor=client, request=request, provider=provider)
    db.commit()
    order_id = checkout.list_orders(db, actor=client)[0].public_id
    checkout.pay_simulated(db, actor=client, order_public_id=order_id, provider=provider, paid=True)
    start = plans.start_plan(
        db, actor=client, request=plan_request(family), provider=provider, now=CONTRACTED_AT
    )
    plans.pay_simulated_month(db, actor=client, plan_public_id=start.plan_public_id, provider=provider)
    db.commit()
    expected = sorted([f"visita {n} de 4" for n in range(1, 5)] + [f"visita {n} de 5" for n in range(1, 6)])

    assert _labels(client_tasks.list_client_tasks(db, actor=client)) == expected
    orders = checkout.list_orders(db, actor=client)
    in_orders = [
        visit_ordinal_label(t["sequence_number"], t["sequence_total"], "en") for o in orders for t in o.tasks
    ]
    assert sorted(in_orders) == sorted(
        [f"visit {n} of 4" for n in range(1, 5)] + [f"visit {n} of 5" for n in range(1, 6)]
    )
    manager = to_viewer(family["manager"])
    board = manager_dashboard(db, actor=manager)
    # The dashboard lists each series once, with how many of its visits wait for a date.
    assert sorted(group.count for group in board.waiting) == [4, 5]

    options = _task_options(
        client_tasks.list_changeable_tasks(db, actor=client), lambda k, **p: tr(k, "es", **p)
    )
    plan_options = [o["label"] for o in options if "visita 1 de 5" in o["label"]]
    assert plan_options == ["Visita de compañía · Dolores Martín Sanz · visita 1 de 5 · 16/03/2027 10:00"]
    assert sum("de 4" in o["label"] for o in options) == 4

    paid_mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "order_paid")).one()
    assert "visita 4 de 4" in paid_mail.body_text
