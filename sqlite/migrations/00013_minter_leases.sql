-- +goose Up
-- One replica at a time mints with a signer: the holder of its lease.
CREATE TABLE minter_leases (
    chain_id      INTEGER NOT NULL,
    sender        TEXT NOT NULL,
    holder        TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    PRIMARY KEY (chain_id, sender)
);

-- +goose Down
DROP TABLE minter_leases;
