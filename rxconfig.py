"""Reflex configuration; production settings come from the environment (``care_portal.config``)."""

import os

import reflex as rx

from care_portal.config import get_settings
from care_portal.preload_plugin import LowPriorityModulePreloads
from care_portal.radix_plugin import PageScopedRadixThemes

settings = get_settings()  # refuses to start when production lacks a setting, listing each one

# With Redis, each event otherwise costs four Redis round trips (lock, read every state of the
# tab's branch, fenced write, unlock) and as many unpickles and pickles: ~40 % of Reflex's own CPU
# per event in the bench. With opportunistic locks the worker that holds a tab's socket keeps its
# state in memory while the tab keeps sending events, and writes it back to Redis at the latest
# after REFLEX_OPLOCK_HOLD_TIME (half the lock expiration, 5 s), or at once when another worker
# asks for that tab (Redis keyspace notifications: Redis must allow CONFIG SET of
# notify-keyspace-events, or have it in its own configuration, see README). Set
# REFLEX_OPLOCK_ENABLED=false to turn it off.
os.environ.setdefault("REFLEX_OPLOCK_ENABLED", "true")

config = rx.Config(
    app_name="care_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=settings.redis_url or None,
    # A tab's state stays in its worker's memory for half of this (10 s: a tab sending an event a
    # second reloads its state from Redis once every ten events instead of every other one); the
    # other half is the margin for writing it back before the lock expires. A worker that dies
    # holding a tab's lock delays that tab on another worker by at most this.
    redis_lock_expiration=20_000,
    cors_allowed_origins=list(settings.allowed_origins),  # browsers may call the app only from its own origin
    trusted_proxy_hops=settings.trusted_proxy_hops,  # client address for events behind reverse proxies
    # Each page imports the Radix Themes parts it uses, no more; the built pages fetch their
    # stylesheet before their JavaScript modules (first paint on slow connections).
    plugins=[PageScopedRadixThemes(), LowPriorityModulePreloads()],
    disable_plugins=[rx.plugins.SitemapPlugin],
    # No dynamic components here: don't import all of Radix Themes on every page for them.
    frontend_lazy_bundled_libraries=True,
)
