"""Radix Themes for this app's build: only what the pages use reaches the browser.

Reflex's ``RadixThemesPlugin`` registers ``@radix-ui/themes`` as a *bundled library*: the
root module then imports the whole namespace (every Radix Themes component, with its
Radix primitive, Floating UI and the theme panel) so that components sent at run time
(``rx.dynamic``) could find it on ``window.__reflex``. Because the root also imports
``Theme`` from the same module, the bundler puts that namespace in the chunk every page
loads first, even with ``frontend_lazy_bundled_libraries``. This app renders no dynamic
components, so the plugin below keeps Radix Themes as an ordinary dependency: each page
imports the components it uses, nothing more.
"""

from __future__ import annotations

from typing import Any

import reflex as rx


class PageScopedRadixThemes(rx.plugins.RadixThemesPlugin):
    """``RadixThemesPlugin`` without putting the whole namespace on ``window.__reflex``.

    The package is still installed: every Radix Themes component names it as its library.
    """

    def get_frontend_dependencies(self, **context: Any) -> tuple[str, ...]:
        """Return nothing, so the compiler does not bundle the namespace for dynamic components.

        Args:
            **context: The plugin context (unused).

        Returns:
            An empty tuple.
        """
        return ()
