-- +goose Up
CREATE TABLE brands (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    brand_id   TEXT REFERENCES brands (id),
    role       TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    hash       BLOB NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_keys_brand ON api_keys (brand_id);

CREATE TABLE chain_txs (
    id           INTEGER PRIMARY KEY,
    chain_id     INTEGER NOT NULL,
    sender       TEXT NOT NULL,
    nonce        INTEGER NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    raw          BLOB NOT NULL,
    kind         TEXT NOT NULL,
    launch_id    TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending', -- pending | confirmed | failed
    block_number INTEGER,
    block_hash   TEXT,
    gas_used     INTEGER,
    created_at   TIMESTAMP NOT NULL,
    settled_at   TIMESTAMP,
    UNIQUE (chain_id, sender, nonce)
);
CREATE INDEX chain_txs_pending ON chain_txs (chain_id, nonce) WHERE state = 'pending';

CREATE TABLE launches (
    id               TEXT PRIMARY KEY,
    brand_id         TEXT NOT NULL REFERENCES brands (id),
    state            TEXT NOT NULL,
    name             TEXT NOT NULL,
    symbol           TEXT NOT NULL,
    description      TEXT NOT NULL,
    image_url        TEXT NOT NULL,
    external_url     TEXT NOT NULL,
    attributes       TEXT NOT NULL, -- JSON
    supply_cap       INTEGER NOT NULL,
    per_wallet_cap   INTEGER NOT NULL,
    sale_starts_at   TIMESTAMP,
    sale_ends_at     TIMESTAMP,
    skus             TEXT NOT NULL, -- JSON
    soulbound        INTEGER NOT NULL,
    royalty_receiver TEXT NOT NULL,
    royalty_bps      INTEGER NOT NULL,
    chain_id         INTEGER NOT NULL,
    contract         TEXT NOT NULL DEFAULT '',
    deploy_tx_id     INTEGER REFERENCES chain_txs (id),
    deploy_error     TEXT NOT NULL DEFAULT '',
    allocated        INTEGER NOT NULL DEFAULT 0,
    minted           INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX launches_brand ON launches (brand_id, created_at);
CREATE UNIQUE INDEX launches_contract ON launches (chain_id, contract) WHERE contract <> '';

CREATE TABLE orders (
    id              TEXT PRIMARY KEY,
    brand_id        TEXT NOT NULL REFERENCES brands (id),
    launch_id       TEXT NOT NULL REFERENCES launches (id),
    order_id        TEXT NOT NULL,
    idempotency_key TEXT,
    sku             TEXT NOT NULL,
    quantity        INTEGER NOT NULL,
    wallet          TEXT NOT NULL,
    request_hash    BLOB NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (brand_id, order_id)
);
CREATE UNIQUE INDEX orders_idempotency ON orders (brand_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_launch ON orders (launch_id, created_at);

CREATE TABLE passes (
    id          INTEGER PRIMARY KEY,
    launch_id   TEXT NOT NULL REFERENCES launches (id),
    order_id    TEXT NOT NULL REFERENCES orders (id),
    token_id    INTEGER NOT NULL,
    recipient   TEXT NOT NULL,
    state       TEXT NOT NULL,
    tx_id       INTEGER REFERENCES chain_txs (id),
    fail_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (launch_id, token_id)
);
CREATE INDEX passes_queued ON passes (launch_id, id) WHERE state = 'queued';
CREATE INDEX passes_order ON passes (order_id);
CREATE INDEX passes_recipient ON passes (recipient, launch_id);
CREATE INDEX passes_tx ON passes (tx_id);
