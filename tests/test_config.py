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
    monkeypatch.setenv("FILES_ENCRYPTION_KEY", "ZmRzYWZkc2FmZHNhZmRzYWZkc2FmZHNhZmRzYWZkc2E=")
    settings = Settings()
    assert settings.is_production
    assert settings.smtp_enabled
    assert settings.database_url.startswith("postgresql://")
    assert settings.stripe_secret_key == "sk_live_x"


def test_production_refuses_to_store_files_unencrypted(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", "a-real-secret-from-the-vault")
    monkeypatch.delenv("FILES_ENCRYPTION_KEY", raising=False)
    with pytest.raises(ValidationError, match="FILES_ENCRYPTION_KEY"):
        Settings(_env_file=None)


def test_local_defaults_need_nothing(monkeypatch):
    for name in ("ENVIRONMENT", "SECRET_KEY", "DATABASE_URL", "SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///")
    assert not settings.smtp_enabled
    assert not settings.stripe_secret_key


@pytest.mark.parametrize(
    ("environment", "key", "message"),
    [
        ("development", "sk_live_abc", "live Stripe key"),
        ("test", "rk_live_abc", "live Stripe key"),
        ("production", "sk_test_abc", "test Stripe key"),
    ],
)
def test_a_stripe_key_of_the_wrong_kind_is_refused_at_start(monkeypatch, environment, key, message):
    monkeypatch.setenv("ENVIRONMENT", environment)
    monkeypatch.setenv("SECRET_KEY", "a-real-secret-from-the-vault")
    monkeypatch.setenv("STRIPE_SECRET_KEY", key)
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None)


def test_test_keys_work_outside_production(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "development")
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_abc")
    assert Settings(_env_file=None).stripe_secret_key == "sk_test_abc"
