//go:build unix

package localpg

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"
)

func ensure(ctx context.Context, dir string, logger *slog.Logger, opts options) (string, func(), error) {
	if dir == "" {
		return "", nil, errors.New("localpg: no data folder given")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("localpg: data folder: %w", err)
	}
	// Missing parents are made passable (0755, less umask) because as root the
	// server user must walk through them; dir itself stays private.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", nil, fmt.Errorf("localpg: create data folder: %w", err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", nil, fmt.Errorf("localpg: create data folder: %w", err)
	}
	// Resolved, so chown and the reach check act on the real folder.
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return "", nil, fmt.Errorf("localpg: data folder: %w", err)
	}
	c := &cluster{dir: dir, dataDir: filepath.Join(dir, dataName), logger: logger, opts: opts}
	if c.as, err = serverAccount(c.dataDir); err != nil {
		return "", nil, err
	}
	// As root the server user must own dir (it creates pgdata and the log
	// there) and be able to walk down to it.
	if err := c.as.chown(dir); err != nil {
		return "", nil, err
	}
	if err := c.as.checkReach(dir); err != nil {
		return "", nil, err
	}

	unlock, err := lockDir(ctx, c.path(lockName))
	if err != nil {
		return "", nil, err
	}
	defer unlock()

	if c.binDir, err = binDirFor(ctx, c.dataDir); err != nil {
		return "", nil, err
	}
	pf, ok, err := c.running(ctx)
	if err != nil {
		return "", nil, err
	}
	if ok {
		dsn, err := c.ready(ctx, pf)
		if err != nil {
			return "", nil, err
		}
		logger.Info("using PostgreSQL already running", "data", c.dataDir, "pid", pf.pid)
		return dsn, func() {}, nil
	}

	if _, err := os.Stat(c.dataDir); errors.Is(err, fs.ErrNotExist) {
		if err := c.initdb(ctx); err != nil {
			return "", nil, err
		}
	}
	if pf, err = c.start(ctx); err != nil {
		return "", nil, err
	}
	dsn, err := c.ready(ctx, pf)
	if err != nil {
		c.abandon()
		return "", nil, err
	}
	return dsn, sync.OnceFunc(c.release), nil
}

// ready creates the application database if needed and returns its URL.
func (c *cluster) ready(ctx context.Context, pf pidFile) (string, error) {
	if err := c.createDatabase(ctx, pf); err != nil {
		return "", err
	}
	return c.url(pf, database)
}

// release stops the server Ensure started, under the lock so a concurrent
// Ensure does not mistake a server going down for one it can use. A server
// that crashed and was restarted by another Ensure is not ours to stop.
func (c *cluster) release() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	unlock, err := lockDir(ctx, c.path(lockName))
	if err != nil {
		c.logger.Error("stop PostgreSQL", "err", err)
		return
	}
	defer unlock()
	pf, err := readPIDFile(filepath.Join(c.dataDir, "postmaster.pid"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c.logger.Warn("PostgreSQL had already stopped", "data", c.dataDir)
		c.removeTempSocketDir()
		return
	case err == nil && pf.pid != c.startedPID:
		c.logger.Warn("PostgreSQL was restarted by someone else; leaving it running", "data", c.dataDir, "pid", pf.pid)
		return
	}
	if err := c.stop(ctx, "fast"); err != nil {
		c.logger.Error("stop PostgreSQL", "err", err)
	}
}
