-- The creation order (created_commit, created_prepare, uuid) of the zaken
-- and of each sub-resource table, cut into blocks of at most 8192 rows,
-- kept by the "zaken" projection. A deep page of GET /zaken, /rollen, ...
-- finds the block that holds its first row from the counts per block,
-- zaaktype and vertrouwelijkheid_rank (of the zaak; under the client's
-- RightsFilter, as zaken_aantallen and onderdelen_aantallen), and then
-- skips only the rows before it inside that block, instead of every row
-- before the page.
--
-- A block of a table holds its rows from the block's start up to the next
-- block's start; block 0 starts below every position. A new block is
-- opened only for a new row that comes after every row there is, so no row
-- ever changes block. aangemaakt counts the rows created into a block
-- (deleted ones included): the last block is full at 8192. aantal counts
-- the rows in it now, for a list without filters or RightsFilter.
CREATE TABLE zrc.blokken (
    tabel           text NOT NULL,
    blok            integer NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL,
    uuid            uuid NOT NULL,
    aangemaakt      integer NOT NULL,
    aantal          bigint NOT NULL,
    PRIMARY KEY (tabel, blok)
);
CREATE UNIQUE INDEX blokken_start ON zrc.blokken (tabel, created_commit, created_prepare, uuid);

CREATE TABLE zrc.blokaantallen (
    tabel                  text NOT NULL,
    blok                   integer NOT NULL,
    zaaktype               text NOT NULL,
    vertrouwelijkheid_rank integer NOT NULL,
    aantal                 bigint NOT NULL,
    PRIMARY KEY (tabel, blok, zaaktype, vertrouwelijkheid_rank)
);
-- A table's counts under a RightsFilter are found through this index, not
-- among the rows of every table (aantal stays out of it, so that its
-- updates touch no index).
CREATE INDEX blokaantallen_rechten ON zrc.blokaantallen (tabel, zaaktype, vertrouwelijkheid_rank, blok);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['zaken', 'statussen', 'resultaten', 'rollen', 'zaakobjecten', 'zaakeigenschappen',
        'zaakinformatieobjecten', 'klantcontacten', 'zaakbesluiten', 'zaakcontactmomenten', 'zaakverzoeken'] LOOP
        EXECUTE format($sql$
            CREATE TEMPORARY TABLE genummerd AS
            SELECT o.created_commit, o.created_prepare, o.uuid, z.zaaktype, z.vertrouwelijkheid_rank,
                ((row_number() OVER w - 1) / 8192)::integer AS blok, (row_number() OVER w - 1) %% 8192 = 0 AS eerste
            FROM zrc.%I o JOIN zrc.zaken z ON z.uuid = o.%I
            WINDOW w AS (ORDER BY o.created_commit, o.created_prepare, o.uuid)
        $sql$, t, CASE WHEN t = 'zaken' THEN 'uuid' ELSE 'zaak' END);
        INSERT INTO zrc.blokken (tabel, blok, created_commit, created_prepare, uuid, aangemaakt, aantal)
            SELECT t, g.blok, CASE WHEN g.blok = 0 THEN -1 ELSE g.created_commit END,
                CASE WHEN g.blok = 0 THEN -1 ELSE g.created_prepare END,
                CASE WHEN g.blok = 0 THEN '00000000-0000-0000-0000-000000000000' ELSE g.uuid END, c.aantal, c.aantal
            FROM genummerd g JOIN (SELECT blok, count(*) AS aantal FROM genummerd GROUP BY blok) c USING (blok)
            WHERE g.eerste;
        INSERT INTO zrc.blokaantallen (tabel, blok, zaaktype, vertrouwelijkheid_rank, aantal)
            SELECT t, blok, zaaktype, vertrouwelijkheid_rank, count(*) FROM genummerd GROUP BY 2, 3, 4;
        DROP TABLE genummerd;
    END LOOP;
END $$;
