"""Exceptions raised by every storage backend."""


class StorageError(Exception):
    """Base class of all storage errors."""


class NotFoundError(StorageError):
    """The row does not exist or belongs to another user (the two are indistinguishable)."""


class MigrationError(StorageError):
    """The database schema cannot be brought to the version this code expects."""
