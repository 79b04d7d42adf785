-- Salted hashes of each audit's customer keys, as storage/sqlite/migrations/0004.

CREATE TABLE customer_hash_salts (
    user_id     bigint      PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    salt        bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE customer_hashes (
    audit_id    bigint      PRIMARY KEY,
    user_id     bigint      NOT NULL,
    hashes      bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    FOREIGN KEY (audit_id, user_id) REFERENCES audits (id, user_id) ON DELETE CASCADE
);
CREATE INDEX customer_hashes_by_user ON customer_hashes (user_id);
CREATE INDEX customer_hashes_by_age ON customer_hashes (created_at);
