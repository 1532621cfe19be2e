-- +goose Up
-- A brand key may carry an expiry.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP;

-- Retention deletes by age in bounded batches; these keep each batch a
-- range scan, and the outbox's check for deliveries left an index probe.
CREATE INDEX siwe_nonces_expiry ON siwe_nonces (expires_at);
CREATE INDEX outbox_done ON outbox (created_at) WHERE fanned_out = 1;
CREATE INDEX webhook_deliveries_done ON webhook_deliveries (created_at) WHERE state <> 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- The totals /metrics reports (orders, passes by state, check-ins by
-- result, redemptions), kept by triggers in the transaction of each
-- change, so a scrape reads a few rows instead of counting tables.
CREATE TABLE stat_counters (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO stat_counters (name, n)
    SELECT 'orders', COUNT(*) FROM orders
    UNION ALL SELECT 'passes:' || state, COUNT(*) FROM passes GROUP BY state
    UNION ALL SELECT 'checkins:' || result, COUNT(*) FROM checkins GROUP BY result
    UNION ALL SELECT 'redemptions', COUNT(*) FROM redemptions;

-- +goose StatementBegin
CREATE TRIGGER stat_orders AFTER INSERT ON orders BEGIN
    INSERT INTO stat_counters (name, n) VALUES ('orders', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stat_passes_insert AFTER INSERT ON passes BEGIN
    INSERT INTO stat_counters (name, n) VALUES ('passes:' || NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stat_passes_state AFTER UPDATE OF state ON passes WHEN OLD.state <> NEW.state BEGIN
    UPDATE stat_counters SET n = n - 1 WHERE name = 'passes:' || OLD.state;
    INSERT INTO stat_counters (name, n) VALUES ('passes:' || NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stat_passes_delete AFTER DELETE ON passes BEGIN
    UPDATE stat_counters SET n = n - 1 WHERE name = 'passes:' || OLD.state;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stat_checkins AFTER INSERT ON checkins BEGIN
    INSERT INTO stat_counters (name, n) VALUES ('checkins:' || NEW.result, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stat_redemptions AFTER INSERT ON redemptions BEGIN
    INSERT INTO stat_counters (name, n) VALUES ('redemptions', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER stat_redemptions;
DROP TRIGGER stat_checkins;
DROP TRIGGER stat_passes_delete;
DROP TRIGGER stat_passes_state;
DROP TRIGGER stat_passes_insert;
DROP TRIGGER stat_orders;
DROP TABLE stat_counters;
DROP INDEX webhook_deliveries_event;
DROP INDEX webhook_deliveries_done;
DROP INDEX outbox_done;
DROP INDEX siwe_nonces_expiry;
ALTER TABLE api_keys DROP COLUMN expires_at;
