package localpg

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// serverBinaries must all be present in a folder for it to count as a server
// installation: client-only packages (libpq-dev, postgresql-client) ship
// pg_config and psql but not these.
var serverBinaries = []string{"initdb", "pg_ctl", "postgres"}

// versionedBinDirs are searched after pg_config, each newest version first.
var versionedBinDirs = []string{
	"/usr/lib/postgresql/*/bin",          // Debian, Ubuntu
	"/usr/pgsql-*/bin",                   // PGDG packages for RHEL, Fedora
	"/opt/homebrew/opt/postgresql@*/bin", // Homebrew on Apple silicon
	"/usr/local/opt/postgresql@*/bin",    // Homebrew on Intel
	"/usr/local/pgsql/bin",               // built from source
	"/Applications/Postgres.app/Contents/Versions/*/bin",
}

// FindBinDir returns the folder holding the PostgreSQL server binaries
// initdb, pg_ctl and postgres. It asks `pg_config --bindir` first (and checks
// the answer really holds initdb: on Debian pg_config may come from
// libpq-dev and point at /usr/bin, which lacks it), then looks in
// /usr/lib/postgresql/*/bin and the other usual install locations, newest
// version first, and finally for initdb on PATH. It reads no configuration
// from the environment. The error wraps ErrNotInstalled when nothing is found.
func FindBinDir() (string, error) {
	dirs := binDirCandidates()
	if len(dirs) == 0 {
		return "", fmt.Errorf("%w (looked via pg_config --bindir, in /usr/lib/postgresql/*/bin and on PATH)", ErrNotInstalled)
	}
	return dirs[0], nil
}

// binDirCandidates lists every server installation found, in FindBinDir's
// order of preference.
func binDirCandidates() []string {
	var found []string
	seen := map[string]bool{}
	add := func(dir string) {
		if dir == "" {
			return
		}
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		if seen[dir] || !hasServerBinaries(dir) {
			return
		}
		seen[dir] = true
		found = append(found, dir)
	}

	if pgConfig, err := exec.LookPath("pg_config"); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		out, err := exec.CommandContext(ctx, pgConfig, "--bindir").Output()
		cancel()
		if err == nil {
			add(strings.TrimSpace(string(out)))
		}
	}
	for _, pattern := range versionedBinDirs {
		matches, _ := filepath.Glob(pattern)
		slices.SortStableFunc(matches, func(a, b string) int {
			return slices.Compare(versionKey(b), versionKey(a))
		})
		for _, m := range matches {
			add(m)
		}
	}
	if initdb, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(initdb); err == nil {
			initdb = real
		}
		add(filepath.Dir(initdb))
	}
	return found
}

func hasServerBinaries(dir string) bool {
	for _, name := range serverBinaries {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}

// versionKey turns the version in a bin folder's parent name
// ("15", "pgsql-9.6", "postgresql@17") into numbers that sort correctly.
func versionKey(binDir string) []int {
	name := filepath.Base(filepath.Dir(binDir))
	start := strings.LastIndexFunc(name, func(r rune) bool { return !(r == '.' || r >= '0' && r <= '9') }) + 1
	var key []int
	for _, part := range strings.Split(name[start:], ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			break
		}
		key = append(key, n)
	}
	return key
}

// serverMajor returns the major version of the server in binDir in the form
// PG_VERSION uses ("15", or "9.6" before version 10).
func serverMajor(ctx context.Context, binDir string) (string, error) {
	// postgres answers --version before its refuse-to-run-as-root check.
	out, err := exec.CommandContext(ctx, filepath.Join(binDir, "postgres"), "--version").Output()
	if err != nil {
		return "", fmt.Errorf("localpg: %s --version: %w", filepath.Join(binDir, "postgres"), err)
	}
	// "postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
	_, version, ok := strings.Cut(string(out), ") ")
	fields := strings.Fields(version)
	if !ok || len(fields) == 0 {
		return "", fmt.Errorf("localpg: unexpected postgres --version output %q", out)
	}
	parts := strings.Split(fields[0], ".")
	if n, err := strconv.Atoi(parts[0]); err == nil && n < 10 && len(parts) > 1 {
		return parts[0] + "." + parts[1], nil
	}
	return strings.TrimRightFunc(parts[0], func(r rune) bool { return r < '0' || r > '9' }), nil
}

// binDirFor picks the server installation for dataDir: the preferred one for
// a new cluster, and one of the same major version for an existing one,
// because a cluster cannot be opened by another major version.
func binDirFor(ctx context.Context, dataDir string) (string, error) {
	dirs := binDirCandidates()
	if len(dirs) == 0 {
		return "", fmt.Errorf("%w (looked via pg_config --bindir, in /usr/lib/postgresql/*/bin and on PATH)", ErrNotInstalled)
	}
	raw, err := os.ReadFile(filepath.Join(dataDir, "PG_VERSION"))
	if os.IsNotExist(err) {
		return dirs[0], nil
	}
	if err != nil {
		return "", fmt.Errorf("localpg: read cluster version: %w", err)
	}
	want := strings.TrimSpace(string(raw))
	var have []string
	for _, dir := range dirs {
		major, err := serverMajor(ctx, dir)
		if err != nil {
			return "", err
		}
		if major == want {
			return dir, nil
		}
		have = append(have, major)
	}
	return "", fmt.Errorf("localpg: %s was created by PostgreSQL %s but only PostgreSQL %s is installed; "+
		"install version %s (Debian: apt-get install postgresql-%s) or upgrade the cluster with pg_upgrade",
		dataDir, want, strings.Join(have, ", "), want, want)
}
