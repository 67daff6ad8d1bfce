"""Settings read from the environment or a `.env` file.

Every setting has a safe default for a local run (SQLite, captured e-mail,
simulated payments). Production refuses to start with the default secret.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-insecure-secret-change-me"  # noqa: S105 - refused outside development


class Settings(BaseSettings):
    """Application settings; each field maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: str = "development"
    secret_key: str = DEFAULT_SECRET
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'care_portal.db'}"
    redis_url: str = ""
    public_url: str = "http://localhost:3000"
    data_dir: Path = PROJECT_ROOT / "var"

    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "Cuidado en Casa <no-responder@cuidadoencasa.example>"
    team_email: str = "equipo@cuidadoencasa.example"
    outbox_poll_seconds: float = 5.0
    outbox_max_attempts: int = 30  # with back-off capped at 1 h: about a day of retries

    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""
    order_expiry_hours: int = 24  # an order still unpaid after this expires and its payment page is closed

    session_hours: int = 12
    password_reset_minutes: int = 60
    first_contact_hours: int = 24  # a task not contacted within this is flagged and escalated

    company_name: str = "Cuidado en Casa S.L."
    company_nif: str = "B12345674"
    company_address: str = "Calle Mayor 1, 28013 Madrid"

    # VERI*FACTU submission to the AEAT (off while AEAT_CERT_FILE is empty)
    aeat_mode: str = "test"  # "test" (prewww1.aeat.es) or "production" (www1.agenciatributaria.gob.es)
    aeat_endpoint: str = ""  # full URL overriding the mode's endpoint (a local stand-in in tests)
    aeat_cert_file: str = ""  # the company's client certificate, PKCS#12 (.p12/.pfx)
    aeat_cert_password: str = ""
    aeat_ca_file: str = ""  # extra CA bundle to trust for the endpoint (empty: system CAs)
    aeat_timeout_seconds: float = 60.0
    aeat_poll_seconds: float = 10.0  # how often the background sender looks for pending records
    aeat_incident_hours: int = 4  # a record not accepted after this long is an incident for admins

    # The billing software (SistemaInformatico block and the «declaración responsable»)
    software_producer_name: str = "Cuidado en Casa S.L."
    software_producer_nif: str = "B12345674"
    software_name: str = "Cuidado en Casa Facturación"
    software_id: str = "CC"
    software_version: str = "1.0"
    software_installation: str = "1"

    log_format: str = ""  # "json" or "text"; empty = text in development/test, JSON elsewhere
    log_level: str = "INFO"
    sentry_dsn: str = ""  # error tracking, off when empty
    backup_key: str = ""  # Fernet key that encrypts backups (python -m care_portal.cli.backup new-key)

    @model_validator(mode="after")
    def _refuse_unsafe_settings(self) -> Settings:
        if self.environment not in ("development", "test") and self.secret_key == DEFAULT_SECRET:
            raise ValueError("SECRET_KEY must be set outside development (falta SECRET_KEY en producción).")
        live = self.stripe_secret_key.startswith(("sk_live_", "rk_live_"))
        if live and not self.is_production:
            raise ValueError(
                "A live Stripe key is refused outside production (clave real fuera de producción)."
            )
        if self.is_production and self.stripe_secret_key and not live:
            raise ValueError("A test Stripe key is refused in production (clave de pruebas en producción).")
        if self.aeat_mode not in ("test", "production"):
            raise ValueError("AEAT_MODE must be 'test' or 'production'.")
        return self

    @property
    def is_production(self) -> bool:
        """Whether this is a production deployment."""
        return self.environment == "production"

    @property
    def effective_log_format(self) -> str:
        """``json`` or ``text``: JSON lines outside development and tests unless set."""
        if self.log_format in ("json", "text"):
            return self.log_format
        return "text" if self.environment in ("development", "test") else "json"

    @property
    def smtp_enabled(self) -> bool:
        """Whether e-mail is delivered through SMTP (otherwise it stays in the outbox)."""
        return bool(self.smtp_host)


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
