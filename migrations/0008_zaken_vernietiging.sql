-- The retention of the event history of deleted zaken (docs/retention.md),
-- in schema zrc and owned by the "zaken" projection like the rest of the
-- zrc read model; a rebuild copies every table of the schema, so these
-- need nothing more.
--
-- verwijderde_zaken: the zaken deleted through the API (zrc-023) whose
-- events are still in the event store, with the time of their
-- ZaakVerwijderd; the purge's work list. A row goes when the zaak's
-- ZaakVernietigd arrives. laatste_revisie is the revision of the
-- ZaakVerwijderd in the zaak's stream.
CREATE TABLE zrc.verwijderde_zaken (
    uuid            uuid PRIMARY KEY,
    identificatie   text NOT NULL,
    bronorganisatie text NOT NULL,
    zaaktype        text NOT NULL,
    verwijderd_op   timestamptz NOT NULL,
    laatste_revisie bigint NOT NULL
);
CREATE INDEX verwijderde_zaken_verwijderd_op ON zrc.verwijderde_zaken (verwijderd_op, uuid);

-- vernietigingen: the record of destruction, one row per ZaakVernietigd of
-- the stream zaken.vernietigingen, kept for good. vernietigd_op is the
-- time in the record event's metadata; sha256 the hash over the destroyed
-- events (zaken.HistorieHash); record_revisie the record's revision in
-- zaken.vernietigingen, from where the purge reads that stream's tail.
CREATE TABLE zrc.vernietigingen (
    zaak            uuid PRIMARY KEY,
    identificatie   text NOT NULL,
    bronorganisatie text NOT NULL,
    zaaktype        text NOT NULL,
    verwijderd_op   timestamptz NOT NULL,
    vernietigd_op   timestamptz NOT NULL,
    bewaartermijn   text NOT NULL,
    aantal_events   integer NOT NULL,
    laatste_revisie bigint NOT NULL,
    sha256          text NOT NULL,
    record_id       uuid NOT NULL,
    record_revisie  bigint NOT NULL
);
CREATE INDEX vernietigingen_record_revisie ON zrc.vernietigingen (record_revisie);
CREATE INDEX vernietigingen_bronorganisatie_identificatie ON zrc.vernietigingen (bronorganisatie, identificatie);
CREATE INDEX vernietigingen_vernietigd_op ON zrc.vernietigingen (vernietigd_op);
