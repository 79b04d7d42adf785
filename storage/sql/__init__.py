"""Repositories and the aiogram FSM storage written once in SQL, shared by the SQLite and the
PostgreSQL backends through the protocols of `storage.sql.connection`."""
