-- Salted hashes of each audit's customer keys (a bounded sample of 64-bit values, see
-- analytics/advice/overlap.py): whether two audits share customers, without any key or
-- contact. The salt is per user and goes with the user; the hashes expire with the
-- customer-level results (RETENTION_DAYS).

CREATE TABLE customer_hash_salts (
    user_id     INTEGER PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    salt        BLOB    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE customer_hashes (
    audit_id    INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    hashes      BLOB    NOT NULL,                   -- sorted 8-byte big-endian values
    created_at  TEXT    NOT NULL,
    FOREIGN KEY (audit_id, user_id) REFERENCES audits (id, user_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX customer_hashes_by_user ON customer_hashes (user_id);
CREATE INDEX customer_hashes_by_age ON customer_hashes (created_at);
