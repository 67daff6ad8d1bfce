"""The floor: a bare Starlette websocket app calling the same services as the pages.

It resolves the viewer from the token, calls the page's service in a thread,
and sends the rows back as JSON: what any framework must at least do. Served
with ``granian --interface asgi --workers 2 bench.floor:app``.
"""

from __future__ import annotations

import dataclasses
import json

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from care_portal.db import session_scope
from care_portal.services import accounts, checkout, client_tasks, visits

CART = {"1": 2, "2": 1}


def _plain(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_page(page: str, token: str) -> str:
    """Return the data of a page for the token's viewer, as JSON."""
    with session_scope() as session:
        viewer = accounts.resolve_session(session, token=token) if token else None
        if page == "tareas":
            data = client_tasks.list_client_tasks(session, actor=viewer)
        elif page == "cart":
            data = checkout.price_raw_cart(session, raw_cart=CART, lang="es")
        elif page == "dashboard":
            data = visits.manager_dashboard(session, actor=viewer)
        else:
            data = {"error": "unknown page"}
    return json.dumps(_plain(data), default=str)


async def endpoint(websocket: WebSocket) -> None:
    """Answer each ``{"page", "token"}`` message with the page's data."""
    await websocket.accept()
    try:
        while True:
            message = json.loads(await websocket.receive_text())
            await websocket.send_text(
                await run_in_threadpool(read_page, message["page"], message.get("token", ""))
            )
    except WebSocketDisconnect:
        return


async def health(_request: Request) -> PlainTextResponse:
    """Answer 200 once the worker is up."""
    return PlainTextResponse("ok")


app = Starlette(routes=[WebSocketRoute("/ws", endpoint), Route("/health", health)])
