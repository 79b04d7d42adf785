-- Users, their uploads, audit reports and the per-customer rows behind exports.
-- Timestamps are ISO 8601 UTC text with microseconds (they sort chronologically).
-- JSON columns hold strict JSON text.

CREATE TABLE users (
    user_id     INTEGER PRIMARY KEY,                -- Telegram user id
    language    TEXT,                               -- 'ru', 'en' or NULL (not chosen yet)
    role        TEXT    NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'consultant')),
    consent     INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    consent_at  TEXT,                               -- time of the last consent decision
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE uploads (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    file_name       TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256          TEXT    NOT NULL,
    row_count       INTEGER,
    column_count    INTEGER,
    column_mapping  TEXT CHECK (column_mapping IS NULL OR json_valid(column_mapping)),
    status          TEXT    NOT NULL
                    CHECK (status IN ('received', 'processing', 'done', 'failed')),
    error_code      TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (id, user_id)                            -- target of same-owner foreign keys
) STRICT;
CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
CREATE INDEX uploads_by_hash ON uploads (user_id, sha256);
CREATE INDEX uploads_by_age ON uploads (created_at);

CREATE TABLE audits (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    upload_id   INTEGER REFERENCES uploads (id) ON DELETE SET NULL,
    report      TEXT    NOT NULL CHECK (json_valid(report)),
    created_at  TEXT    NOT NULL,
    UNIQUE (id, user_id)
) STRICT;
CREATE INDEX audits_by_user ON audits (user_id, created_at);
CREATE INDEX audits_by_upload ON audits (upload_id);

-- Composite foreign keys make it impossible for a row to point at another user's audit.
CREATE TABLE customer_results (
    audit_id      INTEGER NOT NULL,
    position      INTEGER NOT NULL,                 -- order of the rows as written
    user_id       INTEGER NOT NULL,
    upload_id     INTEGER,
    customer_key  TEXT    NOT NULL,
    segment       TEXT,
    data          TEXT    NOT NULL CHECK (json_valid(data)),
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (audit_id, position),
    FOREIGN KEY (audit_id, user_id) REFERENCES audits (id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (upload_id, user_id) REFERENCES uploads (id, user_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX customer_results_by_upload ON customer_results (upload_id, user_id);
CREATE INDEX customer_results_by_age ON customer_results (created_at);
