-- The creation order of GET /zaken (created_commit, created_prepare, uuid)
-- cut into blocks of at most 8192 zaken, kept by the "zaken" projection.
-- A deep page finds the block that holds its first row from the counts
-- per block, zaaktype and vertrouwelijkheid_rank (under the client's
-- RightsFilter, as zaken_aantallen), and then skips only the rows before it
-- inside that block, instead of every row before the page.
--
-- A block holds the zaken from its start up to the next block's start;
-- block 0 starts below every position. A new block is opened only for a
-- new zaak that comes after every zaak there is, so no zaak ever changes
-- block. aangemaakt counts the zaken created into a block (deleted ones
-- included): the last block is full at 8192.
CREATE TABLE zrc.zaken_blokken (
    blok            integer PRIMARY KEY,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL,
    uuid            uuid NOT NULL,
    aangemaakt      integer NOT NULL
);
CREATE UNIQUE INDEX zaken_blokken_start ON zrc.zaken_blokken (created_commit, created_prepare, uuid);

CREATE TABLE zrc.zaken_blokaantallen (
    blok                   integer NOT NULL,
    zaaktype               text NOT NULL,
    vertrouwelijkheid_rank integer NOT NULL,
    aantal                 bigint NOT NULL,
    PRIMARY KEY (blok, zaaktype, vertrouwelijkheid_rank)
);

CREATE TEMPORARY TABLE zaken_genummerd ON COMMIT DROP AS
    SELECT uuid, created_commit, created_prepare, zaaktype, vertrouwelijkheid_rank,
        ((row_number() OVER (ORDER BY created_commit, created_prepare, uuid) - 1) / 8192)::integer AS blok,
        (row_number() OVER (ORDER BY created_commit, created_prepare, uuid) - 1) % 8192 = 0 AS eerste
    FROM zrc.zaken;

INSERT INTO zrc.zaken_blokken (blok, created_commit, created_prepare, uuid, aangemaakt)
    SELECT g.blok, CASE WHEN g.blok = 0 THEN -1 ELSE g.created_commit END,
        CASE WHEN g.blok = 0 THEN -1 ELSE g.created_prepare END,
        CASE WHEN g.blok = 0 THEN '00000000-0000-0000-0000-000000000000' ELSE g.uuid END,
        c.aantal
    FROM zaken_genummerd g JOIN (SELECT blok, count(*) AS aantal FROM zaken_genummerd GROUP BY blok) c USING (blok)
    WHERE g.eerste;

INSERT INTO zrc.zaken_blokaantallen (blok, zaaktype, vertrouwelijkheid_rank, aantal)
    SELECT blok, zaaktype, vertrouwelijkheid_rank, count(*) FROM zaken_genummerd GROUP BY 1, 2, 3;
