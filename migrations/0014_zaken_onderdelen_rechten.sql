-- Every sub-resource row carries the zaaktype and vertrouwelijkheid_rank of
-- its zaak, kept by the "zaken" projection, so that a list of statussen,
-- rollen, ... under a client's RightsFilter (zrc-006) tests each row by
-- itself instead of joining it with its zaak: a deep page skips thousands
-- of rows inside its block (migration 0012), and a join per row made the
-- middle of /rollen at 2,000,000 rollen take 40 ms.
--
-- The zaaktype is held as a number of zaaktype_nummers (4 bytes a row, not
-- the 80 of its URL); a RightsFilter looks the numbers of its zaaktypen up
-- once per query.
CREATE TABLE zrc.zaaktype_nummers (
    nummer   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zaaktype text NOT NULL UNIQUE
);
INSERT INTO zrc.zaaktype_nummers (zaaktype) SELECT DISTINCT zaaktype FROM zrc.zaken ORDER BY zaaktype;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['statussen', 'resultaten', 'rollen', 'zaakobjecten', 'zaakeigenschappen',
        'zaakinformatieobjecten', 'klantcontacten', 'zaakbesluiten', 'zaakcontactmomenten', 'zaakverzoeken']
    LOOP
        EXECUTE format('ALTER TABLE zrc.%I ADD COLUMN zaaktype_nummer integer, ADD COLUMN vertrouwelijkheid_rank integer', t);
        EXECUTE format('UPDATE zrc.%I o SET zaaktype_nummer = n.nummer, vertrouwelijkheid_rank = z.vertrouwelijkheid_rank
            FROM zrc.zaken z JOIN zrc.zaaktype_nummers n ON n.zaaktype = z.zaaktype WHERE z.uuid = o.zaak', t);
    END LOOP;
END $$;
