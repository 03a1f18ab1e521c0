//go:build unix

package localpg

import (
	"context"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// These tests start real PostgreSQL servers from the installed binaries.
// Run as root they exercise the switch to the "postgres" (or "nobody") user.

// serverDir returns a fresh data folder for one test and makes sure no
// server outlives the test, whatever happens in it.
//
// t.TempDir creates its folders with mode 0700. As root the server runs as
// an unprivileged user that must walk through them, so the two levels the
// testing package made for this test are opened to 0755; they hold nothing
// but this test's files. Everything above (os.TempDir, normally /tmp) must
// already be reachable; Ensure's error says so if it is not.
func serverDir(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	for _, d := range []string{filepath.Dir(base), base} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(base, "zr")
	t.Cleanup(func() { killLeftover(t, dir) })
	return dir
}

// killLeftover shuts down, immediately, a server a failed test left running.
func killLeftover(t *testing.T, dir string) {
	pf, err := readPIDFile(filepath.Join(dir, dataName, "postmaster.pid"))
	if err != nil || postmasterState(pf.pid, dir) != processPostgres {
		return
	}
	t.Logf("stopping leftover server pid %d", pf.pid)
	_ = syscall.Kill(pf.pid, syscall.SIGQUIT)
	for i := 0; i < 100 && postmasterState(pf.pid, dir) == processPostgres; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	c := &cluster{dir: dir}
	c.removeTempSocketDir()
}

// postmasterState inspects pid as Ensure would for the data folder dir.
func postmasterState(pid int, dir string) processState {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return inspectProcess(pid, filepath.Join(dir, dataName))
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, nil))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// mustEnsure starts (or finds) the server and registers its release.
func mustEnsure(t *testing.T, dir string) (string, func()) {
	t.Helper()
	dsn, release, err := Ensure(testContext(t), dir, testLogger(t))
	if err != nil {
		t.Fatalf("Ensure: %v", err)
	}
	t.Cleanup(release)
	return dsn, release
}

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx := testContext(t)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// startTime identifies a server instance: a restart or a second server
// has another.
func startTime(t *testing.T, dsn string) time.Time {
	t.Helper()
	var at time.Time
	if err := connect(t, dsn).QueryRow(testContext(t), `SELECT pg_postmaster_start_time()`).Scan(&at); err != nil {
		t.Fatal(err)
	}
	return at
}

func isUp(dsn string) bool {
	return ping(context.Background(), dsn) == nil
}

func TestFindBinDir(t *testing.T) {
	dir, err := FindBinDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range serverBinaries {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s lacks %s: %v", dir, name, err)
		}
	}
}

func TestVersionKey_SortsNumerically(t *testing.T) {
	for path, want := range map[string]string{
		"/usr/lib/postgresql/15/bin":          "15",
		"/usr/pgsql-9.6/bin":                  "9.6",
		"/opt/homebrew/opt/postgresql@17/bin": "17",
		"/usr/local/pgsql/bin":                "",
	} {
		var parts []string
		for _, n := range versionKey(path) {
			parts = append(parts, strconv.Itoa(n))
		}
		if got := strings.Join(parts, "."); got != want {
			t.Errorf("versionKey(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestEnsure_StartsOnceAndReleaseStops(t *testing.T) {
	t.Parallel()
	dir := serverDir(t)
	dsn, release := mustEnsure(t, dir)

	conn := connect(t, dsn)
	var one int
	var db, listen string
	ctx := testContext(t)
	if err := conn.QueryRow(ctx, `SELECT 1, current_database(), current_setting('listen_addresses')`).Scan(&one, &db, &listen); err != nil {
		t.Fatal(err)
	}
	if one != 1 || db != "zaakregister" || listen != "" {
		t.Errorf("got %d, database %q, listen_addresses %q; want 1, zaakregister, no TCP", one, db, listen)
	}
	if !strings.Contains(dsn, "host="+strings.ReplaceAll(filepath.Join(dir, runName), "/", "%2F")) {
		t.Errorf("URL %s does not use the socket in %s", dsn, filepath.Join(dir, runName))
	}
	if os.Geteuid() == 0 {
		fi, err := os.Stat(filepath.Join(dir, dataName))
		if err != nil {
			t.Fatal(err)
		}
		if uid := fi.Sys().(*syscall.Stat_t).Uid; uid == 0 {
			t.Errorf("running as root, pgdata is owned by root")
		}
	}
	started := startTime(t, dsn)

	again, releaseAgain := mustEnsure(t, dir)
	if again != dsn {
		t.Errorf("second Ensure: URL %s, want %s", again, dsn)
	}
	if at := startTime(t, again); !at.Equal(started) {
		t.Errorf("second Ensure restarted the server: started %v, then %v", started, at)
	}
	releaseAgain()
	if !isUp(dsn) {
		t.Fatal("release from the second Ensure stopped a server it did not start")
	}

	release()
	if isUp(dsn) {
		t.Fatal("server still accepts connections after release")
	}
	if _, err := os.Stat(filepath.Join(dir, dataName, "postmaster.pid")); err == nil {
		t.Error("postmaster.pid still there after release")
	}
	log, err := os.ReadFile(filepath.Join(dir, logName))
	if err != nil || !strings.Contains(string(log), "database system is ready to accept connections") {
		t.Errorf("postgres.log lacks the server's output (err %v)", err)
	}
}

func TestEnsure_RestartKeepsData(t *testing.T) {
	t.Parallel()
	dir := serverDir(t)
	dsn, release := mustEnsure(t, dir)
	ctx := testContext(t)
	if _, err := connect(t, dsn).Exec(ctx, `CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)`); err != nil {
		t.Fatal(err)
	}
	release()

	dsn, _ = mustEnsure(t, dir)
	var n int
	if err := connect(t, dsn).QueryRow(ctx, `SELECT n FROM kept`).Scan(&n); err != nil || n != 42 {
		t.Fatalf("after restart: n = %d, err %v; want 42", n, err)
	}
}

func TestEnsure_ConcurrentCallsShareOneServer(t *testing.T) {
	t.Parallel()
	dir := serverDir(t)
	ctx := testContext(t)
	var (
		wg       sync.WaitGroup
		urls     [2]string
		releases [2]func()
		errs     [2]error
	)
	for i := range 2 {
		wg.Go(func() {
			urls[i], releases[i], errs[i] = Ensure(ctx, dir, testLogger(t))
			if errs[i] == nil {
				t.Cleanup(releases[i])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("Ensure: %v", err)
		}
	}
	if urls[0] != urls[1] {
		t.Fatalf("two URLs: %s and %s", urls[0], urls[1])
	}
	// Exactly one of the two releases owns the server and stops it.
	stops := 0
	for _, release := range releases {
		release()
		if !isUp(urls[0]) && stops == 0 {
			stops++
		}
	}
	if stops != 1 || isUp(urls[0]) {
		t.Fatalf("server stopped by %d releases, still up: %v; want exactly one stop", stops, isUp(urls[0]))
	}
}

// crash kills the postmaster the way the OOM killer would and waits for it
// and its children to be gone.
func crash(t *testing.T, dir string) {
	t.Helper()
	pf, err := readPIDFile(filepath.Join(dir, dataName, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pf.pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for i := 0; postmasterState(pf.pid, dir) == processPostgres; i++ {
		if i > 100 {
			t.Fatalf("postmaster %d survives SIGKILL", pf.pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestEnsure_RecoversAfterCrash(t *testing.T) {
	t.Parallel()
	dir := serverDir(t)
	dsn, _ := mustEnsure(t, dir)
	ctx := testContext(t)
	if _, err := connect(t, dsn).Exec(ctx, `CREATE TABLE survivor (n int); INSERT INTO survivor VALUES (7)`); err != nil {
		t.Fatal(err)
	}
	pidPath := filepath.Join(dir, dataName, "postmaster.pid")

	// A plain crash leaves postmaster.pid naming a dead (or zombie) process.
	crash(t, dir)
	if _, err := os.Stat(pidPath); err != nil {
		t.Fatalf("SIGKILL should leave postmaster.pid behind: %v", err)
	}
	dsn, _ = mustEnsure(t, dir)
	var n int
	if err := connect(t, dsn).QueryRow(ctx, `SELECT n FROM survivor`).Scan(&n); err != nil || n != 7 {
		t.Fatalf("after crash: n = %d, err %v; want 7", n, err)
	}

	// After a reboot the old pid often belongs to another program, which
	// PostgreSQL on its own takes for a running server. This test process
	// plays that program, in postmaster.pid and in the socket's lock file.
	crash(t, dir)
	raw, err := os.ReadFile(pidPath)
	if err != nil {
		t.Fatal(err)
	}
	ours := strconv.Itoa(os.Getpid())
	_, rest, _ := strings.Cut(string(raw), "\n")
	if err := os.WriteFile(pidPath, []byte(ours+"\n"+rest), 0o600); err != nil {
		t.Fatal(err)
	}
	locks, _ := filepath.Glob(filepath.Join(dir, runName, ".s.PGSQL.*.lock"))
	if len(locks) == 0 {
		t.Fatal("no socket lock file to fake")
	}
	for _, lock := range locks {
		if err := os.WriteFile(lock, []byte(ours+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	dsn, _ = mustEnsure(t, dir)
	if err := connect(t, dsn).QueryRow(ctx, `SELECT n FROM survivor`).Scan(&n); err != nil || n != 7 {
		t.Fatalf("after crash with reused pid: n = %d, err %v; want 7", n, err)
	}
}

func TestEnsure_LongFolderPutsSocketInTempDir(t *testing.T) {
	t.Parallel()
	// Long enough for no socket to fit, with a space and a quote that the
	// settings handed through pg_ctl's shell must survive.
	dir := filepath.Join(serverDir(t), "it's a long way down", strings.Repeat("x", 80))
	dsn, release := mustEnsure(t, dir)

	raw, err := os.ReadFile(filepath.Join(dir, socketDirName))
	if err != nil {
		t.Fatalf("socket directory not recorded: %v", err)
	}
	sockDir := strings.TrimSpace(string(raw))
	if !strings.HasPrefix(sockDir, "/tmp/zrpg-") && !strings.HasPrefix(sockDir, "/var/tmp/zrpg-") {
		t.Errorf("socket directory %s not in a temp folder", sockDir)
	}
	if !strings.Contains(dsn, strings.ReplaceAll(sockDir, "/", "%2F")) {
		t.Errorf("URL %s does not use %s", dsn, sockDir)
	}
	if !isUp(dsn) {
		t.Fatal("server not up")
	}
	release()
	if _, err := os.Stat(sockDir); err == nil {
		t.Errorf("temp socket directory %s left after release", sockDir)
	}
}

func TestEnsure_FallsBackToLoopbackTCP(t *testing.T) {
	t.Parallel()
	// No temp folder to use and a folder too long for a socket.
	dir := filepath.Join(serverDir(t), strings.Repeat("y", 100))
	dsn, release, err := ensure(testContext(t), dir, testLogger(t), options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	if !strings.Contains(dsn, "@127.0.0.1:") {
		t.Errorf("URL %s is not loopback TCP", dsn)
	}
	var sockets string
	if err := connect(t, dsn).QueryRow(testContext(t), `SELECT current_setting('unix_socket_directories')`).Scan(&sockets); err != nil {
		t.Fatal(err)
	}
	if sockets != "" {
		t.Errorf("unix_socket_directories = %q, want none", sockets)
	}
	// Without the password, TCP is closed.
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(superuser)
	if isUp(u.String()) {
		t.Errorf("TCP connection without password accepted")
	}
}

func TestEnsure_RootExplainsUnreachableFolder(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another user")
	}
	t.Parallel()
	closed := filepath.Join(filepath.Dir(serverDir(t)), "closed")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	_, _, err := Ensure(testContext(t), filepath.Join(closed, "zr"), nil)
	if err == nil {
		t.Fatal("Ensure under a 0700 root folder succeeded")
	}
	if !strings.Contains(err.Error(), "cannot enter") || !strings.Contains(err.Error(), closed) {
		t.Errorf("error does not name the folder: %v", err)
	}
}

// A cluster made by one unprivileged user keeps being run by that user, here
// "nobody", which has no home folder and no shell.
func TestEnsure_RootRunsClusterAsItsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another user")
	}
	t.Parallel()
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skip("no user nobody")
	}
	uid, _ := strconv.Atoi(nobody.Uid)
	gid, _ := strconv.Atoi(nobody.Gid)
	dir := serverDir(t)
	_, release := mustEnsure(t, dir)
	release()
	err = filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, uid, gid)
	})
	if err != nil {
		t.Fatal(err)
	}

	dsn, _ := mustEnsure(t, dir)
	pf, err := readPIDFile(filepath.Join(dir, dataName, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat("/proc/" + strconv.Itoa(pf.pid))
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Sys().(*syscall.Stat_t).Uid; int(got) != uid {
		t.Errorf("server runs as uid %d, want nobody (%d)", got, uid)
	}
	if !isUp(dsn) {
		t.Error("server not up")
	}
}
