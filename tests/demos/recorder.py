"""Drive a demo flow step by step; when recording, keep timed screenshots and encode them.

A flow (``tests/demos/flows.py``) calls :meth:`Demo.step` with the keys of its help entry's steps,
in order, and acts through :meth:`Demo.tap`, :meth:`Demo.type` and friends. Without recording
those are plain Playwright actions (the browser test runs the flows that way); when recording,
each action also shows a ring where it taps and keeps screenshots with how long each stays on
screen, so the video's pace does not depend on how fast the machine is.
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page

from care_portal.domain.help_catalog import HelpEntry, steps_fingerprint
from care_portal.domain.webvtt import build_vtt
from tests.e2e.helpers import open_page

ROOT = Path(__file__).resolve().parents[2]
DEMOS_DIR = ROOT / "assets" / "demos"
OVERLAY = Path(__file__).with_name("overlay.js")
PHONE = {"width": 390, "height": 844}
FPS = 10
MAX_BYTES = 3 * 1024 * 1024
SETTLE_MS = 350  # real time given to the page to update before a screenshot


def reading_seconds(text: str) -> float:
    """Return how long a caption stays on screen at least: calm, for older readers."""
    return 3.5 + len(text) / 13


@dataclass
class Demo:
    """One run of a flow: checks the steps' order and, when recording, keeps the frames.

    Attributes:
        page: The browser page (phone width).
        entry: The help entry whose steps the flow follows.
        frames_dir: Where screenshots go; None runs the flow without recording.
    """

    page: Page
    entry: HelpEntry
    frames_dir: Path | None = None
    frames: list[tuple[Path, float]] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    poster: Path | None = None

    @property
    def recording(self) -> bool:
        """Whether screenshots are kept."""
        return self.frames_dir is not None

    @property
    def elapsed(self) -> float:
        """The video time recorded so far, in seconds."""
        return sum(hold for _, hold in self.frames)

    def step(self, key: str) -> None:
        """Begin the next step of the entry; its caption shows until the following one.

        Args:
            key: The step's key; it must be the next one in the entry's list.
        """
        index = len(self.starts)
        keys = [step.key for step in self.entry.steps]
        if index >= len(keys) or keys[index] != key:
            raise AssertionError(f"{self.entry.slug}: step {key!r} out of order; expected {keys[index:]}")
        self._finish_step()
        self.starts.append(self.elapsed)
        if self.recording:
            caption = f"{index + 1}/{len(keys)} · {self.entry.steps[index].es}"
            self.page.evaluate("text => window.__demo.caption(text)", caption)
            self.snap(1.6)

    def finish(self) -> None:
        """Close the last step and check that every step was shown."""
        if len(self.starts) != len(self.entry.steps):
            shown, total = len(self.starts), len(self.entry.steps)
            raise AssertionError(f"{self.entry.slug}: only {shown} of {total} steps shown")
        self._finish_step()
        self.snap(1.0)

    def _finish_step(self) -> None:
        """Hold the last frame until the running step's caption had time to be read."""
        if not self.recording or not self.starts:
            return
        shown = self.elapsed - self.starts[-1]
        needed = reading_seconds(self.entry.steps[len(self.starts) - 1].es)
        if shown < needed and self.frames:
            path, hold = self.frames[-1]
            self.frames[-1] = (path, hold + needed - shown)
        if len(self.starts) == 1 and self.poster is None:
            self.poster = self.frames[-1][0]

    def snap(self, hold: float) -> None:
        """Keep what the screen shows now for ``hold`` seconds of video."""
        if not self.recording:
            return
        self.page.wait_for_timeout(SETTLE_MS)
        # Bounded, unlike evaluate, which can wait forever on a page that is navigating away.
        self.page.wait_for_function("() => { window.__demo && window.__demo.refresh(); return true; }")
        path = self.frames_dir / f"{len(self.frames):05d}.jpg"
        self.page.screenshot(path=str(path), type="jpeg", quality=85, animations="disabled")
        self.frames.append((path, hold))

    def pause(self, seconds: float = 1.5) -> None:
        """Let the viewer look at the page."""
        self.snap(seconds)

    def go(self, url: str) -> None:
        """Open a page as a visitor typing its address would."""
        open_page(self.page, url)
        self.snap(1.2)

    def _point_at(self, target: Locator) -> None:
        target.evaluate("el => el.scrollIntoView({block: 'center', inline: 'nearest'})")
        if not self.recording:
            return
        self.page.wait_for_timeout(150)
        box = target.bounding_box()
        if box:
            centre = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]
            self.page.evaluate("([x, y]) => window.__demo.tap(x, y)", centre)

    def _release(self) -> None:
        if self.recording:
            self.page.evaluate("() => window.__demo.untap()")

    def point(self, target: Locator, hold: float = 1.8) -> None:
        """Highlight something without touching it."""
        self._point_at(target)
        self.snap(hold)
        self._release()

    def tap(self, target: Locator, *, check: bool = False) -> None:
        """Highlight and tap (or tick) something.

        Args:
            target: What to tap.
            check: Tick a checkbox or radio button instead of clicking it.
        """
        self._point_at(target)
        self.snap(0.8)
        target.check() if check else target.click()
        self.snap(0.9)
        self._release()

    def type(self, target: Locator, text: str) -> None:
        """Highlight a field and type ``text`` into it, a few letters per frame."""
        self._point_at(target)
        self.snap(0.5)
        self._release()
        if self.recording:
            chunk = max(3, len(text) // 5)
            for end in range(chunk, len(text), chunk):
                target.fill(text[:end])
                self.page.wait_for_timeout(60)
                path = self.frames_dir / f"{len(self.frames):05d}.jpg"
                self.page.screenshot(path=str(path), type="jpeg", quality=85, animations="disabled")
                self.frames.append((path, 0.15))
        target.fill(text)
        self.snap(0.6)

    def choose(self, target: Locator, value: str) -> None:
        """Highlight a drop-down list and pick ``value``."""
        self._point_at(target)
        self.snap(0.7)
        target.select_option(value)
        self.snap(0.8)
        self._release()

    def attach(self, target: Locator, files: list[dict] | dict) -> None:
        """Choose files in an upload zone's file input (the system picker cannot be filmed)."""
        self._point_at(target.locator("xpath=.."))
        self.snap(0.8)
        target.set_input_files(files)
        self._release()
        self.snap(0.8)


def _run(command: list[str]) -> None:
    """Run an encoder command at low priority on one thread (the machine is shared)."""
    prefix = ["nice", "-n", "10"] if shutil.which("nice") else []
    subprocess.run(prefix + command, check=True, capture_output=True)


def encode(demo: Demo, out_dir: Path = DEMOS_DIR) -> dict:
    """Encode the frames to WebM (VP9), copy the poster, write both subtitle tracks and the hash.

    Args:
        demo: A finished recording.
        out_dir: Where the assets go.

    Returns:
        The metadata written beside the video.
    """
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise RuntimeError("ffmpeg is missing: run `make ffmpeg` (Debian's package) first")
    out_dir.mkdir(parents=True, exist_ok=True)
    slug = demo.entry.slug
    with tempfile.TemporaryDirectory(prefix="demo-encode-") as scratch:
        listing = Path(scratch) / "frames.txt"
        lines = ["ffconcat version 1.0"]
        for path, hold in demo.frames:
            lines += [f"file '{path}'", f"duration {hold:.3f}"]
        lines.append(f"file '{demo.frames[-1][0]}'")  # the concat demuxer ignores the last duration otherwise
        listing.write_text("\n".join(lines) + "\n")
        video = out_dir / f"{slug}.webm"
        _run(
            [ffmpeg, "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(listing),
             "-vf", f"fps={FPS},format=yuv420p", "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40",
             "-deadline", "good", "-cpu-used", "4", "-row-mt", "0", "-threads", "1", "-an", str(video)]
        )  # fmt: skip
    shutil.copyfile(demo.poster or demo.frames[0][0], out_dir / f"{slug}.jpg")
    duration = round(demo.elapsed, 3)
    for lang in ("es", "en"):
        (out_dir / f"{slug}.{lang}.vtt").write_text(build_vtt(demo.entry, demo.starts, duration, lang))
    meta = {
        "slug": slug,
        "steps_sha256": steps_fingerprint(demo.entry, script_source(slug)),
        "duration_seconds": duration,
        "step_starts": [round(s, 3) for s in demo.starts],
        "bytes": video.stat().st_size,
    }
    (out_dir / f"{slug}.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return meta


def script_source(slug: str) -> str:
    """Return the text of an entry's recording script, part of the hash stored beside its video."""
    from tests.demos.flows import FLOWS

    flow = FLOWS[slug]
    return inspect.getsource(flow.prepare) + inspect.getsource(flow.run)


def frames_dir(slug: str) -> Path:
    """Return a fresh scratch folder for a recording's screenshots."""
    base = Path(os.environ.get("DEMO_FRAMES_DIR", tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=f"demo-{slug}-", dir=base))
