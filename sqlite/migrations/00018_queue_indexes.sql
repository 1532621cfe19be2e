-- +goose Up
-- What the minter reads each round, served by indexes whatever the queue
-- holds. The queued passes of a launch in order, with their recipients, so
-- the window of the oldest is read from the index alone; and the passes in
-- flight by launch and recipient, so "has this recipient a pass on its way"
-- is one probe, not a walk through every pass of that recipient.
DROP INDEX passes_queued;
CREATE INDEX passes_queued ON passes (launch_id, id, recipient) WHERE state = 'queued';
CREATE INDEX passes_in_flight ON passes (launch_id, recipient)
    WHERE tx_id IS NOT NULL AND state IN ('submitted', 'waiting_for_funds');

-- +goose Down
DROP INDEX passes_in_flight;
DROP INDEX passes_queued;
CREATE INDEX passes_queued ON passes (launch_id, id) WHERE state = 'queued';
