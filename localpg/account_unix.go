//go:build unix

package localpg

import (
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// account is the unprivileged user the server runs as when this process is
// root. A nil *account means "run as this process's own user".
type account struct {
	name   string
	uid    uint32
	gid    uint32
	groups []uint32
}

// serverAccount decides who runs PostgreSQL for dataDir. As a normal user
// that is the user itself (nil). As root it is the owner of an existing
// cluster, so a cluster made as "nobody" keeps working after a "postgres"
// user appears; for a new cluster it is "postgres", else "nobody".
func serverAccount(dataDir string) (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	if fi, err := os.Stat(dataDir); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid != 0 {
			if u, err := user.LookupId(strconv.FormatUint(uint64(st.Uid), 10)); err == nil {
				return accountOf(u)
			}
			return &account{name: "uid " + strconv.FormatUint(uint64(st.Uid), 10), uid: st.Uid, gid: st.Gid}, nil
		}
	}
	for _, name := range []string{"postgres", "nobody"} {
		if u, err := user.Lookup(name); err == nil {
			return accountOf(u)
		}
	}
	return nil, fmt.Errorf("localpg: this process runs as root, which PostgreSQL refuses, " +
		"and there is no unprivileged user \"postgres\" or \"nobody\" to run it as; " +
		"create one (Debian: apt-get install postgresql creates \"postgres\") or run as a normal user")
}

func accountOf(u *user.User) (*account, error) {
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("localpg: user %s: uid %q: %w", u.Username, u.Uid, err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("localpg: user %s: gid %q: %w", u.Username, u.Gid, err)
	}
	a := &account{name: u.Username, uid: uint32(uid), gid: uint32(gid)}
	ids, _ := u.GroupIds() // supplementary groups are a nicety; the primary group suffices
	for _, id := range ids {
		if g, err := strconv.ParseUint(id, 10, 32); err == nil {
			a.groups = append(a.groups, uint32(g))
		}
	}
	return a, nil
}

// sysProcAttr starts a command in its own session, so a Ctrl-C aimed at
// zaakregister does not also hit the server, and as the account when set.
func (a *account) sysProcAttr() *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Setsid: true}
	if a != nil {
		attr.Credential = &syscall.Credential{Uid: a.uid, Gid: a.gid, Groups: a.groups}
	}
	return attr
}

// chown gives path to the account; a no-op for a normal user.
func (a *account) chown(path string) error {
	if a == nil {
		return nil
	}
	if err := os.Lchown(path, int(a.uid), int(a.gid)); err != nil {
		return fmt.Errorf("localpg: give %s to user %s: %w", path, a.name, err)
	}
	return nil
}

// owns reports whether fi belongs to the account (or, for nil, to us).
func (a *account) owns(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	if a == nil {
		return int(st.Uid) == os.Geteuid()
	}
	return st.Uid == a.uid
}

// checkReach verifies that the account can walk down to dir, which it must
// to open its data folder: root can go anywhere, the server user cannot. The
// usual trap is a data folder under /root or a 0700 home or temp folder.
func (a *account) checkReach(dir string) error {
	if a == nil {
		return nil
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return fmt.Errorf("localpg: resolve %s: %w", dir, err)
	}
	var blocked []string
	for p := filepath.Dir(real); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("localpg: check access to %s: %w", p, err)
		}
		if !a.mayEnter(fi) {
			blocked = append([]string{fmt.Sprintf("%s (%v, owner uid %d)", p, fi.Mode().Perm(), fi.Sys().(*syscall.Stat_t).Uid)}, blocked...)
		}
		if p == filepath.Dir(p) {
			break
		}
	}
	if len(blocked) == 0 {
		return nil
	}
	return fmt.Errorf("localpg: this process runs as root, so PostgreSQL runs as user %q, "+
		"but that user cannot enter %s on the way to the data folder %s; "+
		"choose a data folder it can reach (for example under /var/lib) or let it pass with chmod o+x on those folders",
		a.name, strings.Join(blocked, ", "), dir)
}

// mayEnter applies the Unix permission check for search (x) permission:
// the owner bits decide for the owner, the group bits for members, else other.
func (a *account) mayEnter(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	perm := fi.Mode().Perm()
	switch {
	case st.Uid == a.uid:
		return perm&0o100 != 0
	case a.inGroup(st.Gid):
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}

func (a *account) inGroup(gid uint32) bool {
	if gid == a.gid {
		return true
	}
	for _, g := range a.groups {
		if g == gid {
			return true
		}
	}
	return false
}

func (a *account) String() string {
	if a == nil {
		if u, err := user.Current(); err == nil {
			return u.Username
		}
		return "uid " + strconv.Itoa(os.Geteuid())
	}
	return a.name
}
