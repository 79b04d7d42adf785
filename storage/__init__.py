"""Kratno storage: SQLite (aiosqlite) repositories, migrations and the aiogram FSM storage."""
