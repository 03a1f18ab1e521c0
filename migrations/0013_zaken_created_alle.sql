-- The zaakeigenschappen and the zaakbesluiten, listed only per zaak, had no
-- index on their creation order. The blocks of migration 0012 read each
-- table's last position before a new row: for these two that was a scan of
-- the whole table per write, which made a zaakeigenschap (and the catch-up
-- of a seeded million zaken) slower with every row.
CREATE INDEX zaakeigenschappen_created ON zrc.zaakeigenschappen (created_commit, created_prepare);
CREATE INDEX zaakbesluiten_created ON zrc.zaakbesluiten (created_commit, created_prepare);
