"""ASGI middleware around the whole backend: request ids, access log lines, route metrics.

A failing route answers a plain page with a reference code instead of a stack trace.
"""

from __future__ import annotations

import logging
import time

from starlette.responses import PlainTextResponse

from care_portal.observability import logs, metrics

logger = logging.getLogger("care_portal.http")

ERROR_TEXT = (
    "Algo ha fallado por nuestra parte (código {ref}). Inténtalo de nuevo en unos minutos.\n"
    "Something went wrong on our side (code {ref}). Please try again in a few minutes.\n"
)


def _log_failure(path: str, error: BaseException | None = None) -> str:
    reference = logs.new_reference()
    metrics.ERRORS.labels(where="http").inc()
    logger.error(
        "unhandled error in a route",
        exc_info=error if error is not None else True,
        extra={"reference": reference, "path": path},
    )
    return reference


async def error_response(request, error: Exception) -> PlainTextResponse:
    """Starlette handler of unexpected errors: logs them and answers with a reference code."""
    reference = _log_failure(request.url.path, error)
    request.scope.setdefault("state", {})["error_reference"] = reference
    return PlainTextResponse(ERROR_TEXT.format(ref=reference), status_code=500)


class ObservabilityMiddleware:
    """Wraps the whole backend; websockets only get a request id."""

    def __init__(self, app) -> None:
        """Wrap ``app``."""
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        """Serve one request, measuring and logging it."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")[:64]
        rid = incoming if incoming.replace("-", "").isalnum() else logs.new_request_id()
        token = logs.request_id.set(rid)
        user_token = logs.user_id.set(None)
        if scope["type"] == "websocket":
            try:
                await self.app(scope, receive, send)
            finally:
                logs.request_id.reset(token)
                logs.user_id.reset(user_token)
            return
        status = {"code": 500, "started": False}

        async def send_wrapper(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["started"] = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        started = time.perf_counter()
        path = scope.get("path", "")
        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:  # noqa: BLE001 - answered with a reference below, never re-raised
            if not (scope.get("state") or {}).get("error_reference"):
                reference = _log_failure(path)
            if not status["started"]:
                body = ERROR_TEXT.format(ref=reference).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"x-request-id", rid.encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
        finally:
            seconds = time.perf_counter() - started
            route = metrics.route_label(path)
            metrics.ROUTE_SECONDS.labels(
                route=route, method=scope.get("method", ""), status=str(status["code"])
            ).observe(seconds)
            if route != "page":
                logger.info(
                    "request",
                    extra={
                        "method": scope.get("method", ""),
                        "route": route,
                        "status": status["code"],
                        "duration_ms": round(seconds * 1000, 1),
                    },
                )
            logs.request_id.reset(token)
            logs.user_id.reset(user_token)
