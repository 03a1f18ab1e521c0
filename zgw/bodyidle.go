package zgw

import (
	"io"
	"net/http"
	"time"
)

// BodyIdle cuts off a request body that sends nothing for idle: before
// each read of the body it moves the connection's read deadline idle
// ahead (never past read, the server's bound on a whole request, 0 for
// none), so a body that keeps
// arriving is read however long it takes, and one that stalls ends in a
// read error (which the handlers answer 400, and after which the server
// closes the connection). Requests without a body are left alone: net/http
// reads their connection in the background to notice a client that goes
// away, and a deadline would cancel them. An idle of 0 sets no limit.
func BodyIdle(idle, read time.Duration, next http.Handler) http.Handler {
	if idle <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		b := &idleBody{ReadCloser: r.Body, rc: http.NewResponseController(w), idle: idle}
		if read > 0 {
			b.end = time.Now().Add(read) // about when net/http's own deadline falls
		}
		// Until the handler reads, the deadline also bounds what net/http
		// discards of an unread body before it answers.
		if b.extend() != nil {
			next.ServeHTTP(w, r) // no deadlines on this connection (a test recorder)
			return
		}
		r.Body = b
		next.ServeHTTP(w, r)
		if !b.done {
			// The handler left (some of) the body unread: net/http discards
			// up to 256 KiB of it before it answers, and that too must not
			// wait on a client that sends nothing.
			_ = b.extend()
		}
	})
}

// idleBody is a request body whose every read may wait at most idle. Once
// the body has ended (or failed) it leaves the deadline alone: net/http
// clears it when it starts reading the connection in the background.
type idleBody struct {
	io.ReadCloser
	rc   *http.ResponseController
	idle time.Duration
	end  time.Time // the bound of the whole request; zero for none
	done bool
}

func (b *idleBody) Read(p []byte) (int, error) {
	if b.done {
		return b.ReadCloser.Read(p)
	}
	_ = b.extend()
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.done = true
	}
	return n, err
}

// extend moves the read deadline idle ahead, up to end.
func (b *idleBody) extend() error {
	t := time.Now().Add(b.idle)
	if !b.end.IsZero() && t.After(b.end) {
		t = b.end
	}
	return b.rc.SetReadDeadline(t)
}
