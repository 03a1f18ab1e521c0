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
	if t == "zaken" {
		return `SELECT z.zaaktype, z.vertrouwelijkheid_rank, ` + inBlok(t, "z") + ` AS blok FROM zaken z WHERE z.uuid = $1`
	}
	return `SELECT z.zaaktype, z.vertrouwelijkheid_rank, ` + inBlok(t, "o") + ` AS blok
		FROM ` + t + ` o JOIN zaken z ON z.uuid = o.zaak WHERE o.uuid = $1`
}

// countRij counts row $1 of each table, as the read model has it, in the
// table's counts, in its block's and in those of its block per zaaktype and
// rank.
var countRij = perTabel(func(t string) string {
	aantallen := `INSERT INTO onderdelen_aantallen (tabel, zaaktype, vertrouwelijkheid_rank, aantal)
			SELECT '` + t + `', zaaktype, vertrouwelijkheid_rank, 1 FROM z
		ON CONFLICT (tabel, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = onderdelen_aantallen.aantal + 1`
	if t == "zaken" {
		aantallen = `INSERT INTO zaken_aantallen (zaaktype, vertrouwelijkheid_rank, aantal) SELECT zaaktype, vertrouwelijkheid_rank, 1 FROM z
		ON CONFLICT (zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = zaken_aantallen.aantal + 1`
	}
	return `WITH z AS (` + rij(t) + `), a AS (` + aantallen + `),
		b AS (UPDATE blokken b SET aantal = b.aantal + 1 FROM z WHERE b.tabel = '` + t + `' AND b.blok = z.blok)
	INSERT INTO blokaantallen (tabel, blok, zaaktype, vertrouwelijkheid_rank, aantal)
		SELECT '` + t + `', blok, zaaktype, vertrouwelijkheid_rank, 1 FROM z
	ON CONFLICT (tabel, blok, zaaktype, vertrouwelijkheid_rank) DO UPDATE SET aantal = blokaantallen.aantal + 1`
})

// uncountRij undoes countRij.
var uncountRij = perTabel(func(t string) string {
	aantallen := `UPDATE onderdelen_aantallen a SET aantal = a.aantal - 1 FROM z
		WHERE a.tabel = '` + t + `' AND a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
	if t == "zaken" {
		aantallen = `UPDATE zaken_aantallen a SET aantal = a.aantal - 1 FROM z
		WHERE a.zaaktype = z.zaaktype AND a.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
	}
	return `WITH z AS (` + rij(t) + `), a AS (` + aantallen + `),
		g AS (UPDATE blokken g SET aantal = g.aantal - 1 FROM z WHERE g.tabel = '` + t + `' AND g.blok = z.blok)
	UPDATE blokaantallen b SET aantal = b.aantal - 1 FROM z
	WHERE b.tabel = '` + t + `' AND b.blok = z.blok AND b.zaaktype = z.zaaktype AND b.vertrouwelijkheid_rank = z.vertrouwelijkheid_rank`
})

// openBlokken run before row $1 of each table, created at position ($2,
// $3), is first written: when the row is new and comes after every row
// there is, it is counted as created into the table's last block, or
// opens the next block at its position when the last one holds $4 (block
// 0, the first, starts below every position). A row that is already
// there, or one that would land before a row there is, changes no block,
// so no row ever moves to another block; applying an event twice changes
// nothing. The row is compared with the table's last position, read
// without parameters: a comparison of the positions with parameters lets
// a prepared statement's generic plan scan the whole table.
var openBlokken = perTabel(func(t string) string {
	return `WITH laatste AS (SELECT blok, aangemaakt FROM blokken WHERE tabel = '` + t + `' ORDER BY blok DESC LIMIT 1),
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

// openBlok finds the block of row id of table, created at the event's
// position, before it is first written (openBlokken).
func (w zakenWriter) openBlok(table, id string) {
	w.tx.Exec(openBlokken[table], id, w.pos.Commit, w.pos.Prepare, w.blok)
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
