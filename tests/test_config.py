import pytest
from pydantic import ValidationError

from care_portal.config import DEFAULT_SECRET, Settings


def test_production_refuses_the_default_secret(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", DEFAULT_SECRET)
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings()


def test_production_settings_are_one_variable_each(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", "a-real-secret-from-the-vault-of-48-characters!!")
    monkeypatch.setenv("PUBLIC_URL", "https://cuidadoencasa.example")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_x")
    monkeypatch.setenv("DATABASE_URL", "postgresql://care@db/care")
    monkeypatch.setenv("SMTP_HOST", "smtp.example.es")
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_live_x")
    settings = Settings()
    assert settings.is_production
    assert settings.smtp_enabled
    assert settings.database_url.startswith("postgresql://")
    assert settings.stripe_secret_key == "sk_live_x"


def test_local_defaults_need_nothing(monkeypatch):
    for name in ("ENVIRONMENT", "SECRET_KEY", "DATABASE_URL", "SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///")
    assert not settings.smtp_enabled
    assert not settings.stripe_secret_key
