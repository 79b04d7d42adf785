-- The whole schema on PostgreSQL: the tables of the SQLite backend (same columns, same meaning,
-- see storage/sqlite/migrations) plus the uploaded files' bytes.
-- Ids are bigint (Telegram ids exceed 32 bits). JSON columns hold strict JSON text written by
-- storage.codec, as on SQLite: nothing queries inside them, and jsonb would refuse the \u0000
-- that a spreadsheet cell can hold.

CREATE TABLE users (
    user_id     bigint      PRIMARY KEY,
    language    text,
    role        text        NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'consultant')),
    consent     boolean     NOT NULL DEFAULT false,
    consent_at  timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE uploads (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint      NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    file_name       text        NOT NULL,
    size_bytes      bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256          text        NOT NULL,
    row_count       bigint,
    column_count    bigint,
    column_mapping  text,
    status          text        NOT NULL
                    CHECK (status IN ('received', 'processing', 'done', 'failed')),
    error_code      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (id, user_id)
);
CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
CREATE INDEX uploads_by_hash ON uploads (user_id, sha256);
CREATE INDEX uploads_by_age ON uploads (created_at);

-- The uploaded file itself: goes with its upload row, in the same transaction.
CREATE TABLE upload_files (
    upload_id   bigint  PRIMARY KEY,
    user_id     bigint  NOT NULL,
    name        text    NOT NULL,
    content     bytea   NOT NULL,
    FOREIGN KEY (upload_id, user_id) REFERENCES uploads (id, user_id) ON DELETE CASCADE
);
-- Spreadsheets are mostly compressed already (xlsx, ods): store them as they are.
ALTER TABLE upload_files ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TABLE audits (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    upload_id   bigint      REFERENCES uploads (id) ON DELETE SET NULL,
    report      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (id, user_id)
);
CREATE INDEX audits_by_user ON audits (user_id, created_at);
CREATE INDEX audits_by_upload ON audits (upload_id);

CREATE TABLE customer_results (
    audit_id      bigint      NOT NULL,
    position      integer     NOT NULL,
    user_id       bigint      NOT NULL,
    upload_id     bigint,
    customer_key  text        NOT NULL,
    segment       text,
    data          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (audit_id, position),
    FOREIGN KEY (audit_id, user_id) REFERENCES audits (id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (upload_id, user_id) REFERENCES uploads (id, user_id) ON DELETE CASCADE
);
CREATE INDEX customer_results_by_upload ON customer_results (upload_id, user_id);
CREATE INDEX customer_results_by_age ON customer_results (created_at);

CREATE TABLE answers (
    user_id     bigint      NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    section     text        NOT NULL,
    item        text        NOT NULL,
    value       text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, section, item)
);

CREATE TABLE briefs (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id            bigint      NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    recipient_chat_id  bigint,
    content            text        NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX briefs_by_user ON briefs (user_id, created_at);

CREATE TABLE fsm_state (
    key                     text        PRIMARY KEY,
    bot_id                  bigint      NOT NULL,
    chat_id                 bigint      NOT NULL,
    user_id                 bigint      NOT NULL,
    thread_id               bigint,
    business_connection_id  text,
    destiny                 text        NOT NULL,
    state                   text,
    data                    text        NOT NULL DEFAULT '{}',
    updated_at              timestamptz NOT NULL
);
CREATE INDEX fsm_state_by_user ON fsm_state (user_id);
CREATE INDEX fsm_state_by_chat ON fsm_state (chat_id);
