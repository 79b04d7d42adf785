"""The order in which a user's rows are deleted, shared by the backends' erasure."""

from collections.abc import Iterable
from graphlib import TopologicalSorter


def children_first(tables: Iterable[str], references: Iterable[tuple[str, str]]) -> list[str]:
    """``tables`` ordered so each comes before the tables it references (``(child, parent)``
    pairs), so every row is deleted by a counted DELETE, none silently by a cascade."""
    names = set(tables)
    referenced_by: dict[str, set[str]] = {table: set() for table in names}
    for child, parent in references:
        if child in names and parent in names and child != parent:
            referenced_by[parent].add(child)
    return list(TopologicalSorter(referenced_by).static_order())
