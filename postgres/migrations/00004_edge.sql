-- +goose Up
-- A brand key may carry an expiry.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMPTZ;

-- Retention deletes by age in bounded batches; these keep each batch a
-- range scan, and the outbox's check for deliveries left an index probe.
CREATE INDEX siwe_nonces_expiry ON siwe_nonces (expires_at);
CREATE INDEX outbox_done ON outbox (created_at) WHERE fanned_out;
CREATE INDEX webhook_deliveries_done ON webhook_deliveries (created_at) WHERE state <> 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- The totals /metrics reports (orders, passes by state, check-ins by
-- result, redemptions). Statement triggers append each statement's
-- changes to stat_deltas (insert only: writers never wait on a shared
-- counter row); a scrape or the janitor folds them into stat_counters.
CREATE TABLE stat_counters (
    name TEXT PRIMARY KEY,
    n    BIGINT NOT NULL
);
CREATE TABLE stat_deltas (
    name TEXT NOT NULL,
    n    BIGINT NOT NULL
);
INSERT INTO stat_counters (name, n)
    SELECT 'orders', COUNT(*) FROM orders
    UNION ALL SELECT 'passes:' || state, COUNT(*) FROM passes GROUP BY state
    UNION ALL SELECT 'checkins:' || result, COUNT(*) FROM checkins GROUP BY result
    UNION ALL SELECT 'redemptions', COUNT(*) FROM redemptions;

-- +goose StatementBegin
CREATE FUNCTION stat_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0] is the counter's name, TG_ARGV[1] the column that
    -- labels it ('' for none).
    IF TG_ARGV[1] = '' THEN
        INSERT INTO stat_deltas (name, n) SELECT TG_ARGV[0], COUNT(*) FROM new_rows HAVING COUNT(*) > 0;
    ELSE
        EXECUTE format('INSERT INTO stat_deltas (name, n) SELECT %L || %I, COUNT(*) FROM new_rows GROUP BY %I',
            TG_ARGV[0] || ':', TG_ARGV[1], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION stat_count_passes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO stat_deltas (name, n) SELECT 'passes:' || state, -COUNT(*) FROM old_rows GROUP BY state;
    ELSE
        INSERT INTO stat_deltas (name, n)
            SELECT name, SUM(n) FROM (
                SELECT 'passes:' || state AS name, 1 AS n FROM new_rows
                UNION ALL SELECT 'passes:' || state, -1 FROM old_rows
            ) d GROUP BY name HAVING SUM(n) <> 0;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER stat_orders AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_inserted('orders', '');
CREATE TRIGGER stat_checkins AFTER INSERT ON checkins REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_inserted('checkins', 'result');
CREATE TRIGGER stat_redemptions AFTER INSERT ON redemptions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_inserted('redemptions', '');
CREATE TRIGGER stat_passes_insert AFTER INSERT ON passes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_inserted('passes', 'state');
CREATE TRIGGER stat_passes_update AFTER UPDATE ON passes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_passes();
CREATE TRIGGER stat_passes_delete AFTER DELETE ON passes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stat_count_passes();

-- +goose Down
DROP TRIGGER stat_passes_delete ON passes;
DROP TRIGGER stat_passes_update ON passes;
DROP TRIGGER stat_passes_insert ON passes;
DROP TRIGGER stat_redemptions ON redemptions;
DROP TRIGGER stat_checkins ON checkins;
DROP TRIGGER stat_orders ON orders;
DROP FUNCTION stat_count_passes();
DROP FUNCTION stat_count_inserted();
DROP TABLE stat_deltas, stat_counters;
DROP INDEX webhook_deliveries_event, webhook_deliveries_done, outbox_done, siwe_nonces_expiry;
ALTER TABLE api_keys DROP COLUMN expires_at;
