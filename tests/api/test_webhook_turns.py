"""Simultaneous webhooks take turns: at most ``WEBHOOK_CONCURRENCY`` hold a thread and a connection."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx

from care_portal.api import payments
from care_portal.api.routes import build_api
from care_portal.config import get_settings


def test_webhooks_beyond_the_limit_wait_their_turn_and_all_are_answered(monkeypatch):
    monkeypatch.setattr(get_settings(), "webhook_concurrency", 3)
    inside, most, lock = [0], [0], threading.Lock()
    release = threading.Event()

    def apply(payload: bytes, _signature: str | None) -> str:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        release.wait(timeout=30)
        with lock:
            inside[0] -= 1
        return f"paid {payload.decode()}"

    monkeypatch.setattr(payments, "_apply", apply)

    async def deliver_twelve() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=build_api())
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            posts = [
                asyncio.create_task(client.post("/api/pagos/webhook", content=str(n).encode()))
                for n in range(12)
            ]
            deadline = time.monotonic() + 30
            while inside[0] < 3 and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # room for a fourth to get in, were there no limit
            with lock:
                waiting_in_threads = inside[0]
            release.set()
            answers = await asyncio.gather(*posts)
            assert waiting_in_threads == 3
            return answers

    answers = asyncio.run(deliver_twelve())
    assert most[0] == 3
    assert sorted(a.json()["status"] for a in answers) == sorted(f"paid {n}" for n in range(12))
