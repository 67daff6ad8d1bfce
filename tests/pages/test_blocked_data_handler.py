"""/admin/privacidad's blocked-data section, called as a raw websocket client could: only an admin who
writes down the authority reads an erased relative's kept data, and that read is audited."""

from __future__ import annotations

from sqlmodel import select

from care_portal.models import AuditEvent, Task
from care_portal.pages.admin.blocked_data import BlockedDataState
from care_portal.services.privacy import erasure
from tests.pages.test_privacy_handlers import _call, _state, _token
from tests.services.visit_helpers import build_world


def test_only_an_admin_with_a_reason_reads_blocked_data_and_the_read_is_audited(db):
    world = build_world(db)
    for task in db.exec(select(Task).where(Task.beneficiary_id == world.beneficiary_id)).all():
        task.state = "done"
        db.add(task)
    db.commit()
    erasure.erase_beneficiary(db, actor=world.client, beneficiary_id=world.beneficiary_id)
    db.commit()
    form = {"beneficiary_id": str(world.beneficiary_id), "reason": "Juzgado nº 3 de Madrid, 123/2026"}

    for email in ("maria@example.es", "gestor@example.es"):
        stranger = _state(BlockedDataState, _token(db, email), "/admin/privacidad")
        assert "sin-permiso" in str(_call(stranger, "open_blocked", form))
        assert stranger.kept == {}
    admin = _state(BlockedDataState, _token(db, "admin@example.es"), "/admin/privacidad")
    _call(admin, "open_blocked", {**form, "reason": ""})
    assert admin.kept == {}
    assert admin.field_errors["reason"]
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "privacy.blocked_data_viewed")).all() == []

    _call(admin, "open_blocked", form)
    assert admin.kept["full_name"] == "Carmen López"
    assert admin.kept["address"].startswith("Calle Mayor 1")
    [read] = db.exec(select(AuditEvent).where(AuditEvent.action == "privacy.blocked_data_viewed")).all()
    assert read.details == {"reason": "Juzgado nº 3 de Madrid, 123/2026"}

    # A relative who is not blocked is not reachable here (ordinary access applies).
    others = {"beneficiary_id": str(world.beneficiary_id + 1), "reason": "Juzgado nº 3 de Madrid"}
    _call(admin, "open_blocked", others)
    assert admin.kept == {}
    assert admin.field_errors["beneficiary_id"]
