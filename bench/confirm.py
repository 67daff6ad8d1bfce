"""Payment confirmations per second: concurrent signed webhooks, then the numbering and chain checked."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter

import httpx
from sqlalchemy import func
from sqlmodel import Session, col, select

from care_portal.integrations.payments import get_provider
from care_portal.models import User
from care_portal.models.billing import Invoice
from care_portal.models.care import Beneficiary
from care_portal.models.invoice_pdfs import InvoicePdfJob
from care_portal.models.shop import CareService, Order, OrderStatus
from care_portal.services import accounts, billing_records, checkout

BILLING = checkout.BillingData("12345678z", "Cliente Bench", "Calle Mayor 5", "28013", "Madrid", "612345678")


def pending_orders(engine, count: int) -> list[Order]:
    """Start ``count`` checkouts (one per client) with the simulated provider; return their orders."""
    provider = get_provider()
    with Session(engine, expire_on_commit=False) as session:
        service = session.exec(select(CareService).order_by(col(CareService.id))).first()
        pairs = session.exec(
            select(User, Beneficiary.id)
            .join(Beneficiary, Beneficiary.client_id == User.id)
            .where(User.role == "client")
            .order_by(col(User.id))
            .limit(count)
        ).all()
        ids = []
        for user, beneficiary_id in pairs:
            start = checkout.start_checkout(
                session,
                actor=accounts.to_viewer(user),
                request=checkout.CheckoutRequest(
                    cart={str(service.id): 1},
                    beneficiary_id=beneficiary_id,
                    observations="",
                    preferred_dates="",
                    accept_terms=True,
                    billing=BILLING,
                    attempt_key=f"bench-confirm-{user.id}",
                ),
                provider=provider,
            )
            ids.append(start.redirect_url.split("pedido=")[-1])
        session.commit()
        return list(session.exec(select(Order).where(col(Order.public_id).in_(ids))).all())


async def _post_all(port: int, bodies: list[tuple[bytes, str]]) -> list[tuple[str, float]]:
    """POST every body at once; return each answer's outcome and its seconds.

    The outcome is the webhook's ``status`` on a 200 (``"paid"``, ``"duplicate"``…), ``"HTTP <code>"``
    otherwise, or the client-side error's class name (``ReadTimeout``, ``RemoteProtocolError``…).
    """
    limits = httpx.Limits(max_connections=len(bodies), max_keepalive_connections=len(bodies))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=600) as client:

        async def post(body: bytes, signature: str) -> tuple[str, float]:
            started = time.perf_counter()
            try:
                response = await client.post(
                    "/api/pagos/webhook",
                    content=body,
                    headers={"stripe-signature": signature, "content-type": "application/json"},
                )
            except httpx.HTTPError as error:
                return type(error).__name__, time.perf_counter() - started
            outcome = f"HTTP {response.status_code}"
            if response.status_code == 200:
                outcome = str(response.json().get("status", outcome))
            return outcome, time.perf_counter() - started

        return await asyncio.gather(*(post(b, s) for b, s in bodies))


def _pdfs_rendered_after(engine, started: float, seconds: float = 300) -> float | None:
    """Seconds from the first webhook until the job has rendered every queued PDF (None: not in time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with Session(engine) as session:
            if not session.exec(select(func.count()).select_from(InvoicePdfJob)).one():
                return round(time.perf_counter() - started, 1)
        time.sleep(0.5)
    return None


def _median_interval_ms(instants: list) -> float | None:
    gaps = [(b - a).total_seconds() * 1000 for a, b in itertools.pairwise(instants)]
    return round(_percentile(gaps, 0.5), 1) if gaps else None


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def confirmations(engine, port: int, count: int = 200, pid: int | None = None) -> dict:
    """Confirm ``count`` orders at once through the webhook; return the rate and the checks.

    Besides the rate (which depends on what else the machine runs), two figures that do not:
    the app's CPU per confirmation (``pid``: the server's process group, from /proc), and the
    median interval between consecutive invoices' issue times, which are taken once the
    numbering lock is held: while confirmations queue for that lock it is the lock's hold time,
    and 1000 / it bounds the confirmations per second whatever the number of workers.
    """
    from bench.servers import cpu_seconds

    orders = pending_orders(engine, count)
    provider = get_provider()
    with Session(engine) as session:
        before = session.exec(select(func.count()).select_from(Invoice)).one()
    bodies = [
        provider.signed_event(
            order_public_id=o.public_id,
            session_id=o.provider_session_id,
            paid=True,
            amount_cents=o.total_cents,
        )
        for o in orders
    ]
    cpu_before = cpu_seconds(pid) if pid else 0.0
    started = time.perf_counter()
    answers = asyncio.run(_post_all(port, bodies))
    seconds = time.perf_counter() - started
    cpu = cpu_seconds(pid) - cpu_before if pid else None
    pdfs_after = _pdfs_rendered_after(engine, started)
    outcomes = [outcome for outcome, _ in answers]
    waits = [wait for _, wait in answers]
    with Session(engine) as session:
        issued = session.exec(
            select(Invoice).where(col(Invoice.id) > 0).order_by(col(Invoice.id).desc()).limit(count)
        ).all()
        after = session.exec(select(func.count()).select_from(Invoice)).one()
        year = max(i.year for i in issued) if issued else 0
        sequences = sorted(
            session.exec(select(Invoice.sequence).where(Invoice.year == year, Invoice.series == "F")).all()
        )
        chain = billing_records.verify_chain(session)
        issue_times = sorted(
            session.exec(
                select(Invoice.issued_at).where(col(Invoice.order_ref).in_([o.public_id for o in orders]))
            ).all()
        )
        orders_paid = session.exec(
            select(func.count())
            .select_from(Order)
            .where(col(Order.id).in_([o.id for o in orders]), Order.status == OrderStatus.PAID.value)
        ).one()
    return {
        "webhooks": len(bodies),
        "paid": outcomes.count("paid"),
        "seconds": round(seconds, 2),
        "per_second": round(outcomes.count("paid") / seconds, 1) if seconds else None,
        "orders_paid": orders_paid,
        "outcomes": dict(Counter(outcomes).most_common()),
        "answer_p50_s": round(_percentile(waits, 0.5), 2),
        "answer_max_s": round(max(waits, default=0.0), 2),
        "app_cpu_ms_per_confirmation": round(cpu * 1000 / len(bodies), 1) if cpu is not None else None,
        "lock_interval_p50_ms": _median_interval_ms(issue_times),
        "pdfs_all_rendered_after_s": pdfs_after,
        "invoices_issued": after - before,
        "numbering_without_gaps": sequences == list(range(1, len(sequences) + 1)),
        "chain_intact": chain.ok,
        "chain_records": chain.checked,
    }
