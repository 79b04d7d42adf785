"""The queue's tables (procrastinate's schema), installed once, under an advisory lock."""

import psycopg
from procrastinate.schema import SchemaManager

QUEUE_SCHEMA_LOCK = 0x6B7261746E71  # "kratnq"


async def install_queue_schema(url: str) -> bool:
    """Create the queue's tables unless they exist; True when this call created them.
    Instances starting together wait for one another on the lock."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        await conn.execute("SELECT pg_advisory_lock(%s)", (QUEUE_SCHEMA_LOCK,))
        try:
            cursor = await conn.execute("SELECT to_regclass('procrastinate_jobs') IS NULL")
            row = await cursor.fetchone()
            if row is None or not row[0]:
                return False
            async with conn.transaction():
                await conn.execute(SchemaManager.get_schema())
            return True
        finally:
            await conn.execute("SELECT pg_advisory_unlock(%s)", (QUEUE_SCHEMA_LOCK,))
