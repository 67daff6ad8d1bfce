import re
from datetime import timedelta

import pytest
from passlib.hash import argon2
from sqlmodel import select

from care_portal.domain.errors import (
    DomainError,
    PermissionDenied,
    TooManyAttempts,
    ValidationFailed,
)
from care_portal.models import AuditEvent, OutboxMessage, Role, User
from care_portal.models.types import utcnow
from care_portal.services import accounts

PASSWORD = "un paseo por el Retiro"


def _sign_up(db, email="maria@example.es", role=Role.CLIENT):
    viewer = accounts.sign_up(db, full_name="María López", email=email, password=PASSWORD, role=role)
    db.commit()
    return viewer


def test_sign_up_stores_a_hash_and_normalised_email(db):
    viewer = _sign_up(db, email="  Maria@Example.ES")
    user = db.get(User, viewer.id)
    assert user.email == "maria@example.es"
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert not hasattr(viewer, "password_hash")


def test_duplicate_email_is_refused_whatever_the_case(db):
    _sign_up(db)
    with pytest.raises(ValidationFailed) as caught:
        accounts.sign_up(db, full_name="Otra", email="MARIA@example.es", password=PASSWORD)
    assert caught.value.errors == {"email": "auth.email_taken"}


def test_sign_up_reports_every_bad_field(db):
    with pytest.raises(ValidationFailed) as caught:
        accounts.sign_up(db, full_name="", email="not-an-email", password="short")
    assert caught.value.errors == {
        "full_name": "auth.name_required",
        "email": "auth.email_invalid",
        "password": "password.too_short",
    }
    assert db.exec(select(User)).all() == []


def test_log_in_opens_a_session_that_resolves_to_the_user(db):
    viewer = _sign_up(db)
    result = accounts.log_in(db, email="MARIA@example.es", password=PASSWORD, client_ip="127.0.0.1")
    db.commit()
    assert result.viewer.id == viewer.id
    assert accounts.resolve_session(db, token=result.token).email == "maria@example.es"
    assert accounts.resolve_session(db, token=result.token + "x") is None
    assert accounts.resolve_session(db, token="") is None


def test_wrong_password_and_unknown_email_get_the_same_answer(db):
    _sign_up(db)
    with pytest.raises(DomainError) as wrong:
        accounts.log_in(db, email="maria@example.es", password="not the password")
    with pytest.raises(DomainError) as unknown:
        accounts.log_in(db, email="nobody@example.es", password=PASSWORD)
    assert wrong.value.key == unknown.value.key == "auth.bad_credentials"


def test_session_expires_and_can_be_revoked(db):
    _sign_up(db)
    result = accounts.log_in(db, email="maria@example.es", password=PASSWORD)
    db.commit()
    later = utcnow() + timedelta(hours=13)
    assert accounts.resolve_session(db, token=result.token, now=later) is None
    accounts.log_out(db, token=result.token)
    db.commit()
    assert accounts.resolve_session(db, token=result.token) is None


def test_log_out_everywhere_revokes_every_session(db):
    _sign_up(db)
    first = accounts.log_in(db, email="maria@example.es", password=PASSWORD)
    second = accounts.log_in(db, email="maria@example.es", password=PASSWORD)
    db.commit()
    assert accounts.log_out_everywhere(db, actor=first.viewer) == 2
    db.commit()
    assert accounts.resolve_session(db, token=first.token) is None
    assert accounts.resolve_session(db, token=second.token) is None


def test_repeated_failures_slow_down_the_account(db):
    _sign_up(db)
    now = utcnow()
    for _ in range(accounts.ACCOUNT_FREE_FAILURES):
        with pytest.raises(DomainError):
            accounts.log_in(db, email="maria@example.es", password="wrong guess!", now=now)
    with pytest.raises(TooManyAttempts) as caught:
        accounts.log_in(db, email="maria@example.es", password=PASSWORD, now=now + timedelta(seconds=5))
    assert 0 < caught.value.retry_after_seconds <= 30
    # After the wait, the right password works again.
    assert accounts.log_in(db, email="maria@example.es", password=PASSWORD, now=now + timedelta(seconds=31))
    db.commit()
    # A success starts the count again: the next mistake is an ordinary wrong password.
    with pytest.raises(DomainError) as after_success:
        accounts.log_in(
            db, email="maria@example.es", password="wrong guess!", now=now + timedelta(seconds=40)
        )
    assert after_success.value.key == "auth.bad_credentials"


def test_repeated_failures_slow_down_the_address(db):
    now = utcnow()
    for n in range(accounts.ADDRESS_FREE_FAILURES):
        with pytest.raises(DomainError):
            accounts.log_in(
                db, email=f"user{n}@example.es", password="wrong guess!", client_ip="10.0.0.9", now=now
            )
    with pytest.raises(TooManyAttempts):
        accounts.log_in(db, email="other@example.es", password="wrong guess!", client_ip="10.0.0.9", now=now)
    with pytest.raises(DomainError) as other_address:
        accounts.log_in(db, email="other@example.es", password="wrong guess!", client_ip="10.0.0.8", now=now)
    assert other_address.value.key == "auth.bad_credentials"


def test_password_reset_link_is_single_use_and_expires(db):
    viewer = _sign_up(db)
    session_before = accounts.log_in(db, email="maria@example.es", password=PASSWORD)
    accounts.request_password_reset(db, email="maria@example.es")
    db.commit()
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.kind == "password_reset")).one()
    assert mail.to_address == "maria@example.es"
    token = re.search(r"token=([\w-]+)", mail.body_text).group(1)

    accounts.reset_password(db, token=token, new_password="otra frase muy segura")
    db.commit()
    assert (
        accounts.log_in(db, email="maria@example.es", password="otra frase muy segura").viewer.id == viewer.id
    )
    assert accounts.resolve_session(db, token=session_before.token) is None
    with pytest.raises(DomainError) as reused:
        accounts.reset_password(db, token=token, new_password="y otra frase distinta")
    assert reused.value.key == "auth.reset_invalid"


def test_expired_or_forged_reset_link_changes_nothing(db):
    _sign_up(db)
    accounts.request_password_reset(db, email="maria@example.es", now=utcnow() - timedelta(hours=2))
    db.commit()
    token = re.search(r"token=([\w-]+)", db.exec(select(OutboxMessage)).one().body_text).group(1)
    for bad in (token, "forged-token", ""):
        with pytest.raises(DomainError) as caught:
            accounts.reset_password(db, token=bad, new_password="otra frase muy segura")
        assert caught.value.key == "auth.reset_invalid"
    assert accounts.log_in(db, email="maria@example.es", password=PASSWORD)


def test_reset_request_for_unknown_email_sends_nothing(db):
    accounts.request_password_reset(db, email="nobody@example.es")
    db.commit()
    assert db.exec(select(OutboxMessage)).all() == []
    with pytest.raises(ValidationFailed):
        accounts.request_password_reset(db, email="not an email")


def test_change_password_needs_the_current_one(db):
    viewer = _sign_up(db)
    with pytest.raises(ValidationFailed) as caught:
        accounts.change_password(
            db, actor=viewer, current_password="wrong one", new_password="otra frase segura"
        )
    assert caught.value.errors == {"current_password": "auth.current_password_wrong"}
    accounts.change_password(db, actor=viewer, current_password=PASSWORD, new_password="otra frase segura")
    db.commit()
    assert accounts.log_in(db, email="maria@example.es", password="otra frase segura")


def test_profile_update_validates_phone(db):
    viewer = _sign_up(db)
    with pytest.raises(ValidationFailed) as caught:
        accounts.update_profile(db, actor=viewer, full_name="María López", phone="12", language="es")
    assert caught.value.errors == {"phone": "field.phone_invalid"}
    updated = accounts.update_profile(
        db, actor=viewer, full_name="María  López", phone="612345678", language="en"
    )
    assert (updated.full_name, updated.phone, updated.language) == ("María López", "+34612345678", "en")


def test_only_admins_list_users_and_change_roles(db):
    client = _sign_up(db)
    admin = _sign_up(db, email="admin@example.es", role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        accounts.list_users(db, actor=client)
    with pytest.raises(PermissionDenied):
        accounts.set_role(db, actor=client, user_id=client.id, role="admin")
    accounts.set_role(db, actor=admin, user_id=client.id, role="manager")
    db.commit()
    assert db.get(User, client.id).role == "manager"
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "admin.role_changed")).one()
    assert event.details == {"from": "client", "to": "manager"}
    with pytest.raises(ValidationFailed):
        accounts.set_role(db, actor=admin, user_id=admin.id, role="client")
    assert [u.email for u in accounts.list_users(db, actor=admin)] == ["admin@example.es", "maria@example.es"]


def test_old_hash_parameters_are_upgraded_at_log_in(db):
    viewer = _sign_up(db)
    user = db.get(User, viewer.id)
    user.password_hash = argon2.using(memory_cost=8192, time_cost=1, parallelism=1).hash(PASSWORD)
    db.add(user)
    db.commit()
    old_hash = user.password_hash
    accounts.log_in(db, email="maria@example.es", password=PASSWORD)
    db.commit()
    db.refresh(user)
    assert user.password_hash != old_hash
    assert "m=19456,t=2" in user.password_hash
