package sqlite

import (
	"sync"
	"time"

	"github.com/metapass/metapass/brands"
)

const (
	// maxCachedKeys bounds the key cache; it starts afresh when full.
	maxCachedKeys = 4096
	// keyTTL is how long a cached key is used without reading it again:
	// the most a revocation made by another process on the same file
	// could go unseen (this process's own drop the cache at once).
	keyTTL = time.Second
)

// keyCache holds the unrevoked API keys that authenticated lately, by
// secret hash, so a request's key costs no query. RevokeKey drops the
// cache once the revocation is written, so this process never uses a
// revoked key; gen tells a lookup that read the database before a drop
// not to store what it read. One process serves a SQLite file; should
// another share it, keyTTL bounds how late its revocations are seen.
type keyCache struct {
	mu  sync.Mutex
	gen uint64
	m   map[string]cachedKey
}

type cachedKey struct {
	key   brands.Key
	until time.Time
}

// get returns the cached key of hash, and the generation to hand put when
// there is none.
func (c *keyCache) get(hash []byte, now time.Time) (brands.Key, bool, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ck, ok := c.m[string(hash)]
	if !ok || !now.Before(ck.until) {
		return brands.Key{}, false, c.gen
	}
	k := ck.key
	if k.Scope != nil {
		scope := *k.Scope
		k.Scope = &scope
	}
	return k, true, c.gen
}

// put caches k, read from the database at now in generation gen.
func (c *keyCache) put(gen uint64, hash []byte, k brands.Key, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil || len(c.m) >= maxCachedKeys {
		c.m = map[string]cachedKey{}
	}
	c.m[string(hash)] = cachedKey{key: k, until: now.Add(keyTTL)}
}

// drop empties the cache and starts a new generation.
func (c *keyCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.m = nil
}
