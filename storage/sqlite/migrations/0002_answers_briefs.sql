-- Questionnaire answers and the intake briefs sent to consultants.

CREATE TABLE answers (
    user_id     INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    section     TEXT    NOT NULL,                   -- storage.models.AnswerSection
    item        TEXT    NOT NULL,                   -- segment code, input name or question id
    value       TEXT    NOT NULL CHECK (json_valid(value)),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (user_id, section, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE briefs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id            INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    recipient_chat_id  INTEGER,
    content            TEXT    NOT NULL CHECK (json_valid(content)),
    created_at         TEXT    NOT NULL
) STRICT;
CREATE INDEX briefs_by_user ON briefs (user_id, created_at);
