"""Rendering PDFs from Jinja2 templates with WeasyPrint."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache
def template_environment() -> Environment:
    """Return the Jinja2 environment over ``care_portal/templates`` (HTML autoescaped)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(template: str, context: dict) -> str:
    """Render a template to a string."""
    return template_environment().get_template(template).render(**context)


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF bytes.

    Args:
        template: File name under ``care_portal/templates``.
        context: Values for the template.

    Returns:
        The PDF document.
    """
    from weasyprint import HTML  # imported lazily: it loads native libraries

    return HTML(string=render_html(template, context), base_url=str(TEMPLATES)).write_pdf()
