package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/metapass/metapass/internal/localproc"
)

// buildBinary builds ./cmd/metapass into dir and returns its path.
func buildBinary(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "metapass")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/metapass")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/metapass (run from the repository root): %w\n%s", err, out)
	}
	return bin, nil
}

// proc is a running metapass process. Its stdout is kept (serve prints
// the operator key there); its stderr goes to a log file.
type proc struct {
	name   string
	cmd    *exec.Cmd
	stdout *localproc.Buffer
	exited chan struct{}
}

// spawn starts bin with args, logging its stderr to log.
func spawn(name, bin string, log io.Writer, args ...string) (*proc, error) {
	p := &proc{name: name, stdout: &localproc.Buffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, &prefixWriter{prefix: name + ": ", w: log}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	return p, nil
}

// stop sends SIGTERM and waits for the process to exit, killing it after
// 30 s. Stopping twice is harmless.
func (p *proc) stop() {
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

var operatorKeyRE = regexp.MustCompile(`mpk_[A-Za-z0-9_\-]+`)

// operatorKey is the operator key serve printed on its first start.
func (p *proc) operatorKey() (string, error) {
	keys := operatorKeyRE.FindAllString(p.stdout.String(), -1)
	if len(keys) != 1 {
		return "", fmt.Errorf("%s: want one operator key on stdout, found %d", p.name, len(keys))
	}
	return keys[0], nil
}

// memory is a process's resident set now and at its peak (VmRSS, VmHWM
// of /proc/PID/status), in bytes.
type memory struct{ RSS, HWM int64 }

func readMemory(pid int) (memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	defer f.Close()
	return parseStatus(f)
}

// parseStatus reads VmRSS and VmHWM (in kB) from a /proc/PID/status file.
func parseStatus(r io.Reader) (memory, error) {
	var m memory
	found := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err != nil {
			return m, fmt.Errorf("%s: %w", name, err)
		}
		if name == "VmRSS" {
			m.RSS = kb << 10
		} else {
			m.HWM = kb << 10
		}
		found++
	}
	if err := sc.Err(); err != nil {
		return m, err
	}
	if found != 2 {
		return m, errors.New("VmRSS or VmHWM missing from the process status")
	}
	return m, nil
}

// waitReady waits for base's /readyz to answer 200, or p to exit.
func waitReady(ctx context.Context, p *proc, base string) error {
	hc := &http.Client{Timeout: 2 * time.Second}
	defer hc.CloseIdleConnections()
	for {
		if resp, err := hc.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s at %s not ready: %w", p.name, base, ctx.Err())
		case <-p.exited:
			return fmt.Errorf("%s exited before it was ready (see the log)", p.name)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// prefixWriter writes to a shared log with a prefix on every line.
type prefixWriter struct {
	prefix string
	w      io.Writer
	mu     sync.Mutex
	rest   []byte
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rest = append(p.rest, b...)
	for {
		i := bytes.IndexByte(p.rest, '\n')
		if i < 0 {
			return len(b), nil
		}
		if _, err := fmt.Fprintf(p.w, "%s%s\n", p.prefix, p.rest[:i]); err != nil {
			return 0, err
		}
		p.rest = p.rest[i+1:]
	}
}
