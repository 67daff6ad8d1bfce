"""Radix Themes for this app's build: only what the pages use reaches the browser.

Reflex's ``RadixThemesPlugin`` registers ``@radix-ui/themes`` as a *bundled library*: the
root module then imports the whole namespace (every Radix Themes component, with its
Radix primitive, Floating UI and the theme panel) so that components sent at run time
(``rx.dynamic``) could find it on ``window.__reflex``. Because the root also imports
``Theme`` from the same module, the bundler puts that namespace in the chunk every page
loads first, even with ``frontend_lazy_bundled_libraries``. This app renders no dynamic
components, so the plugin below keeps Radix Themes as an ordinary dependency: each page
imports the components it uses, nothing more.

The stylesheet is Radix Themes' own split (its documented granular imports) with only the
colour palettes the app names instead of all 31: ``styles.css`` is 84 KB gzip and blocks the
first paint; the palettes left out are about 25 KB of it. ``tests/test_radix_plugin.py``
fails when the code names a colour that is not in ``PALETTES``.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

# Accent and gray colours the app uses (``color_scheme=…``, ``rx.color(…)``, the theme's
# ``accent_color``/``gray_color``); ``gray`` is the neutral ``color_scheme="gray"`` maps to.
PALETTES = (
    "amber",
    "blue",
    "gray",
    "green",
    "indigo",
    "iris",
    "orange",
    "red",
    "slate",
    "teal",
    "violet",
)
STYLESHEETS = (
    "@radix-ui/themes/tokens/base.css",
    *(f"@radix-ui/themes/tokens/colors/{palette}.css" for palette in PALETTES),
    "@radix-ui/themes/components.css",
    "@radix-ui/themes/utilities.css",
)


class PageScopedRadixThemes(rx.plugins.RadixThemesPlugin):
    """``RadixThemesPlugin`` without the whole namespace on ``window.__reflex`` nor every palette.

    The package is still installed: every Radix Themes component names it as its library.
    """

    def get_stylesheet_paths(self, **context: Any) -> tuple[str, ...]:
        """Return Radix Themes' base tokens, the palettes in ``PALETTES``, components and utilities.

        Args:
            **context: The plugin context (unused).

        Returns:
            The stylesheets, in the order Radix Themes documents.
        """
        return STYLESHEETS if self.enabled else ()

    def get_frontend_dependencies(self, **context: Any) -> tuple[str, ...]:
        """Return nothing, so the compiler does not bundle the namespace for dynamic components.

        Args:
            **context: The plugin context (unused).

        Returns:
            An empty tuple.
        """
        return ()
