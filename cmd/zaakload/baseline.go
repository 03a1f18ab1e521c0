package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
)

// baselineOperations are what PostgreSQL alone does in the time of a run:
// a primary-key lookup of a zaak row, a single-row insert of such a row in
// its own transaction, and the insert a plain CRUD registry would do for a
// create: the whole row into a copy of the zaken table with its indexes.
var baselineOperations = []string{"pk-lookup", "insert", "insert-zaak"}

// scratchTable is where insert writes, scratchZaken where insert-zaak
// does; baseline drops both when done.
const (
	scratchTable = "zaakload_scratch"
	scratchZaken = "zaakload_scratch_zaken"
)

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
	if _, err := pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+scratchTable+` (uuid uuid PRIMARY KEY, data jsonb NOT NULL);
		CREATE TABLE IF NOT EXISTS `+scratchZaken+` (LIKE zrc.zaken INCLUDING ALL)`); err != nil {
		return nil, err
	}
	defer pool.Exec(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS `+scratchTable+`, `+scratchZaken) //nolint:errcheck // best effort

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
