"""The load client: N websocket clients, each sending one event a second, timing each round trip.

Two transports with the same loop: the Reflex app's socket (Engine.IO 4 /
Socket.IO 5 over a websocket, the way the browser's ``state.js`` talks) and the
bare Starlette floor's plain websocket. Only ever aimed at 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field

import websockets

from care_portal.domain.sessions import SESSION_COOKIE

NAMESPACE = "/_event"
HYDRATE = "reflex___state____state.hydrate_and_load"


@dataclass
class Scenario:
    """What one client does: its page, the event it repeats and what it holds in the browser."""

    name: str
    path: str
    event: str
    payload: dict = field(default_factory=dict)
    storage: dict = field(default_factory=dict)
    floor_page: str = ""
    floor_token: str = ""
    session_token: str = ""  # sent as the HttpOnly session cookie, as the browser does (``api.edge``)


@dataclass
class LoadResult:
    """Round trips of one run."""

    latencies_ms: list[float]
    errors: int
    seconds: float

    def summary(self) -> dict:
        """p50/p95 in milliseconds, events per second and errors."""
        lat = sorted(self.latencies_ms)
        if not lat:
            return {"p50_ms": None, "p95_ms": None, "events": 0, "errors": self.errors}
        return {
            "p50_ms": round(statistics.median(lat), 1),
            "p95_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.95))], 1),
            "events": len(lat),
            "events_per_s": round(len(lat) / self.seconds, 1),
            "errors": self.errors,
        }


def _router_data(path: str) -> dict:
    return {"pathname": path, "query": {}, "asPath": path}


class ReflexSocket:
    """One browser tab's socket to the Reflex backend, reduced to what a benchmark needs."""

    def __init__(self, port: int, scenario: Scenario):
        self.url = f"ws://127.0.0.1:{port}{NAMESPACE}/?EIO=4&transport=websocket&token={uuid.uuid4()}"
        self.scenario = scenario
        # The handler's own state: an update carrying its delta is the answer to the event.
        self.target = scenario.event.rsplit(".", 1)[0]
        self.finals: asyncio.Queue = asyncio.Queue()
        self.ws = None
        self.reader: asyncio.Task | None = None

    async def open(self) -> None:
        """Connect, hydrate the page (with its cookies/local storage) and wait for its on-load data."""
        cookie = (
            {"Cookie": f"{SESSION_COOKIE}={self.scenario.session_token}"}
            if self.scenario.session_token
            else {}
        )
        self.ws = await websockets.connect(
            self.url, open_timeout=30, max_size=None, ping_interval=None, additional_headers=cookie
        )
        opening = await self.ws.recv()
        if not str(opening).startswith("0"):
            raise RuntimeError(f"unexpected Engine.IO opening: {opening!r}")
        self.reader = asyncio.create_task(self._read())
        boot = {
            "name": HYDRATE,
            "payload": {"vars": self.scenario.storage},
            "router_data": _router_data(self.scenario.path),
        }
        await self.ws.send(f"40{NAMESPACE}," + json.dumps({"event": boot}))
        await asyncio.wait_for(self.finals.get(), 60)
        await asyncio.sleep(0.5)  # on-load events that follow the hydrate
        while not self.finals.empty():
            self.finals.get_nowait()

    async def _read(self) -> None:
        async for message in self.ws:
            if message == "2":
                await self.ws.send("3")
            elif message.startswith(f"42{NAMESPACE},"):
                name, update = json.loads(message[len(NAMESPACE) + 3 :])[:2]
                if name == "event" and self.target in (update.get("delta") or {}):
                    self.finals.put_nowait(time.perf_counter())

    async def round_trip(self) -> float:
        """Send the scenario's event; return milliseconds until the update of its state arrives."""
        event = {
            "name": self.scenario.event,
            "payload": self.scenario.payload,
            "router_data": _router_data(self.scenario.path),
        }
        while not self.finals.empty():  # a late on-load update is no answer to this event
            self.finals.get_nowait()
        started = time.perf_counter()
        await self.ws.send(f"42{NAMESPACE}," + json.dumps(["event", event]))
        finished = await asyncio.wait_for(self.finals.get(), 30)
        return (finished - started) * 1000

    async def close(self) -> None:
        """Close the socket."""
        if self.reader:
            self.reader.cancel()
        if self.ws:
            await self.ws.close()


class FloorSocket:
    """A plain websocket to the bare Starlette floor: send the page's name, get its data back."""

    def __init__(self, port: int, scenario: Scenario):
        self.url = f"ws://127.0.0.1:{port}/ws"
        self.scenario = scenario
        self.ws = None

    async def open(self) -> None:
        """Connect."""
        self.ws = await websockets.connect(self.url, open_timeout=30, max_size=None, ping_interval=None)

    async def round_trip(self) -> float:
        """Ask for the page's data; return milliseconds until it arrives."""
        started = time.perf_counter()
        await self.ws.send(json.dumps({"page": self.scenario.floor_page, "token": self.scenario.floor_token}))
        await asyncio.wait_for(self.ws.recv(), 30)
        return (time.perf_counter() - started) * 1000

    async def close(self) -> None:
        """Close the socket."""
        if self.ws:
            await self.ws.close()


async def run_load(make_socket, clients: int, seconds: float, rate: float = 1.0) -> LoadResult:
    """Open ``clients`` sockets, then each sends ``rate`` events a second for ``seconds``.

    Each client waits for its previous round trip before the next one, and
    clients start at random offsets within the first second.
    """
    if clients > 500:
        raise ValueError("at most 500 clients: this is a benchmark on one machine, not a flood")
    sockets = [make_socket() for _ in range(clients)]
    opened = await asyncio.gather(*(s.open() for s in sockets), return_exceptions=True)
    errors = sum(isinstance(o, Exception) for o in opened)
    live = [s for s, o in zip(sockets, opened, strict=True) if not isinstance(o, Exception)]
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def client(socket) -> None:
        nonlocal errors
        await asyncio.sleep(random.random() / rate)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                latencies.append(await socket.round_trip())
            except Exception:  # noqa: BLE001 - a failed round trip is counted, the run goes on
                errors += 1
            await asyncio.sleep(max(0.0, 1 / rate - (time.perf_counter() - started)))

    started = time.perf_counter()
    await asyncio.gather(*(client(s) for s in live))
    elapsed = time.perf_counter() - started
    await asyncio.gather(*(s.close() for s in sockets), return_exceptions=True)
    return LoadResult(latencies, errors, elapsed)
