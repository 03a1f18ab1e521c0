-- zaakcontactmomenten and zaakverzoeken of the Zaken API 1.5.1, in schema
-- zrc and owned by the "zaken" projection like the other sub-resources of
-- a zaak (see 0005_zaken.sql): the zaak by uuid, the reference the list
-- filters on, the fields as the events carry them (data) and the log
-- position of the creating event as the list order. A rebuild copies every
-- table of the schema, so these need nothing more.

CREATE TABLE zrc.zaakcontactmomenten (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    contactmoment   text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX zaakcontactmomenten_zaak ON zrc.zaakcontactmomenten (zaak, created_commit, created_prepare);
CREATE INDEX zaakcontactmomenten_contactmoment ON zrc.zaakcontactmomenten (contactmoment);
CREATE INDEX zaakcontactmomenten_created ON zrc.zaakcontactmomenten (created_commit, created_prepare);

CREATE TABLE zrc.zaakverzoeken (
    uuid            uuid PRIMARY KEY,
    zaak            uuid NOT NULL,
    verzoek         text NOT NULL,
    data            jsonb NOT NULL,
    created_commit  bigint NOT NULL,
    created_prepare bigint NOT NULL
);
CREATE INDEX zaakverzoeken_zaak ON zrc.zaakverzoeken (zaak, created_commit, created_prepare);
CREATE INDEX zaakverzoeken_verzoek ON zrc.zaakverzoeken (verzoek);
CREATE INDEX zaakverzoeken_created ON zrc.zaakverzoeken (created_commit, created_prepare);
