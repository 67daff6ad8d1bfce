"""Paging of long lists: 25 rows a page, newest first, counted and cut in SQL."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, literal_column
from sqlmodel import Session, select

PAGE_SIZE = 25

T = TypeVar("T")


class Page(list[T]):
    """The rows of one page, plus where that page stands (a list, so callers can iterate it).

    Attributes:
        number: The page shown, from 1.
        pages: How many pages there are (at least 1).
        total: How many rows there are in all.
    """

    def __init__(self, rows=(), *, number: int = 1, total: int | None = None, size: int = PAGE_SIZE):
        rows = list(rows)
        super().__init__(rows)
        self.total = len(rows) if total is None else total
        self.pages = max(1, -(-self.total // size))
        self.number = min(max(1, number), self.pages)


def page_number(page: int | str | None) -> int:
    """Return a sane page number from user input (anything wrong is page 1)."""
    try:
        return max(1, int(page or 1))
    except (TypeError, ValueError):
        return 1


def fetch_page(session: Session, query: Any, page: int, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    """Count the rows of an ordered query and fetch one page of it (two statements).

    Args:
        session: Open session.
        query: An ordered ``select``; its ORDER BY must end in a unique column.
        page: The wanted page (from 1; past the end means the last page).
        size: Rows per page.

    Returns:
        ``(rows, total, page)``: the page's rows, the number of rows in all, the page actually read.
    """
    counted = query.order_by(None).with_only_columns(literal_column("1"), maintain_column_froms=True)
    total = session.exec(select(func.count()).select_from(counted.subquery())).one()
    pages = max(1, -(-total // size))
    number = min(page_number(page), pages)
    rows = list(session.exec(query.limit(size).offset((number - 1) * size)).all())
    return rows, total, number
