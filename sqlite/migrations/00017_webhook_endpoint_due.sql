-- +goose Up
-- A dispatcher claims each endpoint's oldest due deliveries, up to its
-- share, so that endpoints that hang hold only their own: one index range
-- per endpoint, however long another's backlog.
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, next_at_ms) WHERE state = 'pending';

-- +goose Down
DROP INDEX webhook_deliveries_endpoint_due;
