"""How every browser test starts Debian's Chromium (browser journeys, topology drills, demos)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

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

# Set by a watchdog that killed the browser (Playwright only notices at its next call).
BROWSER_KILLED = threading.Event()


class ChromiumKeeper:
    """One Chromium for a whole test session, launched again if it was closed (see ``JourneyWatchdog``)."""

    def __init__(self, playwright, *, args: list[str] = CHROMIUM_ARGS, env: dict | None = None) -> None:
        """Keep the Playwright driver that launches the browser, with its arguments and environment."""
        self._playwright = playwright
        self._args = args
        self._env = env
        self._browser = None

    def get(self):
        """Return the running browser, launching a new one when there is none or it went away."""
        if self._browser is None or BROWSER_KILLED.is_set() or not self._browser.is_connected():
            BROWSER_KILLED.clear()
            self._browser = self._playwright.chromium.launch(
                executable_path=CHROMIUM, args=self._args, env=self._env
            )
        return self._browser

    def close(self) -> None:
        """Close the browser if it still runs."""
        if self._browser is not None and self._browser.is_connected():
            self._browser.close()


class JourneyWatchdog:
    """Turns a browser journey stuck past its limit into a failure instead of a hung test run.

    Playwright's ``evaluate`` and input calls have no timeout, and a pytest-timeout alarm cannot
    interrupt the main thread while Playwright's event loop sleeps without a deadline. So when the
    limit passes, this kills the page processes of this test run's Chromium (the stuck call then fails
    with «Target crashed»); if the journey is still stuck a minute later, the whole browser
    (``ChromiumKeeper`` launches a new one for the next test). Only Chromium processes started by this
    process are touched.
    """

    def __init__(self, seconds: float, label: str) -> None:
        """Arm for ``seconds``; ``label`` names the journey in the message printed when it fires."""
        self._label = label
        self._timers = [
            threading.Timer(seconds, self._fire, args=("--type=renderer",)),
            threading.Timer(seconds + 60, self._fire, args=(None,)),
        ]

    def __enter__(self) -> JourneyWatchdog:
        """Start counting."""
        for timer in self._timers:
            timer.daemon = True
            timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        """The journey ended: disarm."""
        for timer in self._timers:
            timer.cancel()

    def _fire(self, kind: str | None) -> None:
        victims = [
            pid for pid, args in _chromium_descendants() if (kind in args if kind else "--type=" not in args)
        ]
        what = "page processes" if kind else "browser"
        if not kind:
            BROWSER_KILLED.set()
        print(f"\n{self._label}: stuck past its limit, killing Chromium's {what} {victims}", file=sys.stderr)
        for pid in victims:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _chromium_descendants() -> list[tuple[int, str]]:
    """(pid, command line) of the Chromium processes descended from this test process."""
    parents: dict[int, int] = {}
    commands: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (
                (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            )
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    ours, frontier = set(), {os.getpid()}
    while frontier:
        ours |= frontier
        frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in ours}
    return [(pid, commands[pid]) for pid in ours if "chromium" in commands.get(pid, "")]
