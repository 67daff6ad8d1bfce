"""Settings read from the environment or a `.env` file.

Every setting has a safe default for a local run (SQLite, captured e-mail,
simulated payments). Production refuses to start until every setting it needs
is there, and says which ones are missing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-insecure-secret-change-me"  # noqa: S105 - refused outside development
ENVIRONMENTS = ("development", "test", "staging", "production")
MIN_SECRET_LENGTH = 32
_PROCESS_SIMULATION_SECRET = secrets.token_hex(32)  # never a value anyone could read in the code


class Settings(BaseSettings):
    """Application settings; each field maps to an upper-case environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: str = "development"
    secret_key: str = DEFAULT_SECRET
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'care_portal.db'}"
    redis_url: str = ""
    # PostgreSQL connections per worker process (SQLAlchemy's QueuePool): at most size + overflow
    # at once; a request that finds none waits DB_POOL_TIMEOUT seconds, then fails (500).
    db_pool_size: int = 10
    db_max_overflow: int = 10
    db_pool_timeout: float = 30.0
    # Payment webhooks applied at once per worker; the others wait their turn without a thread
    # or a connection (confirmations serialize on the invoice numbering lock anyway).
    webhook_concurrency: int = 4
    public_url: str = "http://localhost:3000"
    data_dir: Path = PROJECT_ROOT / "var"
    trusted_proxy_hops: int = 0  # reverse proxies in front of the app that append X-Forwarded-For
    reflex_api_url: str = ""  # Reflex's own setting (the exported frontend's socket), checked below

    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "Cuidado en Casa <no-responder@cuidadoencasa.example>"
    team_email: str = "equipo@cuidadoencasa.example"
    outbox_poll_seconds: float = 5.0
    outbox_max_attempts: int = 30  # with back-off capped at 1 h: about a day of retries
    invoice_pdf_poll_seconds: float = 2.0  # how often each worker renders the PDFs of new invoices
    invoice_pdf_max_defer_seconds: float = 60.0  # …giving way to webhooks in flight at most this long

    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""
    order_expiry_hours: int = 24  # an order still unpaid after this expires and its payment page is closed

    files_encryption_key: str = ""  # Fernet key(s), comma-separated; required in production
    candidate_retention_months: int = 12  # rejected candidates' CVs and answers, unless in the pool

    session_hours: int = 12
    session_idle_minutes: int = 60
    password_reset_minutes: int = 60
    first_contact_hours: int = 24  # a task not contacted within this is flagged and escalated
    check_in_early_minutes: int = 120  # a visit can be checked in from this long before its start…
    check_in_late_minutes: int = 240  # …until this long after it (outside: an admin's exception)
    circle_invitation_days: int = 7  # a family-circle invitation link works this long, once
    message_unread_email_minutes: int = 30  # a message unread this long is e-mailed to its reader
    message_digest_minutes: int = 60  # at most one unread-messages e-mail per recipient this often
    message_poll_seconds: float = 5.0  # an open conversation checks for new messages this often

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
    def _refuse_unsafe_start(self) -> Settings:
        problems = startup_problems(self)
        if problems:
            raise ValueError(
                f"ENVIRONMENT={self.environment} cannot start (no puede arrancar): " + "; ".join(problems)
            )
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

    @property
    def simulated_payments_allowed(self) -> bool:
        """Whether the simulated payment provider and its page may exist (never in production)."""
        return not self.is_production and not self.stripe_secret_key

    @property
    def simulated_webhook_secret(self) -> str:
        """The key that signs simulated payment events.

        Derived from ``SECRET_KEY`` when one is set; with the public default secret it is
        random per process, so nobody can sign a simulated "paid" event from outside.
        """
        if self.secret_key == DEFAULT_SECRET:
            return _PROCESS_SIMULATION_SECRET
        return hmac.new(self.secret_key.encode(), b"simulated-payments", hashlib.sha256).hexdigest()

    @property
    def public_origin(self) -> str:
        """The scheme, host and port of ``PUBLIC_URL``: the only origin browsers may call from."""
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """The origins browsers may call the app from.

        ``PUBLIC_URL``'s origin, and outside production also its loopback twin (``localhost`` and
        ``127.0.0.1``) for local runs.
        """
        origin = self.public_origin
        if self.is_production:
            return (origin,)
        scheme, _, host = origin.partition("://")
        twins = {"localhost": "127.0.0.1", "127.0.0.1": "localhost"}
        name, colon, port = host.partition(":")
        if name in twins:
            return (origin, f"{scheme}://{twins[name]}{colon}{port}")
        return (origin,)

    @property
    def uses_https(self) -> bool:
        """Whether the public address is served over TLS (so cookies are Secure and HSTS is sent)."""
        return self.public_url.lower().startswith("https://")


def startup_problems(settings: Settings) -> list[str]:
    """List every setting that keeps this environment from starting (empty when all is well).

    Development and test start with the defaults. Staging needs a real secret. Production
    needs everything that makes it safe: a long secret, Stripe's keys (no simulated
    payments), an SMTP server and an https public address.

    Args:
        settings: The settings read from the environment.

    Returns:
        One line per problem, naming the variable.
    """
    env = settings.environment
    if env not in ENVIRONMENTS:
        return [f"ENVIRONMENT must be one of {', '.join(ENVIRONMENTS)}"]
    problems: list[str] = []
    live = settings.stripe_secret_key.startswith(("sk_live_", "rk_live_"))
    if live and env != "production":
        problems.append("STRIPE_SECRET_KEY: a live Stripe key is refused outside production")
    if env == "production" and settings.stripe_secret_key and not live:
        problems.append("STRIPE_SECRET_KEY: a test Stripe key is refused in production")
    if settings.aeat_mode not in ("test", "production"):
        problems.append("AEAT_MODE must be 'test' or 'production'")
    if env == "production" and not settings.files_encryption_key:
        problems.append("FILES_ENCRYPTION_KEY is missing (private files would be stored unencrypted)")
    if settings.trusted_proxy_hops < 0:
        problems.append("TRUSTED_PROXY_HOPS must be 0 or more")
    if env in ("development", "test"):
        return problems
    if settings.secret_key == DEFAULT_SECRET:
        problems.append("SECRET_KEY is missing (falta SECRET_KEY)")
    problems.extend(_socket_address_problems(settings))
    if env != "production":
        return problems
    if settings.secret_key != DEFAULT_SECRET and len(settings.secret_key) < MIN_SECRET_LENGTH:
        problems.append(f"SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters")
    if not settings.stripe_secret_key:
        problems.append("STRIPE_SECRET_KEY is missing (no simulated payments in production)")
    if not settings.stripe_webhook_secret:
        problems.append("STRIPE_WEBHOOK_SECRET is missing")
    if not settings.smtp_host:
        problems.append("SMTP_HOST is missing (e-mail would never leave the outbox)")
    parts = urlsplit(settings.public_url)
    if parts.scheme != "https" or not parts.netloc:
        problems.append("PUBLIC_URL must be the https:// address people use")
    return problems


def _socket_address_problems(settings: Settings) -> list[str]:
    """Check that the frontend's event socket goes to the pages' own origin (behind a proxy).

    The log-in cookie is set on the host of the page; a socket opened to any other host (even
    ``127.0.0.1`` for ``localhost``) arrives without it, and nobody stays logged in. Reflex's
    frontend also rewrites a ``localhost`` socket address to the page's host *on port 443* over
    https, so such an address only works on the default port.
    """
    if not settings.reflex_api_url:
        return []
    api = urlsplit(settings.reflex_api_url)
    if f"{api.scheme}://{api.netloc}".lower() != settings.public_origin:
        return [f"REFLEX_API_URL must be PUBLIC_URL's origin ({settings.public_origin})"]
    if api.scheme == "https" and api.hostname in ("localhost", "0.0.0.0") and api.port not in (None, 443):  # noqa: S104
        return ["REFLEX_API_URL: https://localhost works only on port 443; use 127.0.0.1 with another port"]
    return []


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
