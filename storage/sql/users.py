"""Users: Telegram id, language, consent (with its time) and role."""



from storage.codec import from_timestamp, optional_timestamp
from storage.errors import NotFoundError
from storage.interfaces import UserRepository
from storage.models import Role, User
from storage.sql.base import Repository
from storage.sql.connection import Row

_COLUMNS = "user_id, language, role, consent, consent_at, created_at, updated_at"


class SQLUserRepository(Repository, UserRepository):
    """`UserRepository` in SQL."""

    async def get(self, user_id: int) -> User | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM users WHERE user_id = ?", (user_id,)
        )
        return None if row is None else _user(row)

    async def ensure(
        self, user_id: int, *, language: str | None = None, role: Role = Role.OWNER
    ) -> User:
        now = self._now()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (user_id, language, role, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING",
                (user_id, language, Role(role).value, now, now),
            )
            row = await tx.fetch_one(f"SELECT {_COLUMNS} FROM users WHERE user_id = ?", (user_id,))
        assert row is not None
        return _user(row)

    async def set_language(self, user_id: int, language: str) -> User:
        return await self._update(user_id, "language = ?", (language,))

    async def set_consent(self, user_id: int, consent: bool) -> User:
        return await self._update(
            user_id, "consent = ?, consent_at = ?", (bool(consent), self._now())
        )

    async def set_role(self, user_id: int, role: Role) -> User:
        return await self._update(user_id, "role = ?", (Role(role).value,))

    async def _update(self, user_id: int, assignments: str, values: tuple[object, ...]) -> User:
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                f"UPDATE users SET {assignments}, updated_at = ? WHERE user_id = ?"
                f" RETURNING {_COLUMNS}",
                (*values, self._now(), user_id),
            )
        if row is None:
            raise NotFoundError(f"no user {user_id}")
        return _user(row)


def _user(row: Row) -> User:
    return User(
        user_id=row["user_id"],
        language=row["language"],
        role=Role(row["role"]),
        consent=bool(row["consent"]),
        consent_at=optional_timestamp(row["consent_at"]),
        created_at=from_timestamp(row["created_at"]),
        updated_at=from_timestamp(row["updated_at"]),
    )
