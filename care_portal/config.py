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
    outbox_max_attempts: int = 8

    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""

    files_encryption_key: str = ""  # Fernet key(s), comma-separated; required in production
    candidate_retention_months: int = 12  # rejected candidates' CVs and answers, unless in the pool

    session_hours: int = 12
    password_reset_minutes: int = 60
    first_contact_hours: int = 24  # a task not contacted within this is flagged and escalated

    company_name: str = "Cuidado en Casa S.L."
    company_nif: str = "B12345674"
    company_address: str = "Calle Mayor 1, 28013 Madrid"
    verifactu_sender: str = ""  # "module:factory" of an AEAT record sender; empty = off

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.environment not in ("development", "test") and self.secret_key == DEFAULT_SECRET:
            raise ValueError("SECRET_KEY must be set outside development (falta SECRET_KEY en producción).")
        if self.environment == "production" and not self.files_encryption_key:
            raise ValueError(
                "FILES_ENCRYPTION_KEY must be set in production (falta FILES_ENCRYPTION_KEY en producción)."
            )
        return self

    @property
    def is_production(self) -> bool:
        """Whether this is a production deployment."""
        return self.environment == "production"

    @property
    def smtp_enabled(self) -> bool:
        """Whether e-mail is delivered through SMTP (otherwise it stays in the outbox)."""
        return bool(self.smtp_host)


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
