"""Health, readiness, metrics, JSON logs with references, and the scrubbing of error reports."""

from __future__ import annotations

import asyncio
import json
import logging

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from care_portal.api.routes import build_api
from care_portal.models import OutboxMessage
from care_portal.observability import logs
from care_portal.observability.errors import scrub_event
from care_portal.observability.http import ObservabilityMiddleware, error_response

LOCAL = ("127.0.0.1", 40000)


def _client(local: bool = True) -> TestClient:
    app = ObservabilityMiddleware(build_api())
    return TestClient(app, client=LOCAL) if local else TestClient(app)


def test_health_answers_without_looking_at_dependencies(db):
    response = _client().get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["x-request-id"]


def test_ready_checks_database_migrations_and_storage(db):
    response = _client().get("/api/ready")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "not configured", "storage": "ok"}


def test_ready_reports_migrations_behind_head(db, engine):
    with engine.begin() as conn:
        (version,) = conn.execute(text("SELECT version_num FROM alembic_version")).one()
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    try:
        response = _client().get("/api/ready")
    finally:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": version})
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "migrations not at head"


def test_ready_fails_when_redis_is_unreachable(db, monkeypatch):
    from care_portal.config import get_settings

    monkeypatch.setattr(get_settings(), "redis_url", "redis://127.0.0.1:1/0")
    response = _client().get("/api/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"].startswith("error")


def test_metrics_are_local_only_and_count_backlog_and_routes(db):
    db.add(OutboxMessage(to_address="a@example.es", subject="Hola", body_text="…"))
    db.commit()
    client = _client()
    client.get("/api/facturas/12345.pdf")
    body = client.get("/api/metrics").text
    assert 'care_outbox_backlog{status="pending"} 1.0' in body
    assert "care_verifactu_backlog 0.0" in body
    assert 'route="/api/facturas/{id}.pdf"' in body
    assert _client(local=False).get("/api/metrics").status_code == 404
    proxied = client.get("/api/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 404


def test_a_failing_route_shows_a_reference_and_logs_it_as_json(caplog):
    def boom(_request):
        raise RuntimeError("secret detail")

    async def bare(scope, receive, send):
        boom(None)

    handled = Starlette(routes=[Route("/api/boom", boom)], exception_handlers={Exception: error_response})
    for inner in (bare, handled):
        caplog.clear()
        client = TestClient(ObservabilityMiddleware(inner), raise_server_exceptions=False)
        with caplog.at_level(logging.ERROR):
            response = client.get("/api/boom")
        assert response.status_code == 500
        assert "secret detail" not in response.text
        (record,) = [r for r in caplog.records if getattr(r, "reference", None)]
        assert f"código {record.reference}" in response.text
        line = json.loads(logs.JsonFormatter().format(record))
        assert line["reference"] == record.reference
        assert line["level"] == "error"
        assert "secret detail" in line["exc"]


def test_json_lines_carry_ids_and_never_secrets():
    logs.request_id.set("abc123")
    logs.bind_user(42)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "log-in", (), None)
    record.password = "hunter2-hunter2"
    record.session_token = "tok"
    record.duration_ms = 12.5
    line = json.loads(logs.JsonFormatter().format(record))
    logs.bind_user(None)
    logs.request_id.set("")
    assert line["request_id"] == "abc123"
    assert line["user_id"] == 42
    assert line["duration_ms"] == 12.5
    assert "hunter2" not in json.dumps(line)
    assert "tok" not in json.dumps(line)


def test_error_reports_keep_only_the_user_id():
    event = {
        "user": {"id": 7, "email": "maria@example.es", "ip_address": "203.0.113.9"},
        "request": {
            "cookies": {"cp_session": "t"},
            "data": {"password": "x"},
            "query_string": "email=maria@example.es",
            "headers": {"Cookie": "cp_session=t", "User-Agent": "Firefox", "Authorization": "Bearer x"},
        },
        "exception": {
            "values": [
                {"value": "no user maria@example.es", "stacktrace": {"frames": [{"vars": {"nif": "1"}}]}}
            ]
        },
        "breadcrumbs": {"values": [{"message": "maria@example.es"}]},
    }
    scrubbed = json.dumps(scrub_event(event))
    assert "maria" not in scrubbed
    assert "cp_session" not in scrubbed
    assert "Bearer" not in scrubbed
    assert '"id": 7' in scrubbed
    assert "Firefox" in scrubbed


def test_each_guarded_handler_is_timed_and_logged(caplog):
    from care_portal.observability import metrics
    from care_portal.state.session import guarded

    class Probe:
        _resolve_viewer = lambda self: None  # noqa: E731 - nobody logged in
        _show_viewer = lambda self, viewer: None  # noqa: E731
        lang = "es"  # the tab's language, which the handler's e-mails and texts follow
        router = type("R", (), {"url": type("U", (), {"path": "/cuenta"})()})()

        @guarded()
        def open_area(self, viewer):
            return "opened"

    def count() -> float:
        return (
            metrics.REGISTRY.get_sample_value(
                "care_event_duration_seconds_count",
                {"event": "Probe.open_area"},  # the state class and handler, as in the logs
            )
            or 0.0
        )

    before = count()
    with caplog.at_level(logging.INFO, logger="care_portal.events"):
        asyncio.run(Probe().open_area())  # anonymous: refused (off the loop), still timed
    assert count() == before + 1
    (record,) = [r for r in caplog.records if r.name == "care_portal.events"]
    assert record.duration_ms >= 0
    assert record.outcome == "ok"
