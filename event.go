package metapass

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Event is something that happened to a brand's records that its systems
// may want to be told of (a webhook). Domain services emit it in the same
// transaction as the change, so a committed change always has its event.
type Event struct {
	ID      string    `json:"id"`
	Type    string    `json:"type"`
	BrandID string    `json:"brand_id"`
	At      time.Time `json:"created_at"`
	Data    any       `json:"data"`
}

// NewEvent returns an event of typ for brandID about data, at at.
func NewEvent(typ, brandID string, at time.Time, data any) Event {
	return Event{ID: NewID("msg"), Type: typ, BrandID: brandID, At: at.UTC(), Data: data}
}

// Once gives e an id derived from key: an event emitted again for the same
// key (a replay after a reorg) has the same id, so it is recorded once.
func (e Event) Once(key string) Event {
	sum := sha256.Sum256([]byte(key))
	e.ID = "msg_" + hex.EncodeToString(sum[:10])
	return e
}
