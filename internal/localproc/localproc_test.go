package localproc

import (
	"fmt"
	"net"
	"sync"
	"testing"
)

func TestFreeAddr(t *testing.T) {
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen on the free address %s: %v", addr, err)
	}
	ln.Close()
}

func TestBuffer(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Fprint(&b, i%10) }()
	}
	wg.Wait()
	if got := len(b.String()); got != 10 {
		t.Errorf("%d bytes written concurrently, want 10", got)
	}
	var t6 Buffer
	fmt.Fprint(&t6, "abcdef")
	for _, c := range []struct {
		n    int
		want string
	}{{3, "def"}, {6, "abcdef"}, {100, "abcdef"}, {0, ""}} {
		if got := t6.Tail(c.n); got != c.want {
			t.Errorf("Tail(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
