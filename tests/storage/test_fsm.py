"""SQLFSMStorage against aiogram's own storage contract, plus persistence and keys, on SQLite
and on PostgreSQL (the ``store`` fixture runs each test on both).

The contract cases reproduce aiogram's tests/test_fsm/storage/test_storages.py (aiogram 3.31).
"""

import asyncio
from pathlib import Path
from typing import TypedDict

import pytest
from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, StorageKey

from storage import SQLFSMStorage, SQLiteStorage, Storage, open_sqlite_storage
from storage.postgres import PostgresStorage

KEY = StorageKey(bot_id=42, chat_id=-42, user_id=42)


class Intake(StatesGroup):
    value_proposition = State()
    unit_economics = State()


@pytest.fixture
def fsm(store: Storage) -> BaseStorage:
    return store.fsm


# --- aiogram's contract -------------------------------------------------------------------


async def test_set_state(fsm: BaseStorage) -> None:
    assert await fsm.get_state(key=KEY) is None
    await fsm.set_state(key=KEY, state="state")
    assert await fsm.get_state(key=KEY) == "state"
    await fsm.set_state(key=KEY, state=None)
    assert await fsm.get_state(key=KEY) is None


async def test_set_data(fsm: BaseStorage) -> None:
    assert await fsm.get_data(key=KEY) == {}
    assert await fsm.get_value(storage_key=KEY, dict_key="foo") is None
    assert await fsm.get_value(storage_key=KEY, dict_key="foo", default="baz") == "baz"

    await fsm.set_data(key=KEY, data={"foo": "bar"})
    assert await fsm.get_data(key=KEY) == {"foo": "bar"}
    assert await fsm.get_value(storage_key=KEY, dict_key="foo") == "bar"
    assert await fsm.get_value(storage_key=KEY, dict_key="foo", default="baz") == "bar"

    await fsm.set_data(key=KEY, data={})
    assert await fsm.get_data(key=KEY) == {}
    assert await fsm.get_value(storage_key=KEY, dict_key="foo") is None
    assert await fsm.get_value(storage_key=KEY, dict_key="foo", default="baz") == "baz"

    class CustomTypedDict(TypedDict, total=False):
        foo: str
        bar: str

    await fsm.set_data(key=KEY, data=CustomTypedDict(foo="bar", bar="baz"))
    assert await fsm.get_data(key=KEY) == {"foo": "bar", "bar": "baz"}
    assert await fsm.get_value(storage_key=KEY, dict_key="foo", default="baz") == "bar"

    with pytest.raises(DataNotDictLikeError):
        await fsm.set_data(key=KEY, data=())  # type: ignore[arg-type]


async def test_update_data(fsm: BaseStorage) -> None:
    assert await fsm.get_data(key=KEY) == {}
    assert await fsm.update_data(key=KEY, data={"foo": "bar"}) == {"foo": "bar"}
    assert await fsm.update_data(key=KEY, data={}) == {"foo": "bar"}
    assert await fsm.get_data(key=KEY) == {"foo": "bar"}
    assert await fsm.update_data(key=KEY, data={"baz": "spam"}) == {"foo": "bar", "baz": "spam"}
    assert await fsm.get_data(key=KEY) == {"foo": "bar", "baz": "spam"}
    assert await fsm.update_data(key=KEY, data={"baz": "test"}) == {"foo": "bar", "baz": "test"}
    assert await fsm.get_data(key=KEY) == {"foo": "bar", "baz": "test"}


# --- keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        StorageKey(bot_id=43, chat_id=-42, user_id=42),
        StorageKey(bot_id=42, chat_id=-43, user_id=42),
        StorageKey(bot_id=42, chat_id=-42, user_id=43),
        StorageKey(bot_id=42, chat_id=-42, user_id=42, thread_id=7),
        StorageKey(bot_id=42, chat_id=-42, user_id=42, destiny="toolkit"),
        StorageKey(bot_id=42, chat_id=-42, user_id=42, business_connection_id="b1"),
    ],
    ids=["bot", "chat", "user", "thread", "destiny", "business_connection"],
)
async def test_keys_differing_in_one_part_do_not_share_state(
    fsm: BaseStorage, other: StorageKey
) -> None:
    await fsm.set_state(KEY, "mine")
    await fsm.set_data(KEY, {"mine": True})
    assert await fsm.get_state(other) is None
    assert await fsm.get_data(other) == {}
    await fsm.set_state(other, "theirs")
    await fsm.set_data(other, {"theirs": True})
    assert await fsm.get_state(KEY) == "mine"
    assert await fsm.get_data(KEY) == {"mine": True}


# --- beyond the contract -------------------------------------------------------------------


async def test_state_objects_and_fsm_context(fsm: BaseStorage) -> None:
    context = FSMContext(storage=fsm, key=KEY)
    await context.set_state(Intake.unit_economics)
    await context.update_data(cac=1200)
    assert await context.get_state() == Intake.unit_economics.state
    await context.clear()
    assert await context.get_state() is None
    assert await context.get_data() == {}


async def test_cleared_keys_leave_no_row(store: SQLiteStorage | PostgresStorage) -> None:
    await store.fsm.set_state(KEY, "s")
    await store.fsm.set_data(KEY, {"a": 1})
    await store.fsm.set_state(KEY, None)
    await store.fsm.set_data(KEY, {})
    assert await store.db.fetch_all("SELECT key FROM fsm_state") == []


async def test_concurrent_update_data_loses_no_field(fsm: BaseStorage) -> None:
    await asyncio.gather(*(fsm.update_data(KEY, {f"f{i}": i}) for i in range(50)))
    assert await fsm.get_data(KEY) == {f"f{i}": i for i in range(50)}


async def test_dialog_survives_a_restart(data_dir: Path) -> None:
    first = await open_sqlite_storage(data_dir)
    await first.fsm.set_state(KEY, Intake.value_proposition)
    await first.fsm.update_data(KEY, {"segment": "champions", "answers": [1, "два"]})
    await first.close()
    second = await open_sqlite_storage(data_dir)
    try:
        assert await second.fsm.get_state(KEY) == Intake.value_proposition.state
        assert await second.fsm.get_data(KEY) == {"segment": "champions", "answers": [1, "два"]}
    finally:
        await second.close()


async def test_close_leaves_a_shared_database_open(store: Storage) -> None:
    await store.fsm.close()  # aiogram calls this first at shutdown
    await store.users.ensure(1)  # other shutdown handlers can still write


async def test_standalone_fsm_storage_owns_its_database(tmp_path: Path) -> None:
    from storage.sqlite import Database, apply_migrations

    db = await Database.open(tmp_path / "fsm.sqlite3")
    await apply_migrations(db)
    fsm = SQLFSMStorage(db, owns_database=True)
    await fsm.set_state(KEY, "x")
    await fsm.close()
    with pytest.raises(Exception, match="closed"):
        await fsm.get_state(KEY)
