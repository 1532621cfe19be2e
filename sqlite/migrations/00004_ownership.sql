-- +goose Up
-- Blocks the ownership indexer has recorded (every block holding a transfer
-- and the end of every indexed range), to notice reorganisations.
CREATE TABLE indexed_blocks (
    chain_id INTEGER NOT NULL,
    number   INTEGER NOT NULL,
    hash     TEXT NOT NULL,
    PRIMARY KEY (chain_id, number)
);

-- How far each launch contract's transfers are indexed (inclusive).
CREATE TABLE indexed_contracts (
    chain_id   INTEGER NOT NULL,
    contract   TEXT NOT NULL, -- checksummed, as in launches.contract
    indexed_to INTEGER NOT NULL,
    PRIMARY KEY (chain_id, contract)
);

-- Every Transfer event of a launch contract on the indexed branch.
CREATE TABLE transfers (
    chain_id     INTEGER NOT NULL,
    contract     TEXT NOT NULL, -- checksummed
    token_id     INTEGER NOT NULL,
    from_address TEXT NOT NULL, -- checksummed
    to_address   TEXT NOT NULL, -- checksummed
    block_number INTEGER NOT NULL,
    block_hash   TEXT NOT NULL,
    block_time   TIMESTAMP NOT NULL,
    tx_hash      TEXT NOT NULL,
    log_index    INTEGER NOT NULL,
    UNIQUE (chain_id, tx_hash, log_index)
);
CREATE INDEX transfers_token ON transfers (chain_id, contract, token_id, block_number, log_index);
CREATE INDEX transfers_block ON transfers (chain_id, block_number);

-- The current holder of every minted, unburned token, as far as indexed.
CREATE TABLE holdings (
    chain_id     INTEGER NOT NULL,
    contract     TEXT NOT NULL, -- checksummed
    token_id     INTEGER NOT NULL,
    owner        TEXT NOT NULL, -- checksummed
    since        TIMESTAMP NOT NULL, -- block time of the transfer to owner
    block_number INTEGER NOT NULL,
    log_index    INTEGER NOT NULL,
    PRIMARY KEY (chain_id, contract, token_id)
);
CREATE INDEX holdings_owner ON holdings (chain_id, owner, contract, token_id);
