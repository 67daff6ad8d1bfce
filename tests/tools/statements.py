"""Count the SQL statements a piece of code sends (a ``before_cursor_execute`` listener)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Engine


class StatementLog(list[str]):
    """The SQL text of every statement sent while counting, in order."""

    @property
    def count(self) -> int:
        """How many statements were sent."""
        return len(self)


@contextmanager
def count_statements(engine: Engine) -> Iterator[StatementLog]:
    """Record every statement ``engine`` sends inside the ``with`` block.

    Example::

        with count_statements(engine) as log:
            list_client_tasks(session, actor=client)
        assert log.count <= 10, "\\n".join(log)
    """
    log = StatementLog()

    def _record(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        log.append(statement)

    event.listen(engine, "before_cursor_execute", _record)
    try:
        yield log
    finally:
        event.remove(engine, "before_cursor_execute", _record)
