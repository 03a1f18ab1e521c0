package projections

import "strings"

// The blocks of the creation order of the zaken and of each sub-resource
// table (zrc.blokken, migration 0012) and the rows per block, zaaktype and
// vertrouwelijkheid of the zaak (zrc.blokaantallen), kept beside the
// counts per table (zaken_aantallen, migration 0009; onderdelen_aantallen,
// migration 0011) by the statements here, one set per table.

// blokGrootte is the number of rows created into a block before the next
// one is opened; migration 0012 cuts the rows there are into blocks of the
// same size.
const blokGrootte = 8192

// blokTables are the tables with blocks: the zaken and their sub-resources.
var blokTables = append([]string{"zaken"}, zakenTables...)

// perTabel builds a statement for every table of blokTables.
func perTabel(build func(t string) string) map[string]string {
	m := make(map[string]string, len(blokTables))
	for _, t := range blokTables {
		m[t] = build(t)
	}
	return m
}

// inBlok is the block of table t that row o lies in: the last one that
// starts at or before the row's position.
func inBlok(t, o string) string {
	return `(SELECT g.blok FROM blokken g WHERE g.tabel = '` + t + `'
		AND (g.created_commit, g.created_prepare, g.uuid) <= (` + o + `.created_commit, ` + o + `.created_prepare, ` + o + `.uuid)
		ORDER BY g.created_commit DESC, g.created_prepare DESC, g.uuid DESC LIMIT 1)`
}

// rij is row $1 of table t as the read model has it: the zaaktype and rank
// of its zaak and its block.
func rij(t string) string {
	return geschreven(t, t)
}

// geschreven is the row of table t that bron (the table itself, or the
// RETURNING of a write of it, with the table's columns) holds, as rij has
// it; for the table itself, only row $1.
func geschreven(t, bron string) string {
	waar := ""
	if bron == t {
		waar = ` WHERE o.uuid = $1`
	}
	if t == "zaken" {
		return `SELECT o.zaaktype, o.vertrouwelijkheid_rank, ` + inBlok(t, "o") + ` AS blok FROM ` + bron + ` o` + waar
	}
	return `SELECT z.zaaktype, z.vertrouwelijkheid_rank, ` + inBlok(t, "o") + ` AS blok
		FROM ` + bron + ` o JOIN zaken z ON z.uuid = o.zaak` + waar
}

// telOp counts the row of CTE z (rij) in the counts of table t, in its
// block's and in those of its block per zaaktype and rank: the end of a
// statement whose WITH defines z.
func telOp(t string) string {
	aantallen := `INSERT INTO onderdelen_aantallen (tabel, zaaktype, vertrouwelijkheid_rank, aantal)
			SELECT '` + t + `', zaaktype, vertrouwelijkheid_rank, 1 FROM z
		ON CONFLICT (tabel, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = onderdelen_aantallen.aantal + 1`
	if t == "zaken" {
		aantallen = `INSERT INTO zaken_aantallen (zaaktype, vertrouwelijkheid_rank, aantal) SELECT zaaktype, vertrouwelijkheid_rank, 1 FROM z
		ON CONFLICT (zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = zaken_aantallen.aantal + 1`
	}
	return `op_a AS (` + aantallen + `),
		op_b AS (UPDATE blokken b SET aantal = b.aantal + 1 FROM z WHERE b.tabel = '` + t + `' AND b.blok = z.blok)
	INSERT INTO blokaantallen (tabel, blok, zaaktype, vertrouwelijkheid_rank, aantal)
		SELECT '` + t + `', blok, zaaktype, vertrouwelijkheid_rank, 1 FROM z
	ON CONFLICT (tabel, blok, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = blokaantallen.aantal + 1`
}

// telAf is the CTEs that undo telOp for the row of CTE z.
func telAf(t string) string {
	aantallen := `UPDATE onderdelen_aantallen a SET aantal = a.aantal - 1 FROM z
		WHERE a.tabel = '` + t + `' AND a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
	if t == "zaken" {
		aantallen = `UPDATE zaken_aantallen a SET aantal = a.aantal - 1 FROM z
		WHERE a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
	}
	return `af_a AS (` + aantallen + `),
		af_g AS (UPDATE blokken g SET aantal = g.aantal - 1 FROM z WHERE g.tabel = '` + t + `' AND g.blok = z.blok),
		af_b AS (UPDATE blokaantallen b SET aantal = b.aantal - 1 FROM z
			WHERE b.tabel = '` + t + `' AND b.blok = z.blok AND b.zaaktype = z.zaaktype AND b.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank)`
}

// uncountRij takes row $1 of each table, as the read model has it, out of
// its counts before it is deleted.
var uncountRij = perTabel(func(t string) string {
	return `WITH z AS (` + rij(t) + `), ` + telAf(t) + ` SELECT`
})

// voorRij runs before row $1 of each table, created at position ($2, $3),
// is written.
//
// A zaak that is there already is taken out of its counts, so that the
// write, which counts it in again (schrijfRij), leaves the right numbers
// when its vertrouwelijkheidaanduiding changed, and the same ones when an
// event is applied twice. A sub-resource needs no such step: what it is
// counted under (its zaak's zaaktype and rank, and its block) never
// changes with an event of its own, only with its zaak, which moves its
// counts along (moveOnderdelen); schrijfRij counts it when it is new.
//
// A new row that comes after every row there is is counted as created
// into the table's last block, or opens the next block at its position
// when the last one holds $4 (block 0, the first, starts below every
// position). A row that is already there, or one that would land before a
// row there is, changes no block, so no row ever moves to another block.
// The two parts never touch the same row of blokken: one needs the row to
// be there, the other that it is not. The row is compared with the
// table's last position, read without parameters: a comparison of the
// positions with parameters lets a prepared statement's generic plan scan
// the whole table.
var voorRij = perTabel(func(t string) string {
	uit := ""
	if t == "zaken" {
		uit = `z AS (` + rij(t) + `), ` + telAf(t) + `,
	`
	}
	return `WITH ` + uit + `laatste AS (SELECT blok, aangemaakt FROM blokken WHERE tabel = '` + t + `' ORDER BY blok DESC LIMIT 1),
	nieuw AS (SELECT WHERE NOT EXISTS (SELECT FROM ` + t + ` WHERE uuid = $1::uuid)
		AND NOT EXISTS (SELECT FROM (SELECT created_commit, created_prepare FROM ` + t + `
			ORDER BY created_commit DESC, created_prepare DESC LIMIT 1) m
			WHERE (m.created_commit, m.created_prepare) >= ($2::bigint, $3::bigint))),
	erbij AS (UPDATE blokken b SET aangemaakt = b.aangemaakt + 1 FROM laatste, nieuw
		WHERE b.tabel = '` + t + `' AND b.blok = laatste.blok AND laatste.aangemaakt < $4)
	INSERT INTO blokken (tabel, blok, created_commit, created_prepare, uuid, aangemaakt, aantal)
	SELECT '` + t + `', coalesce(laatste.blok + 1, 0), CASE WHEN laatste.blok IS NULL THEN -1 ELSE $2::bigint END,
		CASE WHEN laatste.blok IS NULL THEN -1 ELSE $3::bigint END,
		CASE WHEN laatste.blok IS NULL THEN '00000000-0000-0000-0000-000000000000' ELSE $1::uuid END, 1, 0
	FROM nieuw LEFT JOIN laatste ON true WHERE laatste.blok IS NULL OR laatste.aangemaakt >= $4`
})

// schrijfRij turns upsert, a write of one row of table t, into a statement
// that also counts the row as written (telOp): a zaak always, as voorRij
// took it out, a sub-resource when it was not there yet. upsert must end
// in RETURNING the row's uuid, created_commit, created_prepare and, for
// the zaken, zaaktype and vertrouwelijkheid_rank, for a sub-resource zaak.
// Fewer statements, and smaller ones, are what a catch-up gains: setting
// up a statement's plan costs PostgreSQL as much as running it.
func schrijfRij(t, upsert string) string {
	if t == "zaken" {
		return `WITH w AS (` + upsert + `), z AS (` + geschreven(t, "w") + `), ` + telOp(t)
	}
	return `WITH oud AS (SELECT FROM ` + t + ` WHERE uuid = $1), w AS (` + upsert + `),
		z AS (` + geschreven(t, "w") + ` WHERE NOT EXISTS (SELECT FROM oud)), ` + telOp(t)
}

// voor runs voorRij for row id of table, written at the event's position.
func (w zakenWriter) voor(table, id string) {
	w.tx.Exec(voorRij[table], id, w.pos.Commit, w.pos.Prepare, w.blok)
}

// onderdelenPerBlok counts the sub-resources of zaak $1 per table and
// block.
var onderdelenPerBlok = func() string {
	parts := make([]string, len(zakenTables))
	for i, t := range zakenTables {
		parts[i] = `SELECT '` + t + `' AS tabel, blok, count(*) AS n FROM (SELECT ` + inBlok(t, "o") + ` AS blok
			FROM ` + t + ` o WHERE o.zaak = $1) x GROUP BY blok`
	}
	return strings.Join(parts, " UNION ALL ")
}()

// moveOnderdelen moves the counts of the sub-resources of zaak $1 to
// zaaktype $2 and rank $3 when the read model has the zaak under another
// zaaktype or rank; it runs before the zaak's row is written. A new zaak
// has no sub-resources yet, and an unchanged one costs one lookup: the
// sub-resources are only counted when the zaak moves.
var moveOnderdelen = `WITH oud AS (SELECT zaaktype, vertrouwelijkheid_rank FROM zaken
		WHERE uuid = $1 AND (zaaktype, vertrouwelijkheid_rank) IS DISTINCT FROM ($2::text, $3::integer)),
	nb AS (SELECT tabel, blok, n FROM (` + onderdelenPerBlok + `) c WHERE EXISTS (SELECT FROM oud)),
	n AS (SELECT tabel, sum(n)::bigint AS n FROM nb GROUP BY tabel),
	af AS (UPDATE onderdelen_aantallen a SET aantal = a.aantal - n.n FROM n, oud
		WHERE a.tabel = n.tabel AND a.zaaktype = oud.zaaktype AND a.vertrouwelijkheid_rank = oud.vertrouwelijkheid_rank),
	bij AS (INSERT INTO onderdelen_aantallen (tabel, zaaktype, vertrouwelijkheid_rank, aantal) SELECT tabel, $2, $3, n FROM n
		ON CONFLICT (tabel, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = onderdelen_aantallen.aantal + EXCLUDED.aantal),
	blokaf AS (UPDATE blokaantallen a SET aantal = a.aantal - nb.n FROM nb, oud
		WHERE a.tabel = nb.tabel AND a.blok = nb.blok AND a.zaaktype = oud.zaaktype AND a.vertrouwelijkheid_rank = oud.vertrouwelijkheid_rank)
	INSERT INTO blokaantallen (tabel, blok, zaaktype, vertrouwelijkheid_rank, aantal) SELECT tabel, blok, $2, $3, n FROM nb
	ON CONFLICT (tabel, blok, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = blokaantallen.aantal + EXCLUDED.aantal`

// uncountOnderdelen takes the sub-resources of zaak $1 out of their counts
// before they are deleted with it.
var uncountOnderdelen = `WITH z AS (SELECT zaaktype, vertrouwelijkheid_rank FROM zaken WHERE uuid = $1),
	nb AS (SELECT tabel, blok, n FROM (` + onderdelenPerBlok + `) c WHERE EXISTS (SELECT FROM z)),
	n AS (SELECT tabel, sum(n)::bigint AS n FROM nb GROUP BY tabel),
	af AS (UPDATE onderdelen_aantallen a SET aantal = a.aantal - n.n FROM n, z
		WHERE a.tabel = n.tabel AND a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank),
	blokaf AS (UPDATE blokken g SET aantal = g.aantal - nb.n FROM nb WHERE g.tabel = nb.tabel AND g.blok = nb.blok)
	UPDATE blokaantallen a SET aantal = a.aantal - nb.n FROM nb, z
	WHERE a.tabel = nb.tabel AND a.blok = nb.blok AND a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
