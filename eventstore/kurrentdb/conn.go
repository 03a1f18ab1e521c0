package kurrentdb

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"
)

// conn holds the client of a Store. The client closes itself for good when
// node discovery fails (the server was away for longer than its discovery
// attempts), so conn replaces a client that did so with a fresh one made
// from the same configuration; the new one connects on its first call.
type conn struct {
	cfg kdb.Configuration

	mu     sync.Mutex
	client *kdb.Client
	closed bool
}

func newConn(cfg *kdb.Configuration, log *slog.Logger) (*conn, error) {
	cfg.Logger = clientLogger(log)
	c := &conn{cfg: *cfg}
	client, err := c.newClient()
	if err != nil {
		return nil, err
	}
	c.client = client
	return c, nil
}

func (c *conn) newClient() (*kdb.Client, error) {
	cfg := c.cfg // the client keeps a pointer to its configuration
	client, err := kdb.NewClient(&cfg)
	if err != nil {
		return nil, fmt.Errorf("kurrentdb: client: %w", err)
	}
	return client, nil
}

// get returns the current client, or ErrClosed after close.
func (c *conn) get() (*kdb.Client, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, ErrClosed
	}
	return c.client, nil
}

// failed tells conn that a call on client failed with err. When the client
// closed itself and is still the current one, the next get returns a new
// client. A client that cannot even be made stays; its calls keep failing.
func (c *conn) failed(client *kdb.Client, err error) {
	if err == nil || !clientClosed(err) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.client != client {
		return
	}
	fresh, ferr := c.newClient()
	if ferr != nil {
		return
	}
	_ = c.client.Close()
	c.client = fresh
}

// close closes the current client; later calls get ErrClosed.
func (c *conn) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	if err := c.client.Close(); err != nil {
		return fmt.Errorf("kurrentdb: close client: %w", err)
	}
	return nil
}

// clientLogger passes the client's warnings and errors to log; its info and
// debug lines (every discovery attempt) are left out, and so are the errors
// it logs for every call or subscription its caller cancels.
func clientLogger(log *slog.Logger) kdb.LoggingFunc {
	return func(level kdb.LogLevel, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if strings.Contains(msg, "code = Canceled") {
			return
		}
		var l slog.Level
		switch level {
		case kdb.LogError:
			l = slog.LevelError
		case kdb.LogWarn:
			l = slog.LevelWarn
		default:
			return
		}
		log.Log(context.Background(), l, "kurrentdb client: "+msg)
	}
}
