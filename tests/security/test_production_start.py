"""Production refuses to start without what makes it safe; simulated payments never exist there."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from care_portal.config import DEFAULT_SECRET, Settings
from care_portal.integrations.payments import (
    PaymentsNotConfigured,
    SimulatedProvider,
    WebhookRejected,
    get_provider,
    sign_payload,
)

PRODUCTION = {
    "ENVIRONMENT": "production",
    "SECRET_KEY": "x" * 48,
    "STRIPE_SECRET_KEY": "sk_live_x",
    "STRIPE_WEBHOOK_SECRET": "whsec_x",
    "PUBLIC_URL": "https://cuidadoencasa.example",
    "SMTP_HOST": "smtp.example.es",
    "FILES_ENCRYPTION_KEY": "ZmRzYWZkc2FmZHNhZmRzYWZkc2FmZHNhZmRzYWZkc2E=",
}


def _settings(monkeypatch, **env: str) -> Settings:
    for name in (
        "ENVIRONMENT",
        "SECRET_KEY",
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
        "PUBLIC_URL",
        "SMTP_HOST",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)


def test_environment_defaults_to_development(monkeypatch):
    settings = _settings(monkeypatch)
    assert settings.environment == "development"
    assert not settings.is_production


def test_production_without_stripe_keys_refuses_to_start_and_lists_every_missing_setting(monkeypatch):
    with pytest.raises(ValidationError) as refusal:
        _settings(monkeypatch, ENVIRONMENT="production", PUBLIC_URL="http://example.es")
    message = str(refusal.value)
    for name in ("SECRET_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "PUBLIC_URL", "SMTP_HOST"):
        assert name in message


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STRIPE_SECRET_KEY", ""),
        ("STRIPE_WEBHOOK_SECRET", ""),
        ("SECRET_KEY", "short-but-not-default"),
        ("SECRET_KEY", DEFAULT_SECRET),
        ("PUBLIC_URL", "http://cuidadoencasa.example"),
        ("SMTP_HOST", ""),
    ],
)
def test_production_refuses_each_missing_or_weak_setting(monkeypatch, name, value):
    with pytest.raises(ValidationError, match=name):
        _settings(monkeypatch, **{**PRODUCTION, name: value})


def test_complete_production_settings_start_without_simulated_payments(monkeypatch):
    settings = _settings(monkeypatch, **PRODUCTION)
    assert settings.is_production
    assert not settings.simulated_payments_allowed
    assert get_provider(settings).name == "stripe"


def test_no_provider_at_all_in_production_without_stripe_even_if_settings_were_bypassed(monkeypatch):
    settings = _settings(monkeypatch, **PRODUCTION).model_copy(update={"stripe_secret_key": ""})
    with pytest.raises(PaymentsNotConfigured):
        get_provider(settings)


def test_staging_is_allowed_without_stripe_but_needs_a_secret(monkeypatch):
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        _settings(monkeypatch, ENVIRONMENT="staging")
    settings = _settings(
        monkeypatch, ENVIRONMENT="staging", SECRET_KEY="s" * 40, PUBLIC_URL="https://127.0.0.1:8443"
    )
    assert get_provider(settings).name == "simulated"


def test_unknown_environment_is_refused(monkeypatch):
    with pytest.raises(ValidationError, match="ENVIRONMENT"):
        _settings(monkeypatch, ENVIRONMENT="prod")


def test_the_simulated_webhook_secret_is_never_the_public_default(monkeypatch):
    settings = _settings(monkeypatch)
    provider = get_provider(settings)
    assert isinstance(provider, SimulatedProvider)
    body = json.dumps(
        {
            "id": "evt_forged",
            "type": "checkout.session.completed",
            "data": {"object": {"id": "sim_x", "payment_status": "paid", "metadata": {"order": "P-1"}}},
        }
    ).encode()
    for guess in (DEFAULT_SECRET, settings.secret_key, "", "test-secret"):
        with pytest.raises(WebhookRejected):
            provider.parse_webhook(body, sign_payload(body, guess))
    staged = _settings(monkeypatch, ENVIRONMENT="staging", SECRET_KEY="k" * 40)
    assert staged.simulated_webhook_secret not in (staged.secret_key, settings.simulated_webhook_secret)


def test_the_simulated_payment_page_is_not_served_in_production(monkeypatch):
    from care_portal import routes
    from care_portal.care_portal import pages_to_serve

    production = _settings(monkeypatch, **PRODUCTION)
    development = _settings(monkeypatch)
    assert routes.PAY_SIMULATED in {page[0] for page in pages_to_serve(development)}
    assert routes.PAY_SIMULATED not in {page[0] for page in pages_to_serve(production)}
    assert routes.CHECKOUT in {page[0] for page in pages_to_serve(production)}


def test_only_production_refuses_the_loopback_twin_of_the_public_origin(monkeypatch):
    staging = _settings(
        monkeypatch, ENVIRONMENT="staging", SECRET_KEY="s" * 40, PUBLIC_URL="https://127.0.0.1:8443/"
    )
    assert staging.allowed_origins == ("https://127.0.0.1:8443", "https://localhost:8443")
    production = _settings(monkeypatch, **{**PRODUCTION, "PUBLIC_URL": "https://localhost:8443"})
    assert production.allowed_origins == ("https://localhost:8443",)
    assert _settings(monkeypatch, **PRODUCTION).allowed_origins == ("https://cuidadoencasa.example",)
