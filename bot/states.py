"""Dialog states (kept in the SQLite FSM storage, so a restart resumes where it was)."""

from aiogram.fsm.state import State, StatesGroup


class AuditFlow(StatesGroup):
    """An upload waiting for consent or for the user to confirm columns."""

    consent = State()
    columns = State()


class Dialog(StatesGroup):
    """A questionnaire in progress; the flow and position are in the state's data."""

    active = State()
