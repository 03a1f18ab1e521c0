//go:build unix

package localpg

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// socketPort only names the socket file (.s.PGSQL.5432): with no TCP
// listener and a private socket directory it cannot clash with anything.
const socketPort = 5432

// maxSocketPath is the longest socket path every Unix accepts: sun_path holds
// 108 bytes on Linux and 104 on the BSDs and macOS, including the final NUL.
const maxSocketPath = 103

// startWait bounds how long Ensure waits for a server some other process
// started (crash recovery can take a while) before it gives up.
const startWait = 60 * time.Second

// settings suit a small machine serving one application. fsync and
// synchronous_commit keep their safe defaults.
var settings = []string{
	"max_connections=100",
	"shared_buffers=64MB",
	"work_mem=4MB",
	"maintenance_work_mem=64MB",
	"effective_cache_size=256MB",
	"min_wal_size=80MB",
	"max_wal_size=512MB",
}

// pidFile is what a running postmaster writes to pgdata/postmaster.pid:
// the authority on its pid and where it listens.
type pidFile struct {
	pid       int
	port      string
	socketDir string // empty when it listens on TCP only
	listen    string // first listen address, empty when socket only
}

func readPIDFile(path string) (pidFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return pidFile{}, fmt.Errorf("localpg: read %s: %w", path, err)
	}
	lines := strings.Split(string(raw), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil {
		return pidFile{}, fmt.Errorf("localpg: %s: pid: %w", path, err)
	}
	if len(lines) < 6 {
		// A starting postmaster adds its listen lines after its pid.
		return pidFile{pid: pid}, fmt.Errorf("localpg: %s is incomplete", path)
	}
	return pidFile{
		pid:       pid,
		port:      strings.TrimSpace(lines[3]),
		socketDir: strings.TrimSpace(lines[4]),
		listen:    strings.TrimSpace(lines[5]),
	}, nil
}

// url returns the connection URL for database db on the server pf describes.
func (c *cluster) url(pf pidFile, db string) (string, error) {
	u := url.URL{Scheme: "postgres", User: url.User(superuser), Path: "/" + db}
	q := url.Values{"sslmode": {"disable"}}
	switch {
	case pf.socketDir != "":
		q.Set("host", pf.socketDir)
		q.Set("port", pf.port)
	case pf.listen != "":
		password, err := os.ReadFile(c.path(passwordName))
		if err != nil {
			return "", fmt.Errorf("localpg: server listens on TCP only and its password is unreadable: %w", err)
		}
		u.User = url.UserPassword(superuser, strings.TrimSpace(string(password)))
		u.Host = net.JoinHostPort(pf.listen, pf.port)
	default:
		return "", fmt.Errorf("localpg: server (pid %d) listens on neither a socket nor TCP", pf.pid)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// running returns the server already running on the cluster, if any. It
// waits for one that is still starting or recovering, and removes a
// postmaster.pid left by a crash when its pid is dead, a zombie, or reused by
// another program; PostgreSQL itself only copes with the first. The caller
// holds the lock, so no other Ensure is starting or stopping this server.
func (c *cluster) running(ctx context.Context) (pidFile, bool, error) {
	pidPath := filepath.Join(c.dataDir, "postmaster.pid")
	deadline := time.Now().Add(startWait)
	for {
		pf, err := readPIDFile(pidPath)
		if errors.Is(err, fs.ErrNotExist) {
			return pidFile{}, false, nil
		}
		reason := "unreadable"
		if pf.pid != 0 {
			switch inspectProcess(pf.pid, c.dataDir) {
			case processGone:
				reason = "process gone"
			case processOther:
				reason = "pid now used by another program"
			default:
				reason = ""
			}
		}
		if reason != "" {
			c.logger.Warn("removing postmaster.pid left behind by a crashed server", "pid", pf.pid, "reason", reason)
			if err := os.Remove(pidPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return pidFile{}, false, fmt.Errorf("localpg: remove stale postmaster.pid: %w", err)
			}
			return pidFile{}, false, nil
		}
		if err == nil {
			if dsn, err := c.url(pf, "postgres"); err == nil && ping(ctx, dsn) == nil {
				return pf, true, nil
			}
		}
		if time.Now().After(deadline) {
			return pidFile{}, false, fmt.Errorf("localpg: a server (pid %d) runs on %s but accepts no connections; see %s",
				pf.pid, c.dataDir, c.path(logName))
		}
		select {
		case <-ctx.Done():
			return pidFile{}, false, fmt.Errorf("localpg: wait for server (pid %d): %w", pf.pid, context.Cause(ctx))
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func ping(ctx context.Context, dsn string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx)
}

// start launches the server with pg_ctl and waits until it accepts
// connections. It listens on a private socket, or on 127.0.0.1 with a free
// port and password authentication when no socket directory can be had.
func (c *cluster) start(ctx context.Context) (pidFile, error) {
	if err := c.rotateLog(); err != nil {
		return pidFile{}, err
	}
	if err := c.prepareLog(); err != nil {
		return pidFile{}, err
	}
	sockDir, err := c.socketDir()
	if err != nil {
		return pidFile{}, err
	}
	params := append([]string(nil), settings...)
	if sockDir != "" {
		params = append(params,
			"listen_addresses=",
			"port="+strconv.Itoa(socketPort),
			`unix_socket_directories="`+strings.ReplaceAll(sockDir, `"`, `""`)+`"`,
			"unix_socket_permissions=0700",
		)
	} else {
		port, err := freePort()
		if err != nil {
			return pidFile{}, err
		}
		c.logger.Warn("no usable socket directory; listening on 127.0.0.1 with a password", "port", port)
		params = append(params, "listen_addresses=127.0.0.1", "port="+strconv.Itoa(port), "unix_socket_directories=")
	}
	// pg_ctl hands -o to a shell, so each word is quoted for it.
	var opts []string
	for _, p := range params {
		opts = append(opts, "-c", shellQuote(p))
	}
	err = c.run(ctx, "pg_ctl", "start",
		"--pgdata="+c.dataDir,
		"--log="+c.path(logName),
		"--wait", "--timeout=60",
		"-o", strings.Join(opts, " "),
	)
	if err != nil {
		c.abandon()
		return pidFile{}, err
	}
	pf, err := readPIDFile(filepath.Join(c.dataDir, "postmaster.pid"))
	if err != nil {
		c.abandon()
		return pidFile{}, err
	}
	c.startedPID = pf.pid
	c.logger.Info("started PostgreSQL", "data", c.dataDir, "pid", pf.pid, "socket_dir", pf.socketDir,
		"user", c.as.String(), "bin", c.binDir, "log", c.path(logName))
	return pf, nil
}

// abandon stops a server whose start went wrong (for instance because ctx
// ended while pg_ctl waited), so no orphan is left running.
func (c *cluster) abandon() {
	if _, err := os.Stat(filepath.Join(c.dataDir, "postmaster.pid")); err != nil {
		c.removeTempSocketDir()
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.stop(ctx, "immediate"); err != nil {
		c.logger.Error("stop half-started PostgreSQL", "err", err)
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("localpg: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// socketDir prepares the directory for the server's socket: dir/run when its
// path is short enough, else a fresh private directory under a temp folder,
// recorded in dir/socketdir. It returns "" when neither is possible. Leftover
// socket files are removed: the caller knows no server is running.
func (c *cluster) socketDir() (string, error) {
	c.removeTempSocketDir()
	run := c.path(runName)
	if socketFits(run) {
		if err := os.Mkdir(run, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("localpg: create socket directory: %w", err)
		}
		stale, _ := filepath.Glob(filepath.Join(run, ".s.PGSQL.*"))
		for _, f := range stale {
			_ = os.Remove(f)
		}
		return run, c.as.chown(run)
	}
	for _, base := range c.opts.tempBases {
		if !socketFits(filepath.Join(base, "zrpg-4294967295")) {
			continue
		}
		d, err := os.MkdirTemp(base, "zrpg-")
		if err != nil {
			c.logger.Debug("no socket directory here", "base", base, "err", err)
			continue
		}
		if err := c.as.chown(d); err != nil {
			_ = os.Remove(d)
			return "", err
		}
		if err := os.WriteFile(c.path(socketDirName), []byte(d+"\n"), 0o600); err != nil {
			_ = os.Remove(d)
			return "", fmt.Errorf("localpg: record socket directory: %w", err)
		}
		return d, nil
	}
	return "", nil
}

func socketFits(dir string) bool {
	return len(dir)+len("/.s.PGSQL.")+len(strconv.Itoa(socketPort)) <= maxSocketPath
}

// removeTempSocketDir deletes the temp socket directory named in
// dir/socketdir, after checking it is one of ours.
func (c *cluster) removeTempSocketDir() {
	raw, err := os.ReadFile(c.path(socketDirName))
	if err != nil {
		return
	}
	d := strings.TrimSpace(string(raw))
	if fi, err := os.Lstat(d); err == nil && fi.IsDir() && strings.HasPrefix(filepath.Base(d), "zrpg-") && c.as.owns(fi) {
		_ = os.RemoveAll(d)
	}
	_ = os.Remove(c.path(socketDirName))
}

// createDatabase makes the application database unless it exists.
func (c *cluster) createDatabase(ctx context.Context, pf pidFile) error {
	dsn, err := c.url(pf, "postgres")
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("localpg: connect to new server: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, database).Scan(&exists); err != nil {
		return fmt.Errorf("localpg: look up database %s: %w", database, err)
	}
	if exists {
		return nil
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{database}.Sanitize()); err != nil {
		return fmt.Errorf("localpg: create database %s: %w", database, err)
	}
	c.logger.Info("created database", "database", database)
	return nil
}
