-- aiogram FSM state and data, one row per storage key (see storage.sqlite.fsm).
-- No foreign key to users: a dialog can start before the user row exists.

CREATE TABLE fsm_state (
    key                     TEXT    PRIMARY KEY,    -- DefaultKeyBuilder output
    bot_id                  INTEGER NOT NULL,
    chat_id                 INTEGER NOT NULL,
    user_id                 INTEGER NOT NULL,
    thread_id               INTEGER,
    business_connection_id  TEXT,
    destiny                 TEXT    NOT NULL,
    state                   TEXT,
    data                    TEXT    NOT NULL DEFAULT '{}',
    updated_at              TEXT    NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX fsm_state_by_user ON fsm_state (user_id);
CREATE INDEX fsm_state_by_chat ON fsm_state (chat_id);
