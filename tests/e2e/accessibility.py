"""Accessibility checks run on every page the browser tests visit (axe-core, WCAG 2.2 AA).

axe-core is installed from the npm registry by ``make browser`` into ``.tools/axe`` (pinned there);
nothing is downloaded while the tests run. Each check injects it into the page (once per document)
and fails on any *serious* or *critical* violation, naming the rule, the page and the elements.
On phone width it also measures the touch targets that people tap (44×44 px, WCAG 2.5.5).
Every check is logged to ``test-artifacts/axe-pages.txt``. A problem fails the test; to look at
every page's problems in one run instead, ``AXE_ENFORCE=0 pytest tests/e2e`` only logs them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / ".tools/axe/node_modules/axe-core/axe.min.js"
REPORT = ROOT / "test-artifacts" / "axe-pages.txt"
FAILING_IMPACTS = {"serious", "critical"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE_WIDTH = 768
AXE_LIMIT_MS = 60_000

# Controls a finger taps (not links inside running text, which WCAG exempts).
_SMALL_TARGETS_JS = """
() => {
  const selectors = 'button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]),'
    + ' [role=menuitem], .cp-header a, .cp-footer a, a.rt-Button, a[data-target],'
    + ' .cp-main > a.rt-Link, .cp-main .rt-Flex > a.rt-Link';
  const small = [];
  for (const el of document.querySelectorAll(selectors)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('[aria-hidden=true], .cp-skip-link, [data-sonner-toaster]')) continue;
    if (el.type === 'file') continue;  // hidden inside its drop zone, which is the target
    if (el.matches('[role=radio], [role=checkbox]')) continue;  // their label is the target
    if (box.width < 43.5 || box.height < 43.5) {
      const name = (el.id ? '#' + el.id : el.tagName.toLowerCase()) + ' «'
        + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '»';
      small.push(`${name} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return small;
}
"""


def _axe_source() -> str:
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"axe-core is missing at {AXE_SCRIPT}: run `make browser`")
    return AXE_SCRIPT.read_text()


# The same markup at the same window size gets the same answers (axe and the touch targets read
# the markup, the app's one style sheet and the window): a page seen again exactly as before, such as
# «Entrar» or «Crear cuenta» in most journeys, is logged again but not measured again.
_MARKUP_FINGERPRINT_JS = """
() => {
  const text = document.documentElement.outerHTML;
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return text.length + ':' + (h1 >>> 0).toString(16) + (h2 >>> 0).toString(16);
}
"""
_ANSWERS: dict[tuple[int, int, str], list[str]] = {}  # (width, height, markup) → the problems found


def check_accessibility(page: Page, where: str = "") -> None:
    """Run axe-core on the current page; fail on serious/critical violations and small phone targets.

    A page whose markup is exactly one already checked at this window size gets that check's answer.

    Args:
        page: The Playwright page, already loaded.
        where: A short label for the report (defaults to the page's path).

    Raises:
        AssertionError: Listing each failing rule with its help text and the first offending elements.
    """
    # Measure the page at rest: the pointer left over a link would show its hover colours.
    size = page.viewport_size
    page.mouse.move(size["width"] - 1, size["height"] // 2)
    markup = (size["width"], size["height"], page.evaluate(_MARKUP_FINGERPRINT_JS))
    seen = markup in _ANSWERS
    if not seen:
        _ANSWERS[markup] = _problems(page)
    problems = _ANSWERS[markup]
    label = where or page.url
    width = size["width"]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("a") as out:
        again = " (same markup as an earlier check)" if seen else ""
        out.write(f"{width}px {label}: {len(problems)} problem(s){again}\n")
        out.writelines(f"    {problem}\n" for problem in problems)
    if problems and os.environ.get("AXE_ENFORCE", "1") != "0":
        raise AssertionError(f"accessibility problems on {label} at {width}px:\n" + "\n".join(problems))


def _problems(page: Page) -> list[str]:
    """Measure the page: axe-core's serious and critical violations, and small touch targets on a phone."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    # Toasts fade in and out: axe would measure their contrast half-transparent, mid-animation.
    # Playwright's evaluate has no timeout of its own: the page bounds the run (an error, never a hang).
    results = page.evaluate(
        """([tags, limit]) => Promise.race([
             axe.run({exclude: [['[data-sonner-toaster]']]},
                     {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: false}),
             new Promise((_, reject) =>
               setTimeout(() => reject(new Error('axe ran over ' + limit + ' ms')), limit)),
           ])""",
        [AXE_TAGS, AXE_LIMIT_MS],
    )
    problems = [
        f"- {v['id']} ({v['impact']}): {v['help']} → "
        + "; ".join(json.dumps(node["target"]) for node in v["nodes"][:4])
        for v in results["violations"]
        if v["impact"] in FAILING_IMPACTS
    ]
    if page.viewport_size["width"] < PHONE_WIDTH:
        small = page.evaluate(_SMALL_TARGETS_JS)
        if small:
            problems.append("- touch targets under 44×44 px: " + "; ".join(small[:8]))
    return problems
