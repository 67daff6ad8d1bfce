"""Reflex configuration; production settings come from the environment (``care_portal.config``)."""

import reflex as rx

from care_portal.config import get_settings
from care_portal.preload_plugin import LowPriorityModulePreloads
from care_portal.radix_plugin import PageScopedRadixThemes

settings = get_settings()  # refuses to start when production lacks a setting, listing each one

config = rx.Config(
    app_name="care_portal",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=settings.redis_url or None,
    cors_allowed_origins=list(settings.allowed_origins),  # browsers may call the app only from its own origin
    trusted_proxy_hops=settings.trusted_proxy_hops,  # client address for events behind reverse proxies
    # Each page imports the Radix Themes parts it uses, no more; the built pages fetch their
    # stylesheet before their JavaScript modules (first paint on slow connections).
    plugins=[PageScopedRadixThemes(), LowPriorityModulePreloads()],
    disable_plugins=[rx.plugins.SitemapPlugin],
    # No dynamic components here: don't import all of Radix Themes on every page for them.
    frontend_lazy_bundled_libraries=True,
)
