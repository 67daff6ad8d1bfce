"""The breach register: admins only, the 72-hour clock, notification or the reason why not."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from care_portal.domain.errors import PermissionDenied, ValidationFailed
from care_portal.models import BreachRecord, Role
from care_portal.services.privacy import breaches
from tests.services.care_helpers import admin_viewer, make_user

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
FORM = breaches.BreachInput(
    summary="Portátil de un gestor robado con la sesión abierta.",
    known_day="2026-12-01",
    known_time="10:30",
    data_affected="Nombres, direcciones y notas de salud de 14 beneficiarios",
    people_affected="14",
    measures="Sesiones revocadas; contraseña cambiada.",
)


def test_a_breach_not_notified_within_72_hours_is_flagged_until_notified_or_justified(db):
    admin = admin_viewer(db)
    breach_id = breaches.record_breach(db, actor=admin, data=FORM, now=NOW)
    db.commit()
    row = breaches.list_breaches(db, actor=admin, now=NOW)[0]
    assert (row.known, row.notify_by, row.overdue) == ("01/12/2026 10:30", "04/12/2026 10:30", False)
    assert breaches.list_breaches(db, actor=admin, now=NOW + timedelta(days=2))[0].overdue is True
    with pytest.raises(ValidationFailed) as caught:
        breaches.record_notification(db, actor=admin, breach_id=breach_id, day="", time_of_day="", reason="")
    assert caught.value.errors == {"not_notified_reason": "privacy.breach.reason_required"}
    breaches.record_notification(db, actor=admin, breach_id=breach_id, day="2026-12-02", time_of_day="12:00")
    db.commit()
    row = breaches.list_breaches(db, actor=admin, now=NOW + timedelta(days=5))[0]
    assert (row.notified, row.overdue) == ("02/12/2026 12:00", False)


def test_bad_facts_are_refused_at_their_field_and_nothing_is_stored(db):
    admin = admin_viewer(db)
    bad = breaches.BreachInput("x", "2027-01-01", "10:00", "", "-3", "")
    with pytest.raises(ValidationFailed) as caught:
        breaches.record_breach(db, actor=admin, data=bad, now=NOW)
    assert caught.value.errors == {
        "summary": "privacy.breach.summary_required",
        "known_day": "privacy.breach.future",
        "people_affected": "privacy.breach.bad_count",
    }
    db.rollback()
    assert db.exec(select(BreachRecord)).all() == []


def test_only_admins_see_or_write_the_register(db):
    manager = make_user(db, "g@example.es", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        breaches.record_breach(db, actor=manager, data=FORM, now=NOW)
    with pytest.raises(PermissionDenied):
        breaches.list_breaches(db, actor=manager)
