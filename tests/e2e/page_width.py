"""Every page a browser test snapshots must fit a phone's width: sideways scrolling is a defect.

``html`` and ``body`` hide sideways overflow, so desktop Chromium's scroll width may not tell, yet
an element past the right edge (such as the hidden native ``<select>`` a Radix select keeps for
forms) still widens the page a phone lays out. So the check is both the document's scroll width
and every element's right edge against the window's width, but for elements fixed to the window
(toasts, menus: they do not widen the page) or held by a box that clips or scrolls sideways.
Each offending page names its widest elements. ``WIDTH_ENFORCE=0 pytest tests/e2e`` only logs
them to ``test-artifacts/page-width.txt``, to list every offending page in one run.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Page

REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "page-width.txt"
PHONE_WIDTH = 768

_WIDTH_JS = """
() => {
  const width = window.innerWidth;
  // Held by the window (fixed: toasts, menus) or by a box that scrolls or clips sideways and fits.
  const clipped = (el) => {
    if (getComputedStyle(el).position === 'fixed') return true;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.position === 'fixed') return true;
      if (style.overflowX !== 'visible' && up.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 0.5 || clipped(el)) continue;
    const classes = typeof el.className === 'string' ? el.className.split(' ').slice(0, 2).join('.') : '';
    wide.push([Math.round(box.right), `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${classes}`]);
  }
  wide.sort((a, b) => b[0] - a[0]);
  return {scroll: document.documentElement.scrollWidth, inner: width, wide: wide.slice(0, 5)};
}
"""


def check_page_width(page: Page, name: str) -> None:
    """At phone width, fail when the page is wider than the window (naming what sticks out)."""
    if page.viewport_size["width"] > PHONE_WIDTH:
        return
    measured = page.evaluate(_WIDTH_JS)
    if measured["scroll"] <= measured["inner"] and not measured["wide"]:
        return
    problem = (
        f"{name}: the page is {measured['scroll']} px wide in a {measured['inner']} px window; "
        f"widest elements (right edge px): {measured['wide']}"
    )
    REPORT.parent.mkdir(exist_ok=True)
    with REPORT.open("a") as log:
        log.write(problem + "\n")
    if os.environ.get("WIDTH_ENFORCE", "1") != "0":
        raise AssertionError(problem)
