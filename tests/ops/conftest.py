"""The production topology (PostgreSQL, Redis, 2 workers, nginx with TLS) for the fault drills."""

from __future__ import annotations

import contextlib
import shutil
import socket
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Error

from tests.chromium import ChromiumKeeper, JourneyWatchdog
from tests.smtp_server import SmtpServer

JOURNEY_TIMEOUT_SECONDS = 420  # a drill waits for restarts; one longer than this is stuck


def _https_port() -> int:
    """8443 as the README says, or any free port when another topology holds it."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as nginx does
        try:
            sock.bind(("127.0.0.1", 8443))
            return 8443
        except OSError:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]


@pytest.fixture(scope="session")
def topology_smtp():
    """The SMTP server the topology's workers deliver to."""
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def topology(topology_smtp):
    """``make prod-local``'s topology, started once for the drills and stopped afterwards.

    Its frontend export reuses the worktree's ``.web`` (no second ``bun install``); pytest runs
    ``tests/e2e`` before ``tests/ops``, so the browser tests' server has finished with it by then.
    """
    from deploy.topology import Topology

    run_dir = Path(tempfile.mkdtemp(prefix="care-topology-"))
    run_dir.chmod(0o755)
    topo = Topology(
        run_dir,
        https_port=_https_port(),
        extra_env={
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(topology_smtp.port),
            "OUTBOX_POLL_SECONDS": "0.5",
        },
    )
    try:
        topo.start()
        yield topo
    finally:
        topo.stop()
        artifacts = Path(__file__).resolve().parents[2] / "test-artifacts" / "topology-logs"
        shutil.rmtree(artifacts, ignore_errors=True)
        shutil.copytree(topo.logs, artifacts, dirs_exist_ok=True)
        shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def https_chromium():
    """Debian's Chromium, headless, for the whole pass (launched again if a watchdog closed it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        keeper = ChromiumKeeper(playwright)
        yield keeper
        keeper.close()


@pytest.fixture
def https_browser(https_chromium):
    """The running browser."""
    return https_chromium.get()


@pytest.fixture(autouse=True)
def _stuck_drill_watchdog(request):
    """A topology test stuck past its limit fails instead of hanging the pass (see JourneyWatchdog)."""
    if request.node.get_closest_marker("topology") is None:
        yield
        return
    request.getfixturevalue("topology")  # its start (build, servers) is bounded by its own waits
    with JourneyWatchdog(JOURNEY_TIMEOUT_SECONDS, request.node.nodeid):
        yield


@pytest.fixture
def https_page(https_browser, request):
    """A fresh context that accepts the topology's self-signed certificate."""
    context = https_browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="es-ES",
        timezone_id="Europe/Madrid",
        ignore_https_errors=True,
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.viewport_name = "desktop"
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        folder = Path(__file__).resolve().parents[2] / "test-artifacts"
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(Error):  # the page or the browser may be what failed
            page.screenshot(path=str(folder / f"FAILED-{request.node.name}.png"), full_page=True)
    with contextlib.suppress(Error):
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, for the failure screenshot."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
