package sqlite

import (
	"errors"
	"io/fs"
	"os"
)

// walFile is the database's write-ahead log, kept open to be fsynced.
type walFile struct {
	path   string
	f      *os.File
	opened os.FileInfo // f's, to tell a replaced WAL by one stat
}

// sync flushes everything written to the WAL so far to disk. SQLite
// deletes the WAL when its last connection closes, after checkpointing it
// into the database file (durably: checkpoints are synced), and makes a
// new one on the next write; so a missing WAL has nothing to flush, and a
// replaced one is opened afresh.
func (w *walFile) sync() error {
	fi, err := os.Stat(w.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if w.f != nil && !os.SameFile(w.opened, fi) {
		w.close()
	}
	if w.f == nil {
		if w.f, err = os.Open(w.path); err != nil {
			return err
		}
		if w.opened, err = w.f.Stat(); err != nil {
			w.close()
			return err
		}
	}
	return w.f.Sync()
}

// close closes the file kept open, if any.
func (w *walFile) close() error {
	if w.f == nil {
		return nil
	}
	err := w.f.Close()
	w.f = nil
	return err
}
