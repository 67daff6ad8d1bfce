"""What each event costs in Redis, with the state manager the app builds from ``rxconfig``.

Without opportunistic locks every event of a tab took four Redis round trips (lock, read of every
state of its branch, fenced write, unlock) and as many unpickles and pickles: the largest part of
Reflex's own CPU per event in ``make bench``. With them, a tab that keeps sending events is served
from its worker's memory; its state still reaches Redis, at the end of the lease or as soon as
another worker asks for the tab.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import uuid

import pytest
from redis.asyncio import Redis
from reflex.istate.manager.redis import StateManagerRedis
from reflex.istate.manager.token import BaseStateToken
from reflex_base.config import get_config

from bench.servers import redis_server
from care_portal.pages.shop.cart import CartState

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is missing (`make ops-deps` installs it)"
)


@pytest.fixture(scope="module")
def redis_url():
    """A throwaway Redis server, as in production without persistence."""
    with redis_server() as url:
        yield url


def _manager(url: str) -> tuple[StateManagerRedis, list[str]]:
    """The state manager Reflex builds from the config (as ``StateManager.create``), counting commands."""
    config = get_config()
    redis = Redis.from_url(url)
    commands: list[str] = []
    execute = redis.execute_command

    async def counted(*args, **options):
        commands.append(str(args[0]))
        return await execute(*args, **options)

    redis.execute_command = counted
    manager = StateManagerRedis(
        redis=redis,
        token_expiration=config.redis_token_expiration,
        lock_expiration=config.redis_lock_expiration,
        lock_warning_threshold=config.redis_lock_warning_threshold,
    )
    return manager, commands


async def _event(manager: StateManagerRedis, token: BaseStateToken, cart: dict) -> None:
    """What the event processor does around a cart handler: modify the tab's state under its lock."""
    async with manager.modify_state(token) as root:
        (await root.get_state(CartState)).cart_json = json.dumps(cart)


async def _cart_of(manager: StateManagerRedis, token: BaseStateToken) -> dict:
    async with manager.modify_state(token) as root:
        return json.loads((await root.get_state(CartState)).cart_json)


def test_a_tab_sending_events_is_served_from_memory_and_its_state_reaches_redis(redis_url):
    async def scenario():
        manager, commands = _manager(redis_url)
        token = BaseStateToken(ident=str(uuid.uuid4()), cls=CartState)
        await manager._ensure_lock_task_subscribed(timeout=5)
        await _event(manager, token, {"1": 1})  # takes the lock and loads the tab's states
        first = len(commands)
        for quantity in range(2, 12):
            await _event(manager, token, {"1": quantity})
        later = len(commands) - first
        await manager.close()  # ends the lease: writes the state back and releases the lock

        reader, _ = _manager(redis_url)
        stored = await _cart_of(reader, token)
        await reader.close()
        return first, later, stored

    first, later, stored = asyncio.run(scenario())
    assert first > 0
    assert later == 0  # ten more events, not one Redis command (it was 4 per event)
    assert stored == {"1": 11}


def test_another_worker_asking_for_the_tab_gets_its_latest_state_without_waiting_for_the_lease(
    redis_url,
):
    async def scenario():
        holder, _ = _manager(redis_url)
        other, _ = _manager(redis_url)
        await holder._ensure_lock_task_subscribed(timeout=5)
        await other._ensure_lock_task_subscribed(timeout=5)
        token = BaseStateToken(ident=str(uuid.uuid4()), cls=CartState)
        for quantity in (1, 2, 3):
            await _event(holder, token, {"7": quantity})
        # The tab reconnects to another worker (a reload balanced elsewhere): that worker asks for
        # the lock, the holder hears it, writes the state back and lets go, well before its lease
        # (half the lock expiration) would have ended by itself.
        lease_seconds = holder.oplock_hold_time_ms / 1000
        seen = await asyncio.wait_for(_cart_of(other, token), timeout=lease_seconds / 2)
        await holder.close()
        await other.close()
        return seen

    assert asyncio.run(scenario()) == {"7": 3}


def test_the_app_holds_a_tab_long_enough_for_one_reload_every_ten_events():
    manager = StateManagerRedis(
        redis=Redis.from_url("redis://127.0.0.1:1/0"),
        lock_expiration=get_config().redis_lock_expiration,
        lock_warning_threshold=get_config().redis_lock_warning_threshold,
    )
    assert manager._oplock_enabled
    assert manager.oplock_hold_time_ms >= 10_000
    # …with as long again to write the state back before the lock expires, even on a busy worker.
    assert manager.lock_expiration - manager.oplock_hold_time_ms >= 10_000
