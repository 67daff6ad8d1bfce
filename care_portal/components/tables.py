"""A plain table of rows (dicts of text), with its own line when there are none."""

from __future__ import annotations

import reflex as rx

from care_portal.components.i18n import t


def rows_table(
    rows: rx.Var,
    columns: list[tuple[str, str]],
    empty: rx.Component,
    *,
    row_class: str = "",
    **props,
) -> rx.Component:
    """A table with one column per ``(heading key, row key)``, or ``empty`` when there are no rows.

    Args:
        rows: The state's list of rows, each a dict of text.
        columns: ``(catalogue key of the heading, key of the cell in each row)``, in order.
        empty: What is shown instead of the table when there are no rows.
        row_class: Class name of each body row (for tests and styles).
        **props: More props of the table (its id, …).

    Returns:
        The table, or ``empty``.
    """
    row_props = {"class_name": row_class} if row_class else {}
    return rx.cond(
        rows.length() > 0,
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(key)) for key, _ in columns])),
            rx.table.body(
                rx.foreach(
                    rows,
                    lambda row: rx.table.row(*[rx.table.cell(row[cell]) for _, cell in columns], **row_props),
                )
            ),
            **props,
            width="100%",
        ),
        empty,
    )
