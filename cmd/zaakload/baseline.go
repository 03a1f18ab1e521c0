package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// baselineOperations are what PostgreSQL alone does in the time of a run:
// a primary-key lookup of a zaak row, a single-row insert of such a row in
// its own transaction, the insert a plain CRUD registry would do for a
// create (the whole row into a copy of the zaken table with its indexes),
// and create-floor, the least a create of this design asks of PostgreSQL.
var baselineOperations = []string{"pk-lookup", "insert", "insert-zaak", "create-floor"}

// The scratch tables the inserts write to: insert into scratchTable,
// insert-zaak into scratchZaken, create-floor into scratchZaken and copies
// of the event store's tables. baseline drops them all when done.
const (
	scratchTable       = "zaakload_scratch"
	scratchZaken       = "zaakload_scratch_zaken"
	scratchEvents      = "zaakload_scratch_events"
	scratchStreams     = "zaakload_scratch_streams"
	scratchCheckpoints = "zaakload_scratch_checkpoints"
)

// scratchTables are dropped after a baseline.
var scratchTables = []string{scratchTable, scratchZaken, scratchEvents, scratchStreams, scratchCheckpoints}

// baselineCommand parses the flags of baseline, runs it and prints the
// figures in the format of run.
func baselineCommand(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("baseline", flag.ContinueOnError)
	databaseURL := fs.String("database-url", os.Getenv("DATABASE_URL"), "PostgreSQL of the registry, seeded (default $DATABASE_URL)")
	duration := fs.Duration("duration", 10*time.Second, "how long each operation runs")
	concurrency := fs.Int("concurrency", 8, "concurrent connections")
	pid := fs.Int("pid", 0, "process whose resident memory (VmRSS) is sampled")
	limit := fs.Int("rss-limit-mb", 300, "memory bound the sampled maximum is checked against")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *databaseURL == "" || *concurrency < 1 || *duration <= 0 {
		return fmt.Errorf("%w: --database-url (or DATABASE_URL) is required, --concurrency and --duration positive", errUsage)
	}
	pool, err := openPool(ctx, *databaseURL, *concurrency+2)
	if err != nil {
		return err
	}
	defer pool.Close()
	var stopRSS func() rssStats
	if *pid > 0 {
		stopRSS = sampleRSS(*pid, 250*time.Millisecond)
	}
	stats, err := baseline(ctx, pool, *concurrency, *duration)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "baseline: %d connections, %v per operation, one after the other\n", *concurrency, *duration)
	report(out, baselineOperations, stats, false)
	if stopRSS != nil {
		printRSS(out, *pid, stopRSS(), int64(*limit)<<20)
	}
	return ctx.Err()
}

// baseline drives each baseline operation on its own for duration.
func baseline(ctx context.Context, pool *pgxpool.Pool, concurrency int, duration time.Duration) (map[string]*opStats, error) {
	rows, err := pool.Query(ctx, `SELECT uuid::text FROM zrc.zaken ORDER BY random() LIMIT 10000`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("zrc.zaken is empty; seed first")
	}
	var row []byte
	if err := pool.QueryRow(ctx, `SELECT data FROM zrc.zaken WHERE uuid = $1`, ids[0]).Scan(&row); err != nil {
		return nil, err
	}
	var zaakRow map[string]any
	if err := pool.QueryRow(ctx, `SELECT to_jsonb(z) FROM zrc.zaken z WHERE uuid = $1`, ids[0]).Scan(&zaakRow); err != nil {
		return nil, err
	}
	floor, err := newCreateFloor(ctx, pool, zaakRow)
	if err != nil {
		return nil, err
	}
	if err := createScratch(ctx, pool); err != nil {
		return nil, err
	}
	defer pool.Exec(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS `+strings.Join(scratchTables, ", ")) //nolint:errcheck // best effort

	do := map[string]func(context.Context, *rand.Rand) error{
		"pk-lookup": func(ctx context.Context, rng *rand.Rand) error {
			var data []byte
			return pool.QueryRow(ctx, `SELECT data FROM zrc.zaken WHERE uuid = $1`, ids[rng.IntN(len(ids))]).Scan(&data)
		},
		"insert": func(ctx context.Context, _ *rand.Rand) error {
			_, err := pool.Exec(ctx, `INSERT INTO `+scratchTable+` (uuid, data) VALUES ($1, $2)`, uuid.NewString(), row)
			return err
		},
		"insert-zaak": func(ctx context.Context, _ *rand.Rand) error {
			id := uuid.NewString()
			_, err := pool.Exec(ctx, `INSERT INTO `+scratchZaken+` SELECT * FROM jsonb_populate_record(NULL::`+scratchZaken+`,
				$1::jsonb || jsonb_build_object('uuid', $2::text, 'identificatie', $2::text))`, zaakRow, id)
			return err
		},
		"create-floor": floor.do,
	}
	stats := map[string]*opStats{}
	for _, name := range baselineOperations {
		s := drive(ctx, []operation{{name: name, weight: 1, do: do[name]}}, concurrency, duration)
		stats[name] = s[name]
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return stats, nil
}

// createScratch makes the scratch tables, empty copies of the tables the
// inserts stand for with their indexes.
func createScratch(ctx context.Context, pool *pgxpool.Pool) error {
	_, err := pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+scratchTable+` (uuid uuid PRIMARY KEY, data jsonb NOT NULL);
		CREATE TABLE IF NOT EXISTS `+scratchZaken+` (LIKE zrc.zaken INCLUDING ALL);
		CREATE TABLE IF NOT EXISTS `+scratchEvents+` (LIKE events INCLUDING ALL);
		CREATE TABLE IF NOT EXISTS `+scratchStreams+` (LIKE streams INCLUDING ALL);
		CREATE TABLE IF NOT EXISTS `+scratchCheckpoints+` (LIKE projection_checkpoints INCLUDING ALL);
		INSERT INTO `+scratchCheckpoints+` (name) VALUES ('zaken') ON CONFLICT DO NOTHING`)
	return err
}

// createFloor is the least PostgreSQL work a create does under the
// design's rules, with none of the registry's code around it: the
// identificatie's reservation and the zaak appended as events to their new
// streams in one transaction that waits for the WAL flush (rules 1 and 2,
// zrc-002), the zaak's event read back as a projection reads the log, the
// read-model row and the projection's checkpoint written in a second
// transaction that does not wait for the flush (rules 3 and 4), and the
// row read back for the answer (rule 3). Each transaction is one round
// trip. Events and row have the sizes of a seeded zaak. The registry's
// creates cannot be faster than this; create / create-floor is what the
// registry's own code costs.
type createFloor struct {
	pool              *pgxpool.Pool
	zaakRow           map[string]any
	reservering, zaak eventPayload
}

// eventPayload is the data and metadata of an event.
type eventPayload struct {
	data, metadata []byte
}

// newCreateFloor takes the payloads of the latest create in the log.
func newCreateFloor(ctx context.Context, pool *pgxpool.Pool, zaakRow map[string]any) (*createFloor, error) {
	f := &createFloor{pool: pool, zaakRow: zaakRow}
	for _, e := range []struct {
		eventType string
		into      *eventPayload
	}{{"zaken.identificatie.gereserveerd", &f.reservering}, {"zaken.zaak.aangemaakt", &f.zaak}} {
		err := pool.QueryRow(ctx, `SELECT data::text::bytea, metadata::text::bytea FROM events
			WHERE event_type = $1 ORDER BY tx_id DESC, seq DESC LIMIT 1`, e.eventType).Scan(&e.into.data, &e.into.metadata)
		if err != nil {
			return nil, fmt.Errorf("an event %s to copy: %w", e.eventType, err)
		}
	}
	return f, nil
}

// do runs one create through PostgreSQL alone.
func (f *createFloor) do(ctx context.Context, _ *rand.Rand) error {
	id, nummer := uuid.NewString(), uuid.NewString()
	zaakStream, reserveringStream := "zaken-"+id, "zaken.identificatie-"+nummer
	appended := &pgx.Batch{}
	appended.Queue(`BEGIN`)
	appended.Queue(`INSERT INTO `+scratchStreams+` (stream_id, revision) VALUES ($1, 0), ($2, 0)`, reserveringStream, zaakStream)
	appended.Queue(`INSERT INTO `+scratchEvents+` (stream_id, revision, event_id, event_type, schema_version, data, metadata)
		VALUES ($1, 0, $2, 'zaken.identificatie.gereserveerd', 1, $3::text::json, $4::text::jsonb),
		($5, 0, $6, 'zaken.zaak.aangemaakt', 1, $7::text::json, $8::text::jsonb)`,
		reserveringStream, uuid.NewString(), string(f.reservering.data), string(f.reservering.metadata),
		zaakStream, uuid.NewString(), string(f.zaak.data), string(f.zaak.metadata))
	appended.Queue(`COMMIT`)
	if err := f.pool.SendBatch(ctx, appended).Close(); err != nil {
		return err
	}
	var commit, prepare int64
	var data []byte
	if err := f.pool.QueryRow(ctx, `SELECT tx_id::text::bigint, seq, data::text::bytea FROM `+scratchEvents+`
		WHERE stream_id = $1 AND revision = 0`, zaakStream).Scan(&commit, &prepare, &data); err != nil {
		return err
	}
	project := &pgx.Batch{}
	project.Queue(`BEGIN`)
	project.Queue(`SELECT set_config('synchronous_commit', 'off', true)`)
	project.Queue(`INSERT INTO `+scratchZaken+` SELECT * FROM jsonb_populate_record(NULL::`+scratchZaken+`,
		$1::jsonb || jsonb_build_object('uuid', $2::text, 'identificatie', $2::text, 'created_commit', $3::bigint, 'created_prepare', $4::bigint))`,
		f.zaakRow, id, commit, prepare)
	project.Queue(`UPDATE `+scratchCheckpoints+` SET commit_pos = $1, prepare_pos = $2, updated_at = now() WHERE name = 'zaken'`, commit, prepare)
	project.Queue(`COMMIT`)
	if err := f.pool.SendBatch(ctx, project).Close(); err != nil {
		return err
	}
	var row []byte
	return f.pool.QueryRow(ctx, `SELECT to_jsonb(z)::text::bytea FROM `+scratchZaken+` z WHERE uuid = $1`, id).Scan(&row)
}
