"""Browser tests: the real app served in production mode, driven by Playwright in Chromium."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.chromium import ChromiumKeeper, JourneyWatchdog
from tests.e2e import helpers
from tests.e2e.accessibility import check_accessibility
from tests.e2e.page_width import check_page_width
from tests.e2e.world import World
from tests.smtp_server import SmtpServer, free_port

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
DEMO_PASSWORD = "cuidado-demo-2026"
JOURNEY_TIMEOUT_SECONDS = 300  # each step waits at most 20 s; a journey longer than this is stuck


def pytest_addoption(parser):
    """``--e2e-order=reverse|shuffle``: run the journeys in another order, to prove they are independent."""
    parser.addoption("--e2e-order", choices=("reverse", "shuffle"), default=None)


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder as a browser test; reorder them when asked."""
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
    order = config.getoption("--e2e-order", default=None)
    if order == "reverse":
        items.reverse()
    elif order == "shuffle":
        seed = random.randrange(10_000)
        print(f"\n--e2e-order=shuffle: random.Random({seed})")
        random.Random(seed).shuffle(items)


def _wait_http(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app exited early:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - local test server
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(f"app not ready at {url}:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def smtp_server():
    """The SMTP server the served app delivers its e-mail to."""
    server = SmtpServer().start()
    helpers.INBOX = server  # for flows that sign up without the fixture (tests/demos)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def served_folder() -> Path:
    """The served app's own database and files."""
    return Path(tempfile.mkdtemp(prefix="care-portal-e2e-"))


@pytest.fixture
def world(app_url, served_folder):
    """Creates the accounts and data one journey needs in the served app's database."""
    world = World(f"sqlite:///{served_folder / 'e2e.db'}")
    yield world
    world.close()


@pytest.fixture(scope="session")
def app_url(smtp_server, served_folder):
    """Build and serve the app (``reflex run --env prod``) on a free port with its own database."""
    port = free_port()
    folder = served_folder
    env = {
        **os.environ,
        "ENVIRONMENT": "test",
        "DATABASE_URL": f"sqlite:///{folder / 'e2e.db'}",
        "DATA_DIR": str(folder / "data"),
        "PUBLIC_URL": f"http://localhost:{port}",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        "OUTBOX_POLL_SECONDS": "0.5",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "PATH": f"{ROOT / '.tools/bun/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    for name in ("TEST_DATABASE_URL", "REDIS_URL", "STRIPE_SECRET_KEY"):
        env.pop(name, None)
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-m", "care_portal.cli.seed"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    log = folder / "app.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--single-port",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),
                "--loglevel",
                "info",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://localhost:{port}"
        _wait_http(f"{url}/api/health", process, 600, log)
        _wait_http(f"{url}/", process, 120, log)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, for the whole session (launched again if a watchdog closed it)."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)  # as long as actions wait: the machine is shared and slow
    with sync_playwright() as playwright:
        keeper = ChromiumKeeper(playwright)
        yield keeper
        keeper.close()


@pytest.fixture
def browser(chromium, app_url):
    """The running browser (after the app is served: a journey's time starts with the browser)."""
    return chromium.get()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    """Each browser test runs at desktop and phone width."""
    return request.param


@pytest.fixture
def page(browser, viewport, request):
    """A fresh browser context and page; a screenshot is kept when the test fails.

    The journey has ``JOURNEY_TIMEOUT_SECONDS``: past it a watchdog makes the stuck call fail.
    """
    from playwright.sync_api import Error

    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="es-ES", timezone_id="Europe/Madrid")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.viewport_name = viewport
    with JourneyWatchdog(JOURNEY_TIMEOUT_SECONDS, request.node.nodeid):
        yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        with contextlib.suppress(Error):  # the page or the browser may be what failed
            page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
    with contextlib.suppress(Error):
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, for the failure screenshot."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def snapshot(page, name: str) -> None:
    """Keep a full-page screenshot of what the user sees, for people to look at.

    Also checks the page's accessibility and, at phone width, that it is no wider than the window.
    """
    folder = ARTIFACTS / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}-{page.viewport_name}.png"), full_page=True)
    check_accessibility(page, name)
    check_page_width(page, name)
