package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
)

// fault is how a cut faultProxy treats connections.
type fault int

const (
	forward    fault = iota // pass everything through to the node
	refuse                  // the port is closed: connection refused
	blackhole               // accept and never answer
	badGateway              // answer every request 502
	garbage                 // answer every request 200 with a body that is not JSON
)

func (f fault) String() string {
	return [...]string{"forward", "refuse", "blackhole", "502", "garbage"}[f]
}

// faultProxy is a TCP proxy between the service and its node that the test
// can cut: switching away from forward drops every open connection, and
// new ones meet the fault.
type faultProxy struct {
	addr    string
	backend string

	mu    sync.Mutex
	fault fault
	ln    net.Listener
	conns map[net.Conn]bool
	wg    sync.WaitGroup
}

func startProxy(t *testing.T, backend string) *faultProxy {
	t.Helper()
	p := &faultProxy{addr: freeAddr(t), backend: backend, conns: map[net.Conn]bool{}}
	p.mu.Lock()
	err := p.listen()
	p.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		p.set(refuse)
		p.wg.Wait()
	})
	return p
}

// listen opens the port and accepts on it; p.mu is held.
func (p *faultProxy) listen() error {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		return err
	}
	p.ln = ln
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.wg.Add(1)
			go func() { defer p.wg.Done(); p.serve(c) }()
		}
	}()
	return nil
}

// set switches the fault: every open connection is dropped, and the port
// is closed for refuse, open otherwise.
func (p *faultProxy) set(f fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fault = f
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
	switch {
	case f == refuse && p.ln != nil:
		p.ln.Close()
		p.ln = nil
	case f != refuse && p.ln == nil:
		if err := p.listen(); err != nil {
			panic(err) // the port was ours a moment ago
		}
	}
}

// track registers c to be dropped at the next switch; it is false (and c
// closed) when the fault changed since f was read.
func (p *faultProxy) track(c net.Conn, f fault) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fault != f {
		c.Close()
		return false
	}
	p.conns[c] = true
	return true
}

func (p *faultProxy) serve(c net.Conn) {
	p.mu.Lock()
	f := p.fault
	p.mu.Unlock()
	if !p.track(c, f) {
		return
	}
	defer c.Close()
	switch f {
	case forward:
		node, err := net.Dial("tcp", p.backend)
		if err != nil || !p.track(node, f) {
			return
		}
		defer node.Close()
		done := make(chan struct{}, 2)
		go func() { _, _ = io.Copy(node, c); done <- struct{}{} }()
		go func() { _, _ = io.Copy(c, node); done <- struct{}{} }()
		<-done
	case blackhole:
		_, _ = io.Copy(io.Discard, c)
	case badGateway, garbage:
		rd := bufio.NewReader(c)
		for {
			req, err := http.ReadRequest(rd)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, req.Body)
			resp := "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
			if f == garbage {
				resp = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"jsonrpc\":\"2.0\""
			}
			if _, err := io.WriteString(c, resp); err != nil {
				return
			}
		}
	}
}
