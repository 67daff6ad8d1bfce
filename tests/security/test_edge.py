"""The edge middleware: origins, security headers, body caps and the client's address."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from care_portal.api.edge import BODY_LIMITS, UPLOAD_PATH, EdgeMiddleware, EdgePolicy
from care_portal.domain.upload_limits import PHOTO_MAX_BYTES, PHOTOS_PER_REPORT

ORIGIN = "https://cuidadoencasa.example"
READS: list[str] = []


async def _page(_request: Request) -> Response:
    return HTMLResponse("<html><body>hola</body></html>")


async def _invoice(request: Request) -> Response:
    return JSONResponse({"invoice": "F2026-000001", "client": request.client.host})


async def _read_body(request: Request) -> Response:
    body = await request.body()
    READS.append(request.url.path)
    return JSONResponse({"size": len(body)})


async def _socket(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text("ok")
    await websocket.close()


def _client(*, hsts: bool = False, proxy_hops: int = 0, valid_tokens=("good-token",)) -> TestClient:
    inner = Starlette(
        routes=[
            Route("/", _page),
            Route("/api/facturas/1.json", _invoice),
            Route("/api/pagos/webhook", _read_body, methods=["POST"]),
            Route(UPLOAD_PATH, _read_body, methods=["POST"]),
            WebSocketRoute("/_event", _socket),
        ]
    )
    # Reflex's default: any origin, with credentials.
    inner.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"]
    )
    policy = EdgePolicy(
        origins=(ORIGIN,),
        proxy_hops=proxy_hops,
        hsts=hsts,
    )
    app = EdgeMiddleware(inner, policy=policy, session_check=lambda token: token in valid_tokens)
    return TestClient(app, base_url=ORIGIN)


@pytest.fixture(autouse=True)
def _forget_reads():
    READS.clear()


def test_a_foreign_origin_gets_no_cors_grant():
    response = _client().get("/api/facturas/1.json", headers={"Origin": "http://localhost:4000"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers


def test_the_app_origin_keeps_its_cors_grant():
    response = _client().get("/api/facturas/1.json", headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN


def test_the_event_websocket_refuses_foreign_origins():
    client = _client()
    with client.websocket_connect("/_event", headers={"Origin": ORIGIN}) as socket:
        assert socket.receive_text() == "ok"
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect("/_event", headers={"Origin": "https://evil.example"}),
    ):
        pass
    assert refused.value.code == 1008


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("x-content-type-options", "nosniff"),
        ("cross-origin-opener-policy", "same-origin"),
    ],
)
def test_every_page_has_the_security_headers(header, expected):
    assert _client().get("/").headers[header] == expected


def test_the_page_csp_allows_the_app_and_nothing_else():
    csp = _client().get("/").headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["connect-src"] == ["'self'", "wss://cuidadoencasa.example"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["media-src"] == ["'self'"]
    assert all(
        "http" not in source and source != "*"
        for sources in directives.values()
        for source in sources
        if source != "wss://cuidadoencasa.example"
    )


def test_permissions_policy_turns_off_powerful_features():
    policy = _client().get("/").headers["permissions-policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_hsts_only_where_configured():
    assert "strict-transport-security" not in _client().get("/").headers
    assert _client(hsts=True).get("/").headers["strict-transport-security"].startswith("max-age=31536000")


def test_an_oversized_webhook_is_refused_before_the_app_reads_it():
    response = _client().post("/api/pagos/webhook", content=b"x" * (BODY_LIMITS["/api/pagos/webhook"] + 1))
    assert response.status_code == 413
    assert READS == []
    assert _client().post("/api/pagos/webhook", content=b"{}").status_code == 200


def test_a_streamed_body_without_length_is_cut_at_the_cap():
    def chunks():
        for _ in range(20):
            yield b"x" * (64 * 1024)

    response = _client().post("/api/pagos/webhook", content=chunks())
    assert response.status_code == 413
    assert READS == []


def test_uploads_are_capped_before_reading():
    client = _client()
    client.cookies.set("cp_session", "good-token")
    big = client.post(UPLOAD_PATH, content=b"x" * (BODY_LIMITS[UPLOAD_PATH] + 1))
    assert big.status_code == 413
    assert client.post(UPLOAD_PATH, content=b"x" * 1024).status_code == 200
    assert READS == [UPLOAD_PATH]


def test_uploads_need_a_log_in_session():
    client = _client()
    assert client.post(UPLOAD_PATH, content=b"x").status_code == 403
    client.cookies.set("cp_session", "random-token")
    assert client.post(UPLOAD_PATH, content=b"x").status_code == 403
    assert READS == []


def test_other_routes_get_a_small_default_cap():
    response = _client().post("/", content=b"x" * (65 * 1024))
    assert response.status_code == 413


def test_the_client_address_comes_from_the_trusted_proxies_only():
    spoofed = {"X-Forwarded-For": "6.6.6.6, 203.0.113.9"}
    assert _client().get("/api/facturas/1.json", headers=spoofed).json()["client"] == "testclient"
    assert (
        _client(proxy_hops=1).get("/api/facturas/1.json", headers=spoofed).json()["client"] == "203.0.113.9"
    )
    assert _client(proxy_hops=2).get("/api/facturas/1.json", headers=spoofed).json()["client"] == "6.6.6.6"


def test_the_most_photos_a_report_takes_at_their_largest_pass_the_edge_in_one_pick():
    client = _client()
    client.cookies.set("cp_session", "good-token")
    photo = b"\xff" * PHOTO_MAX_BYTES
    files = [("files", (f"foto{n}.jpg", photo, "image/jpeg")) for n in range(PHOTOS_PER_REPORT)]
    response = client.post(UPLOAD_PATH, files=files)
    assert response.status_code == 200
    assert response.json()["size"] > PHOTOS_PER_REPORT * PHOTO_MAX_BYTES
