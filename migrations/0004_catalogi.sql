-- Read model of the Catalogi API 1.3.1, owned by the "catalogi" projection.
--
-- One table per resource: the columns the list filters and the derived
-- relations need, the resource's own fields as the domain events carry them
-- (data, camelCase JSON), and the log position of the creating event for a
-- stable list order. Dates are validity dates (both ends inclusive); an
-- empty eindeGeldigheid is NULL.
--
-- References between types follow the 1.3 historiemodel: a zaaktype names
-- its besluittypen by omschrijving and its deelzaaktypen by identificatie,
-- and reads resolve them to the versions valid on a date. A reference given
-- as the URL of one version is kept apart as that version's uuid (the
-- *_uuids columns), so that both forms resolve, and index, alike. The GIN
-- indexes skip the pending list (fastupdate off): catalogues change
-- rarely, and a read should not have to scan unmerged entries.
CREATE SCHEMA ztc;

CREATE TABLE ztc.catalogussen (
    uuid            uuid PRIMARY KEY,
    domein          text NOT NULL,
    rsin            text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX catalogussen_domein ON ztc.catalogussen (domein);
CREATE INDEX catalogussen_rsin ON ztc.catalogussen (rsin);
CREATE INDEX catalogussen_created ON ztc.catalogussen (created_commit, created_prepare);

CREATE TABLE ztc.zaaktypen (
    uuid                         uuid PRIMARY KEY,
    catalogus                    uuid NOT NULL,
    identificatie                text NOT NULL,
    concept                      boolean NOT NULL,
    begin_geldigheid             date,
    einde_geldigheid             date,
    trefwoorden                  text[] NOT NULL,
    besluittypen_omschrijvingen  text[] NOT NULL,
    besluittypen_uuids           uuid[] NOT NULL,
    deelzaaktypen_identificaties text[] NOT NULL,
    deelzaaktypen_uuids          uuid[] NOT NULL,
    data                         jsonb NOT NULL,
    created_commit               bigint NOT NULL,
    created_prepare              bigint NOT NULL
);
CREATE INDEX zaaktypen_catalogus_identificatie ON ztc.zaaktypen (catalogus, identificatie);
CREATE INDEX zaaktypen_identificatie ON ztc.zaaktypen (identificatie);
CREATE INDEX zaaktypen_trefwoorden ON ztc.zaaktypen USING gin (trefwoorden) WITH (fastupdate = off);
CREATE INDEX zaaktypen_besluittypen_omschrijvingen ON ztc.zaaktypen USING gin (besluittypen_omschrijvingen) WITH (fastupdate = off);
CREATE INDEX zaaktypen_besluittypen_uuids ON ztc.zaaktypen USING gin (besluittypen_uuids) WITH (fastupdate = off);
CREATE INDEX zaaktypen_created ON ztc.zaaktypen (created_commit, created_prepare);

CREATE TABLE ztc.informatieobjecttypen (
    uuid             uuid PRIMARY KEY,
    catalogus        uuid NOT NULL,
    omschrijving     text NOT NULL,
    concept          boolean NOT NULL,
    begin_geldigheid date,
    einde_geldigheid date,
    data             jsonb NOT NULL,
    created_commit   bigint NOT NULL,
    created_prepare  bigint NOT NULL
);
CREATE INDEX informatieobjecttypen_catalogus_omschrijving ON ztc.informatieobjecttypen (catalogus, omschrijving);
CREATE INDEX informatieobjecttypen_omschrijving ON ztc.informatieobjecttypen (omschrijving);
CREATE INDEX informatieobjecttypen_created ON ztc.informatieobjecttypen (created_commit, created_prepare);

CREATE TABLE ztc.besluittypen (
    uuid                                 uuid PRIMARY KEY,
    catalogus                            uuid NOT NULL,
    omschrijving                         text NOT NULL,
    concept                              boolean NOT NULL,
    begin_geldigheid                     date,
    einde_geldigheid                     date,
    informatieobjecttypen_omschrijvingen text[] NOT NULL,
    informatieobjecttypen_uuids          uuid[] NOT NULL,
    data                                 jsonb NOT NULL,
    created_commit                       bigint NOT NULL,
    created_prepare                      bigint NOT NULL
);
CREATE INDEX besluittypen_catalogus_omschrijving ON ztc.besluittypen (catalogus, omschrijving);
CREATE INDEX besluittypen_omschrijving ON ztc.besluittypen (omschrijving);
CREATE INDEX besluittypen_iot_omschrijvingen ON ztc.besluittypen USING gin (informatieobjecttypen_omschrijvingen) WITH (fastupdate = off);
CREATE INDEX besluittypen_iot_uuids ON ztc.besluittypen USING gin (informatieobjecttypen_uuids) WITH (fastupdate = off);
CREATE INDEX besluittypen_created ON ztc.besluittypen (created_commit, created_prepare);

-- The sub-types of a zaaktype live in its stream; zaaktype and catalogus
-- come from the event. Status, identificatie and validity of the zaaktype
-- are joined in at read time, so publishing a zaaktype touches one row.
CREATE TABLE ztc.statustypen (
    uuid             uuid PRIMARY KEY,
    zaaktype         uuid NOT NULL,
    catalogus        uuid NOT NULL,
    volgnummer       integer NOT NULL,
    begin_geldigheid date,
    einde_geldigheid date,
    data             jsonb NOT NULL,
    created_commit   bigint NOT NULL,
    created_prepare  bigint NOT NULL
);
CREATE INDEX statustypen_zaaktype_volgnummer ON ztc.statustypen (zaaktype, volgnummer);
CREATE INDEX statustypen_created ON ztc.statustypen (created_commit, created_prepare);

CREATE TABLE ztc.roltypen (
    uuid                  uuid PRIMARY KEY,
    zaaktype              uuid NOT NULL,
    catalogus             uuid NOT NULL,
    omschrijving_generiek text NOT NULL,
    begin_geldigheid      date,
    einde_geldigheid      date,
    data                  jsonb NOT NULL,
    created_commit        bigint NOT NULL,
    created_prepare       bigint NOT NULL
);
CREATE INDEX roltypen_zaaktype ON ztc.roltypen (zaaktype);
CREATE INDEX roltypen_omschrijving_generiek ON ztc.roltypen (omschrijving_generiek);
CREATE INDEX roltypen_created ON ztc.roltypen (created_commit, created_prepare);

CREATE TABLE ztc.resultaattypen (
    uuid                                 uuid PRIMARY KEY,
    zaaktype                             uuid NOT NULL,
    catalogus                            uuid NOT NULL,
    begin_geldigheid                     date,
    einde_geldigheid                     date,
    besluittypen_omschrijvingen          text[] NOT NULL,
    besluittypen_uuids                   uuid[] NOT NULL,
    informatieobjecttypen_omschrijvingen text[] NOT NULL,
    informatieobjecttypen_uuids          uuid[] NOT NULL,
    data                                 jsonb NOT NULL,
    created_commit                       bigint NOT NULL,
    created_prepare                      bigint NOT NULL
);
CREATE INDEX resultaattypen_zaaktype ON ztc.resultaattypen (zaaktype);
CREATE INDEX resultaattypen_besluittypen_omschrijvingen ON ztc.resultaattypen USING gin (besluittypen_omschrijvingen) WITH (fastupdate = off);
CREATE INDEX resultaattypen_besluittypen_uuids ON ztc.resultaattypen USING gin (besluittypen_uuids) WITH (fastupdate = off);
CREATE INDEX resultaattypen_created ON ztc.resultaattypen (created_commit, created_prepare);

CREATE TABLE ztc.eigenschappen (
    uuid             uuid PRIMARY KEY,
    zaaktype         uuid NOT NULL,
    catalogus        uuid NOT NULL,
    begin_geldigheid date,
    einde_geldigheid date,
    data             jsonb NOT NULL,
    created_commit   bigint NOT NULL,
    created_prepare  bigint NOT NULL
);
CREATE INDEX eigenschappen_zaaktype ON ztc.eigenschappen (zaaktype);
CREATE INDEX eigenschappen_created ON ztc.eigenschappen (created_commit, created_prepare);

CREATE TABLE ztc.zaakobjecttypen (
    uuid                 uuid PRIMARY KEY,
    zaaktype             uuid NOT NULL,
    catalogus            uuid NOT NULL,
    ander_objecttype     boolean NOT NULL,
    objecttype           text NOT NULL,
    relatie_omschrijving text NOT NULL,
    begin_geldigheid     date,
    einde_geldigheid     date,
    data                 jsonb NOT NULL,
    created_commit       bigint NOT NULL,
    created_prepare      bigint NOT NULL
);
CREATE INDEX zaakobjecttypen_zaaktype ON ztc.zaakobjecttypen (zaaktype);
CREATE INDEX zaakobjecttypen_catalogus ON ztc.zaakobjecttypen (catalogus);
CREATE INDEX zaakobjecttypen_objecttype ON ztc.zaakobjecttypen (objecttype);
CREATE INDEX zaakobjecttypen_created ON ztc.zaakobjecttypen (created_commit, created_prepare);

-- informatieobjecttype_omschrijving or informatieobjecttype_uuid holds the
-- reference to the informatieobjecttype, as the other reference columns do.
CREATE TABLE ztc.zaaktypeinformatieobjecttypen (
    uuid                              uuid PRIMARY KEY,
    zaaktype                          uuid NOT NULL,
    catalogus                         uuid NOT NULL,
    volgnummer                        integer NOT NULL,
    richting                          text NOT NULL,
    informatieobjecttype_omschrijving text,
    informatieobjecttype_uuid         uuid,
    data                              jsonb NOT NULL,
    created_commit                    bigint NOT NULL,
    created_prepare                   bigint NOT NULL
);
CREATE INDEX zaaktypeinformatieobjecttypen_zaaktype ON ztc.zaaktypeinformatieobjecttypen (zaaktype, volgnummer);
CREATE INDEX zaaktypeinformatieobjecttypen_iot_omschrijving ON ztc.zaaktypeinformatieobjecttypen (catalogus, informatieobjecttype_omschrijving);
CREATE INDEX zaaktypeinformatieobjecttypen_iot_uuid ON ztc.zaaktypeinformatieobjecttypen (informatieobjecttype_uuid);
CREATE INDEX zaaktypeinformatieobjecttypen_created ON ztc.zaaktypeinformatieobjecttypen (created_commit, created_prepare);
