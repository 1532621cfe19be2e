-- +goose Up
-- Launches are clones made by one PassFactory per chain and signer. Without
-- a factory given by the operator, the minter deploys the implementation and
-- the factory itself, each as a recorded transaction.
CREATE TABLE factories (
    chain_id       BIGINT NOT NULL,
    sender         TEXT NOT NULL,
    implementation TEXT NOT NULL, -- checksummed
    impl_tx_id     BIGINT NOT NULL REFERENCES chain_txs (id),
    factory        TEXT NOT NULL DEFAULT '', -- checksummed; '' until its deployment is recorded
    factory_tx_id  BIGINT REFERENCES chain_txs (id),
    PRIMARY KEY (chain_id, sender)
);

-- A pass's ERC-721 token id on chain (decimal): uint160(recipient) << 96 | n,
-- n counting the launch's passes to that recipient. Set when a mint carries
-- the pass; cleared when the pass goes back to the queue or fails unminted.
ALTER TABLE passes ADD COLUMN chain_token_id TEXT;
CREATE UNIQUE INDEX passes_chain_token ON passes (launch_id, chain_token_id);

-- +goose Down
DROP INDEX passes_chain_token;
ALTER TABLE passes DROP COLUMN chain_token_id;
DROP TABLE factories;
