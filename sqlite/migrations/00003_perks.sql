-- +goose Up
CREATE TABLE perks (
    id          TEXT PRIMARY KEY,
    brand_id    TEXT NOT NULL REFERENCES brands (id),
    launch_id   TEXT NOT NULL REFERENCES launches (id),
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    rule        TEXT NOT NULL, -- JSON
    per_token   INTEGER NOT NULL,
    per_wallet  INTEGER NOT NULL,
    period      TEXT NOT NULL,
    starts_at   TIMESTAMP,
    ends_at     TIMESTAMP,
    inventory   INTEGER,
    redeemed    INTEGER NOT NULL DEFAULT 0,
    code_pool   INTEGER NOT NULL,
    url         TEXT NOT NULL,
    message     TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX perks_brand ON perks (brand_id, launch_id);

CREATE TABLE redemptions (
    id         TEXT PRIMARY KEY,
    perk_id    TEXT NOT NULL REFERENCES perks (id),
    brand_id   TEXT NOT NULL,
    launch_id  TEXT NOT NULL,
    token_id   INTEGER NOT NULL,
    wallet     TEXT NOT NULL,
    period     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX redemptions_token ON redemptions (perk_id, launch_id, token_id, period);
CREATE INDEX redemptions_wallet ON redemptions (perk_id, wallet, period);
CREATE INDEX redemptions_brand_wallet ON redemptions (brand_id, wallet, period);

CREATE TABLE perk_codes (
    perk_id       TEXT NOT NULL REFERENCES perks (id),
    seq           INTEGER NOT NULL,
    code          TEXT NOT NULL,
    redemption_id TEXT REFERENCES redemptions (id),
    PRIMARY KEY (perk_id, seq)
);
CREATE INDEX perk_codes_free ON perk_codes (perk_id, seq) WHERE redemption_id IS NULL;
