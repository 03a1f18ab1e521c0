package kurrentdb

import (
	"context"
	"errors"
	"fmt"

	kdb "github.com/kurrent-io/KurrentDB-Client-Go/kurrentdb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zaakregister/zaakregister/eventstore"
)

// ErrClosed is returned by every method of a Store after Close.
var ErrClosed = errors.New("kurrentdb: store is closed")

// use says how an operation touches a stream, which decides what a deleted
// stream means to the caller.
type use int

const (
	writing use = iota // a deleted stream is ErrStreamDeleted
	reading            // a deleted stream is ErrStreamNotFound, as the contract says
)

// translate maps an error of the client to the contract's vocabulary. op
// says what failed ("append to zaak-1"). The client's error stays in the
// chain for errors.As, after the contract's error.
func translate(ctx context.Context, op string, u use, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		// The client reports a cancelled call as a gRPC status; callers test
		// for the context's error.
		return fmt.Errorf("kurrentdb: %s: %w", op, ctx.Err())
	}
	var ce *kdb.Error
	if !errors.As(err, &ce) {
		return fmt.Errorf("kurrentdb: %s: %w", op, err)
	}
	var sentinel error
	switch ce.Code() {
	case kdb.ErrorCodeWrongExpectedVersion, kdb.ErrorCodeStreamRevisionConflict, kdb.ErrorCodeAppendConsistencyViolation:
		sentinel = eventstore.ErrWrongExpectedRevision
	case kdb.ErrorCodeStreamDeleted, kdb.ErrorCodeStreamTombstoned:
		sentinel = eventstore.ErrStreamDeleted
		if u == reading {
			sentinel = eventstore.ErrStreamNotFound
		}
	case kdb.ErrorCodeResourceNotFound:
		if u == reading {
			sentinel = eventstore.ErrStreamNotFound
		}
	case kdb.ErrorCodeUnknown:
		// The server reports a wrong expected version on delete and
		// tombstone as FailedPrecondition with an "exception" trailer the
		// client does not read; its only other FailedPrecondition, a
		// deleted stream, the client already recognises.
		if u == writing && status.Code(err) == codes.FailedPrecondition {
			sentinel = eventstore.ErrWrongExpectedRevision
		}
	}
	if sentinel == nil {
		return fmt.Errorf("kurrentdb: %s: %w", op, err)
	}
	return fmt.Errorf("kurrentdb: %s: %w: %w", op, sentinel, err)
}

// code returns the client's error code in err's chain, and false when err
// did not come from the client.
func code(err error) (kdb.ErrorCode, bool) {
	var ce *kdb.Error
	if errors.As(err, &ce) {
		return ce.Code(), true
	}
	return kdb.ErrorCodeUnknown, false
}

// isHidden reports whether a read error means the stream has no visible
// events: it does not exist, was soft-deleted, or was tombstoned.
func isHidden(err error) bool {
	c, ok := code(err)
	return ok && (c == kdb.ErrorCodeResourceNotFound || c == kdb.ErrorCodeStreamDeleted || c == kdb.ErrorCodeStreamTombstoned)
}

// clientClosed reports whether the client gave up for good, which it does
// after failed node discovery; the store then needs a new client.
func clientClosed(err error) bool {
	c, ok := code(err)
	return ok && c == kdb.ErrorCodeConnectionClosed
}

// permanent reports whether a subscription should end on err rather than
// resubscribe: retrying cannot fix a missing right, an unsupported server or
// an event it cannot decode.
func permanent(err error) bool {
	if errors.Is(err, errCorrupt) || errors.Is(err, ErrClosed) {
		return true
	}
	c, ok := code(err)
	if !ok {
		return false
	}
	switch c {
	case kdb.ErrorCodeUnauthenticated, kdb.ErrorCodeAccessDenied, kdb.ErrorCodeUnsupportedFeature:
		return true
	}
	return false
}
