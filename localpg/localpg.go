// Package localpg runs a private PostgreSQL server so that zaakregister works
// without a DATABASE_URL. It drives the locally installed server binaries
// (initdb, pg_ctl, postgres) on a data folder chosen by the caller; the server
// listens only on a Unix socket, trusts only that socket, and takes no TCP port.
//
// The data folder belongs to localpg and looks like this:
//
//	localpg.lock   flock held while a process checks, initialises, starts or stops the server
//	pgdata/        the PostgreSQL cluster (created by initdb, renamed into place when complete)
//	run/           the Unix socket directory
//	socketdir      present when the folder's path is too long for a socket: names the short
//	               private directory under /tmp that holds the socket instead
//	postgres.log   everything the server, initdb and pg_ctl print
//	password       superuser password, used only by the TCP fallback (127.0.0.1) when no
//	               socket directory can be made
//
// PostgreSQL refuses to run as root. When the calling process is root, the
// server runs as the unprivileged system user "postgres" (or "nobody" when
// there is none), the data folder is chowned to that user, and every command is
// started with that user's credentials directly, without su or sudo.
package localpg

import (
	"context"
	"errors"
	"log/slog"
)

// ErrNotInstalled is returned (wrapped) by FindBinDir and Ensure when no
// PostgreSQL server binaries are installed on this machine.
var ErrNotInstalled = errors.New("localpg: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; " +
	"install the server: Debian/Ubuntu `apt-get install postgresql`, Fedora `dnf install postgresql-server`, " +
	"macOS `brew install postgresql@17`")

// Ensure makes sure a private PostgreSQL server runs on the data folder dir
// (created if missing) and returns the URL of its database "zaakregister".
//
// When a server started by an earlier call (from this or another process) is
// already running on dir, Ensure returns its URL and a release that does
// nothing: that server belongs to whoever started it. Otherwise Ensure
// initialises the cluster if dir is new, starts the server, creates the
// database, and returns a release that stops the server (fast shutdown,
// waiting until it is down). Release is safe to call more than once and from
// any goroutine; it logs rather than returns its errors.
//
// Concurrent calls on the same dir, from goroutines or processes, are
// serialised by a lock file in dir, so only one of them starts a server.
// A postmaster.pid left behind by a crash is cleaned up before starting.
//
// Errors are wrapped and name what to do: ErrNotInstalled when there are no
// server binaries; an explanation when running as root and the server user
// cannot reach dir; a version mismatch when dir was made by another major
// version; otherwise the failing command with the end of its output (the full
// output is in dir/postgres.log). The context bounds the whole call,
// including waiting for the lock. A nil logger discards messages.
func Ensure(ctx context.Context, dir string, logger *slog.Logger) (url string, release func(), err error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return ensure(ctx, dir, logger.With("component", "localpg"), defaultOptions())
}

// options holds what tests vary; Ensure always uses defaultOptions.
type options struct {
	// tempBases are tried in order for a short socket directory when dir is
	// too long to hold the socket itself.
	tempBases []string
}

func defaultOptions() options {
	return options{tempBases: []string{"/tmp", "/var/tmp"}}
}
