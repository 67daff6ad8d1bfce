"""The invoice PDF queue on the metrics endpoint and in the alert rules: waiting, oldest, failed."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import text, update
from sqlmodel import Session

from care_portal.config import PROJECT_ROOT
from care_portal.models import InvoicePdfJob
from care_portal.models.types import utcnow
from care_portal.services import invoice_documents, invoice_pdf_queue
from tests.ops.test_observability import _client
from tests.services.invoice_helpers import issue, make_user
from tests.tools.statements import count_statements

ALERTS = PROJECT_ROOT / "deploy" / "prometheus" / "alerts.yml"


def _gauge(body: str, name: str) -> float:
    match = re.search(rf"^{name} (\S+)$", body, re.MULTILINE)
    assert match, f"{name} is not on /api/metrics"
    return float(match.group(1))


def _queue_two_invoices_one_old_and_failed(db, monkeypatch) -> None:
    client = make_user(db, "carmen@example.es")
    first = issue(db, client.id)
    issue(db, client.id)
    db.exec(
        update(InvoicePdfJob)
        .where(InvoicePdfJob.invoice_id == first.id)
        .values(queued_at=utcnow() - timedelta(minutes=10))
    )
    db.commit()

    def broken(*_args, **_kwargs):
        raise OSError("fonts missing")

    monkeypatch.setattr(invoice_documents.pdf, "render_pdf", broken)
    assert invoice_documents.render_queued(limit=1) == 0
    monkeypatch.undo()


def test_the_endpoint_counts_waiting_old_and_failed_pdfs_until_they_are_rendered(db, monkeypatch):
    body = _client().get("/api/metrics").text
    assert _gauge(body, "care_invoice_pdf_jobs_waiting") == 0
    assert _gauge(body, "care_invoice_pdf_oldest_waiting_seconds") == 0
    _queue_two_invoices_one_old_and_failed(db, monkeypatch)

    body = _client().get("/api/metrics").text
    assert _gauge(body, "care_invoice_pdf_jobs_waiting") == 2
    assert _gauge(body, "care_invoice_pdf_jobs_failed") == 1
    assert 600 <= _gauge(body, "care_invoice_pdf_oldest_waiting_seconds") < 660

    # The failed job is tried again once its claim runs out; then everything is rendered.
    assert invoice_documents.render_queued(now=utcnow() + invoice_documents.CLAIM + timedelta(seconds=1)) == 2
    body = _client().get("/api/metrics").text
    assert _gauge(body, "care_invoice_pdf_jobs_waiting") == 0
    assert _gauge(body, "care_invoice_pdf_jobs_failed") == 0
    assert _gauge(body, "care_invoice_pdf_oldest_waiting_seconds") == 0


def test_the_figures_come_from_one_statement_over_the_queue_index(db, engine):
    client = make_user(db, "carmen@example.es")
    for _ in range(3):
        issue(db, client.id)
    with Session(engine) as session, count_statements(engine) as log:
        health = invoice_pdf_queue.queue_health(session)
    assert (health.waiting, health.failed, log.count) == (3, 0, 1)
    if engine.dialect.name == "sqlite":
        plan = " ".join(str(row[-1]) for row in db.exec(text("EXPLAIN QUERY PLAN " + log[0])))
        assert "COVERING INDEX ix_invoice_pdf_jobs_queued" in plan, plan


def test_the_alert_rules_watch_gauges_the_endpoint_exposes(db):
    rules = ALERTS.read_text(encoding="utf-8")
    expressions = re.findall(r"^\s*expr: (.+)$", rules, re.MULTILINE)
    assert len(expressions) == 2
    body = _client().get("/api/metrics").text
    for expression in expressions:
        for name in re.findall(r"care_\w+", expression):
            _gauge(body, name)
    stale = next(e for e in expressions if "oldest_waiting_seconds" in e)
    assert stale.endswith(f"> {int(invoice_pdf_queue.STALE_AFTER.total_seconds())}")
