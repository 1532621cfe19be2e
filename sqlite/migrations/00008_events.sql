-- +goose Up
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    brand_id      TEXT NOT NULL REFERENCES brands (id),
    name          TEXT NOT NULL,
    venue         TEXT NOT NULL,
    starts_at     TIMESTAMP NOT NULL,
    ends_at       TIMESTAMP NOT NULL,
    doors_open_at TIMESTAMP NOT NULL,
    capacity      INTEGER NOT NULL,
    launches      TEXT NOT NULL, -- JSON array of launch ids
    reentry       TEXT NOT NULL,
    admitted      INTEGER NOT NULL DEFAULT 0, -- distinct passes ever admitted
    inside        INTEGER NOT NULL DEFAULT 0, -- passes in now (re-entry events count exits)
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX events_brand ON events (brand_id, starts_at);

-- One row per pass per event: the guard that admits a pass once.
CREATE TABLE admissions (
    event_id  TEXT NOT NULL REFERENCES events (id),
    launch_id TEXT NOT NULL,
    token_id  INTEGER NOT NULL,
    inside    INTEGER NOT NULL,
    first_at  TIMESTAMP NOT NULL,
    last_at   TIMESTAMP NOT NULL,
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
    token_id     INTEGER,
    holder       TEXT NOT NULL,
    at           TIMESTAMP NOT NULL
);
CREATE INDEX checkins_event ON checkins (event_id, at);

-- A staff key may be limited to one event and a time window.
ALTER TABLE api_keys ADD COLUMN event_id TEXT REFERENCES events (id);
ALTER TABLE api_keys ADD COLUMN valid_from TIMESTAMP;
ALTER TABLE api_keys ADD COLUMN valid_until TIMESTAMP;

-- +goose Down
ALTER TABLE api_keys DROP COLUMN valid_until;
ALTER TABLE api_keys DROP COLUMN valid_from;
ALTER TABLE api_keys DROP COLUMN event_id;
DROP TABLE checkins;
DROP TABLE admissions;
DROP TABLE events;
