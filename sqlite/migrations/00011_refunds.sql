-- +goose Up
-- A refunded order's passes stop counting at once; minted ones are burned.
ALTER TABLE orders ADD COLUMN refunded_at TIMESTAMP;
ALTER TABLE passes ADD COLUMN refund INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passes ADD COLUMN burn_tx_id INTEGER REFERENCES chain_txs (id);
CREATE INDEX passes_to_burn ON passes (launch_id) WHERE refund = 1 AND state = 'minted' AND burn_tx_id IS NULL;
CREATE INDEX passes_burn_tx ON passes (burn_tx_id) WHERE burn_tx_id IS NOT NULL;

-- +goose Down
DROP INDEX passes_burn_tx;
DROP INDEX passes_to_burn;
ALTER TABLE passes DROP COLUMN burn_tx_id;
ALTER TABLE passes DROP COLUMN refund;
ALTER TABLE orders DROP COLUMN refunded_at;
