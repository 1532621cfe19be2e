-- +goose Up
-- A chain_txs row is one nonce of the signer and what it carries; every
-- signed version of it (the first, and replacements with higher fees) is an
-- attempt, and any one of them may be mined. chain_txs.hash and raw are the
-- attempt broadcast now, or the mined one once it is mined. state gains
-- 'dropped': another transaction took the nonce and the passes were queued
-- again.
CREATE TABLE tx_attempts (
    id          INTEGER PRIMARY KEY,
    tx_id       INTEGER NOT NULL REFERENCES chain_txs (id),
    hash        TEXT NOT NULL UNIQUE,
    raw         BLOB NOT NULL,
    gas_tip_cap TEXT, -- wei per gas, decimal; NULL for attempts recorded before fees were
    gas_fee_cap TEXT,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX tx_attempts_tx ON tx_attempts (tx_id, id);
INSERT INTO tx_attempts (tx_id, hash, raw, created_at) SELECT id, hash, raw, created_at FROM chain_txs;

-- Confirmed transactions are watched for leaving the canonical chain.
CREATE INDEX chain_txs_confirmed ON chain_txs (chain_id, block_number) WHERE state = 'confirmed';
-- Passes held while the signer cannot pay.
CREATE INDEX passes_waiting ON passes (launch_id) WHERE state = 'waiting_for_funds';

-- +goose Down
DROP INDEX passes_waiting;
DROP INDEX chain_txs_confirmed;
DROP TABLE tx_attempts;
