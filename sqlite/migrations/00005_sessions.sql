-- +goose Up
CREATE TABLE siwe_nonces (
    nonce      TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

CREATE TABLE sessions (
    hash       BLOB PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    wallet     TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
