-- Read model of the Zaken API 1.5.1, owned by the "zaken" projection.
--
-- One table per resource, as in ztc: the columns the list filters, the
-- ordering and the authorisation need, the resource's own fields as the
-- domain events carry them (data, camelCase JSON) and the log position of
-- the creating event. That position is unique per row and rises with
-- creation, so (created_commit, created_prepare) is the keyset of every
-- list and the tie-breaker of every ordering. Empty dates and empty
-- optional strings are NULL, so "__isnull" filters are plain IS NULL.
--
-- References to other APIs (zaaktype, roltype, informatieobject, ...) are
-- kept as the URLs the client sent, since the filters take URLs too. The
-- sub-resources name their zaak by uuid; their lists join zrc.zaken for
-- the authorisation (zaaktype, vertrouwelijkheid_rank), which keeps a
-- change of the zaak to one row.
CREATE SCHEMA zrc;

-- vertrouwelijkheid_rank is autorisaties.Rank of the
-- vertrouwelijkheidaanduiding (openbaar = 0, -1 unknown), the rankCol of
-- readapi.RightsFilter and of maximaleVertrouwelijkheidaanduiding. status
-- and resultaat are the uuids of the last set status and of the resultaat,
-- kept by the projection so a zaak reads without scanning its sub-resources.
-- hoofdzaak_uuid is the uuid in the hoofdzaak URL, for deelzaken.
CREATE TABLE zrc.zaken (
    uuid                           uuid PRIMARY KEY,
    identificatie                  text NOT NULL,
    bronorganisatie                text NOT NULL,
    zaaktype                       text NOT NULL,
    vertrouwelijkheidaanduiding    text NOT NULL,
    vertrouwelijkheid_rank         integer NOT NULL,
    registratiedatum               date,
    startdatum                     date,
    einddatum                      date,
    einddatum_gepland              date,
    uiterlijke_einddatum_afdoening date,
    publicatiedatum                date,
    archiefnominatie               text,
    archiefstatus                  text NOT NULL,
    archiefactiedatum              date,
    hoofdzaak_uuid                 uuid,
    status                         uuid,
    resultaat                      uuid,
    data                           jsonb NOT NULL,
    created_commit                 bigint NOT NULL,
    created_prepare                bigint NOT NULL
);
CREATE INDEX zaken_created ON zrc.zaken (created_commit, created_prepare);
CREATE INDEX zaken_identificatie ON zrc.zaken (identificatie);
CREATE INDEX zaken_bronorganisatie_identificatie ON zrc.zaken (bronorganisatie, identificatie);
CREATE INDEX zaken_zaaktype_rank ON zrc.zaken (zaaktype, vertrouwelijkheid_rank);
CREATE INDEX zaken_startdatum ON zrc.zaken (startdatum, created_commit, created_prepare);
CREATE INDEX zaken_registratiedatum ON zrc.zaken (registratiedatum, created_commit, created_prepare);
CREATE INDEX zaken_einddatum ON zrc.zaken (einddatum, created_commit, created_prepare);
CREATE INDEX zaken_publicatiedatum ON zrc.zaken (publicatiedatum, created_commit, created_prepare);
CREATE INDEX zaken_archiefactiedatum ON zrc.zaken (archiefactiedatum, created_commit, created_prepare);
CREATE INDEX zaken_einddatum_gepland ON zrc.zaken (einddatum_gepland);
CREATE INDEX zaken_uiterlijke_einddatum_afdoening ON zrc.zaken (uiterlijke_einddatum_afdoening);
CREATE INDEX zaken_archiefstatus ON zrc.zaken (archiefstatus, archiefactiedatum);
CREATE INDEX zaken_archiefnominatie ON zrc.zaken (archiefnominatie, archiefactiedatum);
CREATE INDEX zaken_hoofdzaak ON zrc.zaken (hoofdzaak_uuid) WHERE hoofdzaak_uuid IS NOT NULL;

-- indicatie_laatst_gezette_status is true for the last status set, in the
-- column and in data; the projection moves it when a status is added.
CREATE TABLE zrc.statussen (
    uuid                            uuid PRIMARY KEY,
    zaak                            uuid NOT NULL,
    statustype                      text NOT NULL,
    datum_status_gezet              timestamptz NOT NULL,
    indicatie_laatst_gezette_status boolean NOT NULL,
    data                            jsonb NOT NULL,
    created_commit                  bigint NOT NULL,
    created_prepare                 bigint NOT NULL
);
CREATE INDEX statussen_zaak ON zrc.statussen (zaak, created_commit, created_prepare);
CREATE INDEX statussen_statustype ON zrc.statussen (statustype);
CREATE INDEX statussen_created ON zrc.statussen (created_commit, created_prepare);

CREATE TABLE zrc.resultaten (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    resultaattype   text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX resultaten_zaak ON zrc.resultaten (zaak);
CREATE INDEX resultaten_resultaattype ON zrc.resultaten (resultaattype);
CREATE INDEX resultaten_created ON zrc.resultaten (created_commit, created_prepare);

-- The identification of the betrokkene is kept per kind in its own column,
-- filled only for a rol of that betrokkeneType (a medewerker's
-- identificatie is not an organisatorische eenheid's), so that the
-- rol__betrokkeneIdentificatie__* filters of /zaken and /rollen are one
-- index lookup. The (value, zaak) indexes answer "zaken with such a rol"
-- from the index alone; they are partial because most columns are NULL.
CREATE TABLE zrc.rollen (
    uuid                                   uuid PRIMARY KEY,
    zaak                                   uuid NOT NULL,
    betrokkene                             text,
    betrokkene_type                        text NOT NULL,
    roltype                                text NOT NULL,
    omschrijving                           text NOT NULL,
    omschrijving_generiek                  text NOT NULL,
    np_inp_bsn                             text,
    np_anp_identificatie                   text,
    np_inp_a_nummer                        text,
    nnp_inn_nnp_id                         text,
    nnp_ann_identificatie                  text,
    vestigings_nummer                      text,
    organisatorische_eenheid_identificatie text,
    medewerker_identificatie               text,
    data                                   jsonb NOT NULL,
    created_commit                         bigint NOT NULL,
    created_prepare                        bigint NOT NULL
);
CREATE INDEX rollen_zaak ON zrc.rollen (zaak);
CREATE INDEX rollen_created ON zrc.rollen (created_commit, created_prepare);
CREATE INDEX rollen_betrokkene ON zrc.rollen (betrokkene, zaak) WHERE betrokkene IS NOT NULL;
CREATE INDEX rollen_betrokkene_type ON zrc.rollen (betrokkene_type, zaak);
CREATE INDEX rollen_roltype ON zrc.rollen (roltype);
CREATE INDEX rollen_omschrijving ON zrc.rollen (omschrijving);
CREATE INDEX rollen_omschrijving_generiek ON zrc.rollen (omschrijving_generiek, zaak);
CREATE INDEX rollen_np_inp_bsn ON zrc.rollen (np_inp_bsn, zaak) WHERE np_inp_bsn IS NOT NULL;
CREATE INDEX rollen_np_anp_identificatie ON zrc.rollen (np_anp_identificatie, zaak) WHERE np_anp_identificatie IS NOT NULL;
CREATE INDEX rollen_np_inp_a_nummer ON zrc.rollen (np_inp_a_nummer, zaak) WHERE np_inp_a_nummer IS NOT NULL;
CREATE INDEX rollen_nnp_inn_nnp_id ON zrc.rollen (nnp_inn_nnp_id, zaak) WHERE nnp_inn_nnp_id IS NOT NULL;
CREATE INDEX rollen_nnp_ann_identificatie ON zrc.rollen (nnp_ann_identificatie, zaak) WHERE nnp_ann_identificatie IS NOT NULL;
CREATE INDEX rollen_vestigings_nummer ON zrc.rollen (vestigings_nummer, zaak) WHERE vestigings_nummer IS NOT NULL;
CREATE INDEX rollen_oeh_identificatie ON zrc.rollen (organisatorische_eenheid_identificatie, zaak)
    WHERE organisatorische_eenheid_identificatie IS NOT NULL;
CREATE INDEX rollen_medewerker_identificatie ON zrc.rollen (medewerker_identificatie, zaak)
    WHERE medewerker_identificatie IS NOT NULL;

CREATE TABLE zrc.zaakobjecten (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    object          text,
    object_type     text NOT NULL,
    zaakobjecttype  text,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX zaakobjecten_zaak ON zrc.zaakobjecten (zaak);
CREATE INDEX zaakobjecten_object ON zrc.zaakobjecten (object) WHERE object IS NOT NULL;
CREATE INDEX zaakobjecten_object_type ON zrc.zaakobjecten (object_type);
CREATE INDEX zaakobjecten_created ON zrc.zaakobjecten (created_commit, created_prepare);

CREATE TABLE zrc.zaakeigenschappen (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    eigenschap      text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX zaakeigenschappen_zaak ON zrc.zaakeigenschappen (zaak, created_commit, created_prepare);

CREATE TABLE zrc.zaakinformatieobjecten (
    uuid             uuid PRIMARY KEY,
    zaak             uuid NOT NULL,
    informatieobject text NOT NULL,
    data             jsonb NOT NULL,
    created_commit   bigint NOT NULL,
    created_prepare  bigint NOT NULL
);
CREATE INDEX zaakinformatieobjecten_zaak ON zrc.zaakinformatieobjecten (zaak);
CREATE INDEX zaakinformatieobjecten_informatieobject ON zrc.zaakinformatieobjecten (informatieobject);
CREATE INDEX zaakinformatieobjecten_created ON zrc.zaakinformatieobjecten (created_commit, created_prepare);

CREATE TABLE zrc.klantcontacten (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX klantcontacten_zaak ON zrc.klantcontacten (zaak);
CREATE INDEX klantcontacten_created ON zrc.klantcontacten (created_commit, created_prepare);

CREATE TABLE zrc.zaakbesluiten (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    besluit         text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX zaakbesluiten_zaak ON zrc.zaakbesluiten (zaak, created_commit, created_prepare);
CREATE INDEX zaakbesluiten_besluit ON zrc.zaakbesluiten (besluit);
