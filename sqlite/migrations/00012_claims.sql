-- +goose Up
-- A custodial customer's pass on its way to their own wallet: the signer
-- funds the custodial wallet (fund_tx_id), which then sends the pass.
CREATE TABLE claims (
    id           TEXT PRIMARY KEY,
    brand_id     TEXT NOT NULL REFERENCES brands (id),
    customer_ref TEXT NOT NULL,
    launch_id    TEXT NOT NULL REFERENCES launches (id),
    chain_id     INTEGER NOT NULL,
    contract     TEXT NOT NULL,
    token_id     INTEGER NOT NULL,
    from_wallet  TEXT NOT NULL,
    to_wallet    TEXT NOT NULL,
    state        TEXT NOT NULL, -- funding | funded | transferring | claimed | failed
    fund_wei     TEXT NOT NULL,
    fund_tx_id   INTEGER REFERENCES chain_txs (id),
    tx_hash      TEXT NOT NULL DEFAULT '',
    raw          BLOB,
    fail_reason  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    claimed_at   TIMESTAMP
);
CREATE INDEX claims_customer ON claims (brand_id, customer_ref, created_at);
CREATE INDEX claims_open ON claims (chain_id, state) WHERE state IN ('funding', 'funded', 'transferring');
-- A pass is claimed once at a time.
CREATE UNIQUE INDEX claims_pass ON claims (launch_id, token_id) WHERE state <> 'failed';

-- +goose Down
DROP TABLE claims;
