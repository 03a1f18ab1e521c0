package kurrentdb

import (
	"context"
	"errors"
	"io"
	"math"
	"net"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/kurrent-io/KurrentDB-Client-Go/protos/kurrentdb/protocols/v1/shared"
	api "github.com/kurrent-io/KurrentDB-Client-Go/protos/kurrentdb/protocols/v1/streams"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// fakeServer speaks the KurrentDB streams protocol over gRPC on loopback, as
// far as this backend uses it, so that tests run the real client without a
// server: appends with expected revisions, stream and $all reads,
// subscriptions to $all, tombstones, and the server's error replies (the
// WrongExpectedVersion message, the stream-deleted trailer, NotFound).
// Positions grow by 100 per record, commit equal to prepare, after two
// system records, like a fresh database.
type fakeServer struct {
	api.UnimplementedStreamsServer
	addr string

	mu         sync.Mutex
	srv        *grpc.Server
	log        []fakeRecord
	last       map[string]uint64 // stream -> last revision
	byStream   map[string][]int  // stream -> indexes in log, by revision
	tombstoned map[string]bool
	grew       chan struct{} // closed and replaced on every write
	fail       map[string]error
}

type fakeRecord struct {
	stream, typ string
	rev, pos    uint64
	id          *shared.UUID
	data, meta  []byte
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	f := &fakeServer{addr: "127.0.0.1:0", last: map[string]uint64{}, byStream: map[string][]int{}, tombstoned: map[string]bool{}, grew: make(chan struct{}), fail: map[string]error{}}
	f.write("$epoch-information", "$epoch-information", nil)
	f.write("$scavenges", "$scavengeStarted", nil)
	f.start(t)
	t.Cleanup(f.stop)
	return f
}

// start serves on f.addr, the same address again after a stop.
func (f *fakeServer) start(t *testing.T) {
	t.Helper()
	lis, err := net.Listen("tcp", f.addr)
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := grpc.NewServer()
	api.RegisterStreamsServer(srv, f)
	f.mu.Lock()
	f.addr, f.srv = lis.Addr().String(), srv
	f.mu.Unlock()
	go func() { _ = srv.Serve(lis) }()
}

// stop drops every connection and call, like a server going down; the
// log stays.
func (f *fakeServer) stop() {
	f.mu.Lock()
	srv := f.srv
	f.mu.Unlock()
	srv.Stop()
}

func (f *fakeServer) url() string { return "kurrentdb://" + f.addr + "?tls=false" }

// failOn makes every call on stream fail with err.
func (f *fakeServer) failOn(stream string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[stream] = err
}

func (f *fakeServer) write(stream, typ string, p *api.AppendReq_ProposedMessage) fakeRecord {
	rev := uint64(0)
	if r, ok := f.last[stream]; ok {
		rev = r + 1
	}
	if typ == "$streamDeleted" {
		rev = math.MaxInt64
	}
	r := fakeRecord{stream: stream, typ: typ, rev: rev, pos: uint64(len(f.log)+1) * 100}
	if p != nil {
		r.id, r.data, r.meta = p.Id, p.Data, p.CustomMetadata
	}
	f.log = append(f.log, r)
	f.byStream[stream] = append(f.byStream[stream], len(f.log)-1)
	f.last[stream] = rev
	close(f.grew)
	f.grew = make(chan struct{})
	return r
}

// check tells whether expected holds for stream; it takes the oneof of an
// append or tombstone request.
func (f *fakeServer) check(stream string, expected any) bool {
	last, exists := f.last[stream]
	switch e := expected.(type) {
	case *api.AppendReq_Options_NoStream, *api.TombstoneReq_Options_NoStream:
		return !exists
	case *api.AppendReq_Options_StreamExists, *api.TombstoneReq_Options_StreamExists:
		return exists
	case *api.AppendReq_Options_Revision:
		return exists && last == e.Revision
	case *api.TombstoneReq_Options_Revision:
		return exists && last == e.Revision
	}
	return true
}

func streamDeleted(ctx context.Context, stream string) error {
	_ = grpc.SetTrailer(ctx, metadata.Pairs("exception", "stream-deleted", "stream-name", stream))
	return status.Errorf(codes.FailedPrecondition, "Event stream '%s' is deleted.", stream)
}

func (f *fakeServer) Append(srv grpc.ClientStreamingServer[api.AppendReq, api.AppendResp]) error {
	head, err := srv.Recv()
	if err != nil {
		return err
	}
	opts := head.GetOptions()
	stream := string(opts.GetStreamIdentifier().GetStreamName())
	var msgs []*api.AppendReq_ProposedMessage
	for {
		m, err := srv.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		msgs = append(msgs, m.GetProposedMessage())
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail[stream]; err != nil {
		return err
	}
	if f.tombstoned[stream] {
		return streamDeleted(srv.Context(), stream)
	}
	if !f.check(stream, opts.GetExpectedStreamRevision()) {
		return srv.SendAndClose(&api.AppendResp{Result: &api.AppendResp_WrongExpectedVersion_{WrongExpectedVersion: &api.AppendResp_WrongExpectedVersion{}}})
	}
	if len(msgs) == 0 { // only the check; the server reports the current revision
		ok := &api.AppendResp_Success{PositionOption: &api.AppendResp_Success_NoPosition{NoPosition: &shared.Empty{}}}
		ok.CurrentRevisionOption = &api.AppendResp_Success_NoStream{NoStream: &shared.Empty{}}
		if last, exists := f.last[stream]; exists {
			ok.CurrentRevisionOption = &api.AppendResp_Success_CurrentRevision{CurrentRevision: last}
		}
		return srv.SendAndClose(&api.AppendResp{Result: &api.AppendResp_Success_{Success: ok}})
	}
	var r fakeRecord
	for _, m := range msgs {
		r = f.write(stream, m.GetMetadata()["type"], m)
	}
	return srv.SendAndClose(&api.AppendResp{Result: &api.AppendResp_Success_{Success: &api.AppendResp_Success{
		CurrentRevisionOption: &api.AppendResp_Success_CurrentRevision{CurrentRevision: r.rev},
		PositionOption:        &api.AppendResp_Success_Position{Position: &api.AppendResp_Position{CommitPosition: r.pos, PreparePosition: r.pos}},
	}}})
}

func (f *fakeServer) Tombstone(ctx context.Context, req *api.TombstoneReq) (*api.TombstoneResp, error) {
	stream := string(req.GetOptions().GetStreamIdentifier().GetStreamName())
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail[stream]; err != nil {
		return nil, err
	}
	if f.tombstoned[stream] {
		return nil, streamDeleted(ctx, stream)
	}
	if !f.check(stream, req.GetOptions().GetExpectedStreamRevision()) {
		_ = grpc.SetTrailer(ctx, metadata.Pairs("exception", "wrong-expected-version", "stream-name", stream))
		return nil, status.Errorf(codes.FailedPrecondition, "Append failed due to WrongExpectedVersion. Stream: %s", stream)
	}
	f.tombstoned[stream] = true
	r := f.write(stream, "$streamDeleted", nil)
	return &api.TombstoneResp{PositionOption: &api.TombstoneResp_Position_{Position: &api.TombstoneResp_Position{CommitPosition: r.pos, PreparePosition: r.pos}}}, nil
}

func (f *fakeServer) Read(req *api.ReadReq, srv grpc.ServerStreamingServer[api.ReadResp]) error {
	o := req.GetOptions()
	if s := o.GetStream(); s != nil {
		return f.readStream(s, o, srv)
	}
	all := o.GetAll()
	from, exclusive := uint64(0), false
	if p := all.GetPosition(); p != nil {
		from, exclusive = p.GetCommitPosition(), o.GetSubscription() != nil
	}
	if o.GetSubscription() == nil {
		return f.readAll(all.GetEnd() != nil, o.GetReadDirection() == api.ReadReq_Options_Backwards, from, o.GetCount(), srv)
	}
	var keep *regexp.Regexp
	if e := o.GetFilter().GetEventType(); e != nil {
		keep = regexp.MustCompile(e.GetRegex())
	}
	if err := srv.Send(&api.ReadResp{Content: &api.ReadResp_Confirmation{Confirmation: &api.ReadResp_SubscriptionConfirmation{SubscriptionId: "fake"}}}); err != nil {
		return err
	}
	for next := 0; ; {
		f.mu.Lock()
		batch, grew := f.log[next:], f.grew
		next = len(f.log)
		f.mu.Unlock()
		for _, r := range batch {
			if (r.pos < from || exclusive && r.pos == from) || keep != nil && !keep.MatchString(r.typ) {
				continue
			}
			if err := srv.Send(readResp(r)); err != nil {
				return err
			}
		}
		select {
		case <-grew:
		case <-srv.Context().Done():
			return srv.Context().Err()
		}
	}
}

func (f *fakeServer) readAll(end, backwards bool, from, count uint64, srv grpc.ServerStreamingServer[api.ReadResp]) error {
	f.mu.Lock()
	var out []fakeRecord
	if backwards && end {
		for i := len(f.log) - 1; i >= 0 && uint64(len(out)) < count; i-- {
			out = append(out, f.log[i])
		}
	}
	if !backwards {
		i := sort.Search(len(f.log), func(i int) bool { return f.log[i].pos >= from })
		out = append(out, f.log[i:i+int(min(count, uint64(len(f.log)-i)))]...)
	}
	f.mu.Unlock()
	for _, r := range out {
		if err := srv.Send(readResp(r)); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeServer) readStream(s *api.ReadReq_Options_StreamOptions, o *api.ReadReq_Options, srv grpc.ServerStreamingServer[api.ReadResp]) error {
	stream := string(s.GetStreamIdentifier().GetStreamName())
	f.mu.Lock()
	var out []fakeRecord
	for _, i := range f.byStream[stream] { // revisions start at 0 and have no gaps
		if uint64(len(out)) == o.GetCount() {
			break
		}
		if f.log[i].rev >= s.GetRevision() {
			out = append(out, f.log[i])
		}
	}
	err, tombstoned := f.fail[stream], f.tombstoned[stream]
	_, exists := f.last[stream]
	f.mu.Unlock()
	switch {
	case err != nil:
		return err
	case tombstoned:
		return streamDeleted(srv.Context(), stream)
	case !exists:
		return srv.Send(&api.ReadResp{Content: &api.ReadResp_StreamNotFound_{StreamNotFound: &api.ReadResp_StreamNotFound{StreamIdentifier: s.GetStreamIdentifier()}}})
	}
	for _, r := range out {
		if err := srv.Send(readResp(r)); err != nil {
			return err
		}
	}
	return nil
}

func readResp(r fakeRecord) *api.ReadResp {
	return &api.ReadResp{Content: &api.ReadResp_Event{Event: &api.ReadResp_ReadEvent{
		Event: &api.ReadResp_ReadEvent_RecordedEvent{
			Id:               r.id,
			StreamIdentifier: &shared.StreamIdentifier{StreamName: []byte(r.stream)},
			StreamRevision:   r.rev,
			PreparePosition:  r.pos,
			CommitPosition:   r.pos,
			Metadata:         map[string]string{"type": r.typ, "content-type": "application/json", "created": strconv.FormatInt(time.Now().UnixNano()/100, 10)},
			CustomMetadata:   r.meta,
			Data:             r.data,
		},
		Position: &api.ReadResp_ReadEvent_CommitPosition{CommitPosition: r.pos},
	}}}
}
