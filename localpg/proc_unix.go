//go:build unix

package localpg

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

// lockDir takes an exclusive flock on path, waiting (polling, so ctx can
// cancel the wait) while another goroutine or process holds it. Each call
// opens the file afresh, so goroutines of one process exclude each other too.
func lockDir(ctx context.Context, path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("localpg: open lock file: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				_ = f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			_ = f.Close()
			return nil, fmt.Errorf("localpg: lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			_ = f.Close()
			return nil, fmt.Errorf("localpg: wait for lock %s: %w", path, context.Cause(ctx))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// processState says what, as far as this process can tell, runs under pid.
type processState int

const (
	processGone     processState = iota // no such process, or a zombie
	processPostgres                     // a live postgres process (or one we cannot inspect)
	processOther                        // a live process that is not postgres: the pid was reused
)

// inspectProcess tells a live postmaster of dataDir from a dead one and from
// an unrelated process that reuses its pid after a crash or reboot. The last
// two matter because PostgreSQL only treats its lock file as stale when
// kill(pid, 0) fails, which a zombie or a reused pid defeats. A postmaster
// works in its data folder, so a postgres process elsewhere serves another
// cluster. What cannot be inspected (no /proc outside Linux, another user's
// process) counts as our postmaster: the safe side.
func inspectProcess(pid int, dataDir string) processState {
	if pid <= 0 {
		return processGone
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return processGone
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return processPostgres
	}
	// "1234 (postgres) S 1 ...": the name sits in parentheses, the state after.
	open, end := bytes.IndexByte(stat, '('), bytes.LastIndexByte(stat, ')')
	if open < 0 || end < open || end+2 >= len(stat) {
		return processPostgres
	}
	if state := stat[end+2]; state == 'Z' || state == 'X' {
		return processGone
	}
	if name := string(stat[open+1 : end]); name != "postgres" && name != "postmaster" {
		return processOther
	}
	if cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd"); err == nil && cwd != dataDir {
		return processOther
	}
	return processPostgres
}
