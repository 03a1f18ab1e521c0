//go:build unix

package localpg

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Names inside the caller's data folder; see the package comment.
const (
	lockName      = "localpg.lock"
	dataName      = "pgdata"
	runName       = "run"
	socketDirName = "socketdir"
	logName       = "postgres.log"
	passwordName  = "password"
)

const (
	database  = "zaakregister"
	superuser = "postgres"

	// maxLogSize is where postgres.log is rotated (to postgres.log.1) at start.
	maxLogSize = 10 << 20
)

// cluster is one data folder and the means to run commands on it.
type cluster struct {
	dir     string // the caller's folder
	dataDir string // dir/pgdata
	binDir  string
	as      *account
	logger  *slog.Logger
	opts    options

	// startedPID is the postmaster this cluster value started, so release
	// never stops a server that someone else restarted after a crash.
	startedPID int
}

func (c *cluster) path(name string) string { return filepath.Join(c.dir, name) }

// run executes a server binary as the server user, appending its output to
// postgres.log so nothing is lost, and returns an error carrying the last
// lines of that output.
func (c *cluster) run(ctx context.Context, name string, args ...string) error {
	logFile, err := os.OpenFile(c.path(logName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("localpg: open log: %w", err)
	}
	defer logFile.Close()
	fmt.Fprintf(logFile, "--- localpg %s: %s %s\n", time.Now().Format(time.RFC3339), name, strings.Join(args, " "))

	var tail bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(c.binDir, name), args...)
	cmd.Dir = c.dir
	cmd.Env = childEnv()
	cmd.Stdout = io.MultiWriter(logFile, &tail)
	cmd.Stderr = cmd.Stdout
	cmd.SysProcAttr = c.as.sysProcAttr()
	// pg_ctl start leaves a server behind; it must not keep our pipes, and
	// if something ever does, Wait gives up instead of hanging.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("localpg: %s (as %s) failed: %w; output (full log in %s):\n%s",
			name, c.as, err, c.path(logName), lastLines(tail.String(), 15))
	}
	return nil
}

// childEnv is this process's environment without the PG* variables (a stray
// PGDATA or PGPORT would redirect pg_ctl) and with the C locale, so initdb
// does not trip over a LANG whose locale is not installed.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// initdb creates the cluster in a scratch folder and renames it into place,
// so an interrupted initdb never leaves a half-made pgdata that later calls
// would take for a cluster.
func (c *cluster) initdb(ctx context.Context) error {
	scratch := c.dataDir + ".initdb"
	if err := os.RemoveAll(scratch); err != nil {
		return fmt.Errorf("localpg: remove leftover %s: %w", scratch, err)
	}
	password, err := randomPassword()
	if err != nil {
		return err
	}
	// The password only matters for the TCP fallback; the socket is trusted.
	if err := os.WriteFile(c.path(passwordName), []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("localpg: write password file: %w", err)
	}
	pwFile := c.path(".initdb-password")
	if err := os.WriteFile(pwFile, []byte(password+"\n"), 0o600); err != nil {
		return fmt.Errorf("localpg: write initdb password file: %w", err)
	}
	defer os.Remove(pwFile)
	if err := c.as.chown(pwFile); err != nil {
		return err
	}

	err = c.run(ctx, "initdb",
		"--pgdata="+scratch,
		"--username="+superuser,
		"--pwfile="+pwFile,
		"--auth-local=trust",
		"--auth-host=scram-sha-256",
		"--encoding=UTF8",
		"--no-locale",
	)
	if err != nil {
		_ = os.RemoveAll(scratch)
		return err
	}
	if err := os.Rename(scratch, c.dataDir); err != nil {
		return fmt.Errorf("localpg: move new cluster into place: %w", err)
	}
	c.logger.Info("initialised PostgreSQL cluster", "data", c.dataDir, "user", c.as.String())
	return nil
}

func randomPassword() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("localpg: generate password: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// rotateLog keeps postgres.log from growing without bound across restarts.
func (c *cluster) rotateLog() error {
	fi, err := os.Stat(c.path(logName))
	if err != nil || fi.Size() < maxLogSize {
		return nil
	}
	if err := os.Rename(c.path(logName), c.path(logName+".1")); err != nil {
		return fmt.Errorf("localpg: rotate log: %w", err)
	}
	return nil
}

// prepareLog creates postgres.log owned by the server user, which must be
// able to append to it: pg_ctl opens it for the server with its rights.
func (c *cluster) prepareLog() error {
	f, err := os.OpenFile(c.path(logName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("localpg: create log: %w", err)
	}
	_ = f.Close()
	return c.as.chown(c.path(logName))
}

// stop shuts the server down with the given pg_ctl mode ("fast" rolls back
// open transactions and checkpoints; "immediate" is for a failed start) and
// removes a temporary socket directory.
func (c *cluster) stop(ctx context.Context, mode string) error {
	err := c.run(ctx, "pg_ctl", "stop", "--pgdata="+c.dataDir, "--mode="+mode, "--wait", "--timeout=60")
	c.removeTempSocketDir()
	if err != nil {
		return err
	}
	c.logger.Info("stopped PostgreSQL", "data", c.dataDir)
	return nil
}
