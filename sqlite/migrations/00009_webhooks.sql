-- +goose Up
-- Events for brands' systems, written in the transaction of the change
-- they describe; the dispatcher fans each out to subscribed endpoints.
CREATE TABLE outbox (
    id         TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL,
    type       TEXT NOT NULL,
    payload    BLOB NOT NULL, -- the event as delivered (JSON)
    created_at TIMESTAMP NOT NULL,
    fanned_out INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_new ON outbox (created_at, id) WHERE fanned_out = 0;

CREATE TABLE webhook_endpoints (
    id         TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    url        TEXT NOT NULL,
    events     TEXT NOT NULL, -- JSON array of event types
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX webhook_endpoints_brand ON webhook_endpoints (brand_id);

CREATE TABLE webhook_deliveries (
    id           TEXT PRIMARY KEY,
    endpoint_id  TEXT NOT NULL REFERENCES webhook_endpoints (id),
    brand_id     TEXT NOT NULL,
    event_id     TEXT NOT NULL REFERENCES outbox (id),
    event_type   TEXT NOT NULL,
    state        TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at_ms   INTEGER, -- unix milliseconds of the next attempt, while pending
    last_status  INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at_ms) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_brand ON webhook_deliveries (brand_id, created_at);

-- +goose Down
DROP TABLE webhook_deliveries;
DROP TABLE webhook_endpoints;
DROP TABLE outbox;
