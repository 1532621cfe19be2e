package sqlite

import (
	"sync"

	"github.com/metapass/metapass/brands"
)

// maxCachedKeys bounds the key cache; it starts afresh when full.
const maxCachedKeys = 4096

// keyCache holds the unrevoked API keys that authenticated lately, by
// secret hash, so a request's key costs no query. It is never stale: this
// process is the only one writing its SQLite file, and RevokeKey drops
// the cache once the revocation is written. gen tells a lookup that read
// the database before a drop not to store what it read.
type keyCache struct {
	mu  sync.Mutex
	gen uint64
	m   map[string]brands.Key
}

// get returns the cached key of hash, and the generation to hand put when
// there is none.
func (c *keyCache) get(hash []byte) (brands.Key, bool, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.m[string(hash)]
	if ok && k.Scope != nil {
		scope := *k.Scope
		k.Scope = &scope
	}
	return k, ok, c.gen
}

// put caches k, read from the database in generation gen.
func (c *keyCache) put(gen uint64, hash []byte, k brands.Key) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil || len(c.m) >= maxCachedKeys {
		c.m = map[string]brands.Key{}
	}
	c.m[string(hash)] = k
}

// drop empties the cache and starts a new generation.
func (c *keyCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.m = nil
}
