package postgres

import (
	"strconv"

	"github.com/zaakregister/zaakregister/eventstore"
)

// The append statement is built from three parts, one per expected-revision
// kind, batch shape and notify choice, so that each variant is a fixed text
// that pgx prepares once per connection and reuses.
//
// Parameters: $1 stream, $2 number of events, $3..$7 id, type, schema
// version, data, metadata (values for one event, arrays for a batch), then
// $8 the exact revision (Exact only), then the NOTIFY channel and the
// payload's suffix (notify only).
//
// The CTE s bumps the stream's row and returns its new last revision; when
// the expectation fails it returns no row, so e inserts nothing and the
// statement returns no row. INSERT ... ON CONFLICT settles the race of two
// first appends without a unique violation, and both it and UPDATE lock the
// row and recheck their condition on its latest committed version.
const (
	kindAny = iota
	kindNoStream
	kindExists
	kindExact
)

func kindOf(e eventstore.ExpectedRevision) int {
	switch {
	case e.IsNoStream():
		return kindNoStream
	case e.IsStreamExists():
		return kindExists
	}
	if _, ok := e.Revision(); ok {
		return kindExact
	}
	return kindAny
}

// streamLockCTE serialises the appends to one stream before either writes
// anything. The transaction id that orders the log is assigned at a
// transaction's first write; without this lock, two appends that both win
// (Any, StreamExists) could take their ids in one order and the stream's
// row lock in the other, and the log would then show revision 2 of a stream
// before revision 1. An advisory lock assigns no transaction id, and every
// write below reads from it, so the id is taken once the lock is held. (It
// cannot help AppendTx in a transaction that wrote before.)
const streamLockCTE = `l AS (SELECT pg_advisory_xact_lock(hashtextextended($1, 7265)) AS held)`

var bumpStream = [4]string{
	kindAny: `INSERT INTO streams AS st (stream_id, revision) SELECT $1, $2::bigint - 1 FROM l
		ON CONFLICT (stream_id) DO UPDATE SET revision = st.revision + $2::bigint WHERE NOT st.deleted
		RETURNING st.revision`,
	kindNoStream: `INSERT INTO streams (stream_id, revision) SELECT $1, $2::bigint - 1 FROM l
		ON CONFLICT (stream_id) DO NOTHING
		RETURNING revision`,
	kindExists: `UPDATE streams SET revision = revision + $2::bigint FROM l
		WHERE stream_id = $1 AND NOT deleted
		RETURNING revision`,
	kindExact: `UPDATE streams SET revision = revision + $2::bigint FROM l
		WHERE stream_id = $1 AND NOT deleted AND revision = $8::bigint
		RETURNING revision`,
}

const (
	insertOne = `INSERT INTO events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
		SELECT $1, s.revision, $3::uuid, $4::text, $5::integer, $6::text::json, $7::text::jsonb FROM s
		RETURNING revision, tx_id, seq`
	// ORDER BY ord makes seq follow revision within the batch, so that the
	// log order (tx_id, seq) and the stream order agree.
	insertMany = `INSERT INTO events (stream_id, revision, event_id, event_type, schema_version, data, metadata)
		SELECT $1, s.revision - $2::bigint + u.ord, u.id, u.typ, u.ver, u.data::json, u.meta::jsonb
		FROM s, unnest($3::uuid[], $4::text[], $5::integer[], $6::text[], $7::text[])
			WITH ORDINALITY AS u (id, typ, ver, data, meta, ord)
		ORDER BY u.ord
		RETURNING revision, tx_id, seq`
)

// appendStatements is indexed by kind, batch (0 single, 1 many) and notify.
// The result is the last event's revision, tx_id and seq, read straight from
// the inserted rows (cheaper than subqueries over the CTEs: this statement
// is the whole cost of an append).
var appendStatements = func() (out [4][2][2]string) {
	for kind := range out {
		for many, insert := range []string{insertOne, insertMany} {
			for notify := range 2 {
				last := "SELECT revision, tx_id, seq FROM e"
				if many == 1 {
					last += " ORDER BY seq DESC LIMIT 1"
				}
				if notify == 1 {
					n := 8
					if kind == kindExact {
						n = 9
					}
					// pg_notify returns void; IS NULL turns it into a value to
					// scan. The subquery makes sure it runs once, after LIMIT.
					last = "SELECT revision, tx_id, seq, pg_notify($" + strconv.Itoa(n) + ", tx_id::text || '/' || seq || $" +
						strconv.Itoa(n+1) + "::text) IS NULL FROM (" + last + ") l"
				}
				out[kind][many][notify] = "WITH " + streamLockCTE + ", s AS (" + bumpStream[kind] + "), e AS (" + insert + ")\n" + last
			}
		}
	}
	return out
}()
