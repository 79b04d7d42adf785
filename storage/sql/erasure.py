"""The order in which a user's rows are deleted, shared by the backends' erasure."""

from collections.abc import Iterable
from graphlib import TopologicalSorter

from storage.sql.connection import Transaction


def children_first(tables: Iterable[str], references: Iterable[tuple[str, str]]) -> list[str]:
    """``tables`` ordered so each comes before the tables it references (``(child, parent)``
    pairs), so every row is deleted by a counted DELETE, none silently by a cascade."""
    names = set(tables)
    referenced_by: dict[str, set[str]] = {table: set() for table in names}
    for child, parent in references:
        if child in names and parent in names and child != parent:
            referenced_by[parent].add(child)
    return list(TopologicalSorter(referenced_by).static_order())


async def user_tables(tx: Transaction, tables_sql: str, references_sql: str) -> list[str]:
    """The tables with a ``user_id`` (``tables_sql`` lists them) except ``users``, in
    `children_first` order of the foreign keys ``references_sql`` lists as (child, parent)."""
    tables = [str(row[0]) for row in await tx.fetch_all(tables_sql)]
    references = [(str(r[0]), str(r[1])) for r in await tx.fetch_all(references_sql)]
    return children_first(tables, references)


async def count_rows(tx: Transaction, table: str) -> int:
    """Rows in ``table`` (seen by this transaction)."""
    row = await tx.fetch_one(f'SELECT COUNT(*) FROM "{table}"')
    return 0 if row is None else int(row[0])
