-- +goose Up
-- The schema of sqlite/migrations as of 00012, for PostgreSQL: timestamps
-- are TIMESTAMPTZ, flags BOOLEAN, amounts of wei NUMERIC, JSON columns
-- JSONB (the outbox payload JSON, which keeps the bytes delivered). Later
-- changes get a migration here and one in sqlite/migrations.
CREATE TABLE brands (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE chain_txs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_id     BIGINT NOT NULL,
    sender       TEXT NOT NULL,
    nonce        BIGINT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    raw          BYTEA NOT NULL,
    kind         TEXT NOT NULL,
    launch_id    TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending', -- pending | confirmed | failed | dropped
    block_number BIGINT,
    block_hash   TEXT,
    gas_used     BIGINT,
    created_at   TIMESTAMPTZ NOT NULL,
    settled_at   TIMESTAMPTZ,
    UNIQUE (chain_id, sender, nonce)
);
CREATE INDEX chain_txs_pending ON chain_txs (chain_id, nonce) WHERE state = 'pending';
CREATE INDEX chain_txs_confirmed ON chain_txs (chain_id, block_number) WHERE state = 'confirmed';

-- Every signed version of a chain_txs row (the first, and replacements).
CREATE TABLE tx_attempts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id       BIGINT NOT NULL REFERENCES chain_txs (id),
    hash        TEXT NOT NULL UNIQUE,
    raw         BYTEA NOT NULL,
    gas_tip_cap NUMERIC(78), -- wei per gas
    gas_fee_cap NUMERIC(78),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tx_attempts_tx ON tx_attempts (tx_id, id);

CREATE TABLE launches (
    id               TEXT PRIMARY KEY,
    brand_id         TEXT NOT NULL REFERENCES brands (id),
    state            TEXT NOT NULL,
    name             TEXT NOT NULL,
    symbol           TEXT NOT NULL,
    description      TEXT NOT NULL,
    image_url        TEXT NOT NULL,
    external_url     TEXT NOT NULL,
    attributes       JSONB NOT NULL,
    supply_cap       BIGINT NOT NULL,
    per_wallet_cap   BIGINT NOT NULL,
    sale_starts_at   TIMESTAMPTZ,
    sale_ends_at     TIMESTAMPTZ,
    skus             JSONB NOT NULL,
    soulbound        BOOLEAN NOT NULL,
    royalty_receiver TEXT NOT NULL,
    royalty_bps      INTEGER NOT NULL,
    chain_id         BIGINT NOT NULL,
    contract         TEXT NOT NULL DEFAULT '',
    deploy_tx_id     BIGINT REFERENCES chain_txs (id),
    deploy_error     TEXT NOT NULL DEFAULT '',
    allocated        BIGINT NOT NULL DEFAULT 0,
    minted           BIGINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX launches_brand ON launches (brand_id, created_at);
CREATE UNIQUE INDEX launches_contract ON launches (chain_id, contract) WHERE contract <> '';
CREATE INDEX launches_contract_ci ON launches (chain_id, lower(contract)) WHERE contract <> '';

CREATE TABLE orders (
    id              TEXT PRIMARY KEY,
    brand_id        TEXT NOT NULL REFERENCES brands (id),
    launch_id       TEXT NOT NULL REFERENCES launches (id),
    order_id        TEXT NOT NULL,
    idempotency_key TEXT,
    sku             TEXT NOT NULL,
    quantity        INTEGER NOT NULL,
    wallet          TEXT NOT NULL,
    customer_ref    TEXT NOT NULL DEFAULT '',
    request_hash    BYTEA NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    refunded_at     TIMESTAMPTZ,
    UNIQUE (brand_id, order_id)
);
CREATE UNIQUE INDEX orders_idempotency ON orders (brand_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_launch ON orders (launch_id, created_at);
CREATE INDEX orders_customer ON orders (brand_id, customer_ref) WHERE customer_ref <> '';

CREATE TABLE passes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    launch_id   TEXT NOT NULL REFERENCES launches (id),
    order_id    TEXT NOT NULL REFERENCES orders (id),
    token_id    BIGINT NOT NULL,
    recipient   TEXT NOT NULL,
    state       TEXT NOT NULL,
    tx_id       BIGINT REFERENCES chain_txs (id),
    fail_reason TEXT NOT NULL DEFAULT '',
    refund      BOOLEAN NOT NULL DEFAULT false,
    burn_tx_id  BIGINT REFERENCES chain_txs (id),
    UNIQUE (launch_id, token_id)
);
CREATE INDEX passes_queued ON passes (launch_id, id) WHERE state = 'queued';
CREATE INDEX passes_order ON passes (order_id);
CREATE INDEX passes_recipient ON passes (recipient, launch_id);
CREATE INDEX passes_tx ON passes (tx_id);
CREATE INDEX passes_waiting ON passes (launch_id) WHERE state = 'waiting_for_funds';
CREATE INDEX passes_to_burn ON passes (launch_id) WHERE refund AND state = 'minted' AND burn_tx_id IS NULL;
CREATE INDEX passes_burn_tx ON passes (burn_tx_id) WHERE burn_tx_id IS NOT NULL;

CREATE TABLE perks (
    id          TEXT PRIMARY KEY,
    brand_id    TEXT NOT NULL REFERENCES brands (id),
    launch_id   TEXT NOT NULL REFERENCES launches (id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    rule        JSONB NOT NULL,
    per_token   INTEGER NOT NULL,
    per_wallet  INTEGER NOT NULL,
    period      TEXT NOT NULL,
    starts_at   TIMESTAMPTZ,
    ends_at     TIMESTAMPTZ,
    inventory   BIGINT,
    redeemed    BIGINT NOT NULL DEFAULT 0,
    code_pool   INTEGER NOT NULL,
    url         TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX perks_brand ON perks (brand_id, launch_id);

CREATE TABLE redemptions (
    id         TEXT PRIMARY KEY,
    perk_id    TEXT NOT NULL REFERENCES perks (id),
    brand_id   TEXT NOT NULL,
    launch_id  TEXT NOT NULL,
    token_id   BIGINT NOT NULL,
    wallet     TEXT NOT NULL,
    period     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX redemptions_token ON redemptions (perk_id, launch_id, token_id, period);
CREATE INDEX redemptions_wallet ON redemptions (perk_id, wallet, period);
CREATE INDEX redemptions_brand_wallet ON redemptions (brand_id, wallet, period);
CREATE INDEX redemptions_by_token ON redemptions (launch_id, token_id);

CREATE TABLE perk_codes (
    perk_id       TEXT NOT NULL REFERENCES perks (id),
    seq           INTEGER NOT NULL,
    code          TEXT NOT NULL,
    redemption_id TEXT REFERENCES redemptions (id),
    PRIMARY KEY (perk_id, seq)
);
CREATE INDEX perk_codes_free ON perk_codes (perk_id, seq) WHERE redemption_id IS NULL;

-- Blocks the ownership indexer has recorded, to notice reorganisations.
CREATE TABLE indexed_blocks (
    chain_id BIGINT NOT NULL,
    number   BIGINT NOT NULL,
    hash     TEXT NOT NULL,
    PRIMARY KEY (chain_id, number)
);

-- How far each launch contract's transfers are indexed (inclusive).
CREATE TABLE indexed_contracts (
    chain_id   BIGINT NOT NULL,
    contract   TEXT NOT NULL, -- checksummed, as in launches.contract
    indexed_to BIGINT NOT NULL,
    PRIMARY KEY (chain_id, contract)
);

-- Every Transfer event of a launch contract on the indexed branch.
CREATE TABLE transfers (
    chain_id     BIGINT NOT NULL,
    contract     TEXT NOT NULL, -- checksummed
    token_id     BIGINT NOT NULL,
    from_address TEXT NOT NULL, -- checksummed
    to_address   TEXT NOT NULL, -- checksummed
    block_number BIGINT NOT NULL,
    block_hash   TEXT NOT NULL,
    block_time   TIMESTAMPTZ NOT NULL,
    tx_hash      TEXT NOT NULL,
    log_index    BIGINT NOT NULL,
    UNIQUE (chain_id, tx_hash, log_index)
);
CREATE INDEX transfers_token ON transfers (chain_id, contract, token_id, block_number, log_index);
CREATE INDEX transfers_block ON transfers (chain_id, block_number);

-- The current holder of every minted, unburned token, as far as indexed.
CREATE TABLE holdings (
    chain_id     BIGINT NOT NULL,
    contract     TEXT NOT NULL, -- checksummed
    token_id     BIGINT NOT NULL,
    owner        TEXT NOT NULL, -- checksummed
    since        TIMESTAMPTZ NOT NULL, -- block time of the transfer to owner
    block_number BIGINT NOT NULL,
    log_index    BIGINT NOT NULL,
    PRIMARY KEY (chain_id, contract, token_id)
);
CREATE INDEX holdings_owner ON holdings (chain_id, owner, contract, token_id);

CREATE TABLE siwe_nonces (
    nonce      TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

CREATE TABLE sessions (
    hash       BYTEA PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    wallet     TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    brand_id      TEXT NOT NULL REFERENCES brands (id),
    name          TEXT NOT NULL,
    venue         TEXT NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    doors_open_at TIMESTAMPTZ NOT NULL,
    capacity      INTEGER NOT NULL,
    launches      JSONB NOT NULL, -- array of launch ids
    reentry       TEXT NOT NULL,
    admitted      INTEGER NOT NULL DEFAULT 0, -- distinct passes ever admitted
    inside        INTEGER NOT NULL DEFAULT 0, -- passes in now (re-entry events count exits)
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_brand ON events (brand_id, starts_at);

-- One row per pass per event: the guard that admits a pass once.
CREATE TABLE admissions (
    event_id  TEXT NOT NULL REFERENCES events (id),
    launch_id TEXT NOT NULL,
    token_id  BIGINT NOT NULL,
    inside    BOOLEAN NOT NULL,
    first_at  TIMESTAMPTZ NOT NULL,
    last_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, launch_id, token_id)
);

-- Every scan, admitted or not: the audit trail.
CREATE TABLE checkins (
    id           TEXT PRIMARY KEY,
    event_id     TEXT NOT NULL REFERENCES events (id),
    brand_id     TEXT NOT NULL,
    staff_key_id TEXT NOT NULL,
    gate         TEXT NOT NULL,
    direction    TEXT NOT NULL,
    result       TEXT NOT NULL,
    reason       TEXT NOT NULL,
    launch_id    TEXT NOT NULL,
    token_id     BIGINT,
    holder       TEXT NOT NULL,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX checkins_event ON checkins (event_id, at);

CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY,
    brand_id    TEXT REFERENCES brands (id),
    role        TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    hash        BYTEA NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    -- A staff key may be limited to one event and a time window.
    event_id    TEXT REFERENCES events (id),
    valid_from  TIMESTAMPTZ,
    valid_until TIMESTAMPTZ
);
CREATE INDEX api_keys_brand ON api_keys (brand_id);

-- Events for brands' systems, written in the transaction of the change
-- they describe; the dispatcher fans each out to subscribed endpoints.
CREATE TABLE outbox (
    id         TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL,
    type       TEXT NOT NULL,
    payload    JSON NOT NULL, -- the event as delivered, byte for byte
    created_at TIMESTAMPTZ NOT NULL,
    fanned_out BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX outbox_new ON outbox (created_at, id) WHERE NOT fanned_out;

CREATE TABLE webhook_endpoints (
    id         TEXT PRIMARY KEY,
    brand_id   TEXT NOT NULL REFERENCES brands (id),
    url        TEXT NOT NULL,
    events     JSONB NOT NULL, -- array of event types
    secret     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ
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
    next_at      TIMESTAMPTZ, -- the next attempt, while pending
    last_status  INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_brand ON webhook_deliveries (brand_id, created_at);

-- A custodial customer's pass on its way to their own wallet: the signer
-- funds the custodial wallet (fund_tx_id), which then sends the pass.
CREATE TABLE claims (
    id           TEXT PRIMARY KEY,
    brand_id     TEXT NOT NULL REFERENCES brands (id),
    customer_ref TEXT NOT NULL,
    launch_id    TEXT NOT NULL REFERENCES launches (id),
    chain_id     BIGINT NOT NULL,
    contract     TEXT NOT NULL,
    token_id     BIGINT NOT NULL,
    from_wallet  TEXT NOT NULL,
    to_wallet    TEXT NOT NULL,
    state        TEXT NOT NULL, -- funding | funded | transferring | claimed | failed
    fund_wei     NUMERIC(78) NOT NULL,
    fund_tx_id   BIGINT REFERENCES chain_txs (id),
    tx_hash      TEXT NOT NULL DEFAULT '',
    raw          BYTEA,
    fail_reason  TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    claimed_at   TIMESTAMPTZ
);
CREATE INDEX claims_customer ON claims (brand_id, customer_ref, created_at);
CREATE INDEX claims_open ON claims (chain_id, state) WHERE state IN ('funding', 'funded', 'transferring');
-- A pass is claimed once at a time.
CREATE UNIQUE INDEX claims_pass ON claims (launch_id, token_id) WHERE state <> 'failed';

-- +goose Down
DROP TABLE claims, webhook_deliveries, webhook_endpoints, outbox, api_keys, checkins, admissions, events, sessions,
    siwe_nonces, holdings, transfers, indexed_contracts, indexed_blocks, perk_codes, redemptions, perks, passes, orders,
    launches, tx_attempts, chain_txs, brands;
