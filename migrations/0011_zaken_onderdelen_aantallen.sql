-- The number of sub-resources (statussen, rollen, ...) per table and per
-- zaaktype and vertrouwelijkheid_rank of their zaak, kept by the "zaken"
-- projection with every sub-resource it writes or deletes and with every
-- change of a zaak's zaaktype or vertrouwelijkheid. A full page of a
-- sub-resource list without filters counts from here, under the client's
-- RightsFilter, instead of joining every row with its zaak.
CREATE TABLE zrc.onderdelen_aantallen (
    tabel                  text NOT NULL,
    zaaktype               text NOT NULL,
    vertrouwelijkheid_rank integer NOT NULL,
    aantal                 bigint NOT NULL,
    PRIMARY KEY (tabel, zaaktype, vertrouwelijkheid_rank)
);
INSERT INTO zrc.onderdelen_aantallen (tabel, zaaktype, vertrouwelijkheid_rank, aantal)
SELECT 'statussen', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.statussen o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'resultaten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.resultaten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'rollen', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.rollen o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakobjecten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakobjecten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakeigenschappen', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakeigenschappen o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakinformatieobjecten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakinformatieobjecten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'klantcontacten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.klantcontacten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakbesluiten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakbesluiten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakcontactmomenten', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakcontactmomenten o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3
UNION ALL
SELECT 'zaakverzoeken', z.zaaktype, z.vertrouwelijkheid_rank, count(*) FROM zrc.zaakverzoeken o JOIN zrc.zaken z ON z.uuid = o.zaak GROUP BY 2, 3;
