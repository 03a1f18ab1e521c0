-- The creation-order keyset of GET /zaken as a covering index: a page
-- (deep ones above all: OFFSET walks every row before it) is read from the
-- index alone, rights included (RightsFilter on zaaktype and
-- vertrouwelijkheid_rank), instead of from the zaken' wide rows.
CREATE INDEX zaken_created_page ON zrc.zaken (created_commit, created_prepare, uuid)
    INCLUDE (zaaktype, vertrouwelijkheid_rank);
DROP INDEX zrc.zaken_created;
