package kurrentdb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"
	v2 "github.com/kurrent-io/KurrentDB-Client-Go/protos/kurrentdb/protocols/v2/streams/errors"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zaakregister/zaakregister/domain"
	"github.com/zaakregister/zaakregister/eventstore"
)

// openFake starts a fake server and a Store on it.
func openFake(t *testing.T) (*fakeServer, *Store) {
	t.Helper()
	f := newFakeServer(t)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	s, err := New(ctx, f.url(), WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return f, s
}

func event(typ string, n int) eventstore.EventData {
	return eventstore.EventData{
		ID:            uuid.NewString(),
		Type:          typ,
		SchemaVersion: 2,
		Data:          json.RawMessage(fmt.Sprintf(`{"n":%d}`, n)),
		Metadata:      eventstore.Metadata{ClientID: "client", RequestID: "req", Time: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)},
	}
}

func mustAppend(t *testing.T, s *Store, stream string, exp eventstore.ExpectedRevision, events ...eventstore.EventData) eventstore.AppendResult {
	t.Helper()
	res, err := s.Append(t.Context(), stream, exp, events...)
	if err != nil {
		t.Fatalf("Append %s: %v", stream, err)
	}
	return res
}

func TestStore_AppendReadRoundTrip(t *testing.T) {
	_, s := openFake(t)
	e1, e2 := event("ZaakAangemaakt", 1), event("StatusGezet", 2)
	res := mustAppend(t, s, "zaak-1", eventstore.NoStream(), e1, e2)
	if res.Revision != 1 || res.Position.Commit == 0 {
		t.Fatalf("append result = %+v, want revision 1 and a position", res)
	}
	got, err := s.ReadStream(t.Context(), "zaak-1", 0, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("ReadStream = %d events, %v", len(got), err)
	}
	for i, want := range []eventstore.EventData{e1, e2} {
		g := got[i]
		if g.ID != want.ID || g.Type != want.Type || g.SchemaVersion != 2 || string(g.Data) != string(want.Data) ||
			g.Metadata != want.Metadata || g.StreamID != "zaak-1" || g.Revision != uint64(i) {
			t.Errorf("event %d = %+v, want %+v", i, g, want)
		}
	}
	if got[1].Position != res.Position || !got[0].Position.Less(got[1].Position) {
		t.Errorf("positions %v, %v; append said %v", got[0].Position, got[1].Position, res.Position)
	}
	if got, _ := s.ReadStream(t.Context(), "zaak-1", 1, 10); len(got) != 1 || got[0].Revision != 1 {
		t.Errorf("ReadStream from 1 = %+v", got)
	}
}

func TestStore_ReadAll(t *testing.T) {
	_, s := openFake(t)
	mustAppend(t, s, "zaak-1", eventstore.NoStream(), event("A", 1), event("B", 2))
	mustAppend(t, s, "zaak-2", eventstore.NoStream(), event("C", 3))
	all, err := s.ReadAll(t.Context(), eventstore.Start, 100)
	if err != nil || len(all) != 3 {
		t.Fatalf("ReadAll = %d events, %v; want 3 without the system records", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if !all[i-1].Position.Less(all[i].Position) {
			t.Errorf("not in log order: %v then %v", all[i-1].Position, all[i].Position)
		}
	}
	after, err := s.ReadAll(t.Context(), all[0].Position, 1)
	if err != nil || len(after) != 1 || after[0].ID != all[1].ID {
		t.Fatalf("ReadAll after first, limit 1 = %+v, %v; want the second event only", after, err)
	}
	if end, err := s.ReadAll(t.Context(), all[2].Position, 10); err != nil || len(end) != 0 {
		t.Errorf("ReadAll after the last = %+v, %v", end, err)
	}
}

func TestStore_DeleteHidesStream(t *testing.T) {
	_, s := openFake(t)
	mustAppend(t, s, "zaak-gone", eventstore.NoStream(), event("A", 1), event("B", 2))
	mustAppend(t, s, "zaak-kept", eventstore.NoStream(), event("C", 3))
	if err := s.Delete(t.Context(), "zaak-gone", eventstore.Exact(1)); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	all, err := s.ReadAll(t.Context(), eventstore.Start, 100)
	if err != nil || len(all) != 1 || all[0].StreamID != "zaak-kept" {
		t.Fatalf("ReadAll after delete = %+v, %v; want zaak-kept's event only", all, err)
	}
	if one, err := s.ReadAll(t.Context(), eventstore.Start, 1); err != nil || len(one) != 1 || one[0].StreamID != "zaak-kept" {
		t.Fatalf("ReadAll limit 1 after delete = %+v, %v; want zaak-kept's event", one, err)
	}
	if _, err := s.ReadStream(t.Context(), "zaak-gone", 0, 10); !errors.Is(err, eventstore.ErrStreamNotFound) {
		t.Errorf("ReadStream of deleted = %v, want ErrStreamNotFound", err)
	}
	if _, err := s.Append(t.Context(), "zaak-gone", eventstore.Any(), event("D", 4)); !errors.Is(err, eventstore.ErrStreamDeleted) {
		t.Errorf("Append to deleted = %v, want ErrStreamDeleted", err)
	}
}

func TestStore_ErrorTranslation(t *testing.T) {
	f, s := openFake(t)
	ctx := t.Context()
	mustAppend(t, s, "exists", eventstore.NoStream(), event("A", 1))
	mustAppend(t, s, "tombstoned", eventstore.NoStream(), event("A", 1))
	if err := s.Delete(ctx, "tombstoned", eventstore.Any()); err != nil {
		t.Fatal(err)
	}
	detailed := func(c codes.Code, d *v2.StreamTombstonedErrorDetails, r *v2.StreamRevisionConflictErrorDetails) error {
		st := status.New(c, "detailed")
		var err error
		if d != nil {
			st, err = st.WithDetails(d)
		} else {
			st, err = st.WithDetails(r)
		}
		if err != nil {
			t.Fatal(err)
		}
		return st.Err()
	}
	f.failOn("tombstoned-v2", detailed(codes.FailedPrecondition, &v2.StreamTombstonedErrorDetails{Stream: "tombstoned-v2"}, nil))
	f.failOn("conflict-v2", detailed(codes.FailedPrecondition, nil, &v2.StreamRevisionConflictErrorDetails{Stream: "conflict-v2", ExpectedRevision: 1, ActualRevision: 2}))
	f.failOn("unavailable", status.Error(codes.Unavailable, "node restarting"))
	f.failOn("denied", status.Error(codes.PermissionDenied, "Access Denied"))

	appendTo := func(stream string, exp eventstore.ExpectedRevision) func() error {
		return func() error { _, err := s.Append(ctx, stream, exp, event("A", 1)); return err }
	}
	read := func(stream string) func() error {
		return func() error { _, err := s.ReadStream(ctx, stream, 0, 10); return err }
	}
	tests := []struct {
		name      string
		call      func() error
		want      error // nil: none of the contract's errors
		code      kdb.ErrorCode
		permanent bool
	}{
		{"append exact to missing", appendTo("missing", eventstore.Exact(5)), eventstore.ErrWrongExpectedRevision, kdb.ErrorCodeWrongExpectedVersion, false},
		{"append no stream to existing", appendTo("exists", eventstore.NoStream()), eventstore.ErrWrongExpectedRevision, kdb.ErrorCodeWrongExpectedVersion, false},
		{"append stream exists to missing", appendTo("missing", eventstore.StreamExists()), eventstore.ErrWrongExpectedRevision, kdb.ErrorCodeWrongExpectedVersion, false},
		{"append to tombstoned", appendTo("tombstoned", eventstore.Any()), eventstore.ErrStreamDeleted, kdb.ErrorCodeStreamDeleted, false},
		{"append tombstoned detail", appendTo("tombstoned-v2", eventstore.Any()), eventstore.ErrStreamDeleted, kdb.ErrorCodeStreamTombstoned, false},
		{"append revision conflict detail", appendTo("conflict-v2", eventstore.Exact(1)), eventstore.ErrWrongExpectedRevision, kdb.ErrorCodeStreamRevisionConflict, false},
		{"read missing", read("missing"), eventstore.ErrStreamNotFound, kdb.ErrorCodeResourceNotFound, false},
		{"read tombstoned", read("tombstoned"), eventstore.ErrStreamNotFound, kdb.ErrorCodeStreamDeleted, false},
		{"delete wrong revision", func() error { return s.Delete(ctx, "exists", eventstore.Exact(7)) }, eventstore.ErrWrongExpectedRevision, kdb.ErrorCodeUnknown, false},
		{"delete tombstoned", func() error { return s.Delete(ctx, "tombstoned", eventstore.Any()) }, eventstore.ErrStreamDeleted, kdb.ErrorCodeStreamDeleted, false},
		{"unavailable", appendTo("unavailable", eventstore.Any()), nil, kdb.ErrorUnavailable, false},
		{"access denied", read("denied"), nil, kdb.ErrorCodeAccessDenied, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatal("no error")
			}
			for _, sentinel := range []error{eventstore.ErrWrongExpectedRevision, eventstore.ErrStreamDeleted, eventstore.ErrStreamNotFound} {
				if errors.Is(err, sentinel) != (sentinel == tt.want) {
					t.Errorf("errors.Is(%v, %v) = %v", err, sentinel, !(sentinel == tt.want))
				}
			}
			if c, ok := code(err); !ok || c != tt.code {
				t.Errorf("client code = %v, %v; want %v", c, ok, tt.code)
			}
			if permanent(err) != tt.permanent {
				t.Errorf("permanent = %v", !tt.permanent)
			}
		})
	}
	if !errors.Is(appendTo("exists", eventstore.Exact(9))(), domain.ErrConflict) {
		t.Error("a wrong expected revision is not a domain conflict")
	}
}

func TestStore_RefusesInvalidAppends(t *testing.T) {
	_, s := openFake(t)
	bad := event("A", 1)
	bad.ID = "not-a-uuid"
	for _, tt := range []struct {
		name, stream string
		ev           eventstore.EventData
	}{
		{"system stream", "$stats", event("A", 1)},
		{"no stream", "", event("A", 1)},
		{"system type", "zaak-1", event("$metadata", 1)},
		{"bad id", "zaak-1", bad},
	} {
		_, err := s.Append(t.Context(), tt.stream, eventstore.Any(), event("ok", 0), tt.ev)
		if !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("%s: err = %v, want a domain.ErrInvalid", tt.name, err)
		}
	}
	if _, err := s.ReadStream(t.Context(), "zaak-1", 0, 0); !errors.Is(err, eventstore.ErrStreamNotFound) {
		t.Errorf("a refused batch left events behind: %v", err)
	}
}

func TestStore_AppendNothingChecksExpected(t *testing.T) {
	_, s := openFake(t)
	mustAppend(t, s, "zaak-1", eventstore.NoStream(), event("A", 1), event("B", 2))
	if res, err := s.Append(t.Context(), "zaak-1", eventstore.Exact(1)); err != nil || res.Revision != 1 {
		t.Errorf("empty append at the current revision = %+v, %v", res, err)
	}
	if _, err := s.Append(t.Context(), "zaak-1", eventstore.Exact(0)); !errors.Is(err, eventstore.ErrWrongExpectedRevision) {
		t.Errorf("empty append at a wrong revision = %v", err)
	}
}

func TestStore_Closed(t *testing.T) {
	_, s := openFake(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadAll(t.Context(), eventstore.Start, 1); !errors.Is(err, ErrClosed) {
		t.Errorf("ReadAll after Close = %v, want ErrClosed", err)
	}
	if _, err := s.Subscribe(t.Context(), eventstore.Start); !errors.Is(err, ErrClosed) {
		t.Errorf("Subscribe after Close = %v, want ErrClosed", err)
	}
}

func TestNew_RejectsBadConnectionStrings(t *testing.T) {
	for _, cs := range []string{"http://localhost:2113", "kurrentdb://", "postgres://localhost/db", "kurrentdb://admin:s3cret@host:99999%zz"} {
		s, err := New(t.Context(), cs)
		if err == nil {
			_ = s.Close()
			t.Errorf("New(%q): no error", cs)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("New(%q): the error shows the password: %v", cs, err)
		}
	}
}

func TestNew_FailsOnAnUnreachableServer(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := lis.Addr().String()
	_ = lis.Close() // nobody listens there now
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	start := time.Now()
	s, err := New(ctx, "kurrentdb://"+addr+"?tls=false", WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err == nil {
		_ = s.Close()
		t.Fatal("New succeeded without a server")
	}
	t.Logf("New failed after %v: %v", time.Since(start).Round(time.Millisecond), err)
}
