"""The edge of the app: what every HTTP request and response passes through first.

One ASGI middleware around everything Reflex serves (pages, events, uploads, our
routes). It:

- takes the client's address from ``X-Forwarded-For`` only through the configured
  number of trusted reverse proxies (``TRUSTED_PROXY_HOPS``);
- refuses request bodies over a per-route cap with 413 before the app reads them
  (by ``Content-Length``; a body without one is read only up to the cap first);
- refuses uploads from anyone without a valid log-in session, before reading them;
- lets browsers share responses only with the app's own origin (``PUBLIC_URL``), and
  accepts the event websocket only from it;
- hands Reflex the event websocket's cookies with the session token replaced by its
  reference (``domain.sessions``), so the app's state never holds a usable token;
- adds the security headers: CSP, frame refusal, HSTS (https production), Referrer-
  and Permissions-Policy, nosniff.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from care_portal.config import Settings, get_settings
from care_portal.domain.sessions import (
    SESSION_COOKIE,
    SESSION_REF_COOKIE,
    read_cookie,
    session_ref,
)
from care_portal.domain.upload_limits import UPLOAD_REQUEST_MAX_BYTES

KIB = 1024
UPLOAD_PATH = "/_upload"
WEBHOOK_PATH = "/api/pagos/webhook"
BODY_LIMITS = {
    UPLOAD_PATH: UPLOAD_REQUEST_MAX_BYTES,  # the largest pick a form takes (domain.upload_limits)
    WEBHOOK_PATH: 256 * KIB,
}
DEFAULT_BODY_LIMIT = 64 * KIB  # forms and JSON; nothing else posts more

PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        # Reflex's hydration data is inline, and the toasts and scripts it sends from the
        # server run through eval() in its state.js: both are needed, nothing from elsewhere.
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",  # Emotion and Radix insert <style> elements
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self' {websocket}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
FILE_CSP = "frame-ancestors 'none'"  # PDFs and images shown inline: the browser's viewer must run
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()"
HSTS = "max-age=31536000; includeSubDomains"


@dataclass(frozen=True)
class EdgePolicy:
    """What the edge enforces, derived once from the settings."""

    origins: tuple[str, ...]
    proxy_hops: int
    hsts: bool

    @property
    def websocket_origins(self) -> list[str]:
        """The event websocket's URLs origins for ``connect-src`` (ws:// or wss://)."""
        return [
            origin.replace("https://", "wss://", 1).replace("http://", "ws://", 1) for origin in self.origins
        ]

    @classmethod
    def from_settings(cls, settings: Settings) -> EdgePolicy:
        """Build the policy from the settings."""
        return cls(
            origins=settings.allowed_origins,
            proxy_hops=settings.trusted_proxy_hops,
            hsts=settings.is_production and settings.uses_https,
        )


def body_limit(path: str) -> int:
    """Return the largest request body accepted on a path."""
    for prefix, limit in BODY_LIMITS.items():
        if path == prefix or path.startswith(prefix + "/"):
            return limit
    return DEFAULT_BODY_LIMIT


def client_address(scope: Scope, proxy_hops: int) -> str:
    """Return the real client's address given how many trusted proxies append ``X-Forwarded-For``.

    With ``proxy_hops`` = 0 the socket's peer is the client. With N proxies, the N-th address
    from the right of ``X-Forwarded-For`` is the one the outermost trusted proxy saw; addresses
    further left were written by the client and are ignored.
    """
    peer = (scope.get("client") or ("", 0))[0]
    if proxy_hops <= 0:
        return peer
    forwarded = [
        value.decode("latin-1") for name, value in scope.get("headers", []) if name == b"x-forwarded-for"
    ]
    hops = [part.strip() for part in ",".join(forwarded).split(",") if part.strip()]
    return hops[-proxy_hops] if len(hops) >= proxy_hops else peer


async def _read_capped(receive: Receive, limit: int) -> list[Message] | None:
    """Read a body of unknown length, stopping (and returning None) as soon as it passes ``limit``."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """Hand the app the messages already read, then whatever comes next."""
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


def _cookie(scope: Scope, name: str) -> str:
    return read_cookie(_header(scope, b"cookie"), name)


def event_socket_cookies(header: str) -> str:
    """Return the ``Cookie`` header the event websocket passes on to Reflex.

    The session token becomes its reference (``cp_sid``), which is all the app's state needs
    to find the session and is useless as a cookie; a ``cp_sid`` sent by the browser is dropped.
    """
    kept = []
    token = ""
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == SESSION_COOKIE:
            token = value
        elif name and name != SESSION_REF_COOKIE:
            kept.append(f"{name}={value}")
    if token:
        kept.append(f"{SESSION_REF_COOKIE}={session_ref(token)}")
    return "; ".join(kept)


def _has_session(token: str) -> bool:
    from care_portal.db import session_scope
    from care_portal.services import accounts

    with session_scope() as session:
        return accounts.resolve_session(session, token=token) is not None


class EdgeMiddleware:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, *, policy: EdgePolicy, session_check=_has_session) -> None:
        """Wrap ``app``.

        Args:
            app: The ASGI app behind the edge.
            policy: Origin, proxies and HSTS.
            session_check: Says whether a session token is valid (uploads need one).
        """
        self.app = app
        self.policy = policy
        self.session_check = session_check

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["client"] = (client_address(scope, self.policy.proxy_hops), (scope.get("client") or ("", 0))[1])
        origin = _header(scope, b"origin").lower()
        if scope["type"] == "websocket":
            if origin and origin not in self.policy.origins:
                await send({"type": "websocket.close", "code": 1008})
                return
            cookies = event_socket_cookies(_header(scope, b"cookie")).encode("latin-1")
            scope["headers"] = [(k, v) for k, v in scope.get("headers", []) if k != b"cookie"]
            if cookies:
                scope["headers"].append((b"cookie", cookies))
            await self.app(scope, receive, send)
            return
        await self._http(scope, receive, send, origin)

    async def _http(self, scope: Scope, receive: Receive, send: Send, origin: str) -> None:
        path = scope.get("path", "")
        limit = body_limit(path)
        declared = _header(scope, b"content-length")
        if declared and (not declared.isdigit() or int(declared) > limit):
            await self._refuse(scope, send, 413, b"Demasiado grande / Request too large")
            return
        if body_limit(path) == BODY_LIMITS[UPLOAD_PATH] and scope.get("method") == "POST":
            token = _cookie(scope, SESSION_COOKIE)
            if not token or not await run_in_threadpool(self.session_check, token):
                await self._refuse(scope, send, 403, b"Sin acceso / Forbidden")
                return

        if not declared and scope.get("method") in ("POST", "PUT", "PATCH"):
            buffered = await _read_capped(receive, limit)
            if buffered is None:
                await self._refuse(scope, send, 413, b"Demasiado grande / Request too large")
                return
            receive = _replay(buffered, receive)

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = self._response_headers(scope, message.get("headers", []), origin)
            await send(message)

        await self.app(scope, receive, secured_send)

    async def _refuse(self, scope: Scope, send: Send, status: int, body: bytes) -> None:
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        if status == 413:
            headers.append((b"connection", b"close"))
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": self._response_headers(scope, headers, ""),
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _response_headers(self, scope: Scope, headers: list, origin: str) -> list:
        """Drop CORS grants to foreign origins and add the security headers the app did not set."""
        foreign = bool(origin) and origin not in self.policy.origins
        kept = [
            (name, value)
            for name, value in headers
            if not (foreign and name.lower().startswith(b"access-control-"))
        ]
        present = {name.lower() for name, _ in kept}
        csp = self._csp(scope.get("path", ""), dict(kept).get(b"content-type", b""))
        wanted = [
            (b"content-security-policy", csp),
            (b"x-frame-options", "DENY"),
            (b"x-content-type-options", "nosniff"),
            (b"referrer-policy", "same-origin"),
            (b"permissions-policy", PERMISSIONS_POLICY),
            (b"cross-origin-opener-policy", "same-origin"),
        ]
        if self.policy.hsts:
            wanted.append((b"strict-transport-security", HSTS))
        kept.extend((name, value.encode()) for name, value in wanted if name not in present)
        return kept

    def _csp(self, path: str, content_type: bytes) -> str:
        if not path.startswith("/api/"):
            return PAGE_CSP.format(websocket=" ".join(self.policy.websocket_origins))
        if content_type.startswith((b"application/pdf", b"image/")):
            return FILE_CSP
        return API_CSP


def edge_middleware(app: ASGIApp) -> ASGIApp:
    """Wrap the Reflex backend in the edge (used as the app's last ``api_transformer``)."""
    return EdgeMiddleware(app, policy=EdgePolicy.from_settings(get_settings()))
