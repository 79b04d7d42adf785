"""What a user told the bot survives closing and reopening DATA_DIR."""

from pathlib import Path

import pytest
from aiogram.fsm.storage.base import StorageKey

from storage import AnswerSection, DataLayout, open_sqlite_storage


async def test_half_answered_questionnaire_history_and_consent_survive(data_dir: Path) -> None:
    key = StorageKey(bot_id=1, chat_id=10, user_id=10)
    before = await open_sqlite_storage(data_dir)
    await before.users.ensure(10, language="ru")
    consent = await before.users.set_consent(10, True)
    await before.answers.put(10, AnswerSection.UNIT_ECONOMICS, "cac", 900)
    await before.fsm.set_state(key, "UnitEconomics:margin")  # the next question
    audit = await before.audits.add(10, {"data": {"customers": 5}})
    await before.close()

    after = await open_sqlite_storage(data_dir)
    try:
        assert await after.users.get(10) == consent
        assert await after.answers.get_section(10, AnswerSection.UNIT_ECONOMICS) == {"cac": 900}
        assert await after.fsm.get_state(key) == "UnitEconomics:margin"
        assert await after.audits.history(10) == [audit]
    finally:
        await after.close()
    assert not (data_dir / "kratno.sqlite3-wal").exists()  # a clean close folds the WAL in


def test_data_layout_paths(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    assert layout.database == tmp_path / "kratno.sqlite3"
    assert layout.upload_dir(5, 7) == tmp_path / "users" / "5" / "uploads" / "7"
    assert layout.tmp_dir(5) == tmp_path / "users" / "5" / "tmp"
    created = layout.ensure_tmp_dir(5)
    assert created.is_dir()
    for folder in (created, created.parent, created.parent.parent):  # tmp, <uid>, users
        assert folder.stat().st_mode & 0o077 == 0, folder


@pytest.mark.parametrize("bad", [0, -1, True, "5", "../5"])
def test_data_layout_rejects_ids_that_are_not_positive_ints(tmp_path: Path, bad: object) -> None:
    with pytest.raises(ValueError):
        DataLayout(tmp_path).user_dir(bad)  # type: ignore[arg-type]
