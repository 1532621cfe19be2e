-- +goose Up
-- Eligibility counts a wallet's tokens' redemptions across all perks.
CREATE INDEX redemptions_by_token ON redemptions (launch_id, token_id);

-- +goose Down
DROP INDEX redemptions_by_token;
