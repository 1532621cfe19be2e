-- +goose Up
-- A pass waits in the queue with no transaction and no on-chain id: left
-- out of these two indexes until it has them, it costs an order two index
-- entries fewer, and the minter one entry less to move. Every query on
-- these columns compares them with a value, which implies NOT NULL, so it
-- still uses the index.
DROP INDEX passes_tx;
CREATE INDEX passes_tx ON passes (tx_id) WHERE tx_id IS NOT NULL;
DROP INDEX passes_chain_token;
CREATE UNIQUE INDEX passes_chain_token ON passes (launch_id, chain_token_id) WHERE chain_token_id IS NOT NULL;

-- +goose Down
DROP INDEX passes_chain_token;
CREATE UNIQUE INDEX passes_chain_token ON passes (launch_id, chain_token_id);
DROP INDEX passes_tx;
CREATE INDEX passes_tx ON passes (tx_id);
