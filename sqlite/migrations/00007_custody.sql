-- +goose Up
-- An order may name the brand's customer instead of a wallet; its passes go
-- to that customer's custodial wallet.
ALTER TABLE orders ADD COLUMN customer_ref TEXT NOT NULL DEFAULT '';
CREATE INDEX orders_customer ON orders (brand_id, customer_ref) WHERE customer_ref <> '';

-- +goose Down
DROP INDEX orders_customer;
ALTER TABLE orders DROP COLUMN customer_ref;
