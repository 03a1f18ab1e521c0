-- Since schema version 2 of the event types that hold references, a
-- reference to a resource of this registry is kept without the base URL
-- ("/catalogi/api/v1/zaaktypen/<uuid>", docs/decisions.md), in the events
-- and in the read models alike; filters and rights compare that form.
-- Read models built before hold absolute URLs. They are emptied here and
-- their checkpoints set back to the start of the log, so that the projections build them again from the
-- log when the registry starts, reading the version-1 events upcast (URLs
-- under ZAAKREGISTER_URL or ZAAKREGISTER_URL_ALIASES become references).
-- The log itself is not touched. On a large installation the catch-up
-- takes as long as `zaakregister projections rebuild all`; writes answer
-- nog-niet-leesbaar until it is done.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
             WHERE schemaname IN ('ac', 'ztc', 'zrc') LOOP
        EXECUTE 'TRUNCATE ' || t || ' RESTART IDENTITY CASCADE';
    END LOOP;
END $$;
UPDATE projection_checkpoints SET commit_pos = 0, prepare_pos = 0, updated_at = now()
    WHERE name IN ('autorisaties', 'catalogi', 'zaken');
DELETE FROM projection_poison WHERE name IN ('autorisaties', 'catalogi', 'zaken');
