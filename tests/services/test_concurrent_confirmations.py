"""Payment confirmations arriving together: each order paid once, numbers without gaps, one chain.

These run on SQLite and, in the PostgreSQL pass of ``make test``, on PostgreSQL, where the
numbering and chain rows are locked with ``SELECT … FOR UPDATE`` and confirmations really
overlap. The webhooks go through the route's own unit of work (``api.payments._apply``).
"""

from __future__ import annotations

import re
import threading

from sqlalchemy import event
from sqlmodel import func, select

from care_portal.api import payments
from care_portal.cli.seed_catalog import seed_catalogue
from care_portal.db import get_engine
from care_portal.integrations import storage
from care_portal.integrations.payments import get_provider
from care_portal.models import BillingRecord, Invoice, InvoicePdfJob, OutboxMessage
from care_portal.models.shop import CareService, Order, OrderStatus
from care_portal.models.visits import Task
from care_portal.services import accounts, billing_records, checkout, invoice_documents
from tests.factories import make_beneficiary, make_manager, signed_paid_event

BILLING = checkout.BillingData("12345678z", "María López", "Calle Mayor 5", "28013", "Madrid", "612345678")
# What a confirmation may still do once it holds the numbering lock: number, chain, store, commit.
INVOICE_TABLES = {
    "invoice_counters",
    "billing_chain_heads",
    "invoices",
    "invoice_lines",
    "billing_records",
    "invoice_pdf_jobs",
}


def _pending_orders(db, count: int) -> list[Order]:
    seed_catalogue(db)
    make_manager(db, email="gestor@example.es", areas=["28"])
    db.commit()
    service = db.exec(select(CareService).where(CareService.slug == "visita-compania")).one()
    provider = get_provider()
    for n in range(count):
        client = accounts.sign_up(
            db, full_name=f"Cliente {n}", email=f"cliente{n}@example.es", password="una frase segura"
        )
        beneficiary = make_beneficiary(db, client, name=f"Familiar {n}", postal_code="28013")
        checkout.start_checkout(
            db,
            actor=client,
            request=checkout.CheckoutRequest(
                cart={str(service.id): 2},
                beneficiary_id=beneficiary,
                observations="",
                preferred_dates="",
                accept_terms=True,
                billing=BILLING,
                attempt_key=f"attempt-{n}",
            ),
            provider=provider,
        )
        db.commit()
    return list(db.exec(select(Order).order_by(Order.id)).all())


def _deliver_all_at_once(deliveries: list[tuple[bytes, str]]) -> list[str]:
    """POST-equivalent: each delivery in its own thread and transaction, all released together."""
    barrier = threading.Barrier(len(deliveries))
    outcomes: list[str] = [""] * len(deliveries)

    def deliver(index: int, body: bytes, signature: str) -> None:
        barrier.wait(timeout=60)
        try:
            outcomes[index] = payments._apply(body, signature)
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            outcomes[index] = f"error: {error!r}"

    threads = [
        threading.Thread(target=deliver, args=(i, body, sig)) for i, (body, sig) in enumerate(deliveries)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a confirmation never finished"
    return outcomes


def test_simultaneous_confirmations_and_their_retries_pay_each_order_exactly_once(db):
    orders = _pending_orders(db, 6)
    events = [signed_paid_event(order) for order in orders]
    # Every event delivered twice at the same moment (Stripe retries a delivery it thinks lost).
    outcomes = _deliver_all_at_once(events + events)

    assert sorted(outcomes) == ["duplicate"] * 6 + ["paid"] * 6
    db.expire_all()
    assert {o.status for o in db.exec(select(Order)).all()} == {OrderStatus.PAID.value}
    invoices = db.exec(select(Invoice).order_by(Invoice.sequence)).all()
    assert sorted(i.order_ref for i in invoices) == sorted(o.public_id for o in orders)
    assert [i.sequence for i in invoices] == list(range(1, 7))
    # Numbers follow the issue times: the time is taken once the numbering lock is held.
    assert [i.issued_at for i in invoices] == sorted(i.issued_at for i in invoices)
    assert billing_records.verify_chain(db).ok
    assert db.exec(select(func.count()).select_from(BillingRecord)).one() == 6
    assert db.exec(select(func.count()).select_from(Task)).one() == 6 * 2
    assert db.exec(select(func.count()).select_from(OutboxMessage)).one() == 6 * 2


def test_a_second_event_for_an_order_being_paid_leaves_one_invoice(db):
    [order] = _pending_orders(db, 1)
    outcomes = _deliver_all_at_once([signed_paid_event(order), signed_paid_event(order)])  # two event ids

    assert sorted(outcomes) == ["ignored", "paid"]
    assert db.exec(select(func.count()).select_from(Invoice)).one() == 1
    assert db.exec(select(func.count()).select_from(Task)).one() == 2


def test_once_the_numbering_lock_is_held_a_confirmation_only_writes_its_invoice_and_commits(db):
    first, order = _pending_orders(db, 2)
    assert payments._apply(*signed_paid_event(first)) == "paid"  # the year's first creates the counter rows
    body, signature = signed_paid_event(order)
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(" ".join(statement.split()))

    def committed(_conn) -> None:
        statements.append("COMMIT")

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", seen)
    event.listen(engine, "commit", committed)
    try:
        assert payments._apply(body, signature) == "paid"
    finally:
        event.remove(engine, "before_cursor_execute", seen)
        event.remove(engine, "commit", committed)
    locked_at = next(i for i, s in enumerate(statements) if _locks_the_counter(s))
    critical = statements[locked_at:]
    assert critical[-1] == "COMMIT"
    touched = {table for s in critical[:-1] for table in _tables(s)}
    assert touched <= INVOICE_TABLES, f"work done while the numbering lock is held: {critical}"
    assert len(critical) <= 10, critical  # the lock, the chain head, 5 rows written, the commit


def test_the_confirming_request_renders_no_pdf_and_queues_it_for_the_job(db):
    [order] = _pending_orders(db, 1)
    assert payments._apply(*signed_paid_event(order)) == "paid"
    invoice = db.exec(select(Invoice)).one()
    assert not storage.exists_private(invoice.pdf_key)
    assert db.exec(select(InvoicePdfJob.invoice_id)).all() == [invoice.id]
    assert invoice_documents.render_queued() == 1
    assert storage.read_private(invoice.pdf_key).startswith(b"%PDF")


def _locks_the_counter(statement: str) -> bool:
    return statement.startswith("SELECT") and "FROM invoice_counters" in statement


def _tables(statement: str) -> set[str]:
    return set(re.findall(r"(?:FROM|INTO|UPDATE|JOIN)\s+\"?(\w+)", statement, flags=re.IGNORECASE))
