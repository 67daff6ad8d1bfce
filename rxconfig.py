"""Reflex configuration; production settings come from the environment."""

import os

import reflex as rx

config = rx.Config(
    app_name="care_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=os.environ.get("REDIS_URL") or None,
    plugins=[rx.plugins.RadixThemesPlugin()],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
