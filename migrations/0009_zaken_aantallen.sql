-- The number of zaken per zaaktype and vertrouwelijkheid_rank, kept by the
-- "zaken" projection with every zaak it writes or deletes. GET /zaken and
-- _zoek without filters other than zaaktype(__in) and
-- maximaleVertrouwelijkheidaanduiding count from here, with the same
-- RightsFilter on the same column names, instead of counting a million
-- rows for every page.
CREATE TABLE zrc.zaken_aantallen (
    zaaktype               text NOT NULL,
    vertrouwelijkheid_rank integer NOT NULL,
    aantal                 bigint NOT NULL,
    PRIMARY KEY (zaaktype, vertrouwelijkheid_rank)
);
INSERT INTO zrc.zaken_aantallen (zaaktype, vertrouwelijkheid_rank, aantal)
    SELECT zaaktype, vertrouwelijkheid_rank, count(*) FROM zrc.zaken GROUP BY zaaktype, vertrouwelijkheid_rank;
