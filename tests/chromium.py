"""How every browser test starts Debian's Chromium (browser journeys, topology drills, demos)."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Headless on a machine without a screen, a GPU or the internet. Shared memory goes to /tmp:
# a container's small /dev/shm makes Chromium's renderer stall on tall full-page screenshots.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
