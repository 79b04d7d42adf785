-- Telegram updates already handled by some bot instance: a repeated update_id (a webhook
-- retried after a timeout, or delivered to another instance) is ignored. Kept for a day,
-- as long as Telegram keeps an update.

CREATE TABLE handled_updates (
    bot_id      bigint      NOT NULL,
    update_id   bigint      NOT NULL,
    handled_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bot_id, update_id)
);
CREATE INDEX handled_updates_by_age ON handled_updates (handled_at);
